/**
 * WorkbookPort over an excelts (ExcelJS-compatible) workbook held in memory: the offline twin of
 * the Apps Script adapter. Load a file, run the same use cases, save to another file. Cell-level
 * reading and formula results live in xlsx-cells.ts.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { IsoDate, isoDate, parts } from '../core/primitives/dates';
import { COLORS, CellInput, PlanCell, Protection, SheetPlan, VALIDATION_HELP, Validation } from '../core/sheet/plan';
import { SheetSnapshot, columnLetter, parseA1 } from '../core/sheet/grid';
import { ooxmlFormula } from '../core/form/formulas';
import { LiveCheck, checkRules } from '../core/checks/live-checks';
import { pad2 } from '../core/primitives/numbers';
import { FONT_PT, MARGINS, XLSX_CHAR_PX, printLayout, rowHeights, wrappedRowHeight } from '../core/sheet/print';
import { PaintGroup } from '../core/figures/output-sheets';
import { ProtectionOutcome, WorkbookPort } from '../core/workbook';
import {
  internal,
  keepNumberText,
  replaceNonFinite,
  shiftFormulaRows,
  snapshotOf,
  storeFormulaResults,
} from './xlsx-cells';
import { normaliseStyles } from './xlsx-styles';
import { xlsxSelfCheck } from './self-check';
import { withoutPhoneticHints } from './xlsx-snapshots';
import { xmlDecode, xmlEncode } from '@cj-tech-master/excelts/xml';

const STATE_SHEET = '_cchc_state';
const LISTS_SHEET = '_cchc_lists';
const FONT = 'Times New Roman';

type Clock = () => Date;

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly book: ExcelJS.Workbook,
    private readonly clock: Clock,
  ) {}

  static create(clock: Clock = () => new Date()): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = 'Báo cáo CCHC';
    return new XlsxWorkbook(book, clock);
  }

  /** Reads a file (no kind or size checks: the CLI reads inputs through src/cli/files.ts). */
  static async load(path: string, clock: Clock = () => new Date()): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book, clock);
  }

  /**
   * Reads .xlsx bytes this program wrote (a re-read of its own output); throws when they are not
   * a workbook excelts can read. A user's file is read through xlsx-guard.ts (guardedWorkbook),
   * which hands over the parts it checked (fromParts), never the bytes.
   */
  static async fromBuffer(buf: Buffer | ArrayBuffer, clock: Clock = () => new Date()): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as ArrayBuffer);
    return XlsxWorkbook.loaded(book, clock);
  }

  /**
   * A workbook from its parts, by path in the package ("xl/workbook.xml"), already inflated and
   * checked: excelts reads no zip of its own, so it sees exactly what the guard checked.
   */
  static async fromParts(files: Record<string, Uint8Array>, clock: Clock = () => new Date()): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    // Phonetic hints left out as the shared reader leaves them (xlsx-snapshots.ts), and number
    // formats' escapes kept, so every command reads an inline string and a rate alike.
    const plain: Record<string, Uint8Array> = {};
    for (const [path, bytes] of Object.entries(files))
      plain[path] = /^xl\/worksheets\/[^/]+\.xml$/.test(path)
        ? phoneticFree(bytes)
        : path === 'xl/styles.xml'
          ? escapesQuoted(bytes)
          : bytes;
    await book.xlsx.loadFromFiles(plain);
    return XlsxWorkbook.loaded(book, clock);
  }

  private static loaded(book: ExcelJS.Workbook, clock: Clock): XlsxWorkbook {
    // A file without a theme (LibreOffice writes none) loads as an empty theme list, and excelts
    // 10.2.0 then writes a theme relationship with no theme part (its own check reports it).
    // No list at all makes it write its default theme, as for a new workbook.
    const internals = book as unknown as { _themes?: Record<string, unknown> };
    if (internals._themes && !Object.keys(internals._themes).length) internals._themes = undefined;
    return new XlsxWorkbook(book, clock);
  }

  /**
   * The workbook as .xlsx bytes, every formula stored with its computed result and every style
   * one the schema allows (xlsx-styles.ts), whatever program saved the file it was loaded from.
   */
  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.toBytes());
  }

  /** The same bytes without Node's Buffer, for the browser (the add-on's download dialog). */
  async toBytes(): Promise<Uint8Array> {
    for (const ws of this.book.worksheets) {
      storeFormulaResults(ws);
      replaceNonFinite(ws);
    }
    normaliseStyles(this.book);
    const check = xlsxSelfCheck.enabled;
    return new Uint8Array(await this.book.xlsx.writeBuffer(check === undefined ? {} : { validate: check }));
  }

  /**
   * Number cells whose stored text is no number ("1234abc", "NaN") as that text, from the same
   * file read into snapshots (xlsx-snapshots.ts): excelts' loader would keep only the digits.
   */
  keepTextOf(snapshots: readonly SheetSnapshot[]): void {
    for (const snap of snapshots) {
      const ws = this.book.getWorksheet(snap.name);
      if (ws) keepNumberText(ws, snap);
    }
  }

  sheetNames(): string[] {
    return this.book.worksheets.filter((w) => !w.name.startsWith('_cchc_')).map((w) => w.name);
  }

  read(name: string): SheetSnapshot | null {
    const ws = this.book.getWorksheet(name);
    return ws ? snapshotOf(ws, name) : null;
  }

  create(plan: SheetPlan): ProtectionOutcome {
    if (this.book.getWorksheet(plan.name)) throw new Error(`Đã có trang "${plan.name}".`);
    const ws = this.book.addWorksheet(plan.name);
    this.render(ws, plan);
    return plan.protection ? this.applyProtection(ws, plan.protection) : { applied: true };
  }

  replace(plan: SheetPlan): void {
    const old = this.book.getWorksheet(plan.name);
    const tmp = this.book.addWorksheet(`${plan.name.slice(0, 20)} (đang ghi)`);
    this.render(tmp, plan);
    if (plan.protection) this.applyProtection(tmp, plan.protection);
    if (old) {
      // Keep the old sheet's position: move the new one into its slot.
      const order = internal(old).orderNo;
      this.book.removeWorksheet(old.id);
      internal(tmp).orderNo = order;
    }
    tmp.name = plan.name;
  }

  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void {
    const ws = this.mustSheet(name);
    ws.spliceRows(afterRow + 1, 0, ...rows.map(() => []));
    shiftFormulaRows(ws, afterRow, rows.length);
    rows.forEach((cells, i) => cells.forEach((pc, c) => this.writeCell(ws.getCell(afterRow + 1 + i, c + 1), pc)));
    rows.forEach((_, i) => fitRowHeight(ws, afterRow + 1 + i));
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    return this.applyProtection(this.mustSheet(name), protection);
  }

  setChecks(name: string, checks: readonly LiveCheck[]): void {
    const ws = this.mustSheet(name);
    ws.removeConditionalFormatting(() => true);
    this.writeChecks(ws, checks);
  }

  setValidations(name: string, range: string, validations: readonly (readonly (Validation | null)[])[]): void {
    const ws = this.mustSheet(name);
    const { row, col } = parseA1(range);
    validations.forEach((line, i) =>
      line.forEach((v, j) => {
        const cell = ws.getCell(row + i, col + j);
        if (v) cell.dataValidation = this.excelValidation(v);
        else if (cell.dataValidation) ws.dataValidations.remove(cell.address);
      }),
    );
  }

  paint(name: string, groups: readonly PaintGroup[]): void {
    const ws = this.mustSheet(name);
    for (const g of groups) {
      for (const ref of g.ranges) {
        const { row, col, rows, cols } = parseA1(ref);
        for (let r = row; r < row + rows; r++)
          for (let c = col; c < col + cols; c++)
            ws.getCell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(g.color) } };
      }
    }
  }

  writeCells(name: string, range: string, cells: CellInput[][]): void {
    const ws = this.mustSheet(name);
    const { row, col } = parseA1(range);
    cells.forEach((line, i) => line.forEach((v, j) => (ws.getCell(row + i, col + j).value = this.excelValue(v))));
    // Text typed into a wrapped cell (a free-text answer) gets the lines it needs, as Sheets does by itself.
    cells.forEach((_, i) => fitRowHeight(ws, row + i));
  }

  getState(key: string): string | null {
    const ws = this.book.getWorksheet(STATE_SHEET);
    if (!ws) return null;
    for (let r = 1; r <= ws.rowCount; r++)
      if (ws.getCell(r, 1).value === key) return String(ws.getCell(r, 2).value ?? '');
    return null;
  }

  setState(key: string, value: string): void {
    let ws = this.book.getWorksheet(STATE_SHEET);
    if (!ws) {
      ws = this.book.addWorksheet(STATE_SHEET);
      ws.state = 'veryHidden';
    }
    let r = 1;
    while (r <= ws.rowCount && ws.getCell(r, 1).value !== key) r++;
    ws.getCell(r, 1).value = key;
    ws.getCell(r, 2).value = value;
  }

  today(): IsoDate {
    const d = this.clock();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }

  stamp(): string {
    const d = this.clock();
    return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  }

  // -------------------------------------------------------------------------------------------

  private mustSheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new Error(`Không tìm thấy trang "${name}".`);
    return ws;
  }

  private render(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
    plan.columnWidths.forEach((px, i) => (ws.getColumn(i + 1).width = Math.round(px / XLSX_CHAR_PX)));
    if (plan.frozenRows || plan.frozenColumns)
      ws.views = [{ state: 'frozen', ySplit: plan.frozenRows ?? 0, xSplit: plan.frozenColumns ?? 0 }];
    plan.rows.forEach((cells, r) => cells.forEach((pc, c) => this.writeCell(ws.getCell(r + 1, c + 1), pc)));
    rowHeights(plan).forEach((pt, r) => {
      if (pt !== null) ws.getRow(r + 1).height = pt;
    });
    const line = { style: 'thin' as const, color: { argb: 'FF808080' } };
    for (const ref of plan.borders ?? []) {
      const { row, col, rows, cols } = parseA1(ref);
      for (let r = row; r < row + rows; r++)
        for (let c = col; c < col + cols; c++)
          ws.getCell(r, c).border = { top: line, left: line, bottom: line, right: line };
    }
    this.pageSetup(ws, plan);
  }

  /** A4, one page wide where the text stays ≥ 8 pt (core/print.ts), titles repeated, pages numbered. */
  private pageSetup(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
    const fit = printLayout(plan);
    Object.assign(ws.pageSetup, {
      paperSize: 9,
      orientation: fit.orientation,
      margins: { ...MARGINS },
      horizontalCentered: true,
      ...(fit.fitToWidth
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
        : { fitToPage: false, scale: fit.scale, pageOrder: 'overThenDown' }),
    });
    const titles = plan.print;
    if (titles?.titleRows) ws.pageSetup.printTitlesRow = `${titles.titleRows[0]}:${titles.titleRows[1]}`;
    if (titles?.titleColumns) ws.pageSetup.printTitlesColumn = `A:${columnLetter(titles.titleColumns)}`;
    // "Trang 2/5" at the foot of every page, the sheet's name at its left (&P, &N, &A: ECMA-376 §18.3.1.46).
    Object.assign(ws.headerFooter, { oddFooter: '&L&A&RTrang &P/&N' });
    this.writeChecks(ws, plan.checks ?? []);
  }

  /**
   * The live checks as conditional formatting, the same range rules and formulas as in Google
   * Sheets (checkRules; no argument separator, no decimal point, so the file's formula text is the
   * sheet's): one block per rule, its ranges one sqref (space-separated, ECMA-376 ST_Sqref), the
   * formula relative to their top-left cell as Excel and LibreOffice read it. Priorities in rule
   * order: where two rules that match a cell both set its fill, the higher priority's wins, as the
   * first matching rule does in Sheets.
   */
  private writeChecks(ws: ExcelJS.Worksheet, checks: readonly LiveCheck[]): void {
    checkRules(checks).forEach((r, i) =>
      ws.addConditionalFormatting({
        ref: r.ranges.join(' '),
        rules: [
          {
            type: 'expression' as const,
            priority: i + 1,
            formulae: [r.formula],
            style: {
              fill: {
                type: 'pattern' as const,
                pattern: 'solid' as const,
                bgColor: { argb: argb(r.severity === 'error' ? COLORS.error : COLORS.warning) },
              },
            },
          },
        ],
      }),
    );
  }

  private writeCell(cell: ExcelJS.Cell, pc: PlanCell): void {
    cell.value = this.excelValue(pc.v);
    const s = pc.s ?? {};
    cell.font = {
      name: FONT,
      size: FONT_PT,
      bold: s.bold || undefined,
      italic: s.italic || undefined,
      color: s.color ? { argb: argb(s.color) } : undefined,
    };
    if (s.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.background) } };
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    cell.alignment = { wrapText: s.wrap || undefined, horizontal: s.align, vertical: 'top' };
    if (s.note) cell.note = s.note;
    if (s.validation) cell.dataValidation = this.excelValidation(s.validation);
  }

  private excelValue(v: CellInput): ExcelJS.CellValue {
    if (v === null) return null;
    // Never write Infinity or NaN into a workbook: the core should have refused such a figure.
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number ${v} written to a cell`);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if ('formula' in v) return { formula: ooxmlFormula(v.formula), date1904: false } as ExcelJS.CellFormulaValue;
    if ('date' in v) {
      const { y, m, d } = parts(v.date);
      return new Date(Date.UTC(y, m - 1, d));
    }
    const target = `'${v.link.sheet.replace(/'/g, "''")}'!${v.link.a1 ?? 'A1'}`;
    return { text: v.link.text, hyperlink: `#${target}` };
  }

  /**
   * The same refusals as the Google sheet (src/gas/sheets.ts says which checks refuse a typed value
   * and why): error style "stop" refuses the value in Excel and LibreOffice, with the same text.
   */
  private excelValidation(v: Validation): ExcelJS.DataValidation {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop' as const,
      errorTitle: 'Giá trị không hợp lệ',
      error: VALIDATION_HELP[v.kind],
    };
    switch (v.kind) {
      case 'wholeNumber':
        return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
      case 'percent':
        return { ...common, type: 'decimal', operator: 'between', formulae: [0, 1] };
      case 'date':
        return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))] };
      case 'list':
        // Inline Excel lists cannot hold commas ("Sở, ban, ngành"), so lists live on a hidden sheet.
        return { ...common, type: 'list', formulae: [this.listRange(v.values)] };
    }
  }

  private lists = new Map<string, string>();

  private listRange(values: readonly string[]): string {
    const key = JSON.stringify(values);
    const hit = this.lists.get(key);
    if (hit) return hit;
    let ws = this.book.getWorksheet(LISTS_SHEET);
    if (!ws) {
      ws = this.book.addWorksheet(LISTS_SHEET);
      ws.state = 'veryHidden';
    }
    const col = this.lists.size + 1;
    values.forEach((v, i) => (ws!.getCell(i + 1, col).value = v));
    const letter = columnLetter(col);
    const ref = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
    this.lists.set(key, ref);
    return ref;
  }

  private applyProtection(ws: ExcelJS.Worksheet, p: Protection): ProtectionOutcome {
    // Excel protects without a password here: it stops slips, not a determined user.
    internal(ws).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    };
    if (p.kind === 'consolidator') return { applied: true };
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.protection?.locked === false) cell.protection = { locked: true };
      }
    }
    for (const ref of p.editable) {
      const { row, col, rows, cols } = parseA1(ref);
      for (let r = row; r < row + rows; r++)
        for (let c = col; c < col + cols; c++) ws.getCell(r, c).protection = { locked: false };
    }
    return {
      applied: true,
      note: p.editors.length ? 'tệp Excel không phân quyền theo email: chỉ khóa các ô không được sửa' : undefined,
    };
  }
}

/** A sheet part's bytes without its inline strings' phonetic hints (unchanged when it has none). */
function phoneticFree(bytes: Uint8Array): Uint8Array {
  const xml = new TextDecoder().decode(bytes);
  const plain = withoutPhoneticHints(xml);
  return plain === xml ? bytes : new TextEncoder().encode(plain);
}

/**
 * A styles part whose number formats keep their escapes through excelts, whose loader drops every
 * backslash: "0.000\%" (shows 0,142 as "0,142%") would become "0.000%" (shows it as "14,200%")
 * and be read as 14,2 where the shared reader reads 0,142 (numbers.ts: scalesAsPercent). Each
 * escaped character is written as the quoted text it stands for (0.000"%"), which shows the same.
 */
function escapesQuoted(bytes: Uint8Array): Uint8Array {
  const xml = new TextDecoder().decode(bytes);
  if (!xml.includes('\\')) return bytes;
  const out = xml.replace(
    /(<(?:[\w.-]+:)?numFmt\b[^>]*?\sformatCode\s*=\s*)(?:"([^"]*)"|'([^']*)')/g,
    (whole, head: string, dq: string | undefined, sq: string | undefined) => {
      const code = xmlDecode(dq ?? sq ?? '');
      const quoted = code.replace(/"[^"]*"?|\\([^"])/g, (m, ch: string | undefined) =>
        ch === undefined ? m : `"${ch}"`,
      );
      return quoted === code ? whole : `${head}"${xmlEncode(quoted)}"`;
    },
  );
  return out === xml ? bytes : new TextEncoder().encode(out);
}

/** Raises a row to the lines its wrapped text cells need (never lowers it). */
function fitRowHeight(ws: ExcelJS.Worksheet, r: number): void {
  const row = ws.getRow(r);
  const texts: { text: string; widthChars: number | undefined }[] = [];
  row.eachCell((cell, c) => {
    if (typeof cell.value === 'string' && cell.value && cell.alignment?.wrapText)
      texts.push({ text: cell.value, widthChars: ws.getColumn(c).width });
  });
  const height = wrappedRowHeight(texts);
  if (height && (row.height ?? 0) < height) row.height = height;
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}
