/**
 * The agency tab: seed 003's appendix with a header block, one row per indicator and three
 * free-text fields. The parser finds everything again by label and by code, never by position.
 */
import { Catalog, Indicator, ValueIndicator, isValueRow } from '../catalog/catalog';
import { Formula, readsCount } from '../catalog/rate';
import { formatDmy } from '../primitives/dates';
import { FormRow, formRows, lockedReason } from './row-modes';
import { COLORS, CellInput, CellStyle, PlanCell, SheetPlan, Validation } from '../sheet/plan';
import { a1, a1Range, parseA1, rowRuns } from '../sheet/grid';
import { LiveCheck, TO_FIX_LABEL, liveChecks, toFixCount } from '../checks/live-checks';
import { estimateNotice, inText } from '../periods';
import { RATE_FORMAT } from '../primitives/numbers';
import { Agency, FormRules, FormSettings, Roster, Schedule } from '../settings';

export const TABLE_HEADER = ['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu', 'Ghi chú'] as const;
export const COL = { code: 1, name: 2, unit: 3, value: 4, note: 5 } as const;
/** Only the indicator column is widened: columns at Sheets' default width (100 px) cost no call. */
export const TAB_WIDTHS = [100, 420, 100, 100, 100];

export const HEADER_LABELS = {
  agency: 'Đơn vị báo cáo:',
  period: 'Kỳ báo cáo:',
  deadline: 'Hạn gửi báo cáo:',
  status: 'Trạng thái báo cáo:',
  sentOn: 'Ngày gửi:',
  preparer: 'Người lập biểu:',
  phone: 'Điện thoại:',
} as const;
export type HeaderField = keyof typeof HEADER_LABELS;

const FIRST_HEADER_ROW = 3;
/** Where every agency tab's Trạng thái cell stands (column C of the header block). */
export const STATUS_CELL = a1(FIRST_HEADER_ROW + Object.keys(HEADER_LABELS).indexOf('status'), 3);

export const STATUS_SENT = 'Đã gửi';
export const STATUS_DRAFT = 'Chưa gửi';
/** The status cell's dropdown. */
const STATUS_VALIDATION: Validation = { kind: 'list', values: [STATUS_DRAFT, STATUS_SENT] };
/** The one line under the header telling the agency what to do, and that it needs no permission. */
export const AGENCY_HINT =
  'Đơn vị không cần cấp quyền cho tiện ích: nhập số liệu vào các ô màu (ô sai tô đỏ), xong chọn "Đã gửi" ở ô Trạng thái.';
/** How the hint line starts on every tab ever made: how an older tab's line is recognised before it is rewritten. */
export const AGENCY_HINT_START = 'Đơn vị không cần cấp quyền';
/** The hint line, with whom to call for help when the settings name someone ("Liên hệ hỗ trợ"). */
export function agencyHint(settings: Pick<FormSettings, 'supportContact'>): string {
  const contact = settings.supportContact.trim();
  return contact ? `${AGENCY_HINT} Cần hỗ trợ, liên hệ: ${contact.replace(/[.\s]+$/, '')}.` : AGENCY_HINT;
}
/** The status cell's note: how an agency marks its report sent, with no menu and no permission. */
export const STATUS_NOTE =
  'Nhập xong, chọn "Đã gửi": bảng tính tự kiểm tra số liệu rồi ghi ngày gửi; còn lỗi thì trạng thái trở về "Chưa gửi" và lý do ghi ở ghi chú này.';

export const FREE_TEXT_LABELS = {
  highlights: 'Kết quả nổi bật',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Kiến nghị, đề xuất',
} as const;
export type FreeTextField = keyof typeof FREE_TEXT_LABELS;

const TITLE = 'BIỂU SỐ LIỆU THỐNG KÊ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH';

export const NUMBER_FORMATS = { count: '#,##0', percent: RATE_FORMAT, code: '0' } as const;

export function answerChoice(a: { code: number; label: string }): string {
  return `${a.code} - ${a.label}`;
}

/** Indicator name as shown: parts indented, supporting rows saying what they are for. */
function displayName(ind: Indicator, catalog: Catalog): string {
  const indent = ind.isPart ? '    ' : '';
  if (!ind.supporting) return indent + ind.name;
  const users = catalog.rows.filter((r) => {
    const f = r.kind === 'percent' ? catalog.formula(r.code) : null;
    return f && readsCount(f, ind.code);
  });
  const forWhat = users.length
    ? ` (số liệu để tính chỉ tiêu ${users.map((u) => u.code).join(', ')})`
    : ' (số liệu chi tiết)';
  return `${indent}${ind.name}${forWhat}`;
}

function unitText(ind: Indicator): string {
  if (ind.kind === 'code') return ind.answers.map((a) => `${a.label} = ${a.code}`).join('; ');
  if (ind.kind === 'percent') return '%';
  return ind.unit;
}

function guidance(ind: ValueIndicator, formula: Formula | null): string {
  switch (ind.kind) {
    case 'count':
      return 'Nhập số nguyên từ 0 trở lên (ví dụ 1.949). Không phát sinh thì nhập 0.';
    case 'percent':
      if (formula?.kind === 'ratio')
        return `Tự tính từ dòng ${formula.num} chia dòng ${formula.den}. Chỉ ghi đè khi không có số liệu chi tiết.`;
      if (formula?.kind === 'reduction')
        return `Tự tính: (dòng ${formula.base} − dòng ${formula.now}) / dòng ${formula.base}.`;
      return 'Nhập tỷ lệ từ 0% đến 100% (ví dụ 12,5%).';
    case 'code':
      return `Chọn một giá trị: ${ind.answers.map(answerChoice).join('; ')}.`;
  }
}

function valueValidation(ind: ValueIndicator): CellStyle['validation'] {
  if (ind.kind === 'count') return { kind: 'wholeNumber' };
  if (ind.kind === 'percent') return { kind: 'percent' };
  return { kind: 'list', values: ind.answers.map(answerChoice) };
}

/** The indicator and unit cells of a row, as the form shows them (used to relabel an older form). */
export function labelCells(catalog: Catalog, ind: Indicator): [string, string] {
  return [displayName(ind, catalog), unitText(ind)];
}

export interface TabLayout {
  /** 1-based row of each indicator code. */
  readonly codeRows: ReadonlyMap<string, number>;
  readonly headerRow: number;
  readonly headerCells: Readonly<Record<HeaderField, string>>;
  readonly freeTextCells: Readonly<Record<FreeTextField, string>>;
  /** Ranges the agency may edit. */
  readonly editable: readonly string[];
}

/** Rows of the indicator table, starting at sheet row `firstRow`, for this agency. */
export function indicatorRows(catalog: Catalog, rows: readonly FormRow[], firstRow: number): PlanCell[][] {
  const formulaRef = new Map<string, number>();
  rows.forEach((r, i) => formulaRef.set(r.ind.code, firstRow + i));
  const ref = (code: string) => {
    const row = formulaRef.get(code);
    return row ? a1(row, COL.value) : null;
  };
  return rows.map(({ ind, mode }) => {
    const name: PlanCell = {
      v: displayName(ind, catalog),
      s: { wrap: true, bold: ind.kind === 'group', italic: ind.supporting },
    };
    const code: PlanCell = { v: ind.code, s: { bold: ind.kind === 'group' } };
    const unit: PlanCell = { v: unitText(ind), s: { wrap: true } };
    if (ind.kind === 'group' || mode.kind === 'group') {
      const g: CellStyle = { background: COLORS.group, bold: true };
      return [
        { ...code, s: { ...code.s, ...g } },
        { ...name, s: { ...name.s, ...g } },
        { v: null, s: g },
        { v: null, s: g },
        { v: null, s: g },
      ];
    }
    if (mode.kind === 'not-applicable' || mode.kind === 'owned-by') {
      const l: CellStyle = { background: COLORS.locked, color: COLORS.lockedText };
      return [
        { ...code, s: { ...code.s, ...l } },
        { ...name, s: { ...name.s, ...l } },
        { ...unit, s: { ...unit.s, ...l } },
        { v: null, s: l },
        { v: lockedReason(mode), s: { ...l, italic: true, wrap: true } },
      ];
    }
    let value: CellInput = null;
    const f = mode.formula;
    if (f?.kind === 'ratio' && ref(f.num) && ref(f.den)) {
      value = { formula: { kind: 'ratio', num: ref(f.num)!, den: ref(f.den)! } };
    } else if (f?.kind === 'reduction' && ref(f.base) && ref(f.now)) {
      value = { formula: { kind: 'reduction', base: ref(f.base)!, now: ref(f.now)! } };
    }
    const bg = ind.supporting ? COLORS.supporting : COLORS.input;
    return [
      { ...code, s: { ...code.s, background: ind.supporting ? COLORS.supporting : undefined } },
      { ...name, s: { ...name.s, background: ind.supporting ? COLORS.supporting : undefined } },
      unit,
      {
        v: value,
        s: {
          background: bg,
          numberFormat: NUMBER_FORMATS[ind.kind],
          validation: valueValidation(ind),
          note: guidance(ind, f),
        },
      },
      { v: null, s: { background: bg, wrap: true } },
    ];
  });
}

/** The value and note cells of these rows, as few "D12:E20" ranges as possible. */
export function valueAndNoteRanges(rows: readonly number[]): string[] {
  return rowRuns(rows).map(([start, count]) => a1Range(start, COL.value, count, 2));
}

/**
 * Row 2 of every form: the catalog version (checked when the form is read back), the data range,
 * and, when the deadline comes first, that figures are estimated to the cut-off.
 */
export function formStamp(catalog: Catalog, settings: Schedule): string {
  const range = `(${STAMP_PREFIX}${catalog.version}; số liệu từ ${formatDmy(settings.period.from)} đến ${formatDmy(settings.period.to)})`;
  const notice = estimateNotice(settings.deadline, settings.period.to);
  return notice ? `${range} ${notice}` : range;
}

const STAMP_PREFIX = 'Mẫu ';

/** The "Kỳ báo cáo:" cell of a form: "Quý I năm 2026". */
export function periodHeaderText(settings: Pick<Schedule, 'period'>): string {
  return inText(settings.period).replace(/^./, (c) => c.toUpperCase());
}

/** The catalog version a form was made with, from its stamp in the rows above the table. */
export function formVersion(
  values: readonly (readonly unknown[])[],
  before: number,
): { version: string; cell: string } | null {
  for (let r = 0; r < Math.min(before, values.length); r++) {
    const text = values[r]?.[COL.name - 1];
    const m = typeof text === 'string' ? /^\(Mẫu ([^;)\s]+)[;)]/.exec(text.trim()) : null;
    if (m) return { version: m[1]!, cell: a1(r + 1, COL.name) };
  }
  return null;
}

/** The live checks of a tab whose indicators stand at these rows (a new tab's, or an existing one's as read). */
export function tabChecks(catalog: Catalog, form: readonly FormRow[], codeRows: ReadonlyMap<string, number>) {
  return liveChecks(catalog, form, (code) => {
    const row = codeRows.get(code);
    return row ? a1(row, COL.value) : null;
  });
}

/** Where a tab's indicators and status cells stand, as read from it (rows may have moved). */
export interface TabCells {
  readonly codeRows: ReadonlyMap<number, string>;
  readonly status: { readonly cell: string | null };
  readonly sentOn: { readonly cell: string | null };
}

/**
 * A tab's data validation and live checks at the rows it has now: what a normal paste from
 * another sheet replaces (it brings the source's rules along) and the consolidator's runs put
 * back. The validations cover one block, from the status cell to the last indicator row, in the
 * status and value columns: each cell gets what a new tab gives it, and every other cell none.
 */
export function tabRules(
  catalog: Catalog,
  settings: Roster & FormRules,
  agency: Agency,
  tab: TabCells,
): { range: string; validations: (Validation | null)[][]; checks: LiveCheck[] } | null {
  const status = tab.status.cell ? parseA1(tab.status.cell) : null;
  if (!status || !tab.codeRows.size) return null;
  const form = formRows(catalog, settings, agency);
  const asked = new Map(form.filter((r) => r.mode.kind === 'input').map((r) => [r.ind.code, r.ind]));
  const byRow = new Map<number, Validation>();
  for (const [row, code] of tab.codeRows) {
    const ind = asked.get(code);
    if (ind && isValueRow(ind)) byRow.set(row, valueValidation(ind)!);
  }
  const top = status.row;
  const last = Math.max(top, ...tab.codeRows.keys());
  const validations: (Validation | null)[][] = [];
  for (let row = top; row <= last; row++) {
    const line: (Validation | null)[] = Array.from({ length: COL.value - status.col + 1 }, () => null);
    const here = a1(row, status.col);
    if (here === tab.status.cell) line[0] = STATUS_VALIDATION;
    else if (here === tab.sentOn.cell) line[0] = { kind: 'date' };
    line[COL.value - status.col] = byRow.get(row) ?? null;
    validations.push(line);
  }
  const rowOf = new Map([...tab.codeRows].map(([row, code]) => [code, row]));
  return {
    range: a1Range(top, status.col, validations.length, COL.value - status.col + 1),
    validations,
    checks: tabChecks(catalog, form, rowOf),
  };
}

/** Where the "Số ô cần sửa" counter stands: beside the agency's name, label then count. */
export const COUNTER_RANGE = a1Range(FIRST_HEADER_ROW, COL.value, 1, 2);

/** The counter's label and its count of the cells still red. */
export function counterCells(checks: readonly LiveCheck[]): [PlanCell, PlanCell] {
  return [
    { v: TO_FIX_LABEL, s: { bold: true } },
    { v: { formula: toFixCount(checks) }, s: { bold: true, color: COLORS.title, numberFormat: '0' } },
  ];
}

export function agencyTabPlan(
  catalog: Catalog,
  settings: FormSettings,
  agency: Agency,
): { plan: SheetPlan; layout: TabLayout } {
  const width = TAB_WIDTHS.length;
  const blank = (): PlanCell => ({ v: null });
  const line = (cells: PlanCell[]): PlanCell[] => [...cells, ...Array.from({ length: width - cells.length }, blank)];
  const rows: PlanCell[][] = [];

  rows.push(line([{ v: null }, { v: TITLE, s: { bold: true, color: COLORS.title } }]));
  rows.push(
    line([
      { v: null },
      {
        v: formStamp(catalog, settings),
        s: { italic: true },
      },
    ]),
  );

  const headerValues: Record<HeaderField, PlanCell> = {
    agency: { v: agency.name, s: { bold: true } },
    period: { v: periodHeaderText(settings) },
    deadline: { v: { date: settings.deadline }, s: { numberFormat: 'dd/mm/yyyy' } },
    status: {
      v: STATUS_DRAFT,
      s: {
        background: COLORS.input,
        validation: STATUS_VALIDATION,
        note: STATUS_NOTE,
      },
    },
    sentOn: { v: null, s: { background: COLORS.input, numberFormat: 'dd/mm/yyyy', validation: { kind: 'date' } } },
    preparer: { v: null, s: { background: COLORS.input } },
    phone: { v: null, s: { background: COLORS.input, numberFormat: '@' } },
  };
  const headerCells = {} as Record<HeaderField, string>;
  (Object.keys(HEADER_LABELS) as HeaderField[]).forEach((k, i) => {
    const r = FIRST_HEADER_ROW + i;
    headerCells[k] = a1(r, 3);
    rows.push(line([{ v: null }, { v: HEADER_LABELS[k], s: { bold: true } }, headerValues[k]]));
  });
  rows.push(line([{ v: null }, { v: agencyHint(settings), s: { italic: true } }]));

  const headerRow = rows.length + 1;
  rows.push(TABLE_HEADER.map((h) => ({ v: h, s: { bold: true, background: COLORS.header, wrap: true } })));
  const form = formRows(catalog, settings, agency);
  const firstRow = headerRow + 1;
  rows.push(...indicatorRows(catalog, form, firstRow));
  const codeRows = new Map(form.map((r, i) => [r.ind.code, firstRow + i]));

  rows.push(line([]));
  const freeTextCells = {} as Record<FreeTextField, string>;
  for (const k of Object.keys(FREE_TEXT_LABELS) as FreeTextField[]) {
    rows.push(line([{ v: null }, { v: `${FREE_TEXT_LABELS[k]}:`, s: { bold: true, background: COLORS.header } }]));
    freeTextCells[k] = a1(rows.length + 1, COL.name);
    rows.push(
      line([
        { v: null },
        {
          v: null,
          s: {
            background: COLORS.input,
            wrap: true,
            note: `Ghi ngắn gọn ${FREE_TEXT_LABELS[k].toLowerCase()} của đơn vị; nội dung này được trích vào báo cáo tổng hợp.`,
          },
        },
      ]),
    );
  }

  const checks = tabChecks(catalog, form, codeRows);
  // Next to the agency's name: how many cells are still red, counted by the sheet itself.
  const counterRow = rows[FIRST_HEADER_ROW - 1]!;
  const [label, count] = counterCells(checks);
  counterRow[COL.value - 1] = label;
  counterRow[COL.note - 1] = count;

  const editable = [
    a1Range(FIRST_HEADER_ROW + 3, 3, 4, 1), // status, sent on, preparer, phone
    ...valueAndNoteRanges(form.flatMap((r, i) => (r.mode.kind === 'input' ? [firstRow + i] : []))),
    ...Object.values(freeTextCells),
  ];
  return {
    plan: {
      name: agency.sheet,
      rows,
      columnWidths: TAB_WIDTHS,
      borders: [a1Range(headerRow, 1, form.length + 1, width)],
      print: { titleRows: [headerRow, headerRow] },
      protection: { kind: 'agency', editors: agency.emails, editable },
      checks,
    },
    layout: { codeRows, headerRow, headerCells, freeTextCells, editable },
  };
}
