/**
 * The sheets the add-on writes for the consolidator: validation results, the province summary
 * in the official layout, the per-agency detail and the submission table; and the marks that
 * point at the cells with findings on each agency tab.
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { formatDmy } from '../primitives/dates';
import { formatNumber } from '../primitives/numbers';
import { formRows } from '../form/row-modes';
import { COLORS, CellInput, CellStyle, PlanCell, SheetPlan } from '../sheet/plan';
import { a1Range, parseA1, rowRuns } from '../sheet/grid';
import { IndicatorResult, Summary, submissionNote } from './consolidate';
import { inText } from '../periods';
import { Agency, FormRules, Roster, Schedule } from '../settings';
import { NUMBER_FORMATS, TABLE_HEADER } from '../form/template';
import { upper } from '../primitives/text';
import { AGENCY_STATUS_LABELS, AgencyStatus, statusTally } from '../checks/status';
import { AgencyResult } from '../checks/validate';
import { RULES } from '../checks/rules';

import { DETAIL_SHEET, SUBMISSION_SHEET, SUMMARY_SHEET, VALIDATION_SHEET } from '../sheet/names';

export { DETAIL_SHEET, SUBMISSION_SHEET, SUMMARY_SHEET, VALIDATION_SHEET };

const STATUS_COLORS: Record<AgencyStatus, string> = {
  ok: COLORS.ok,
  warnings: COLORS.warning,
  errors: COLORS.error,
  'not-sent': COLORS.locked,
  'sheet-missing': COLORS.error,
};

type Row = PlanCell[];

/**
 * Rows of a sheet with its tables: header() opens a table (ruled when printed) that lasts until
 * end(); `headerRows` are the 1-based rows of the headers, for repeating on printed pages.
 */
function table(width: number) {
  const rows: Row[] = [];
  const borders: string[] = [];
  const headerRows: number[] = [];
  let open: number | null = null;
  const line = (cells: PlanCell[]): void => {
    rows.push([...cells, ...Array.from({ length: width - cells.length }, () => ({ v: null }) as PlanCell)]);
  };
  const end = (): void => {
    if (open !== null && rows.length >= open) borders.push(a1Range(open, 1, rows.length - open + 1, width));
    open = null;
  };
  const header = (labels: readonly string[]): void => {
    end();
    open = rows.length + 1;
    headerRows.push(open);
    line(
      labels.map((l) => ({ v: l, s: { bold: true, background: COLORS.header, align: 'center' as const, wrap: true } })),
    );
  };
  return { rows, line, header, end, borders, headerRows };
}

const title = (text: string): PlanCell => ({ v: text, s: { bold: true, color: COLORS.title } });
const italic = (text: string): PlanCell => ({ v: text, s: { italic: true } });

export function validationSheetPlan(settings: Schedule, results: readonly AgencyResult[], stamp: string): SheetPlan {
  const t = table(7);
  t.line([title(`KẾT QUẢ KIỂM TRA SỐ LIỆU CẢI CÁCH HÀNH CHÍNH ${upper(inText(settings.period))}`)]);
  t.line([italic(`Kiểm tra lúc ${stamp}. ${formatNumber(results.length)} đơn vị: ${statusTally(results)}.`)]);
  t.line([]);
  t.header(['STT', 'Đơn vị', 'Trang', 'Trạng thái', 'Số lỗi', 'Số cảnh báo', 'Ngày gửi']);
  results.forEach((r, i) => {
    const sent = r.report?.sentOn.date;
    t.line([
      { v: i + 1, s: { align: 'center' } },
      { v: r.agency.name, s: { wrap: true } },
      r.report ? { v: { link: { text: r.agency.sheet, sheet: r.agency.sheet } } } : { v: r.agency.sheet },
      { v: AGENCY_STATUS_LABELS[r.status], s: { background: STATUS_COLORS[r.status], bold: true } },
      { v: r.errors },
      { v: r.warnings },
      sent ? { v: { date: sent }, s: { numberFormat: 'dd/mm/yyyy' } } : { v: null },
    ]);
  });
  t.end();
  t.line([]);
  const findings = results.flatMap((r) => r.findings);
  t.line([
    title(
      findings.length
        ? `CHI TIẾT ${formatNumber(findings.length)} VẤN ĐỀ (bấm vào ô để mở đúng vị trí)`
        : 'Không có vấn đề nào.',
    ),
  ]);
  if (findings.length) {
    t.header(['STT', 'Đơn vị', 'Ô', 'Chỉ tiêu', 'Mức độ', 'Nội dung', 'Quy tắc']);
    findings.forEach((f, i) => {
      t.line([
        { v: i + 1, s: { align: 'center' } },
        { v: f.agency, s: { wrap: true } },
        f.cell && f.rule !== 'sheet-missing'
          ? { v: { link: { text: f.cell, sheet: f.sheet, a1: f.cell } } }
          : { v: f.cell ?? '' },
        { v: f.indicator ?? '' },
        {
          v: f.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
          s: { background: f.severity === 'error' ? COLORS.error : COLORS.warning },
        },
        { v: f.message, s: { wrap: true } },
        { v: `${f.rule}: ${RULES[f.rule]}`, s: { color: COLORS.lockedText, wrap: true } },
      ]);
    });
  }
  t.end();
  return {
    name: VALIDATION_SHEET,
    rows: t.rows,
    columnWidths: [50, 240, 90, 120, 110, 520, 220],
    frozenRows: 0,
    borders: t.borders,
    // The findings' header repeats (the longer table); the agencies' fits the first pages.
    print: { titleRows: [t.headerRows[t.headerRows.length - 1]!, t.headerRows[t.headerRows.length - 1]!] },
    protection: { kind: 'consolidator' },
  };
}

export interface PaintGroup {
  readonly color: string;
  readonly ranges: readonly string[];
}

/**
 * Backgrounds for the cells an agency may edit (its value cells and status block): the
 * template's colours, then this run's findings. Only editable cells are painted, so an agency's
 * own staff can run the check on a protected tab. Cells of one colour form one group.
 */
export function markPlan(
  catalog: Catalog,
  settings: Roster & FormRules,
  agency: Agency,
  result: AgencyResult,
): PaintGroup[] {
  const report = result.report;
  if (!report || report.tableHeaderRow === null) return [];
  const colors = new Map<string, string>();
  for (const cell of [report.status.cell, report.sentOn.cell, report.header.preparer?.cell, report.header.phone?.cell])
    if (cell) colors.set(cell, COLORS.input);
  const modes = new Map(formRows(catalog, settings, agency).map((r) => [r.ind.code, r]));
  for (const [row, code] of report.codeRows) {
    const fr = modes.get(code);
    if (fr?.mode.kind === 'input') colors.set(`D${row}`, fr.ind.supporting ? COLORS.supporting : COLORS.input);
  }
  for (const sev of ['warning', 'error'] as const) {
    for (const f of result.findings)
      if (f.severity === sev && f.cell && colors.has(f.cell))
        colors.set(f.cell, sev === 'error' ? COLORS.error : COLORS.warning);
  }
  const byColor = new Map<string, string[]>();
  for (const [cell, color] of colors) byColor.set(color, [...(byColor.get(color) ?? []), cell]);
  return [...byColor].map(([color, cells]) => ({ color, ranges: columnRuns(cells) }));
}

/** ["D12", "D13", "D14", "C6"] -> ["C6", "D12:D14"]: fewer, longer ranges for one call. */
function columnRuns(cells: string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of cells.map(parseA1)) byColumn.set(col, [...(byColumn.get(col) ?? []), row]);
  return [...byColumn]
    .sort(([a], [b]) => a - b)
    .flatMap(([col, rows]) => rowRuns(rows).map(([start, count]) => a1Range(start, col, count, 1)));
}

function valueCell(r: IndicatorResult | undefined): PlanCell {
  if (!r || r.value === null) return { v: null, s: { background: r?.flagged ? COLORS.warning : undefined } };
  const kind = r.ind.kind;
  const v = kind === 'percent' ? r.value / 100 : r.value;
  const s: CellStyle = {
    numberFormat: NUMBER_FORMATS[kind],
    background: r.flagged ? COLORS.warning : undefined,
    align: 'right',
  };
  return { v, s };
}

function unitLabel(ind: { kind: string; unit: string }): string {
  return ind.kind === 'percent' ? '%' : ind.unit;
}

export function summarySheetPlan(summary: Summary, stamp: string): SheetPlan {
  const s = summary.settings;
  const t = table(5);
  const included = summary.submission.filter((e) => e.included).length;
  t.line([
    { v: null },
    title(`TỔNG HỢP SỐ LIỆU THỐNG KÊ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${upper(inText(s.period))}`),
  ]);
  t.line([
    { v: null },
    italic(
      `Cơ quan báo cáo: ${s.issuingBody}. Số liệu từ ${formatDmy(s.period.from)} đến ${formatDmy(s.period.to)}; tổng hợp từ ${included}/${summary.submission.length} đơn vị; lập lúc ${stamp}; mẫu ${summary.catalogVersion}.`,
    ),
  ]);
  t.line([]);
  t.header(TABLE_HEADER);
  for (const ind of summary.asked) {
    if (ind.supporting) continue;
    if (!isValueRow(ind)) {
      t.line([
        { v: ind.code, s: { bold: true, background: COLORS.group } },
        { v: ind.name, s: { bold: true, background: COLORS.group, wrap: true } },
        { v: null, s: { background: COLORS.group } },
        { v: null, s: { background: COLORS.group } },
        { v: null, s: { background: COLORS.group } },
      ]);
      continue;
    }
    const r = summary.indicators.get(ind.code);
    const unit = ind.kind === 'code' ? ind.answers.map((a) => `${a.label} = ${a.code}`).join('; ') : unitLabel(ind);
    t.line([
      { v: ind.code },
      { v: (ind.isPart ? '    ' : '') + ind.name, s: { wrap: true } },
      { v: unit, s: { wrap: true, align: 'center' } },
      valueCell(r),
      { v: r?.note ?? '', s: { wrap: true } },
    ]);
  }
  t.end();
  const excluded = summary.submission.filter((e) => !e.included);
  t.line([]);
  t.line([
    { v: null },
    title(excluded.length ? `Đơn vị chưa được tổng hợp (${excluded.length}):` : 'Tất cả đơn vị đều được tổng hợp.'),
  ]);
  for (const e of excluded) t.line([{ v: null }, { v: `- ${e.agency.name}: ${e.excludedReason}`, s: { wrap: true } }]);
  return {
    name: SUMMARY_SHEET,
    rows: t.rows,
    columnWidths: [70, 430, 120, 120, 320],
    frozenRows: t.headerRows[0],
    borders: t.borders,
    print: { titleRows: [t.headerRows[0]!, t.headerRows[0]!] },
    protection: { kind: 'consolidator' },
  };
}

export function detailSheetPlan(summary: Summary): SheetPlan {
  const results = summary.results;
  const width = 4 + results.length;
  const t = table(width);
  t.line([title('SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ'), { v: null }, { v: null }, { v: null }]);
  t.line([
    italic(
      'Mỗi cột là số liệu một đơn vị đã nhập; cột "Toàn tỉnh" là số liệu tổng hợp. Bấm tên đơn vị để mở trang của đơn vị.',
    ),
  ]);
  const head: PlanCell[] = ['Mã', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Toàn tỉnh'].map((h) => ({
    v: h,
    s: { bold: true, background: COLORS.header, wrap: true, align: 'center' as const },
  }));
  for (const r of results) {
    const v: CellInput = r.report ? { link: { text: r.agency.name, sheet: r.agency.sheet } } : r.agency.name;
    head.push({ v, s: { bold: true, background: COLORS.header, wrap: true, align: 'center' } });
  }
  t.rows.push(head);
  const status: PlanCell[] = [{ v: null }, { v: 'Tình trạng', s: { italic: true } }, { v: null }, { v: null }];
  for (const r of results) {
    const e = summary.submission.find((x) => x.agency.name === r.agency.name)!;
    status.push({
      v: e.included ? 'Được tổng hợp' : `Không tổng hợp: ${e.excludedReason}`,
      s: { italic: true, wrap: true, background: e.included ? COLORS.ok : COLORS.locked },
    });
  }
  t.rows.push(status);
  for (const ind of summary.asked) {
    const line: PlanCell[] = [
      { v: ind.code, s: { bold: ind.kind === 'group' } },
      { v: ind.name, s: { bold: ind.kind === 'group', italic: ind.supporting, wrap: true } },
      { v: isValueRow(ind) ? unitLabel(ind) : null, s: { wrap: true } },
      isValueRow(ind) ? valueCell(summary.indicators.get(ind.code)) : { v: null },
    ];
    for (const r of results) {
      const row = r.report?.rows.get(ind.code);
      if (!row || row.reading.state === 'blank' || !isValueRow(ind)) line.push({ v: null });
      else if (row.reading.state === 'invalid')
        line.push({ v: `Lỗi: ${String(row.raw)}`, s: { background: COLORS.error } });
      else {
        const v = ind.kind === 'percent' ? row.reading.value / 100 : row.reading.value;
        line.push({ v, s: { numberFormat: NUMBER_FORMATS[ind.kind] } });
      }
    }
    if (ind.kind === 'group') line.forEach((c, i) => (line[i] = { v: c.v, s: { ...c.s, background: COLORS.group } }));
    t.rows.push(line);
  }
  return {
    name: DETAIL_SHEET,
    rows: t.rows,
    columnWidths: [70, 300, 90, 110, ...results.map(() => 110)],
    frozenRows: 4,
    // Code, indicator, unit and the province's figure stay in view and repeat on every printed page.
    frozenColumns: 4,
    borders: [a1Range(3, 1, t.rows.length - 2, width)],
    print: { titleRows: [3, 4], titleColumns: 4 },
    protection: { kind: 'consolidator' },
  };
}

export function submissionSheetPlan(summary: Summary): SheetPlan {
  const s = summary.settings;
  const t = table(6);
  t.line([{ v: null }, title(`CÁC ĐƠN VỊ BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${upper(inText(s.period))}`)]);
  t.line([{ v: null }, italic(`(Thời hạn gửi báo cáo: ${formatDmy(s.deadline)})`)]);
  t.line([]);
  t.header(SUBMISSION_HEADER);
  summary.submission.forEach((e, i) => {
    t.line([
      { v: i + 1, s: { align: 'center' } },
      { v: e.agency.name, s: { wrap: true } },
      { v: e.submitted ? 'x' : null, s: { align: 'center' } },
      { v: e.submitted ? null : 'x', s: { align: 'center' } },
      e.date ? { v: { date: e.date }, s: { numberFormat: 'dd/mm/yyyy', align: 'center' } } : { v: null },
      {
        v: submissionNote(e),
        s: { wrap: true, background: e.daysLate ? COLORS.warning : !e.submitted ? COLORS.locked : undefined },
      },
    ]);
  });
  const sent = summary.submission.filter((e) => e.submitted);
  const late = sent.filter((e) => e.daysLate);
  t.line([
    { v: null },
    { v: 'Tổng cộng', s: { bold: true } },
    { v: sent.length, s: { bold: true, align: 'center' } },
    { v: summary.submission.length - sent.length, s: { bold: true, align: 'center' } },
    { v: null },
    { v: `Đúng hạn: ${sent.length - late.length}; chậm: ${late.length}`, s: { bold: true } },
  ]);
  t.end();
  return {
    name: SUBMISSION_SHEET,
    rows: t.rows,
    columnWidths: [50, 330, 110, 110, 100, 220],
    frozenRows: t.headerRows[0],
    borders: t.borders,
    print: { titleRows: [t.headerRows[0]!, t.headerRows[0]!] },
    protection: { kind: 'consolidator' },
  };
}

export const SUBMISSION_HEADER = [
  'STT',
  'Đơn vị',
  'Có gửi báo cáo',
  'Không gửi báo cáo',
  'Ngày gửi',
  'Ghi chú',
] as const;
