/** Range: reads and writes of whole ranges, as the adapters make them. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { FakeDataValidation, FakeRichTextValue, FakeTextStyle } from './builders';
import { Cell, WallClock, dims, isDate, letters, zoneOffsetMs } from './cells';
import { cellValue, checkFormulaForLocale } from './formulas';
import { FakeProtection } from './protection';
import { FakeSheet } from './sheet';
import { GRange } from './types';

export class FakeRange implements Pick<
  GRange,
  | 'getValues'
  | 'setValues'
  | 'setRichTextValues'
  | 'getFormulas'
  | 'getNumberFormats'
  | 'setNumberFormats'
  | 'getBackgrounds'
  | 'setBackgrounds'
  | 'setTextStyles'
  | 'setWraps'
  | 'setHorizontalAlignments'
  | 'getNotes'
  | 'setNotes'
  | 'setDataValidations'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'protect'
  | 'merge'
  | 'getMergedRanges'
  | 'getSheet'
  | 'setNote'
> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    if (row < 1 || col < 1 || rows < 1 || cols < 1)
      throw new Error('The starting row/column of the range is too small, or the range is empty.');
    if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  private hit(m: string) {
    this.sheet.ss.calls.hit(`Range.${m}`);
  }
  private map<T>(f: (c: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.cols; c++) line.push(f(this.sheet.cellAt(this.row + r, this.col + c)));
      out.push(line);
    }
    return out;
  }
  private each<T>(data: T[][], what: string, f: (c: Cell, v: T) => void): any {
    this.writeCells(data, what, f);
    return this;
  }
  /** Writes cell by cell, refusing (as Sheets does) cells the current user may not edit. */
  writeCells<T>(data: T[][], what: string, f: (c: Cell, v: T) => void): void {
    dims(data, this.rows, this.cols, what);
    const ss = this.sheet.ss;
    if (!ss.isEditor(ss.me)) throw new Error(`${what}: You do not have permission to edit this spreadsheet.`);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const blocked = this.sheet.protections.some((p) => !p.canEdit(ss.me, this.row + r, this.col + c));
        if (blocked)
          throw new Error(
            `${what}: You are trying to edit a protected cell or object (${letters(this.col + c)}${this.row + r}). Please contact the spreadsheet owner to remove protection if you need to edit.`,
          );
      }
    }
    data.forEach((line, r) => line.forEach((v, c) => f(this.sheet.cellAt(this.row + r, this.col + c, true), v)));
  }
  /**
   * Sheets keeps only the top-left value of a merge ("Merging cells will only preserve the
   * top-leftmost value"), so getValues reads the covered cells blank.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#merge()
   */
  merge() {
    this.hit('merge');
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) if (r || c) this.sheet.cellAt(this.row + r, this.col + c, true).value = '';
    this.sheet.merges.push({ row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this as any;
  }
  /**
   * Merged ranges fully within this range or with at least one cell in it, each whole.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   */
  getMergedRanges() {
    this.hit('getMergedRanges');
    return this.sheet.merges
      .filter(
        (m) =>
          m.row < this.row + this.rows &&
          this.row < m.row + m.rows &&
          m.col < this.col + this.cols &&
          this.col < m.col + m.cols,
      )
      .map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols)) as any[];
  }
  getValues() {
    this.hit('getValues');
    return this.map((c) => cellValue(this.sheet, c)) as any[][];
  }
  setValues(values: any[][]) {
    this.hit('setValues');
    return this.each(values, 'setValues', (cell, v) => {
      if (v === undefined || (v !== null && typeof v === 'object' && !isDate(v)))
        throw new Error(`setValues: unsupported value ${String(v)}`);
      cell.formula = null;
      cell.link = null;
      if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
      else if (typeof v === 'string' && v.startsWith('=')) {
        checkFormulaForLocale(v, this.sheet.ss.locale);
        cell.formula = v;
        cell.value = '';
      } else if (isDate(v)) cell.value = new WallClock(v.getTime() + zoneOffsetMs(this.sheet.ss.timeZone));
      else if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()))
        cell.value = Number(v); // Sheets parses typed-looking text
      else cell.value = v ?? '';
    });
  }
  /** Rich text is text: it never becomes a formula or a number (developers.google.com/apps-script/reference/spreadsheet/range#setRichTextValues(RichTextValue)). */
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]) {
    this.hit('setRichTextValues');
    return this.each(values as unknown as FakeRichTextValue[][], 'setRichTextValues', (cell, v) => {
      if (!(v instanceof FakeRichTextValue)) throw new Error('setRichTextValues: not a RichTextValue');
      cell.formula = null;
      cell.value = v.text;
      cell.link = v.link;
    });
  }
  getFormulas() {
    this.hit('getFormulas');
    return this.map((c) => c.formula ?? '');
  }
  getNumberFormats() {
    this.hit('getNumberFormats');
    return this.map((c) => c.format);
  }
  setNumberFormats(f: string[][]) {
    this.hit('setNumberFormats');
    return this.each(f, 'setNumberFormats', (c, v) => (c.format = v));
  }
  getBackgrounds() {
    this.hit('getBackgrounds');
    return this.map((c) => c.background ?? '#ffffff');
  }
  setBackgrounds(colors: string[][]) {
    this.hit('setBackgrounds');
    return this.each(colors, 'setBackgrounds', (c, v) => (c.background = v));
  }
  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]) {
    this.hit('setTextStyles');
    return this.each(styles as unknown as FakeTextStyle[][], 'setTextStyles', (c, v) => {
      if (!(v instanceof FakeTextStyle)) throw new Error('setTextStyles: not a TextStyle');
      c.bold = v.bold;
      c.italic = v.italic;
      c.color = v.color;
    });
  }
  setWraps(w: boolean[][]) {
    this.hit('setWraps');
    return this.each(w, 'setWraps', (c, v) => (c.wrap = v));
  }
  setHorizontalAlignments(a: any[][]) {
    this.hit('setHorizontalAlignments');
    return this.each(a, 'setHorizontalAlignments', (c, v) => {
      if (v !== null && !['left', 'center', 'right', 'normal'].includes(v)) throw new Error(`bad alignment ${v}`);
      c.align = v;
    });
  }
  getNotes() {
    this.hit('getNotes');
    return this.map((c) => c.note);
  }
  getSheet() {
    this.hit('getSheet');
    return this.sheet as any;
  }
  setNote(note: string) {
    this.hit('setNote');
    this.writeCells([[note]], 'setNote', (c, v) => (c.note = v ?? ''));
    return this as any;
  }
  setNotes(n: any[][]) {
    this.hit('setNotes');
    return this.each(n, 'setNotes', (c, v) => (c.note = v ?? ''));
  }
  setDataValidations(rules: any[][]) {
    this.hit('setDataValidations');
    return this.each(rules, 'setDataValidations', (c, v) => {
      if (v !== null && !(v instanceof FakeDataValidation)) throw new Error('setDataValidations: not a DataValidation');
      // A custom formula is parsed in the spreadsheet's locale, as a cell formula is.
      if (v?.criteria === 'CUSTOM_FORMULA') checkFormulaForLocale(v.args[0] as string, this.sheet.ss.locale);
      c.validation = v;
    });
  }
  getA1Notation() {
    this.hit('getA1Notation');
    return this.a1();
  }
  a1(): string {
    const tl = `${letters(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1
      ? tl
      : `${tl}:${letters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  protect() {
    this.hit('protect');
    const p = new FakeProtection(this.sheet, this);
    this.sheet.protections.push(p);
    return p as any;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
}
