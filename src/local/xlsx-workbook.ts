/**
 * WorkbookPort over an ExcelJS workbook held in memory: the offline twin of the Apps Script
 * adapter. Load a file, run the same use cases, save to another file.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { IsoDate, isoDate, parts } from '../core/dates';
import {
  CellInput,
  PlanCell,
  Protection,
  RawCell,
  SheetPlan,
  SheetSnapshot,
  Validation,
  columnLetter,
  parseA1,
} from '../core/grid';
import { evaluateFormula, ooxmlFormula, parseOwnFormula } from '../core/formulas';
import { pad2 } from '../core/numbers';
import { PaintGroup } from '../core/outputs';
import { ProtectionOutcome, WorkbookPort } from '../core/workbook';

const STATE_SHEET = '_cchc_state';
const LISTS_SHEET = '_cchc_lists';
const FONT = 'Times New Roman';

type Clock = () => Date;

/** Worksheet fields ExcelJS uses but does not declare. */
type Sheet = ExcelJS.Worksheet & { sheetProtection?: Record<string, unknown> & { sheet?: boolean }; orderNo: number };
const internal = (ws: ExcelJS.Worksheet): Sheet => ws as Sheet;

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

  /** Reads a file; throws when it is not an .xlsx workbook. */
  static async load(path: string, clock: Clock = () => new Date()): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book, clock);
  }

  static async fromBuffer(buf: Buffer | ArrayBuffer, clock: Clock = () => new Date()): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as ArrayBuffer);
    return new XlsxWorkbook(book, clock);
  }

  async save(path: string): Promise<void> {
    await this.book.xlsx.writeFile(path);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.book.xlsx.writeBuffer());
  }

  sheetNames(): string[] {
    return this.book.worksheets.filter((w) => !w.name.startsWith('_cchc_')).map((w) => w.name);
  }

  read(name: string): SheetSnapshot | null {
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    const rows = ws.rowCount;
    const cols = Math.max(ws.columnCount, 1);
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const vr: RawCell[] = [];
      const fr: string[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        vr.push(uncomputed(cell.value) ? evaluateOwnFormula(ws, cell.formula ?? '') : rawValue(cell.value));
        fr.push(numFmtCode(cell.numFmt));
      }
      values.push(vr);
      formats.push(fr);
    }
    return { name, values, formats, isProtected: Boolean(internal(ws).sheetProtection?.sheet) };
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
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    return this.applyProtection(this.mustSheet(name), protection);
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
    plan.columnWidths.forEach((px, i) => (ws.getColumn(i + 1).width = Math.round(px / 7)));
    if (plan.frozenRows) ws.views = [{ state: 'frozen', ySplit: plan.frozenRows }];
    // Printed on A4, as wide as the page, however many pages long.
    Object.assign(ws.pageSetup, {
      paperSize: 9,
      orientation: plan.columnWidths.length > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    plan.rows.forEach((cells, r) => cells.forEach((pc, c) => this.writeCell(ws.getCell(r + 1, c + 1), pc)));
  }

  private writeCell(cell: ExcelJS.Cell, pc: PlanCell): void {
    cell.value = this.excelValue(pc.v);
    const s = pc.s ?? {};
    cell.font = {
      name: FONT,
      size: 12,
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
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if ('formula' in v) return { formula: ooxmlFormula(v.formula), date1904: false } as ExcelJS.CellFormulaValue;
    if ('date' in v) {
      const { y, m, d } = parts(v.date);
      return new Date(Date.UTC(y, m - 1, d));
    }
    const target = `'${v.link.sheet.replace(/'/g, "''")}'!${v.link.a1 ?? 'A1'}`;
    return { text: v.link.text, hyperlink: `#${target}` };
  }

  private excelValidation(v: Validation): ExcelJS.DataValidation {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop' as const,
      errorTitle: 'Giá trị không hợp lệ',
    };
    switch (v.kind) {
      case 'wholeNumber':
        return {
          ...common,
          type: 'whole',
          operator: 'greaterThanOrEqual',
          formulae: [0],
          error: 'Nhập số nguyên từ 0 trở lên.',
        };
      case 'percent':
        return {
          ...common,
          type: 'decimal',
          operator: 'between',
          formulae: [0, 1],
          error: 'Nhập tỷ lệ từ 0% đến 100%.',
        };
      case 'date':
        return {
          ...common,
          type: 'date',
          operator: 'greaterThan',
          formulae: [new Date(Date.UTC(2000, 0, 1))],
          error: 'Nhập ngày dạng dd/mm/yyyy.',
        };
      case 'list':
        // Inline Excel lists cannot hold commas ("Sở, ban, ngành"), so lists live on a hidden sheet.
        return {
          ...common,
          type: 'list',
          formulae: [this.listRange(v.values)],
          error: 'Chọn một giá trị trong danh sách.',
        };
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

function numFmtCode(f: string | ExcelJS.NumFmt | undefined): string {
  if (!f) return '';
  return typeof f === 'string' ? f : f.formatCode;
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** ExcelJS cell values to what Sheets' getValues would give. */
function rawValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate());
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('richText' in v) return (v.richText ?? []).map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined || res === null) return '';
      if (typeof res === 'object' && 'error' in res) return String(res.error);
      return rawValue(res as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

/** ExcelJS does not adjust formulas when rows move; Sheets does. Make them agree. */
function shiftFormulaRows(ws: ExcelJS.Worksheet, afterRow: number, count: number): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
        const formula = v.formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m, col: string, r: string) =>
          Number(r) > afterRow ? `${col}${Number(r) + count}` : m,
        );
        cell.value = { formula } as ExcelJS.CellFormulaValue;
      }
    }),
  );
}

function uncomputed(v: ExcelJS.CellValue): boolean {
  return !!v && typeof v === 'object' && 'formula' in v && (v.result === undefined || v.result === null);
}

/**
 * A file written here and never opened in Excel has formulas without cached results. Sheets
 * would compute them, so compute the shapes the template writes; anything else reads blank.
 */
function evaluateOwnFormula(ws: ExcelJS.Worksheet, formula: string): RawCell {
  const f = parseOwnFormula(formula);
  return f ? evaluateFormula(f, (ref) => rawValue(ws.getCell(ref).value)) : '';
}
