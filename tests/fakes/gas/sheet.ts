/** Sheet: a tab, its cells, size, frozen panes, conditional formats and protections. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { a1 as a1Of } from '../../../src/core/sheet/grid';
import { FakeConditionalFormatRule, FakeDataValidation } from './builders';
import {
  Cell,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  WallClock,
  blankCell,
  colIndex,
  isDate,
  letters,
  zoneOffsetMs,
} from './cells';
import { SEMICOLON_LOCALES, cellValue, checkFormulaForLocale, evaluate } from './formulas';
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
  /** Everything of another tab of the same spreadsheet, for insertSheet's template (no call counted). */
  copyOf(src: FakeSheet): void {
    this.maxRows = src.maxRows;
    this.maxCols = src.maxCols;
    for (const [k, c] of src.cells) this.cells.set(k, { ...c });
    const here = (r: FakeRange) => new FakeRange(this, r.row, r.col, r.rows, r.cols);
    this.conditionalRules = src.conditionalRules.map(
      (r) => new FakeConditionalFormatRule(r.formula, r.background, r.ranges.map(here)),
    );
    this.widths = new Map(src.widths);
    this.frozenRows = src.frozenRows;
    this.frozenColumns = src.frozenColumns;
    this.merges = src.merges.map((m) => ({ ...m }));
    this.protections = src.protections.map((p) => p.copyTo(this, p.range && here(p.range), here));
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
    // Sheets moves formula references along with the rows, custom formulas of data validation too.
    const shift = (f: string) =>
      f.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m0, l, r) => (Number(r) > after ? `${l}${Number(r) + n}` : m0));
    for (const c of moved.values()) {
      if (c.formula) c.formula = shift(c.formula);
      const v = c.validation;
      if (v?.criteria === 'CUSTOM_FORMULA')
        c.validation = new FakeDataValidation(v.criteria, [shift(v.args[0] as string)], v.helpText, v.allowInvalid);
    }
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
   *
   * Typed text is read as Sheets reads it in the spreadsheet's locale ("1.949" is 1949 and
   * "12,5%" is 0,125 in vi_VN; "25/09/2026" a date). A data validation rule made with
   * setAllowInvalid(false) "rejects the input entirely"
   * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)):
   * Sheets shows its refusal dialog with the rule's help text and the cell keeps its old value.
   * The fake throws that text. Clearing a cell is never refused. A value the rule takes is stored
   * and the sheet's conditional formats colour it.
   */
  edit(a1: string, value: string | number) {
    if (!this.canEdit(this.ss.me, a1))
      throw new Error(
        `${this.ss.me} may not edit ${this.name}!${a1}: You are trying to edit a protected cell or object.`,
      );
    const oldValue = this.valueAt(a1);
    // A cell formatted as plain text ('@') keeps what is typed as text.
    const typed = typeof value === 'string' && this.cell(a1).format !== '@' ? this.asTyped(value) : value;
    const rule = this.cell(a1).validation;
    if (rule && !rule.allowInvalid && typed !== '' && !this.takes(a1, rule, typed))
      throw new Error(`Sheets refused "${value}" in ${this.name}!${a1} (data validation): ${rule.helpText}`);
    this.type(a1, typed);
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
  /** Whether a validation rule takes this value in this cell (a custom formula sees it in place). */
  private takes(a1: string, rule: FakeDataValidation, typed: unknown): boolean {
    const c = this.cell(a1);
    return rule.accepts(typed, (formula) => {
      const saved = { value: c.value, formula: c.formula };
      this.type(a1, typed);
      try {
        return evaluate(this, formula);
      } finally {
        Object.assign(this.cellAt(...rowCol(a1), true), saved);
      }
    });
  }
  /**
   * Text as Sheets stores it when typed: a number in the locale's notation (comma-decimal
   * locales: "." groups thousands, "," is the decimal mark), a percent as its fraction, a date
   * (day first in comma-decimal locales, month first in en_US), else the text itself.
   */
  private asTyped(text: string): unknown {
    const t = text.trim();
    const comma = SEMICOLON_LOCALES.has(this.ss.locale);
    const [group, dec] = comma ? ['.', ','] : [',', '.'];
    const esc = (c: string) => `\\${c}`;
    const num = new RegExp(`^([+-]?)(\\d{1,3}(?:${esc(group)}\\d{3})+|\\d+)(?:${esc(dec)}(\\d+))?(%?)$`).exec(t);
    if (num) {
      const n = Number(`${num[1]}${num[2].split(group).join('')}.${num[3] ?? '0'}`);
      return num[4] ? n / 100 : n;
    }
    const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (date) {
      const [a, b, y] = date.slice(1).map(Number);
      const [d, m] = comma ? [a, b] : [b, a];
      const ms = Date.UTC(y, m - 1, d);
      const back = new Date(ms);
      // The instant of that wall-clock midnight in the spreadsheet's zone, as getValues gives it.
      if (back.getUTCMonth() === m - 1 && back.getUTCDate() === d) return new Date(ms - zoneOffsetMs(this.ss.timeZone));
    }
    return text;
  }
  /**
   * Pasting a block of cells as a user would: the event carries no value and no old value, which
   * Google gives only for a single cell (developers.google.com/apps-script/guides/triggers/events).
   * Pasted values are not checked against data validation (users report a warning triangle, not
   * a refusal; Google does not document it); protections refuse them as they refuse typing.
   *
   * A normal paste from another sheet (Ctrl+V) brings the source cells' formatting, notes, data
   * validation and conditional formats and replaces the target's: the pasted area leaves the
   * target's conditional-format rules (a rule left with no range is gone). Users report it;
   * Google documents only "Paste special → Values only" (Ctrl+Shift+V), which keeps the target's
   * formats and rules (`valuesOnly`). `from`: the source block on another fake sheet, with its
   * cells' formats and rules (relative references moved with the block); absent, the source is
   * plain cells (no rule, Sheets' default format, as a block copied from Excel or a blank sheet).
   */
  paste(
    topLeft: string,
    values: (string | number)[][],
    opts: { valuesOnly?: boolean; from?: { sheet: FakeSheet; topLeft: string } } = {},
  ) {
    const [row, col] = rowCol(topLeft);
    const rows = values.length;
    const cols = values[0]!.length;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const a1 = a1Of(row + i, col + j);
        if (!this.canEdit(this.ss.me, a1))
          throw new Error(
            `${this.ss.me} may not edit ${this.name}!${a1}: You are trying to edit a protected cell or object.`,
          );
      }
    if (!opts.valuesOnly) {
      const [sr, sc] = opts.from ? rowCol(opts.from.topLeft) : [0, 0];
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const source = opts.from ? opts.from.sheet.cellAt(sr + i, sc + j) : blankCell();
          const target = this.cellAt(row + i, col + j, true);
          Object.assign(target, { ...source, value: target.value, formula: target.formula, link: target.link });
        }
      const area = { row, col, rows, cols };
      const kept = this.conditionalRules.flatMap((r) => {
        const left = r.ranges.flatMap((g) =>
          outside(g, area).map((x) => new FakeRange(this, x.row, x.col, x.rows, x.cols)),
        );
        return left.length ? [new FakeConditionalFormatRule(r.formula, r.background, left)] : [];
      });
      const brought = opts.from
        ? opts.from.sheet.conditionalRules.flatMap((r) => {
            const dr = row - sr;
            const dc = col - sc;
            const within = r.ranges.flatMap((g) => {
              const x = overlap(g, { row: sr, col: sc, rows, cols });
              return x ? [new FakeRange(this, x.row + dr, x.col + dc, x.rows, x.cols)] : [];
            });
            return within.length
              ? [new FakeConditionalFormatRule(moveRefs(r.formula, dr, dc), r.background, within)]
              : [];
          })
        : [];
      this.conditionalRules = [...kept, ...brought];
    }
    values.forEach((r, i) => r.forEach((v, j) => this.type(a1Of(row + i, col + j), v)));
    const range = `${topLeft}:${a1Of(row + rows - 1, col + cols - 1)}`;
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
  /**
   * Puts a value into a cell with no check at all, as a script's setValue or a paste does (data
   * validation applies to what a user types: edit()). No call counted.
   */
  type(a1: string, value: unknown): void {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const c = this.cellAt(Number(m[2]), colIndex(m[1]), true);
    c.formula = typeof value === 'string' && value.startsWith('=') ? value : null;
    c.value = c.formula ? '' : isDate(value) ? new WallClock(value.getTime() + zoneOffsetMs(this.ss.timeZone)) : value;
  }
}

type Rect = { row: number; col: number; rows: number; cols: number };

function rowCol(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`fake: a single cell expected, got ${a1}`);
  return [Number(m[2]), colIndex(m[1])];
}

function overlap(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const end = Math.min(a.row + a.rows, b.row + b.rows);
  const endC = Math.min(a.col + a.cols, b.col + b.cols);
  return end > row && endC > col ? { row, col, rows: end - row, cols: endC - col } : null;
}

/** The parts of `a` outside `cut`: up to four rectangles (above, below, left, right). */
function outside(a: Rect, cut: Rect): Rect[] {
  const x = overlap(a, cut);
  if (!x) return [a];
  const parts: Rect[] = [
    { row: a.row, col: a.col, rows: x.row - a.row, cols: a.cols },
    { row: x.row + x.rows, col: a.col, rows: a.row + a.rows - x.row - x.rows, cols: a.cols },
    { row: x.row, col: a.col, rows: x.rows, cols: x.col - a.col },
    { row: x.row, col: x.col + x.cols, rows: x.rows, cols: a.col + a.cols - x.col - x.cols },
  ];
  return parts.filter((p) => p.rows > 0 && p.cols > 0);
}

/** Relative references moved with a pasted block (absolute parts, with $, stay). */
function moveRefs(formula: string, dr: number, dc: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)\b/g, (_m, ac, l, ar, r) => {
    const c = ac ? l : letters(colIndex(l) + dc);
    const rr = ar ? r : String(Number(r) + dr);
    return `${ac}${c}${ar}${rr}`;
  });
}
