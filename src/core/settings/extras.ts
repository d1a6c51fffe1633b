/**
 * The province's own indicators: the "Chỉ tiêu bổ sung" table on Thiết lập. Each row becomes a
 * catalog row with the same kinds and aggregation rules as the standard ones (e.g. the
 * digital-government figures of Quyết định 766/QĐ-TTg), so it reaches every form, validation,
 * the summary and the report. Every mistake is reported by its cell, with the fix.
 */
import { AppliesTo, Catalog, Indicator, Kind, TIERS, indicatorFromRecord, parseAnswers } from '../catalog/catalog';
import { PlanCell } from '../sheet/plan';
import { RawCell, cellText } from '../sheet/grid';
import { fold, squish } from '../primitives/text';

export const EXTRA_TITLE = 'CHỈ TIÊU BỔ SUNG CỦA TỈNH';
// The name sits in column B, the sheet's wide column (as in the owner table above it).
export const EXTRA_HEADER = [
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Chỉ tiêu cha',
  'Đơn vị tính',
  'Loại',
  'Cách tổng hợp',
  'Tử số (mã)',
  'Mẫu số (mã)',
  'Áp dụng cho',
] as const;
const C = { code: 0, name: 1, parent: 2, unit: 3, kind: 4, aggregate: 5, num: 6, den: 7, applies: 8 } as const;

export const KIND_LABELS: Record<Kind, string> = {
  group: 'Nhóm',
  count: 'Số lượng',
  percent: 'Tỷ lệ (%)',
  code: 'Lựa chọn',
};
type ExtraAggregate = 'sum' | 'ratio' | 'owner' | 'codes';
export const AGGREGATE_LABELS: Record<ExtraAggregate, string> = {
  sum: 'Cộng',
  ratio: 'Tính từ tử số/mẫu số',
  owner: 'Một đơn vị cung cấp',
  codes: 'Đếm theo lựa chọn',
};
/** The choices of "Áp dụng cho", as the catalog's `applies_to` cell writes them. */
type ExtraApplies = 'all' | 'so' | 'xa';
export const APPLIES_LABELS: Record<ExtraApplies, string> = {
  all: 'Tất cả đơn vị',
  so: 'Sở, ban, ngành',
  xa: 'UBND cấp xã',
};

/** The choice a province's indicator was read from ("all" asks every tier). */
function appliesChoice(tiers: AppliesTo): ExtraApplies {
  if (tiers.length === TIERS.length) return 'all';
  return tiers.includes('xa') && !tiers.includes('so') ? 'xa' : 'so';
}
const ALLOWED: Record<Kind, readonly ExtraAggregate[]> = {
  group: [],
  count: ['sum', 'owner'],
  percent: ['ratio', 'owner'],
  code: ['codes', 'owner'],
};
const CODE = /^\d+(\.[0-9a-z]+)*$/;
/** "cột C": where a field sits, for messages. */
const col = (c: number) => `cột ${String.fromCharCode(65 + c)}`;

function pick<K extends string>(labels: Record<K, string>, text: string): K | null {
  const t = fold(text);
  return (Object.keys(labels) as K[]).find((k) => k === t || fold(labels[k]) === t) ?? null;
}

const list = (labels: Record<string, string>) =>
  Object.values(labels)
    .map((l) => `"${l}"`)
    .join(', ');

/** The table's rows for the settings sheet plan (the province's indicators, then blank rows to fill). */
export function extraPlanRows(extras: readonly Indicator[], blankRows = 5): PlanCell[][] {
  const choice = (labels: Record<string, string>): PlanCell['s'] => ({
    validation: { kind: 'list', values: Object.values(labels) },
  });
  const row = (i: Indicator | null): PlanCell[] => {
    const f = i ? ratioOf(i) : null;
    return [
      { v: i?.code ?? null, s: { numberFormat: '@' } },
      { v: i?.name ?? null, s: { wrap: true } },
      { v: i?.parent ?? null, s: { numberFormat: '@' } },
      { v: i ? (i.kind === 'percent' ? '%' : i.unit) || null : null, s: { wrap: true } },
      { v: i ? KIND_LABELS[i.kind] : null, s: choice(KIND_LABELS) },
      {
        v: i && i.kind !== 'group' ? AGGREGATE_LABELS[i.aggregate as ExtraAggregate] : null,
        s: choice(AGGREGATE_LABELS),
      },
      { v: f?.num ?? null, s: { numberFormat: '@' } },
      { v: f?.den ?? null, s: { numberFormat: '@' } },
      { v: i && i.kind !== 'group' ? APPLIES_LABELS[appliesChoice(i.appliesTo)] : null, s: choice(APPLIES_LABELS) },
    ];
  };
  return [...extras.map(row), ...Array.from({ length: blankRows }, () => row(null))];
}

const RATIO_NOTE = /^ratio = ([\w.]+) \/ ([\w.]+)$/;

function ratioOf(i: Indicator): { num: string; den: string } | null {
  const m = RATIO_NOTE.exec(i.note);
  return m ? { num: m[1]!, den: m[2]! } : null;
}

type ProblemFn = (r: number | null, c: number, message: string) => void;

/**
 * Reads the table between its header and `end` (the next table's title). Rows with a mistake
 * are reported and left out; the rest become catalog rows that fit `base`.
 */
export function readExtras(
  values: RawCell[][],
  head: number,
  end: number,
  base: Catalog,
  problem: ProblemFn,
): Indicator[] {
  const out: Indicator[] = [];
  const seen = new Map<string, number>();
  const kinds = new Map<string, Kind>();
  type Pending = { r: number; code: string; num: string; den: string };
  const ratios: Pending[] = [];
  for (let r = head + 1; r < end; r++) {
    const cells: string[] = EXTRA_HEADER.map((_, c) => squish(cellText(values[r]?.[c])));
    const at = (c: number): string => cells[c] ?? '';
    if (cells.every((c) => !c)) continue;
    const bad = (c: number, message: string) => problem(r, c, message);
    const code = at(C.code).replace(/\.$/, '');
    const who = code ? `Chỉ tiêu bổ sung "${code}"` : `Chỉ tiêu bổ sung ở dòng ${r + 1}`;
    let ok = true;
    const fail = (c: number, message: string) => {
      bad(c, `${who}: ${message}`);
      ok = false;
    };
    if (!code)
      fail(C.code, `thiếu mã chỉ tiêu ở ${col(C.code)}; hãy đặt mã, ví dụ 8 cho một nhóm mới hoặc 7.9 dưới nhóm 7.`);
    else if (!CODE.test(code))
      fail(C.code, 'mã không hợp lệ; mã gồm các số (hoặc chữ thường) cách nhau bởi dấu chấm, ví dụ 8.1 hoặc 7.9.1.');
    else if (base.get(code))
      fail(C.code, `mã này đã có trong biểu mẫu chuẩn ("${base.must(code).name}"); hãy chọn mã khác.`);
    else if (seen.has(code))
      fail(C.code, `mã bị trùng với dòng ${seen.get(code)! + 1}; mỗi chỉ tiêu cần một mã riêng.`);
    if (code) seen.set(code, r);

    const parent = at(C.parent).replace(/\.$/, '');
    if (parent) {
      if (!base.get(parent) && !kinds.has(parent))
        fail(C.parent, `chỉ tiêu cha "${parent}" không có trong biểu mẫu chuẩn hay ở các dòng trên của bảng này.`);
      else if (code && CODE.test(code) && !code.startsWith(`${parent}.`))
        fail(C.code, `mã phải bắt đầu bằng mã chỉ tiêu cha "${parent}.", ví dụ ${parent}.1.`);
    } else if (code.includes('.')) {
      fail(
        C.parent,
        `mã "${code}" là chỉ tiêu con nên cần ghi chỉ tiêu cha ở ${col(C.parent)} (ví dụ "${code.replace(/\.[^.]+$/, '')}").`,
      );
    }
    const name = at(C.name);
    if (!name) fail(C.name, `thiếu tên chỉ tiêu ở ${col(C.name)}.`);

    const kind = pick(KIND_LABELS, at(C.kind));
    if (!kind)
      fail(
        C.kind,
        cells[C.kind]
          ? `loại "${cells[C.kind]}" không hợp lệ; chọn ${list(KIND_LABELS)}.`
          : `chưa chọn loại; chọn ${list(KIND_LABELS)}.`,
      );
    const aggText = at(C.aggregate);
    let aggregate = aggText ? pick(AGGREGATE_LABELS, aggText) : null;
    if (kind && kind !== 'group') {
      if (!aggText) aggregate = ({ count: 'sum', percent: 'ratio', code: 'codes' } as const)[kind];
      const allowed = ALLOWED[kind];
      if (!aggregate || !allowed.includes(aggregate))
        fail(
          C.aggregate,
          `cách tổng hợp "${aggText}" không dùng được cho loại "${KIND_LABELS[kind]}"; chọn ${allowed.map((a) => `"${AGGREGATE_LABELS[a]}"`).join(' hoặc ')}.`,
        );
    } else if (kind === 'group' && aggText)
      fail(C.aggregate, `một nhóm không có cách tổng hợp; hãy để trống ${col(C.aggregate)}.`);

    const unit = at(C.unit);
    if (kind === 'count' && !unit) fail(C.unit, `thiếu đơn vị tính ở ${col(C.unit)}, ví dụ "Hồ sơ".`);
    if (kind === 'code') {
      try {
        if (!unit) throw new Error('blank');
        parseAnswers(unit);
      } catch {
        fail(
          C.unit,
          `loại "Lựa chọn" cần danh sách lựa chọn ở ${col(C.unit)}, dạng "Chưa = 0; Đang làm = 1; Hoàn thành = 2".`,
        );
      }
    }
    const num = at(C.num).replace(/\.$/, '');
    const den = at(C.den).replace(/\.$/, '');
    if (kind === 'percent' && aggregate === 'ratio') {
      if (!num) fail(C.num, `tỷ lệ tính từ tử số/mẫu số cần mã chỉ tiêu tử số ở ${col(C.num)}.`);
      if (!den) fail(C.den, `tỷ lệ tính từ tử số/mẫu số cần mã chỉ tiêu mẫu số ở ${col(C.den)}.`);
      if (num && den && ok) ratios.push({ r, code, num, den });
    } else if (num || den)
      fail(num ? C.num : C.den, 'chỉ ghi tử số, mẫu số cho chỉ tiêu tỷ lệ tính từ tử số/mẫu số; hãy để trống.');

    const appliesText = at(C.applies);
    const applies = appliesText ? pick(APPLIES_LABELS, appliesText) : 'all';
    if (!applies) fail(C.applies, `"${appliesText}" không hợp lệ; chọn ${list(APPLIES_LABELS)}.`);

    if (!ok || !kind) continue;
    kinds.set(code, kind);
    out.push(
      indicatorFromRecord({
        code,
        parent,
        name,
        unit: kind === 'percent' ? '%' : kind === 'group' ? '' : unit,
        kind,
        aggregate: kind === 'group' ? '' : aggregate!,
        role: '',
        applies_to: kind === 'group' ? '' : applies!,
        check: '',
        note: kind === 'percent' && aggregate === 'ratio' ? `ratio = ${num} / ${den}` : '',
      }),
    );
  }
  // A ratio's counts may sit anywhere in the catalog or the table: checked once all rows are known.
  const dropped = new Set<string>();
  for (const p of ratios) {
    for (const [c, ref] of [
      [C.num, p.num],
      [C.den, p.den],
    ] as const) {
      const kind = base.get(ref)?.kind ?? kinds.get(ref);
      if (kind !== 'count') {
        problem(
          p.r,
          c,
          `Chỉ tiêu bổ sung "${p.code}": "${ref}" ${kind ? 'không phải chỉ tiêu loại "Số lượng"' : 'không có trong biểu mẫu hay bảng này'}; tử số và mẫu số phải là mã của chỉ tiêu loại "Số lượng".`,
        );
        dropped.add(p.code);
      }
    }
  }
  return out.filter((i) => !dropped.has(i.code)).map((i) => withNumCheck(i, ratios));
}

/** A numerator row the province added is checked not to exceed its denominator. */
function withNumCheck(i: Indicator, ratios: readonly { num: string; den: string }[]): Indicator {
  const dens = ratios.filter((p) => p.num === i.code).map((p) => p.den);
  if (!dens.length || i.kind !== 'count') return i;
  return {
    ...i,
    relations: [...i.relations, ...dens.map((d) => ({ op: '<=' as const, terms: [d], severity: 'error' as const }))],
  };
}
