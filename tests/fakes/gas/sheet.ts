/** Sheet: a tab, its cells, size, frozen panes, conditional formats and protections. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { a1 as a1Of } from '../../../src/core/sheet/grid';
import { FakeConditionalFormatRule } from './builders';
import { Cell, DEFAULT_COLS, DEFAULT_ROWS, WallClock, blankCell, colIndex, isDate, zoneOffsetMs } from './cells';
import { cellValue, checkFormulaForLocale, evaluate } from './formulas';
import { shiftRefs } from '../../../src/core/form/formulas';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { FakeSpreadsheet } from './spreadsheet';
import { GSheet } from './types';

export class FakeSheet implements Pick<
  GSheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getDataRange'
  | 'getRange'
  | 'getRangeList'
  | 'setColumnWidths'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'deleteColumns'
  | 'getProtections'
  | 'protect'
  | 'activate'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
> {
  cells = new Map<string, Cell>();
  conditionalRules: FakeConditionalFormatRule[] = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  widths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  protections: FakeProtection[] = [];
  /** Merged blocks (Range.merge); our own code never merges, tests do. */
  merges: { row: number; col: number; rows: number; cols: number }[] = [];
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}
  private hit(m: string) {
    this.ss.calls.hit(`Sheet.${m}`);
  }
  cellAt(row: number, col: number, create = false): Cell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = blankCell();
      if (create) this.cells.set(key, c);
    }
    return c;
  }
  /** Last row and column holding a value, like getDataRange. */
  extent(): { rows: number; cols: number } {
    let rows = 1;
    let cols = 1;
    for (const [k, c] of this.cells) {
      if (c.value === '' && !c.formula) continue;
      const [r, col] = k.split(',').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, col);
    }
    return { rows, cols };
  }
  getName() {
    this.hit('getName');
    return this.name;
  }
  /**
   * Renaming, resizing, freezing or inserting rows and columns of a protected sheet is refused to
   * whoever may not edit it, as a cell edit is ("You are trying to edit a protected cell or
   * object", support.google.com/docs/answer/1218656: protection covers the sheet's structure).
   */
  private mustEditSheet(what: string): void {
    if (!this.ss.isEditor(this.ss.me) || this.protections.some((p) => !p.range && !p.mayEdit(this.ss.me)))
      throw new Error(
        `${what}: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`,
      );
  }
  setName(name: string) {
    this.hit('setName');
    this.mustEditSheet('setName');
    this.ss.checkName(name, this);
    this.name = name;
    return this as any;
  }
  getSheetId() {
    this.hit('getSheetId');
    return this.id;
  }
  getIndex() {
    this.hit('getIndex');
    return this.ss.sheets.indexOf(this) + 1;
  }
  getDataRange() {
    this.hit('getDataRange');
    const { rows, cols } = this.extent();
    return new FakeRange(this, 1, 1, rows, cols) as any;
  }
  getRange(a: any, b?: number, c?: number, d?: number) {
    this.hit('getRange');
    if (typeof a === 'string') return this.rangeAt(a) as any;
    return new FakeRange(this, a, b!, c ?? 1, d ?? 1) as any;
  }
  /** An A1 reference as Sheets reads it; Sheets throws "Range not found" on anything else. */
  private rangeAt(a1: string): FakeRange {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
    if (!m) throw new Error(`Range not found: ${a1}`);
    const row = Number(m[2]);
    const col = colIndex(m[1]);
    return new FakeRange(
      this,
      row,
      col,
      (m[4] ? Number(m[4]) : row) - row + 1,
      (m[3] ? colIndex(m[3]) : col) - col + 1,
    );
  }
  getRangeList(a1s: string[]) {
    this.hit('getRangeList');
    const ranges = a1s.map((x) => this.rangeAt(x));
    const calls = this.ss.calls;
    const list = {
      getRanges: () => {
        calls.hit('RangeList.getRanges');
        return ranges;
      },
      /** Rules every cell of the ranges (all six sides true, as the adapter asks), refusing protected cells. */
      setBorder: (...sides: unknown[]) => {
        calls.hit('RangeList.setBorder');
        if (sides.length !== 8 || sides.slice(0, 6).some((b) => b !== true) || sides[7] !== 'SOLID')
          throw new Error(`RangeList.setBorder: unsupported arguments ${JSON.stringify(sides)}`);
        for (const r of ranges) {
          const grid = Array.from({ length: r.rows }, () => Array.from({ length: r.cols }, () => true));
          r.writeCells(grid, 'RangeList.setBorder', (c) => (c.border = true));
        }
        return list;
      },
      setBackground: (color: string) => {
        calls.hit('RangeList.setBackground');
        for (const r of ranges) {
          const grid = Array.from({ length: r.rows }, () => Array.from({ length: r.cols }, () => color));
          r.writeCells(grid, 'RangeList.setBackground', (c, v) => (c.background = v));
        }
        return list;
      },
    };
    return list as any;
  }
  setColumnWidths(start: number, n: number, width: number) {
    this.hit('setColumnWidths');
    this.mustEditSheet('setColumnWidths');
    if (start < 1 || start + n - 1 > this.maxCols) throw new Error('setColumnWidths: columns out of bounds');
    for (let i = 0; i < n; i++) this.widths.set(start + i, width);
    return this as any;
  }
  setFrozenRows(n: number) {
    this.hit('setFrozenRows');
    this.mustEditSheet('setFrozenRows');
    this.frozenRows = n;
    return this as any;
  }
  setFrozenColumns(n: number) {
    this.hit('setFrozenColumns');
    this.mustEditSheet('setFrozenColumns');
    if (n < 0 || n > this.maxCols) throw new Error('setFrozenColumns: columns out of bounds');
    this.frozenColumns = n;
    return this as any;
  }
  insertRowsAfter(after: number, n: number) {
    this.hit('insertRowsAfter');
    this.mustEditSheet('insertRowsAfter');
    if (after < 1 || after > this.maxRows) throw new Error('insertRowsAfter: row out of bounds');
    this.ss.mustFit(n * this.maxCols);
    this.maxRows += n; // first, so that ranges moved below fit the grown sheet
    const moved = new Map<string, Cell>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(',').map(Number);
      moved.set(r > after ? `${r + n},${col}` : k, c);
    }
    // Sheets moves formula references along with the rows.
    for (const c of moved.values())
      if (c.formula)
        c.formula = c.formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m0, l, r) =>
          Number(r) > after ? `${l}${Number(r) + n}` : m0,
        );
    const moveRange = (r: FakeRange) => {
      if (r.row > after) return new FakeRange(this, r.row + n, r.col, r.rows, r.cols);
      if (r.row + r.rows - 1 > after) return new FakeRange(this, r.row, r.col, r.rows + n, r.cols); // grows, as Sheets does
      return r;
    };
    for (const p of this.protections) {
      p.unprotected = p.unprotected.map(moveRange);
      if (p.range) p.range = moveRange(p.range);
    }
    this.cells = moved;
    return this as any;
  }
  insertColumnsAfter(after: number, n: number) {
    this.hit('insertColumnsAfter');
    this.mustEditSheet('insertColumnsAfter');
    if (after < 1 || after > this.maxCols) throw new Error('insertColumnsAfter: column out of bounds');
    this.ss.mustFit(n * this.maxRows);
    this.maxCols += n;
    return this as any;
  }
  /**
   * Deletes whole rows (Sheets refuses to delete them all: "Sorry, it is not possible to delete
   * all non-frozen rows"). The fake models it for trimming: cells below move up; a sheet with
   * protections or notes/validations in the deleted rows is not modelled and refused.
   */
  deleteRows(start: number, n: number) {
    this.hit('deleteRows');
    this.mustEditSheet('deleteRows');
    if (start < 1 || n < 1 || start + n - 1 > this.maxRows) throw new Error('deleteRows: rows out of bounds');
    if (n >= this.maxRows - this.frozenRows)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    if (this.protections.length) throw new Error('fake: deleteRows on a protected sheet is not modelled');
    const moved = new Map<string, Cell>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(',').map(Number);
      if (r < start) moved.set(k, c);
      else if (r >= start + n) moved.set(`${r - n},${col}`, c);
    }
    this.cells = moved;
    this.maxRows -= n;
    return this as any;
  }
  deleteColumns(start: number, n: number) {
    this.hit('deleteColumns');
    this.mustEditSheet('deleteColumns');
    if (start < 1 || n < 1 || start + n - 1 > this.maxCols) throw new Error('deleteColumns: columns out of bounds');
    if (n >= this.maxCols) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    if (this.protections.length) throw new Error('fake: deleteColumns on a protected sheet is not modelled');
    const moved = new Map<string, Cell>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(',').map(Number);
      if (col < start) moved.set(k, c);
      else if (col >= start + n) moved.set(`${r},${col - n}`, c);
    }
    this.cells = moved;
    this.maxCols -= n;
    return this as any;
  }
  getProtections(type: any) {
    this.hit('getProtections');
    if (type !== 'SHEET' && type !== 'RANGE') throw new Error('getProtections: bad type');
    return this.protections.filter((p) => (type === 'SHEET' ? !p.range : !!p.range)) as any;
  }
  protect() {
    this.hit('protect');
    // "If the sheet is already protected, this method returns an object representing the existing
    // protection settings" (developers.google.com/apps-script/reference/spreadsheet/sheet#protect).
    const existing = this.protections.find((p) => !p.range);
    if (existing) return existing as any;
    const p = new FakeProtection(this);
    this.protections.push(p);
    return p as any;
  }
  activate() {
    this.hit('activate');
    this.ss.active = this;
    return this as any;
  }
  getMaxRows() {
    this.hit('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    this.hit('getMaxColumns');
    return this.maxCols;
  }
  /** Whether a user may edit a cell, all protections considered (no call counted). */
  canEdit(email: string, a1: string): boolean {
    if (email === this.ss.owner) return true;
    if (!this.ss.isEditor(email)) return false;
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return this.protections.every((p) => p.canEdit(email, Number(m[2]), colIndex(m[1])));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this.hit('setConditionalFormatRules');
    const own = rules as unknown as FakeConditionalFormatRule[];
    if (!own.every((r) => r instanceof FakeConditionalFormatRule && r.ranges.every((g) => g.sheet === this)))
      throw new Error('setConditionalFormatRules: rules built for this sheet expected');
    // A custom-formula rule is parsed in the spreadsheet's locale, as a cell formula is.
    for (const r of own) checkFormulaForLocale(r.formula, this.ss.locale);
    this.conditionalRules = [...own];
  }
  getConditionalFormatRules() {
    this.hit('getConditionalFormatRules');
    return [...this.conditionalRules] as any[];
  }
  /**
   * Test helper: the cells the conditional-format rules colour now, with the colour, as Sheets
   * evaluates them, without counting calls:
   * - a custom formula is written for the top-left cell of the range and Sheets evaluates it for
   *   every cell of the range, its relative references shifted by that cell's offset (`$` fixes a
   *   row or column); Google does not document which cell anchors a rule of several ranges, so
   *   the fake accepts only rules whose first range starts at the top-left of all their ranges,
   *   where every reading agrees;
   * - only TRUE colours: Google formats a cell "if the condition evaluates to true" (Sheets API,
   *   BooleanRule) and does not say a number 1 counts, so the fake does not colour on 1; an error
   *   is false;
   * - the first rule (in the sheet's list) that is TRUE for a cell gives its colour.
   */
  colouredCells(): Map<string, string | null> {
    const out = new Map<string, string | null>();
    for (const rule of this.conditionalRules) {
      const [first] = rule.ranges;
      if (!first) continue;
      const top = Math.min(...rule.ranges.map((g) => g.row));
      const left = Math.min(...rule.ranges.map((g) => g.col));
      if (first.row !== top || first.col !== left)
        throw new Error('fake: a rule whose first range does not start at the top-left of its ranges is not modelled');
      for (const g of rule.ranges)
        for (let r = g.row; r < g.row + g.rows; r++)
          for (let c = g.col; c < g.col + g.cols; c++) {
            const cell = a1Of(r, c);
            if (out.has(cell)) continue;
            // An error value ('#VALUE!') is not TRUE; a formula the fake cannot compute throws.
            if (evaluate(this, shiftRefs(rule.formula, r - first.row, c - first.col)) === true)
              out.set(cell, rule.background);
          }
    }
    return out;
  }
  /** Test helper: the cells the conditional-format rules colour now (see colouredCells). */
  flaggedCells(): string[] {
    return [...this.colouredCells().keys()];
  }
  /** Test helpers: what a user sees in a cell, without counting calls. */
  valueAt(a1: string): unknown {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const c = this.cellAt(Number(m[2]), colIndex(m[1]));
    return cellValue(this, c);
  }
  /** A date cell as the spreadsheet shows it: "yyyy-mm-dd" of its wall clock. */
  dateAt(a1: string): string | null {
    const v = this.cell(a1).value;
    return v instanceof WallClock ? new Date(v.ms).toISOString().slice(0, 10) : null;
  }
  cell(a1: string): Cell {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return this.cellAt(Number(m[2]), colIndex(m[1]));
  }
  /**
   * A user (ss.me) typing one value into one cell in the Sheets UI: refused as Sheets refuses it
   * when a protection does not list them; returns the event object an onEdit(e) simple trigger
   * gets (e.value is set only when one cell was edited:
   * developers.google.com/apps-script/guides/triggers/events#edit). No call counted.
   */
  edit(a1: string, value: string | number) {
    if (!this.canEdit(this.ss.me, a1))
      throw new Error(
        `${this.ss.me} may not edit ${this.name}!${a1}: You are trying to edit a protected cell or object.`,
      );
    const oldValue = this.valueAt(a1);
    this.type(a1, value);
    return {
      source: this.ss as any,
      range: this.rangeAtPublic(a1) as any,
      value: String(value),
      oldValue: oldValue === '' || oldValue === null ? undefined : String(oldValue),
      user: { getEmail: () => this.ss.me } as any,
      authMode: 'LIMITED' as any,
      triggerUid: '',
    } as GoogleAppsScript.Events.SheetsOnEdit;
  }
  /**
   * Pasting a block of cells as a user would: the event carries no value and no old value, which
   * Google gives only for a single cell (developers.google.com/apps-script/guides/triggers/events).
   */
  paste(topLeft: string, values: (string | number)[][]) {
    const m = /^([A-Z]+)(\d+)$/.exec(topLeft)!;
    const row = Number(m[2]);
    const col = colIndex(m[1]);
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        const a1 = a1Of(row + i, col + j);
        if (!this.canEdit(this.ss.me, a1))
          throw new Error(
            `${this.ss.me} may not edit ${this.name}!${a1}: You are trying to edit a protected cell or object.`,
          );
        this.type(a1, v);
      }),
    );
    const range = `${topLeft}:${a1Of(row + values.length - 1, col + values[0]!.length - 1)}`;
    return {
      source: this.ss as any,
      range: this.rangeAtPublic(range) as any,
      user: { getEmail: () => this.ss.me } as any,
      authMode: 'LIMITED' as any,
      triggerUid: '',
    } as GoogleAppsScript.Events.SheetsOnEdit;
  }
  rangeAtPublic(a1: string): FakeRange {
    return this.rangeAt(a1);
  }
  /** Typing into a cell as a user would (no call counted). */
  type(a1: string, value: unknown): void {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const c = this.cellAt(Number(m[2]), colIndex(m[1]), true);
    c.formula = typeof value === 'string' && value.startsWith('=') ? value : null;
    c.value = c.formula ? '' : isDate(value) ? new WallClock(value.getTime() + zoneOffsetMs(this.ss.timeZone)) : value;
  }
}
