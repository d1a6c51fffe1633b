/**
 * The indicator catalog: one typed row per indicator of the standard appendix, checked with zod
 * when loaded. The same catalog drives the template, the parser, validation, consolidation and
 * the report's wording.
 */
import * as z from 'zod/mini';
import { Formula, rateOperands } from './rate';

export type Kind = 'group' | 'count' | 'percent' | 'code';
export type Aggregate = 'sum' | 'ratio' | 'derived' | 'owner' | 'codes';
/**
 * The tiers of the province's apparatus a row can be asked of (shared/spec/DOMAIN.md, `applies_to`):
 * provincial agencies (sở, ban, ngành), districts (only before 01/07/2025) and communes.
 */
export const TIERS = ['so', 'huyen', 'xa'] as const;
export type Tier = (typeof TIERS)[number];
/** The tiers asked a row: never empty, each tier once, in TIERS order ("all" is every tier). */
export type AppliesTo = readonly [Tier, ...Tier[]];
export type Severity = 'error' | 'warning';

export interface Answer {
  readonly code: number;
  readonly label: string;
}

/** `<row> op term + term …`, e.g. 1.1.2 <= 1.1.1, or 3.4.a = 3.4.b + 3.4.c. */
export interface Relation {
  readonly op: '<=' | '=';
  readonly terms: readonly string[];
  readonly severity: Severity;
}

interface IndicatorBase {
  readonly code: string;
  readonly parent: string | null;
  readonly name: string;
  readonly unit: string;
  readonly appliesTo: AppliesTo;
  readonly note: string;
  readonly depth: number;
  /** Supporting rows are not on the official form; they make exact consolidation possible. */
  readonly supporting: boolean;
  /** "Trong đó: …" rows are parts of their parent. */
  readonly isPart: boolean;
  readonly role: string | null;
  readonly relations: readonly Relation[];
}

export type Indicator =
  | (IndicatorBase & { readonly kind: 'group' })
  | (IndicatorBase & { readonly kind: 'count'; readonly aggregate: 'sum' | 'owner' })
  | (IndicatorBase & { readonly kind: 'percent'; readonly aggregate: 'ratio' | 'derived' | 'owner' })
  | (IndicatorBase & {
      readonly kind: 'code';
      readonly aggregate: 'codes' | 'owner';
      readonly answers: readonly Answer[];
    });

export type ValueIndicator = Exclude<Indicator, { kind: 'group' }>;

/** How a percentage is recomputed from counts. */

const CODE = /^\d+(\.[0-9a-z]+)*$/;

const RawRow = z.object({
  code: z.string().check(z.regex(CODE)),
  parent: z.string(),
  name: z.string().check(z.minLength(1)),
  unit: z.string(),
  kind: z.enum(['group', 'count', 'percent', 'code']),
  aggregate: z.enum(['', 'sum', 'ratio', 'derived', 'owner', 'codes']),
  role: z.string(),
  // "all", or tiers separated by spaces ("so huyen"); blank (a group) means all.
  applies_to: z.string().check(z.regex(/^(all|(so|huyen|xa)( (so|huyen|xa))*)?$/)),
  check: z.string(),
  note: z.string(),
});
type RawRow = z.infer<typeof RawRow>;

/** The tiers of an `applies_to` cell: "all" or blank is every tier; "so huyen" two of them. */
export function parseAppliesTo(text: string): AppliesTo {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || (words.length === 1 && words[0] === 'all')) return TIERS;
  if (new Set(words).size !== words.length) throw new Error(`applies_to "${text}": a tier is named twice`);
  return appliesTo(
    words.map((w) => {
      if (!(TIERS as readonly string[]).includes(w)) throw new Error(`applies_to "${text}": unknown tier "${w}"`);
      return w as Tier;
    }),
  );
}

/** These tiers as an AppliesTo (in TIERS order, each once); throws when there is none. */
export function appliesTo(tiers: readonly Tier[]): AppliesTo {
  const [first, ...rest] = TIERS.filter((t) => tiers.includes(t));
  if (!first) throw new Error('applies_to names no tier');
  return [first, ...rest];
}

/** Whether a row is asked of this tier. */
export function asks(row: { readonly appliesTo: AppliesTo }, tier: Tier): boolean {
  return row.appliesTo.includes(tier);
}

/** Parses "Chưa = 0; Đang làm = 1; Hoàn thành = 2". */
export function parseAnswers(unit: string): Answer[] {
  return unit
    .split(';')
    .map((part) => {
      const m = /^\s*(.+?)\s*=\s*(\d+)\s*$/.exec(part);
      if (!m) throw new Error(`answer list "${unit}": cannot read "${part}"`);
      return { label: m[1]!, code: Number(m[2]) };
    })
    .sort((a, b) => a.code - b.code);
}

/** Parses a check column: "<= 2.2 + 2.3", "= a + b; = c + d", "<= 4.2.1 (warning)", "0..100". */
export function parseCheck(text: string): { relations: Relation[]; range0to100: boolean } {
  const relations: Relation[] = [];
  let range0to100 = false;
  for (const clause of text
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)) {
    if (clause === '0..100') {
      range0to100 = true;
      continue;
    }
    const m = /^(<=|=)\s*(.+?)\s*(\(warning\))?$/.exec(clause);
    if (!m) throw new Error(`check "${text}": cannot read "${clause}"`);
    const terms = m[2]!.split('+').map((t) => t.trim());
    if (!terms.every((t) => CODE.test(t))) throw new Error(`check "${text}": bad term in "${clause}"`);
    relations.push({ op: m[1] as '<=' | '=', terms, severity: m[3] ? 'warning' : 'error' });
  }
  return { relations, range0to100 };
}

/** One catalog row from a CSV-shaped record (throws in English on a malformed row: a programmer's error). */
export function indicatorFromRecord(rec: Readonly<Record<string, string>>): Indicator {
  const parsed = z.safeParse(RawRow, rec);
  if (!parsed.success) throw new Error(`indicator ${rec.code ?? '?'}: ${z.prettifyError(parsed.error)}`);
  return toIndicator(parsed.data);
}

function toIndicator(r: RawRow): Indicator {
  const { relations } = parseCheck(r.check);
  const base: IndicatorBase = {
    code: r.code,
    parent: r.parent || null,
    name: r.name,
    unit: r.unit,
    appliesTo: parseAppliesTo(r.applies_to),
    note: r.note,
    depth: r.code.split('.').length - 1,
    supporting: r.note.startsWith('supporting'),
    isPart: /^Trong đó/.test(r.name),
    role: r.role || null,
    relations,
  };
  const agg = r.aggregate;
  switch (r.kind) {
    case 'group':
      if (agg) throw new Error(`${r.code}: a group has no aggregate`);
      return { ...base, kind: 'group' };
    case 'count':
      if (agg !== 'sum' && agg !== 'owner') throw new Error(`${r.code}: a count aggregates by sum or owner`);
      return { ...base, kind: 'count', aggregate: agg };
    case 'percent':
      if (agg !== 'ratio' && agg !== 'derived' && agg !== 'owner')
        throw new Error(`${r.code}: a percent aggregates by ratio, derived or owner`);
      return { ...base, kind: 'percent', aggregate: agg };
    case 'code':
      if (agg !== 'codes' && agg !== 'owner') throw new Error(`${r.code}: a coded answer aggregates by codes or owner`);
      return { ...base, kind: 'code', aggregate: agg, unit: r.unit, answers: parseAnswers(r.unit) };
  }
}

const TIER_WORDS: Record<Tier, string> = {
  so: 'sở, ban, ngành',
  huyen: 'UBND cấp huyện',
  xa: 'UBND cấp xã',
};

/** "sở, ban, ngành và UBND cấp huyện": the tiers, in TIERS order, as a sentence names them. */
export function tierWords(tiers: readonly Tier[]): string {
  const words = TIERS.filter((t) => tiers.includes(t)).map((t) => TIER_WORDS[t]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} và ${words[words.length - 1]}` : (words[0] ?? '');
}

/**
 * Which figures make the province figure of a row (shared/spec/DOMAIN.md, "Which figures make a
 * province figure"), in Vietnamese: who is asked, and how their figures are combined. `present`
 * is the tiers actually on the roster this period (a 2020 book holds sở and UBND cấp huyện, a 2026
 * one sở and UBND cấp xã), so the words name who was really asked.
 */
export function tierOf(
  ind: Pick<Indicator, 'code' | 'appliesTo'> & { aggregate?: Aggregate | null },
  present: readonly Tier[],
): {
  asked: string;
  rule: string;
} {
  const cases = ind.code === '3.4' || ind.code.startsWith('3.4.');
  const apparatus = tierWords(ind.appliesTo.filter((t) => present.includes(t)));
  const asked =
    ind.aggregate === 'owner'
      ? 'một đơn vị được chỉ định'
      : `${apparatus}${cases && asks(ind, 'so') ? '; cơ quan ngành dọc báo cáo riêng' : ''}`;
  const rules: Record<Aggregate, string> = {
    sum: `cộng số liệu của ${apparatus}`,
    ratio: 'tính lại từ tổng tử số và mẫu số của các đơn vị',
    derived: 'tính từ tổng biên chế năm 2015 và hiện nay của các đơn vị',
    owner: 'một số liệu toàn tỉnh do đơn vị được chỉ định cung cấp, không cộng các trang',
    codes: 'đếm số đơn vị theo từng câu trả lời; số liệu của tỉnh là mức cao nhất',
  };
  return { asked, rule: ind.aggregate ? rules[ind.aggregate] : '' };
}

/** Which designated agency supplies an `owner` row by default, by name (first match wins). */
const OFFICE = ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND tỉnh'];
const OWNER_DEFAULTS: { prefix: string; names: string[] }[] = [
  // Counts of procedures are province-wide facts kept by the office that controls TTHC
  // (shared/spec/DOMAIN.md, "Which figures make a province figure").
  { prefix: '3.1', names: OFFICE },
  { prefix: '3.2', names: OFFICE },
  { prefix: '3.3', names: OFFICE },
  { prefix: '3.5', names: OFFICE },
  { prefix: '7.8', names: OFFICE },
  { prefix: '4.1', names: ['Sở Nội vụ'] },
  // Leaders of the province disciplined: no agency's own figure; Sở Nội vụ knows it (seed 003 leaves it blank).
  { prefix: '5.4.1', names: ['Sở Nội vụ'] },
  {
    prefix: '7',
    names: ['Sở Thông tin và Truyền thông', 'Sở Thông tin Truyền thông', 'Sở Khoa học và Công nghệ'],
  },
];

export class Catalog {
  readonly version: string;
  readonly rows: readonly Indicator[];
  private readonly byCode: Map<string, Indicator>;

  constructor(version: string, rows: Indicator[]) {
    this.version = version;
    this.rows = rows;
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    this.assertIntegrity();
  }

  get(code: string): Indicator | undefined {
    return this.byCode.get(code);
  }

  must(code: string): Indicator {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`unknown indicator ${code}`);
    return r;
  }

  /**
   * This catalog with more rows, each placed after the last row of its parent's subtree (so a
   * province's indicator under 7.8 follows 7.8.4.b), or at the end when it has no parent.
   */
  withRows(extra: readonly Indicator[]): Catalog {
    const rows = [...this.rows];
    for (const ind of extra) {
      let at = rows.length;
      if (ind.parent) {
        const p = rows.findIndex((r) => r.code === ind.parent);
        if (p < 0) throw new Error(`${ind.code}: parent ${ind.parent} does not exist`);
        at = p + 1;
        while (at < rows.length && isInSubtree(rows[at]!.code, ind.parent)) at++;
      }
      rows.splice(at, 0, ind);
    }
    return new Catalog(this.version, rows);
  }

  children(code: string): Indicator[] {
    return this.rows.filter((r) => r.parent === code);
  }

  /** The counts a percentage is computed from, if any. */
  formula(code: string): Formula | null {
    const row = this.must(code);
    if (row.kind !== 'percent') return null;
    const noted = /ratio = ([\w.]+) \/ ([\w.]+)/.exec(row.note);
    if (noted) return { kind: 'ratio', num: noted[1]!, den: noted[2]! };
    const derived = /\(\s*([\w.]+)\s*-\s*([\w.]+)\s*\)\s*\/\s*([\w.]+)/.exec(row.note);
    if (row.aggregate === 'derived' && derived) return { kind: 'reduction', base: derived[1]!, now: derived[2]! };
    const kids = this.children(code);
    const num = kids.find((k) => k.role === 'num');
    const den = kids.find((k) => k.role === 'den');
    if (num && den) return { kind: 'ratio', num: num.code, den: den.code };
    if (row.aggregate === 'ratio' && row.parent) {
      // On-time rates of a hồ sơ block: on-time over resolved, from the sibling supporting rows.
      const siblings = this.rows.filter((r) => r.code.startsWith(`${row.parent}.`));
      const onTime = siblings.find((r) => r.role === 'on_time');
      const resolved = siblings.find((r) => r.role === 'resolved');
      if (onTime && resolved) return { kind: 'ratio', num: onTime.code, den: resolved.code };
    }
    return null;
  }

  /** Candidate names of the agency that supplies an owner row by default. */
  ownerCandidates(code: string): string[] {
    const hit = OWNER_DEFAULTS.find((d) => code === d.prefix || code.startsWith(`${d.prefix}.`));
    return hit ? hit.names : [];
  }

  private assertIntegrity(): void {
    const seen = new Set<string>();
    for (const r of this.rows) {
      if (seen.has(r.code)) throw new Error(`duplicate indicator code ${r.code}`);
      seen.add(r.code);
    }
    for (const r of this.rows) {
      if (r.parent && !this.byCode.has(r.parent)) throw new Error(`${r.code}: parent ${r.parent} does not exist`);
      for (const rel of r.relations) {
        for (const t of rel.terms) if (!this.byCode.has(t)) throw new Error(`${r.code}: check names unknown ${t}`);
      }
      if (r.kind === 'percent' && (r.aggregate === 'ratio' || r.aggregate === 'derived')) {
        const f = this.formula(r.code);
        if (!f) throw new Error(`${r.code}: a ${r.aggregate} percentage needs its counts`);
        for (const c of rateOperands(f)) {
          if (!this.byCode.has(c)) throw new Error(`${r.code}: formula names unknown ${c}`);
        }
      }
    }
  }
}

function isInSubtree(code: string, root: string): boolean {
  return code.startsWith(`${root}.`);
}

export function isValueRow(r: Indicator): r is ValueIndicator {
  return r.kind !== 'group';
}
