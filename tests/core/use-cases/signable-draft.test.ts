/**
 * Issue 19's "Done when", as a consolidator would check a draft before signing it: a province of 16
 * departments, 2 vertical agencies and 60 communes, some of them missing. Every expected figure is
 * computed here from what the agencies typed and from the rules of the indicator list (the
 * repository's copy of shared/spec/indicators.csv, read as text with a parser of this test's own) and
 * DOMAIN.md ("Which figures make a province figure"), not by the engine.
 */
import { INDICATORS_CSV } from '../../../src/core/catalog/bnv-6459-2021';
import { isoDate } from '../../../src/core/primitives/dates';
import { plainText } from '../../../src/core/report/model';
import { consolidateWorkbook, draftReport } from '../../../src/core/use-cases';
import { sampleProvince } from '../../../src/demo/sample';
import { sampleBook } from './sample-book';
import { runContext } from '../../../src/core/settings/run-context';

interface SpecRow {
  code: string;
  kind: string;
  aggregate: string;
  appliesTo: string;
  note: string;
}

/** The indicator list's text, read with a parser of its own (quoted fields may hold commas). */
function spec(): SpecRow[] {
  const text = INDICATORS_CSV;
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    }
  }
  const [head, ...body] = rows;
  const at = (name: string) => head!.indexOf(name);
  return body.map((r) => ({
    code: r[at('code')]!,
    kind: r[at('kind')]!,
    aggregate: r[at('aggregate')]!,
    appliesTo: r[at('applies_to')]!,
    note: r[at('note')]!,
  }));
}

/** A typed figure as a Vietnamese reader takes it: "1.816" is one thousand eight hundred and sixteen. */
function number(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !v.trim()) return null;
  const n = Number(v.trim().replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);
const percent = (n: number) =>
  `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)}%`;

// Data checked after the deadline, so every sent date is in the past and no clean tab is left out.
const sample = sampleProvince({ provincial: 18, communes: 60, notSentShare: 0.15, mistakeShare: 0 });
const { wb, settings } = sampleBook(sample, isoDate(2026, 11, 30));
const summary = consolidateWorkbook(wb, runContext(settings));
const drafted = draftReport(wb, runContext(settings), { summary });
if (!drafted.ok || drafted.kind !== 'province') throw new Error('draft');
const text = drafted.model.blocks.map(plainText).join('\n');

const sent = sample.fills.filter((f) => f.sent);
const apparatus = sent.filter((f) => f.agency.type !== 'nganh_doc');
const vertical = sent.filter((f) => f.agency.type === 'nganh_doc');
// applies_to is "all" or tiers separated by spaces ("so huyen"); an agency of type "so" is asked "so" rows.
const asks = (row: SpecRow, type: string) => row.appliesTo === 'all' || row.appliesTo.split(' ').includes(type);
const sum = (fills: typeof sent, code: string) => {
  const values = fills.map((f) => number(f.values.get(code))).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
};

describe('a draft the consolidator can sign (issue 19, "Done when")', () => {
  it('is made from a province of the size the issue names, a dozen or so missing', () => {
    expect(sample.fills.filter((f) => f.agency.type === 'so')).toHaveLength(16);
    expect(sample.fills.filter((f) => f.agency.type === 'nganh_doc')).toHaveLength(2);
    expect(sample.fills.filter((f) => f.agency.type === 'xa')).toHaveLength(60);
    const missing = sample.fills.length - sent.length;
    expect(missing).toBeGreaterThanOrEqual(8);
    expect(summary.submission.filter((s) => s.included)).toHaveLength(sent.length);
  });

  it('sums every count the apparatus reports over the agencies asked, vertical agencies left out', () => {
    const rows = spec().filter((r) => r.kind === 'count' && r.aggregate === 'sum');
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const asked = apparatus.filter((f) => asks(row, f.agency.type));
      const got = summary.indicators.get(row.code);
      if (!got) continue; // not asked this period (a district row after 01/07/2025)
      expect([row.code, got.value]).toEqual([row.code, sum(asked, row.code)]);
    }
  });

  it('takes a count of procedures from its owner alone, never a sum over communes', () => {
    const owner = sample.fills.find((f) => f.agency.name === 'Văn phòng UBND tỉnh')!;
    for (const row of spec().filter((r) => r.aggregate === 'owner' && /^3\.(1|2|3|5)\./.test(r.code))) {
      const got = summary.indicators.get(row.code);
      if (!got) continue;
      // Not sent: no figure at all, never one made up from the communes.
      const expected = owner.sent ? number(owner.values.get(row.code)) : null;
      expect([row.code, got.value]).toEqual([row.code, expected]);
    }
  });

  it('recomputes the on-time rates from summed counts, as the note of each rate row says', () => {
    for (const row of spec().filter((r) => r.aggregate === 'ratio' && /^3\.4\.[13]$/.test(r.code))) {
      const [, num, den] = /ratio = ([\d.a-z]+) \/ ([\d.a-z]+)/.exec(row.note)!;
      const asked = apparatus.filter((f) => asks(row, f.agency.type));
      const both = asked.filter((f) => number(f.values.get(num!)) !== null && number(f.values.get(den!)) !== null);
      const expected = (100 * sum(both, num!)!) / sum(both, den!)!;
      expect(summary.indicators.get(row.code)?.value).toBeCloseTo(expected, 9);
      expect(text).toContain(percent(expected));
    }
  });

  it('writes the province’s hồ sơ into the sentences, and the vertical agencies’ apart with their own', () => {
    expect(text).toContain(`tiếp nhận ${vi(sum(apparatus, '3.4.a')!)} hồ sơ`);
    expect(text).toContain(vi(sum(vertical, '3.4.a')!));
    for (const v of vertical) expect(text).toContain(v.agency.name);
    // The province total never includes the vertical agencies' hồ sơ.
    expect(text).not.toContain(`tiếp nhận ${vi(sum(sent, '3.4.a')!)} hồ sơ`);
  });

  it('counts coverage out of everyone asked and names every agency that has not sent', () => {
    const missing = sample.fills.filter((f) => !f.sent);
    const askedApparatus = sample.fills.filter((f) => f.agency.type !== 'nganh_doc').length;
    expect(text).toContain(`${apparatus.length}/${askedApparatus}`);
    for (const m of missing) expect(text).toContain(m.agency.name);
  });
});
