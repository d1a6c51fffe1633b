/**
 * What the draft checks before it prints (DOMAIN.md, "Internal consistency"): parts never above
 * their whole, two figures about the same procedures equal, and the counts a sentence gives equal to
 * the appendix rows. A breach is a highlighted note to the consolidator in the draft and a finding
 * for the workbook's "Kết quả kiểm tra", never two contradicting figures printed in silence.
 */
import { Relation } from '../catalog/catalog';
import { IndicatorResult, Summary } from '../figures/consolidate';
import { formatNumber } from '../primitives/numbers';
import { body, todo } from './figures';
import { Block } from './model';

export interface Finding {
  /** Stable id of the rule broken. */
  readonly code: 'vuot-tong' | 'khong-khop' | 'thieu-ngay-gui';
  /** The indicator whose figure breaks the rule; null for the submissions. */
  readonly indicator: string | null;
  /** In Vietnamese, for the consolidator. */
  readonly message: string;
  /** The catalog section the figures belong to ("3", "7"), or "" for the submissions. */
  readonly section: string;
}

/**
 * Relations between figures that different agencies supply (the catalog's relations hold within
 * one agency's tab): online services and portal counts are parts of the procedures in force, and
 * 3.5.2 counts the same procedures as 7.8.1 + 7.8.2.
 */
const ACROSS: readonly { readonly code: string; readonly rel: Relation }[] = [
  { code: '7.8.1', rel: { op: '<=', terms: ['3.1.3'], severity: 'error' } },
  { code: '7.8.2', rel: { op: '<=', terms: ['3.1.3'], severity: 'error' } },
  { code: '3.5.1', rel: { op: '<=', terms: ['3.1.3'], severity: 'error' } },
  { code: '3.5.2', rel: { op: '<=', terms: ['3.1.3'], severity: 'error' } },
  { code: '3.5.3', rel: { op: '<=', terms: ['3.5.1'], severity: 'error' } },
  { code: '3.2.2', rel: { op: '<=', terms: ['3.2.1'], severity: 'error' } },
  { code: '3.5.2', rel: { op: '=', terms: ['7.8.1', '7.8.2'], severity: 'error' } },
];

/** Every breach, in catalog order, then the submissions. */
export function draftFindings(s: Summary): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    if (!seen.has(f.message)) out.push(f);
    seen.add(f.message);
  };
  for (const [figures, whose] of [
    [s.indicators, ''],
    [s.vertical, ' (cơ quan ngành dọc)'],
  ] as const) {
    for (const r of figures.values())
      for (const rel of r.ind.relations)
        if (rel.severity === 'error') {
          const f = breach(figures, r, rel, whose);
          if (f) add(f);
        }
  }
  for (const { code, rel } of ACROSS) {
    const r = s.indicators.get(code);
    const f = r && breach(s.indicators, r, rel, '');
    if (f) add(f);
  }
  const undated = s.submission.filter((e) => e.submitted && !e.date).map((e) => e.agency.name);
  if (undated.length)
    add({
      code: 'thieu-ngay-gui',
      indicator: null,
      section: '',
      message: `Đã gửi báo cáo nhưng chưa ghi ngày gửi: ${undated.join(', ')}; chưa tính là gửi đúng hạn. Ghi ngày gửi trên trang của đơn vị.`,
    });
  return out;
}

function breach(
  figures: ReadonlyMap<string, IndicatorResult>,
  r: IndicatorResult,
  rel: Relation,
  whose: string,
): Finding | null {
  if (r.value === null || r.ind.kind !== 'count') return null;
  const terms = rel.terms.map((t) => figures.get(t));
  // A term not asked this period counts 0 (the catalog's "= 3.1.3.1 + 3.1.3.2 + 3.1.3.3" after 2025);
  // a term asked but without a figure leaves nothing to compare.
  if (terms.some((t) => t && t.value === null)) return null;
  if (terms.every((t) => !t)) return null;
  const total = terms.reduce((a, t) => a + (t?.value ?? 0), 0);
  const ok = rel.op === '<=' ? r.value <= total : r.value === total;
  if (ok) return null;
  const named = (x: IndicatorResult) => `“${x.ind.name}” (${x.ind.code}: ${formatNumber(x.value!)})`;
  const present = terms.filter((t): t is IndicatorResult => !!t);
  const whole =
    present.length === 1 ? named(present[0]!) : `${present.map(named).join(' + ')} = ${formatNumber(total)}`;
  const section = r.ind.code.split('.')[0] ?? '';
  return rel.op === '<='
    ? {
        code: 'vuot-tong',
        indicator: r.ind.code,
        section,
        message: `Số liệu mâu thuẫn${whose}: ${named(r)} lớn hơn ${whole}. Kiểm tra lại với đơn vị cung cấp trước khi ban hành.`,
      }
    : {
        code: 'khong-khop',
        indicator: r.ind.code,
        section,
        message: `Số liệu không khớp${whose}: ${named(r)} khác ${whole}. Thống nhất số liệu trước khi ban hành.`,
      };
}

/** The findings of the sections `where` accepts, each a highlighted note to the consolidator. */
export function noteFindings(blocks: Block[], findings: readonly Finding[], where: (section: string) => boolean): void {
  for (const f of findings)
    if (where(f.section)) blocks.push(body([todo(`Cần kiểm tra: ${f.message.replace(/\.$/, '')}`)]));
}
