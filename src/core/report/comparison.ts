/**
 * The comparison with an earlier period, like with like (shared/spec/DOMAIN.md, "What the draft
 * says, and how"): over the agencies consolidated in both periods when the earlier file has each
 * agency's figures, otherwise both coverages beside every change; the "Kỳ trước" column's note.
 * The earlier summary itself is read and checked in previous.ts.
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { valueOf } from '../form/parse';
import { rowMode } from '../form/row-modes';
import { formatNumber, formatPercent, RATE_DECIMALS, roundRate } from '../primitives/numbers';
import { rateFrom, rateOperands } from '../catalog/rate';
import { Summary, isVertical, provinceCoverage } from '../figures/consolidate';
import { OnlineWords, periodInText, sameLastYear } from '../periods';
import { Schedule } from '../settings';
import { fold } from '../primitives/text';
import { Run } from './model';
import type { PreviousSummary } from './previous';

/** A figure the draft compares: its code, how a sentence names it, and the unit of a count. */
export interface ComparedItem {
  readonly code: string;
  readonly label: string;
  readonly unit: string;
}

/** The figures the province's draft compares, by paragraph, in the words of the period (Nghị định 42/2022). */
export function compared(o: OnlineWords): {
  readonly procedures: readonly ComparedItem[];
  readonly digital: readonly ComparedItem[];
} {
  return {
    procedures: [
      { code: '3.4.a', label: 'số hồ sơ tiếp nhận', unit: 'hồ sơ' },
      { code: '3.4.a.3', label: 'số hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' },
      { code: '3.4.b', label: 'số hồ sơ đã giải quyết', unit: 'hồ sơ' },
      { code: '3.4.1', label: 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành', unit: '' },
      { code: '3.4.2', label: 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp huyện', unit: '' },
      { code: '3.4.3', label: 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã', unit: '' },
    ],
    digital: [
      { code: '7.6.2.1', label: 'tỷ lệ văn bản gửi hoàn toàn dưới dạng điện tử', unit: '' },
      { code: '7.8.3', label: `tỷ lệ hồ sơ xử lý trực tuyến ${o.partial}`, unit: '' },
      { code: '7.8.4', label: `tỷ lệ hồ sơ xử lý trực tuyến ${o.full}`, unit: '' },
    ],
  };
}

/**
 * The codes whose per-agency figures a later comparison reads: the compared figures and the two
 * counts of each compared rate (catalog/rate.ts). `consolidate --json` writes these per agency.
 */
export function comparedCodes(catalog: Catalog): string[] {
  const out = new Set<string>();
  // Only the codes are read here; the words of the period do not change them.
  const { procedures, digital } = compared({ partial: '', full: '', both: '' });
  for (const { code } of [...procedures, ...digital]) {
    if (!catalog.get(code)) continue;
    out.add(code);
    const f = catalog.formula(code);
    if (f) rateOperands(f).forEach((c) => out.add(c));
  }
  return [...out];
}

/** "cùng kỳ năm 2025", "năm 2025" or "quý II năm 2026": what the sentences compare with. */
export function comparedWith(prev: PreviousSummary, settings: Schedule): string {
  const last = sameLastYear(settings.period);
  if (prev.period === last.id && prev.year === last.year)
    return last.id === 'Y' ? `năm ${prev.year}` : `cùng kỳ năm ${prev.year}`;
  return periodInText(prev.period, prev.year);
}

/** "36/56": the agencies consolidated out of all listed. */
function coverageOf(c: { readonly included: number; readonly total: number }): string {
  return `${formatNumber(c.included)}/${formatNumber(c.total)}`;
}

/** The note over Phụ lục II's "Kỳ trước" column: whose figures they are, over how many agencies. */
export function previousColumnNote(prev: PreviousSummary, settings: Schedule): string {
  const cov = prev.coverage ? `, tổng hợp từ ${coverageOf(prev.coverage)} cơ quan, đơn vị` : '';
  return `(Cột “Kỳ trước”: số liệu ${comparedWith(prev, settings)}${cov})`;
}

/** Each agency in both periods: how to read its figure now and then. */
interface Pairs {
  readonly agencies: readonly {
    readonly agency: Summary['submission'][number]['agency'];
    now(code: string): number | null;
    before(code: string): number | null;
  }[];
}

/**
 * The agencies consolidated in both periods (the province's own apparatus: vertical agencies stay
 * apart), when the earlier file has per-agency figures; null when it has none.
 */
function commonAgencies(s: Summary, prev: PreviousSummary): Pairs | null {
  if (!prev.detail) return null;
  const before = new Map(prev.detail.map((a) => [fold(a.name), a.figures]));
  const reports = new Map(s.results.map((r) => [r.agency.name, r.report]));
  const agencies = s.submission
    .filter((e) => e.included && !isVertical(e.agency) && before.has(fold(e.agency.name)))
    .map((e) => {
      const then = before.get(fold(e.agency.name))!;
      const report = reports.get(e.agency.name);
      return {
        agency: e.agency,
        now: (code: string) => (report ? valueOf(report, code) : null),
        before: (code: string) => then.get(code) ?? null,
      };
    });
  return { agencies };
}

/**
 * A figure over the same agencies in both periods: a count summed over those asked it who gave it
 * both times; a rate recomputed from its two counts summed over the same (catalog/rate.ts).
 * Null when no agency gave it both times.
 */
function likeForLike(catalog: Catalog, s: Summary, pairs: Pairs, code: string): [before: number, now: number] | null {
  const ind = catalog.get(code);
  if (!ind || !isValueRow(ind)) return null;
  const asked = pairs.agencies.filter((p) => rowMode(catalog, s.settings, p.agency, ind).kind === 'input');
  const f = catalog.formula(code);
  const codes = f ? rateOperands(f) : ind.aggregate === 'sum' ? [code] : null;
  if (!codes) return null;
  const then = codes.map(() => 0);
  const now = codes.map(() => 0);
  let n = 0;
  for (const p of asked) {
    const a = codes.map((c) => p.before(c));
    const b = codes.map((c) => p.now(c));
    if ([...a, ...b].some((x) => x === null)) continue;
    a.forEach((x, i) => (then[i]! += x!));
    b.forEach((x, i) => (now[i]! += x!));
    n++;
  }
  if (!n) return null;
  if (!f) return [then[0]!, now[0]!];
  const x = rateFrom(f, then[0]!, then[1]!);
  const y = rateFrom(f, now[0]!, now[1]!);
  return x === null || y === null ? null : [x, y];
}

/** A relative change is said only against a base that is not near zero (at most a tenfold rise). */
const RELATIVE_LIMIT = 10;

/**
 * One change, as a sentence says it: "số hồ sơ tiếp nhận tăng 1.114 hồ sơ (6,83%)", "tỷ lệ … tăng
 * 1,20 điểm phần trăm (từ 97,50% lên 98,70%)", "… tăng từ 0 lên 1.114 hồ sơ". `levels` adds the
 * two counts to a count's change; `aside` goes into the parentheses (both coverages).
 */
function change(
  item: ComparedItem,
  percent: boolean,
  before: number,
  now: number,
  levels: boolean,
  aside: string,
): Run[] {
  // Rates are compared as printed (roundRate), so the difference is the one a reader computes.
  const shown = (x: number) => (percent ? roundRate(x) : x);
  const diff = roundRate(shown(now) - shown(before));
  const runs: Run[] = [{ text: `${item.label} ` }];
  const notes: string[] = [];
  const up = diff > 0;
  if (Math.abs(diff) < 0.005) {
    runs.push({ text: 'không thay đổi', bold: true });
    notes.push(percent ? formatPercent(now) : `${formatNumber(now)} ${item.unit}`);
  } else if (percent) {
    runs.push({
      text: `${up ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(diff), RATE_DECIMALS, RATE_DECIMALS)} điểm phần trăm`,
      bold: true,
    });
    notes.push(`từ ${formatPercent(before)} ${up ? 'lên' : 'xuống'} ${formatPercent(now)}`);
  } else if (before < 1 || Math.abs(diff) / before > RELATIVE_LIMIT) {
    runs.push({
      text: `${up ? 'tăng' : 'giảm'} từ ${formatNumber(before)} ${up ? 'lên' : 'xuống'} ${formatNumber(now)} ${item.unit}`,
      bold: true,
    });
  } else {
    runs.push({ text: `${up ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(diff))} ${item.unit}`, bold: true });
    notes.push(formatPercent((100 * Math.abs(diff)) / before));
    if (levels) notes.push(`từ ${formatNumber(before)} ${up ? 'lên' : 'xuống'} ${formatNumber(now)} ${item.unit}`);
  }
  if (aside) notes.push(aside);
  if (notes.length) runs.push({ text: ` (${notes.join('; ')})` });
  return runs;
}

/**
 * The comparison paragraph, like with like (shared/spec/DOMAIN.md): when the earlier file has each
 * agency's figures, "So với quý IV năm 2025, trên cùng 40 cơ quan, đơn vị có số liệu ở cả hai kỳ,
 * số hồ sơ tiếp nhận tăng …", every figure over those agencies; otherwise the province's figures of
 * both periods with both coverages beside every change ("kỳ này 36/56 đơn vị, kỳ trước 43/56 đơn
 * vị"). Null when nothing can be compared.
 */
export function comparison(
  catalog: Catalog,
  s: Summary,
  prev: PreviousSummary,
  items: readonly ComparedItem[],
): Run[] | null {
  const compared = comparedWith(prev, s.settings);
  const pairs = commonAgencies(s, prev);
  const parts: Run[][] = [];
  const own = provinceCoverage(s);
  const here = { included: own.used, total: own.of };
  const aside = pairs
    ? ''
    : `kỳ này ${coverageOf(here)} đơn vị, ${prev.coverage ? `kỳ trước ${coverageOf(prev.coverage)} đơn vị` : 'kỳ trước không rõ số đơn vị'}`;
  for (const item of items) {
    const r = s.indicators.get(item.code);
    if (!r) continue;
    const percent = r.ind.kind === 'percent';
    let pair: [number, number] | null;
    if (pairs) pair = likeForLike(catalog, s, pairs, item.code);
    else {
      const before = prev.values.get(item.code);
      pair = r.value === null || before === undefined || before === null ? null : [before, r.value];
    }
    if (pair) parts.push(change(item, percent, pair[0], pair[1], pairs !== null, aside));
  }
  if (pairs && !pairs.agencies.length)
    return [
      { text: `So với ${compared}: ` },
      {
        text: '[không so sánh được: không có cơ quan, đơn vị nào có số liệu được tổng hợp ở cả hai kỳ]',
        highlight: true,
        italic: true,
      },
    ];
  if (!parts.length) return null;
  const n = pairs?.agencies.length ?? 0;
  const runs: Run[] = [
    {
      text: pairs
        ? `So với ${compared}, trên cùng ${formatNumber(n)} cơ quan, đơn vị có số liệu ở cả hai kỳ, `
        : `So với ${compared}, `,
    },
  ];
  parts.forEach((r, i) => runs.push(...(i ? [{ text: '; ' }] : []), ...r));
  runs.push({ text: '.' });
  return runs;
}
