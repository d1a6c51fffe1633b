/**
 * The sheets the add-on writes for the consolidator: validation results, the province summary
 * in the official layout, the per-agency detail and the submission table; and the marks that
 * point at the cells with findings on each agency tab.
 */
import { Catalog, Severity, isValueRow } from '../catalog/catalog';
import { formatDmy } from '../primitives/dates';
import { formatNumber } from '../primitives/numbers';
import { formRows } from '../form/row-modes';
import { COLORS, CellStyle, PlanCell, SheetPlan } from '../sheet/plan';
import { columnWidthFor } from '../sheet/print';
import { a1Range, parseA1, rowRuns } from '../sheet/grid';
import { IndicatorResult, SubmissionEntry, Summary, isVertical, provinceCoverage, submissionNote } from './consolidate';
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

/**
 * A finding about the province's consolidated figures rather than one agency's tab (a part above
 * its whole, a count that disagrees with the appendix): the indicator it is about and what is wrong.
 */
export interface ProvinceFinding {
  /** The indicator's code, linked to its row on "Tổng hợp" when that row is known; null: the whole summary. */
  readonly code: string | null;
  readonly message: string;
  /** A warning unless said otherwise: the consolidator judges, nothing is excluded for it. */
  readonly severity?: Severity;
}

/** What "Kết quả kiểm tra" lists besides the agencies' own findings, after a consolidation. */
export interface ProvinceChecks {
  readonly findings: readonly ProvinceFinding[];
  /** Indicator code -> its 1-based row on "Tổng hợp" (summaryRows), for the links. */
  readonly rows?: ReadonlyMap<string, number>;
}

const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo' } as const;
const severityCell = (sev: Severity): PlanCell => ({
  v: SEVERITY_LABEL[sev],
  s: { background: sev === 'error' ? COLORS.error : COLORS.warning },
});
const FINDINGS_HEADER = ['STT', 'Đơn vị', 'Ô', 'Chỉ tiêu', 'Mức độ', 'Nội dung', 'Loại vấn đề'];

export function validationSheetPlan(
  settings: Schedule,
  results: readonly AgencyResult[],
  stamp: string,
  province: ProvinceChecks = { findings: [] },
): SheetPlan {
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
      r.report
        ? { v: { link: { text: r.agency.sheet, sheet: r.agency.sheet } }, s: { wrap: true } }
        : { v: r.agency.sheet, s: { wrap: true } },
      { v: AGENCY_STATUS_LABELS[r.status], s: { background: STATUS_COLORS[r.status], bold: true, wrap: true } },
      { v: r.errors },
      { v: r.warnings },
      sent ? { v: { date: sent }, s: { numberFormat: 'dd/mm/yyyy' } } : { v: null },
    ]);
  });
  t.end();
  if (province.findings.length) {
    t.line([]);
    t.line([
      title(
        `SỐ LIỆU TOÀN TỈNH CẦN XEM LẠI TRƯỚC KHI DÙNG CHO BÁO CÁO: ${formatNumber(province.findings.length)} VẤN ĐỀ (bấm vào ô để mở trang ${SUMMARY_SHEET})`,
      ),
    ]);
    t.header(FINDINGS_HEADER);
    province.findings.forEach((f, i) => {
      const row = f.code === null ? undefined : province.rows?.get(f.code);
      t.line([
        { v: i + 1, s: { align: 'center' } },
        { v: `Toàn tỉnh (trang ${SUMMARY_SHEET})`, s: { wrap: true } },
        row ? { v: { link: { text: `D${row}`, sheet: SUMMARY_SHEET, a1: `D${row}` } } } : { v: '' },
        { v: f.code ?? '' },
        severityCell(f.severity ?? 'warning'),
        { v: f.message, s: { wrap: true } },
        { v: 'Số liệu tổng hợp không nhất quán', s: { color: COLORS.lockedText, wrap: true } },
      ]);
    });
    t.end();
  }
  t.line([]);
  const findings = results.flatMap((r) => r.findings);
  t.line([
    title(
      findings.length
        ? `CHI TIẾT ${formatNumber(findings.length)} VẤN ĐỀ Ở TRANG CỦA CÁC ĐƠN VỊ (bấm vào ô để mở đúng vị trí)`
        : 'Trang của các đơn vị không có vấn đề nào.',
    ),
  ]);
  if (findings.length) {
    t.header(FINDINGS_HEADER);
    findings.forEach((f, i) => {
      t.line([
        { v: i + 1, s: { align: 'center' } },
        { v: f.agency, s: { wrap: true } },
        f.cell && f.rule !== 'sheet-missing'
          ? { v: { link: { text: f.cell, sheet: f.sheet, a1: f.cell } } }
          : { v: f.cell ?? '' },
        { v: f.indicator ?? '' },
        severityCell(f.severity),
        { v: f.message, s: { wrap: true } },
        // The rule's Vietnamese name: its id is for the CLI's JSON, not for the person fixing a cell.
        { v: RULES[f.rule], s: { color: COLORS.lockedText, wrap: true } },
      ]);
    });
  }
  t.end();
  // A sheet name is a link, which LibreOffice prints on one line: the column fits the longest
  // (.xlsx names have at most 31 characters; a longer Sheets name wraps there), counted as wide as bold text.
  // A sixth more than the estimate: LibreOffice cut "Văn phòng Đoàn ĐBQH và HĐND tỉnh" at 250 px.
  const sheetColumn = Math.min(
    300,
    10 *
      Math.ceil(
        (1.15 *
          columnWidthFor(
            results.map((r) => r.agency.sheet),
            1,
            90,
            true,
          )) /
          10,
      ),
  );
  return {
    name: VALIDATION_SHEET,
    rows: t.rows,
    columnWidths: [45, 200, sheetColumn, 130, 90, 480, 170],
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
  // The province's own agencies, as the draft counts them: vertical agencies are reported apart below.
  const own = provinceCoverage(summary);
  t.line([
    { v: null },
    title(`TỔNG HỢP SỐ LIỆU THỐNG KÊ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${upper(inText(s.period))}`),
  ]);
  t.line([
    { v: null },
    italic(
      `Cơ quan báo cáo: ${s.issuingBody}. Số liệu từ ${formatDmy(s.period.from)} đến ${formatDmy(s.period.to)}; tổng hợp từ ${own.used}/${own.of} đơn vị${own.verticalApart ? ' (không gồm cơ quan ngành dọc)' : ''}; lập lúc ${stamp}; mẫu ${summary.catalogVersion}.`,
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
  verticalBlock(t, summary);
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

/**
 * Indicator code -> its 1-based row in the province's table of a "Tổng hợp" plan (the first table,
 * not the vertical agencies' block), for links from "Kết quả kiểm tra".
 */
export function summaryRows(plan: SheetPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = plan.frozenRows ?? 0; r < plan.rows.length; r++) {
    const code = plan.rows[r]![0]!.v;
    if (typeof code !== 'string' || !code) break;
    out.set(code, r + 1);
  }
  return out;
}

/** The heading of the vertical agencies' block on "Tổng hợp". */
export const VERTICAL_TITLE = 'Cơ quan ngành dọc (không tính vào số liệu chung của tỉnh)';
/** The vertical agencies' on-time rate, named for them (the catalog's name says "do các sở, ngành"). */
const VERTICAL_RATE = 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn';

/**
 * The vertical agencies' (ngành dọc) hồ sơ block, summed over them alone and their rates computed
 * as the catalog computes the province's (consolidate's `vertical`): a table of its own under the
 * province's, as the report gives them a paragraph and a table of their own.
 */
function verticalBlock(t: ReturnType<typeof table>, summary: Summary): void {
  const entries = summary.submission.filter((e) => isVertical(e.agency));
  if (!entries.length || !summary.vertical.size) return;
  const names = entries.map((e) => e.agency.name);
  const missing = entries.filter((e) => !e.included).map((e) => e.agency.name);
  t.line([]);
  t.line([{ v: null }, title(VERTICAL_TITLE)]);
  t.line([
    { v: null },
    italic(
      `Số liệu của ${entries.length - missing.length}/${entries.length} cơ quan: ${names.join(', ')}${missing.length ? `; chưa có số liệu của ${missing.join(', ')}` : ''}.`,
    ),
  ]);
  t.header(TABLE_HEADER);
  const rows = summary.asked.filter((ind) => summary.vertical.has(ind.code));
  for (const ind of rows) {
    const r = summary.vertical.get(ind.code)!;
    // A rate of the block with no counts of its own (3.4.1) is the on-time rate of the hồ sơ above.
    const blockRate = ind.kind === 'percent' && !rows.some((x) => x.parent === ind.code);
    t.line([
      { v: ind.code },
      { v: blockRate ? VERTICAL_RATE : (ind.isPart ? '    ' : '') + ind.name, s: { wrap: true } },
      { v: unitLabel(ind), s: { wrap: true, align: 'center' } },
      valueCell(r),
      { v: r.note, s: { wrap: true } },
    ]);
  }
  t.end();
}

/** The status of an agency's column on "Chi tiết theo đơn vị". */
export function detailStatus(e: SubmissionEntry): string {
  if (!e.included) return `Không tổng hợp: ${e.excludedReason}`;
  return isVertical(e.agency) ? 'Báo cáo riêng (ngành dọc)' : 'Được tổng hợp';
}

export function detailSheetPlan(summary: Summary): SheetPlan {
  const results = summary.results;
  const width = 4 + results.length;
  const t = table(width);
  const anyVertical = results.some((r) => isVertical(r.agency));
  t.line([title('SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ'), { v: null }, { v: null }, { v: null }]);
  t.line([
    italic(
      // Within the four label columns, which every printed page repeats (a longer line is cut there).
      `Mỗi cột là số liệu một đơn vị đã nhập; cột "Toàn tỉnh" ${anyVertical ? 'không gồm cơ quan ngành dọc' : 'là số liệu tổng hợp'}.`,
    ),
  ]);
  const headStyle: CellStyle = { bold: true, background: COLORS.header, wrap: true, align: 'center' };
  // Names are plain text, so they wrap everywhere (a link does not in LibreOffice); the link has its own row.
  const head: PlanCell[] = [
    'Mã',
    'Chỉ tiêu thống kê',
    'Đơn vị tính',
    'Toàn tỉnh',
    ...results.map((r) => r.agency.name),
  ].map((h) => ({ v: h, s: headStyle }));
  t.rows.push(head);
  const status: PlanCell[] = [{ v: null }, { v: 'Tình trạng', s: { italic: true } }, { v: null }, { v: null }];
  const statuses: string[] = [];
  for (const r of results) {
    const e = summary.submission.find((x) => x.agency.name === r.agency.name)!;
    const text = detailStatus(e);
    statuses.push(text);
    status.push({
      v: text,
      s: {
        italic: true,
        wrap: true,
        background: !e.included ? COLORS.locked : isVertical(e.agency) ? COLORS.supporting : COLORS.ok,
      },
    });
  }
  t.rows.push(status);
  const links: PlanCell[] = [{ v: null }, { v: 'Trang của đơn vị', s: { italic: true } }, { v: null }, { v: null }];
  for (const r of results)
    links.push(r.report ? { v: { link: { text: 'Mở trang', sheet: r.agency.sheet } } } : { v: null });
  t.rows.push(links);
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
  // One width for every agency's column (one call in Sheets however many agencies): the longest
  // name in at most three lines, every status in at most two.
  const agencyColumn = Math.max(
    columnWidthFor(
      results.map((r) => r.agency.name),
      3,
      110,
      true,
    ),
    columnWidthFor(statuses, 2, 110),
  );
  return {
    name: DETAIL_SHEET,
    rows: t.rows,
    columnWidths: [70, 300, 90, 110, ...results.map(() => agencyColumn)],
    frozenRows: 5,
    // Code, indicator, unit and the province's figure stay in view and repeat on every printed page.
    frozenColumns: 4,
    borders: [a1Range(3, 1, t.rows.length - 2, width)],
    print: { titleRows: [3, 5], titleColumns: 4 },
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
