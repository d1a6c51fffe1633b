/**
 * A strict, call-counting fake of the Apps Script services this project uses. Each class
 * implements a Pick<> of the real @types interface, so a method the adapters call that Google
 * does not have fails the type-check, and the fake throws where Google's services throw.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormulaValue, dateSerial, evaluateFormula } from '../../src/core/form/formulas';
import { a1 as a1Of } from '../../src/core/sheet/grid';
type S = typeof GoogleAppsScript.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

export class Calls {
  private readonly counts = new Map<string, number>();
  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  /** Service calls (builders excluded: they run locally in Apps Script). */
  total(): number {
    let n = 0;
    for (const [k, v] of this.counts) if (!k.startsWith('builder.')) n += v;
    return n;
  }
  of(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** Calls that fetch cell data from a range. */
  reads(): number {
    return [
      'Range.getValues',
      'Range.getNumberFormats',
      'Range.getFormulas',
      'Range.getDisplayValues',
      'Range.getNotes',
      'Range.getBackgrounds',
    ].reduce((n, k) => n + this.of(k), 0);
  }
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([k]) => !k.startsWith('builder.')).sort((a, b) => b[1] - a[1]));
  }
  reset(): void {
    this.counts.clear();
  }
}

export interface Cell {
  value: unknown;
  formula: string | null;
  format: string;
  background: string | null;
  note: string;
  bold: boolean;
  italic: boolean;
  color: string | null;
  wrap: boolean;
  align: string | null;
  validation: FakeDataValidation | null;
  /** The link of a rich-text value (setRichTextValues), or null. */
  link: string | null;
  /** Ruled on all sides (RangeList.setBorder). */
  border?: boolean;
}

/**
 * Sheets stores a date as a wall-clock date and time in the spreadsheet's time zone, and
 * getValues hands it back as the instant of that wall clock in the spreadsheet's zone (a script
 * in another zone sees another hour, even another day: a value of 2023/01/01 12:00 read in an
 * Asia/Tokyo spreadsheet lands as 2022/12/31 19:00 in an America/Los_Angeles one, per
 * gist.github.com/tanaikech/fd525434b51b8b0df3293c0067f071ca and Eric Koleda's time-zone
 * examples, gist.github.com/erickoledadevrel/6cf5d1e764839cba8701). The fake keeps the wall clock.
 */
export class WallClock {
  constructor(readonly ms: number) {}
}

/** UTC offsets in minutes of the zones the tests use; none has daylight saving, so each is exact. */
const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  'Asia/Ho_Chi_Minh': 7 * 60,
  'Asia/Bangkok': 7 * 60,
  'Asia/Tokyo': 9 * 60,
  'America/Bogota': -5 * 60,
  'Etc/UTC': 0,
};

export function zoneOffsetMs(tz: string): number {
  if (!(tz in ZONE_OFFSETS)) throw new Error(`fake knows no time zone ${tz}`);
  return ZONE_OFFSETS[tz] * 60_000;
}

/**
 * Locales whose decimal separator is a comma take `;` between formula arguments; a formula
 * written with `,` there is a parse error (#ERROR!): support.google.com/docs/answer/58515
 * ("Change a spreadsheet's locale"), github.com/mricon/ingress-fieldplan/issues/5,
 * github.com/googleapis/google-api-nodejs-client/issues/1994,
 * github.com/google-marketing-solutions/advanced-bidding-manager/issues/1.
 */
const SEMICOLON_LOCALES = new Set([
  'vi_VN',
  'de_DE',
  'fr_FR',
  'es_ES',
  'it_IT',
  'pt_BR',
  'nl_NL',
  'ru_RU',
  'tr_TR',
  'id_ID',
]);

/**
 * Refuses, as Sheets would show #ERROR!, a formula whose meaning depends on the locale: a `,`
 * between arguments or a decimal point in a number where the locale uses `;` and `,`.
 */
function checkFormulaForLocale(formula: string, locale: string): void {
  if (!SEMICOLON_LOCALES.has(locale)) return;
  const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (outsideStrings.includes(','))
    throw new Error(
      `fake: formula ${formula} separates arguments with "," but the spreadsheet locale ${locale} uses ";": Sheets shows #ERROR! (Formula parse error)`,
    );
  if (/\d\.\d/.test(outsideStrings))
    throw new Error(`fake: formula ${formula} has a decimal point but locale ${locale} writes decimals with ","`);
}

/** Dates from the sandboxed bundle come from another realm, so instanceof cannot tell. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const blankCell = (): Cell => ({
  value: '',
  formula: null,
  format: '',
  background: null,
  note: '',
  bold: false,
  italic: false,
  color: null,
  wrap: false,
  align: null,
  validation: null,
  link: null,
});

const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;
export const CELL_LIMIT = 10_000_000;

function dims(data: unknown[][], rows: number, cols: number, what: string): void {
  if (!Array.isArray(data) || data.length !== rows)
    throw new Error(
      `${what}: The number of rows in the data does not match the number of rows in the range. The data has ${data?.length} but the range has ${rows}.`,
    );
  for (const r of data)
    if (!Array.isArray(r) || r.length !== cols)
      throw new Error(
        `${what}: The number of columns in the data does not match the number of columns in the range. The data has ${r?.length} but the range has ${cols}.`,
      );
}

function colIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly args: unknown[],
    readonly helpText: string,
    readonly allowInvalid: boolean,
  ) {}
}

class FakeDataValidationBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'setAllowInvalid'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberBetween'
  | 'requireDate'
  | 'requireValueInList'
  | 'setHelpText'
  | 'build'
> {
  private criteria = '';
  private args: unknown[] = [];
  private help = '';
  private allowInvalid = true;
  constructor(private readonly calls: Calls) {}
  private hit(m: string) {
    this.calls.hit(`builder.DataValidation.${m}`);
    return this as any;
  }
  setAllowInvalid(v: boolean) {
    this.allowInvalid = v;
    return this.hit('setAllowInvalid');
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    this.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.args = [n];
    return this.hit('requireNumberGreaterThanOrEqualTo');
  }
  requireNumberBetween(a: number, b: number) {
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [a, b];
    return this.hit('requireNumberBetween');
  }
  requireDate() {
    this.criteria = 'DATE_IS_VALID_DATE';
    return this.hit('requireDate');
  }
  requireValueInList(values: string[], _show?: boolean) {
    if (!values.length) throw new Error('requireValueInList: the list is empty');
    if (values.length > 500) throw new Error('requireValueInList: more than 500 items');
    this.criteria = 'VALUE_IN_LIST';
    this.args = [values];
    return this.hit('requireValueInList');
  }
  setHelpText(t: string) {
    this.help = t;
    return this.hit('setHelpText');
  }
  build() {
    this.calls.hit('builder.DataValidation.build');
    return new FakeDataValidation(this.criteria, this.args, this.help, this.allowInvalid) as any;
  }
}

export class FakeTextStyle {
  constructor(
    readonly bold: boolean,
    readonly italic: boolean,
    readonly color: string | null,
  ) {}
}

class FakeTextStyleBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.TextStyleBuilder,
  'setBold' | 'setItalic' | 'setForegroundColor' | 'build'
> {
  private bold = false;
  private italic = false;
  private color: string | null = null;
  constructor(private readonly calls: Calls) {}
  setBold(v: boolean) {
    this.calls.hit('builder.TextStyle.setBold');
    this.bold = v;
    return this as any;
  }
  setItalic(v: boolean) {
    this.calls.hit('builder.TextStyle.setItalic');
    this.italic = v;
    return this as any;
  }
  setForegroundColor(c: string) {
    this.calls.hit('builder.TextStyle.setForegroundColor');
    this.color = c;
    return this as any;
  }
  build() {
    this.calls.hit('builder.TextStyle.build');
    return new FakeTextStyle(this.bold, this.italic, this.color) as any;
  }
}

/**
 * Conditional-format rules as the add-on makes them: a custom formula and a background over ranges
 * (SpreadsheetApp.newConditionalFormatRule(), developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder;
 * Sheet.setConditionalFormatRules replaces every rule of the sheet,
 * developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)).
 * Strict: the formula must start with "=", a rule needs a condition and a range.
 */
export class FakeConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly background: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}
}

class FakeConditionalFormatRuleBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  'whenFormulaSatisfied' | 'setBackground' | 'setRanges' | 'build'
> {
  private formula: string | null = null;
  private background: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly calls: Calls) {}
  private hit(m: string) {
    this.calls.hit(`builder.ConditionalFormatRule.${m}`);
    return this as any;
  }
  whenFormulaSatisfied(formula: string) {
    if (!formula.startsWith('=')) throw new Error(`Invalid formula: ${formula}`);
    this.formula = formula;
    return this.hit('whenFormulaSatisfied');
  }
  setBackground(color: string | null) {
    this.background = color;
    return this.hit('setBackground');
  }
  setRanges(ranges: GRange[]) {
    if (!ranges.length || !ranges.every((r) => r instanceof FakeRange)) throw new Error('setRanges: ranges expected');
    this.ranges = ranges as unknown as FakeRange[];
    return this.hit('setRanges');
  }
  build() {
    this.hit('build');
    if (!this.formula || !this.ranges.length)
      throw new Error('A conditional format rule needs a condition and a range.');
    return new FakeConditionalFormatRule(this.formula, this.background, this.ranges) as any;
  }
}

/**
 * Computes a formula as Sheets would, with the core's one evaluator (src/core/form/formulas.ts says
 * where each rule comes from). A formula it cannot compute is one no test may rely on: the fake
 * throws rather than guess what Sheets would show.
 */
function evaluate(sheet: FakeSheet, formula: string, depth = 0): unknown {
  const v =
    depth > 8
      ? null
      : evaluateFormula(formula, (row, col) => {
          const c = sheet.cellAt(row, col);
          if (c.formula) return evaluate(sheet, c.formula, depth + 1) as FormulaValue;
          if (c.value instanceof WallClock) {
            const d = new Date(c.value.ms); // wall-clock time, stored as if UTC
            return dateSerial(
              d.getUTCFullYear(),
              d.getUTCMonth(),
              d.getUTCDate(),
              d.getUTCHours() * 60 + d.getUTCMinutes(),
            );
          }
          return c.value as FormulaValue;
        });
  if (v === null) throw new Error(`fake cannot evaluate formula ${formula}`);
  return v;
}

/** What getValues returns for a cell. */
function cellValue(sheet: FakeSheet, c: Cell): unknown {
  if (c.formula) return evaluate(sheet, c.formula);
  if (c.value instanceof WallClock) return new Date(c.value.ms - zoneOffsetMs(sheet.ss.timeZone));
  return c.value;
}

export class FakeRichTextValue {
  constructor(
    readonly text: string,
    readonly link: string | null,
  ) {}
}

class FakeRichTextValueBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.RichTextValueBuilder,
  'setText' | 'setLinkUrl' | 'build'
> {
  private text = '';
  private link: string | null = null;
  constructor(private readonly calls: Calls) {}
  setText(t: string) {
    this.calls.hit('builder.RichTextValue.setText');
    if (typeof t !== 'string') throw new Error('setText: text expected');
    this.text = t;
    return this as any;
  }
  setLinkUrl(...args: any[]) {
    this.calls.hit('builder.RichTextValue.setLinkUrl');
    if (args.length !== 1) throw new Error('fake: only setLinkUrl(linkUrl) for the whole value');
    this.link = args[0];
    return this as any;
  }
  build() {
    this.calls.hit('builder.RichTextValue.build');
    return new FakeRichTextValue(this.text, this.link) as any;
  }
}

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

export class FakeProtection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges'
  | 'getEditors'
  | 'removeEditors'
  | 'addEditors'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'remove'
  | 'canEdit'
> {
  /**
   * The protection's own editors, or null while the script has never changed them: "Until the
   * script actually changes the list of editors for the sheet (by calling removeEditor(emailAddress),
   * removeEditor(user), removeEditors(emailAddresses), addEditor(emailAddress), addEditor(user),
   * addEditors(emailAddresses), or setting a new value for setDomainEdit(editable)), the permissions
   * mirror those of the spreadsheet itself, which effectively means that the sheet remains
   * unprotected" (developers.google.com/apps-script/reference/spreadsheet/sheet#protect() and
   * range#protect()). A mirroring protection follows the sharing, people added later included.
   */
  private own: string[] | null = null;
  private ownDomain: boolean | null = null;
  unprotected: FakeRange[] = [];
  /** A range protection covers its range; a sheet protection (range null) covers every cell. */
  constructor(
    readonly sheet: FakeSheet,
    public range: FakeRange | null = null,
  ) {}
  /** Whether the editor list was ever set (false: the protection mirrors the sharing). */
  get explicit(): boolean {
    return this.own !== null;
  }
  get editors(): string[] {
    return this.own ?? [...this.sheet.ss.sharedWith];
  }
  set editors(v: string[]) {
    this.own = v;
  }
  get domainEdit(): boolean {
    return this.ownDomain ?? this.sheet.ss.domain;
  }
  /** The script changed the list: from now on it is the protection's own. */
  private fix(): string[] {
    this.own ??= [...this.sheet.ss.sharedWith];
    this.ownDomain ??= this.sheet.ss.domain;
    return this.own;
  }
  private hit(m: string) {
    this.sheet.ss.calls.hit(`Protection.${m}`);
  }
  /**
   * Only the owner and the protection's own editors may change or remove it ("Remove all range
   * protections in the spreadsheet that the user has permission to edit": check canEdit() before
   * remove(), developers.google.com/apps-script/reference/spreadsheet/protection).
   */
  private mustEdit(what: string): void {
    if (!this.mayEdit(this.sheet.ss.me))
      throw new Error(
        `${what}: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`,
      );
  }
  /** The owner, a listed editor, or a member of a listed group. */
  mayEdit(email: string): boolean {
    const ss = this.sheet.ss;
    if (!this.explicit) return ss.isEditor(email);
    return email === ss.owner || this.editors.some((e) => e === email || (ss.groups.get(e) ?? []).includes(email));
  }
  setUnprotectedRanges(ranges: GRange[]) {
    this.hit('setUnprotectedRanges');
    this.mustEdit('setUnprotectedRanges');
    if (this.range) throw new Error('setUnprotectedRanges: only a sheet protection has unprotected ranges');
    for (const r of ranges)
      if (!(r instanceof FakeRange) || r.sheet !== this.sheet)
        throw new Error('setUnprotectedRanges: range is not on the protected sheet');
    this.unprotected = ranges as unknown as FakeRange[];
    return this as any;
  }
  getUnprotectedRanges() {
    this.hit('getUnprotectedRanges');
    return this.unprotected as any;
  }
  getEditors() {
    this.hit('getEditors');
    // "This field is only visible to users with edit access to the protected range"
    // (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange).
    this.mustEdit('getEditors');
    return this.editors.map((e) => ({ getEmail: () => e })) as any;
  }
  removeEditors(users: any[]) {
    this.hit('removeEditors');
    this.mustEdit('removeEditors');
    const gone = new Set(users.map((u: any) => (typeof u === 'string' ? u : u.getEmail())));
    // "Ensure the current user is an editor before removing others. Otherwise, if the user's edit
    // permission comes from a group, the script throws an exception upon removing the group."
    // (developers.google.com/apps-script/reference/spreadsheet/protection, class example)
    const ss = this.sheet.ss;
    if (ss.me !== ss.owner && !this.editors.includes(ss.me))
      for (const g of gone)
        if ((ss.groups.get(g) ?? []).includes(ss.me) && this.editors.includes(g))
          throw new Error(`Exception: You can't remove yourself as an editor (your access comes from the group ${g}).`);
    // Neither the owner nor the user running the script can be removed. An empty list changes
    // nothing, so it leaves a mirroring protection mirroring (the strict reading).
    if (!gone.size) return this as any;
    this.own = this.fix().filter((e) => !gone.has(e) || e === this.sheet.ss.owner || e === this.sheet.ss.me);
    return this as any;
  }
  addEditors(emails: string[]) {
    this.hit('addEditors');
    this.mustEdit('addEditors');
    for (const e of emails) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new Error(`Invalid email: ${e}`);
    if (!emails.length) return this as any;
    this.own = [...new Set([...this.fix(), ...emails])];
    return this as any;
  }
  canDomainEdit() {
    this.hit('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(v: boolean) {
    this.hit('setDomainEdit');
    this.mustEdit('setDomainEdit');
    if (!this.sheet.ss.domain) throw new Error('setDomainEdit: not a Google Workspace domain');
    this.fix();
    this.ownDomain = v;
    return this as any;
  }
  /** Test helper: the state a protection made before v2 may be in (its editors never set). */
  mirror(): void {
    this.own = null;
    this.ownDomain = null;
  }
  remove() {
    this.hit('remove');
    this.mustEdit('remove');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  /**
   * Apps Script's canEdit(): may the user running the script edit the protected range itself.
   * With arguments (tests only): may this user edit this cell, as far as this protection goes.
   */
  canEdit(): boolean;
  canEdit(email: string, row: number, col: number): boolean;
  canEdit(email?: string, row?: number, col?: number): boolean {
    if (email === undefined) {
      this.hit('canEdit');
      return this.mayEdit(this.sheet.ss.me);
    }
    return this.cellEditable(email, row!, col!);
  }
  private cellEditable(email: string, row: number, col: number): boolean {
    const inside = (r: FakeRange) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
    if (this.range && !inside(this.range)) return true;
    if (this.mayEdit(email)) return true;
    return !this.range && this.unprotected.some(inside);
  }
}

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
   * Test helper: the cells a conditional-format rule colours now, as Sheets evaluates them (an
   * error is false), without counting calls. Only single-cell ranges: a relative reference over
   * a larger range is not evaluated here.
   */
  flaggedCells(): string[] {
    const out = new Set<string>();
    for (const rule of this.conditionalRules) {
      for (const g of rule.ranges) {
        if (g.rows !== 1 || g.cols !== 1) throw new Error('fake: flaggedCells reads single-cell rule ranges only');
        const v = evaluate(this, rule.formula);
        if (v === true || (typeof v === 'number' && v !== 0)) out.add(a1Of(g.row, g.col));
      }
    }
    return [...out];
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

export class FakeSpreadsheet implements Pick<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getNumSheets'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'toast'
  | 'getActiveSheet'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
> {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  toasts: string[] = [];
  private nextId = 1000;
  owner = 'owner@example.gov.vn';
  me = 'owner@example.gov.vn';
  /**
   * Editors of the spreadsheet. README tells the owner to generate the forms first and share
   * afterwards, so a new fake spreadsheet is shared with nobody; tests call share().
   */
  sharedWith: string[] = ['owner@example.gov.vn'];
  /** Google Groups shared with the spreadsheet, by group email: their members. */
  groups = new Map<string, string[]>();
  domain = false;
  timeZone = 'Asia/Ho_Chi_Minh';
  locale = 'en_US';
  constructor(readonly calls: Calls) {
    this.sheets.push(new FakeSheet(this, 'Sheet1', 0));
    this.active = this.sheets[0];
  }
  private hit(m: string) {
    this.calls.hit(`Spreadsheet.${m}`);
  }
  /** The owner shares the spreadsheet as an editor (Share → Editor); no call counted. */
  share(...emails: string[]): void {
    this.sharedWith = [...new Set([...this.sharedWith, ...emails])];
  }
  /** The owner, or an editor of the spreadsheet directly or through a group. */
  isEditor(email: string): boolean {
    return (
      email === this.owner || this.sharedWith.some((e) => e === email || (this.groups.get(e) ?? []).includes(email))
    );
  }
  /** Cells of every tab, blank ones included (rows × columns), as Google counts them. */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }
  /**
   * "Up to 10 million cells or 18,278 columns" per spreadsheet, blank cells of a new 1000×26 tab
   * included (support.google.com/drive/answer/37603).
   */
  mustFit(more: number): void {
    if (this.cellCount() + more > CELL_LIMIT)
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
  }
  checkName(name: string, self?: FakeSheet): void {
    if (!name || !name.trim()) throw new Error('Sheet name cannot be empty.');
    if (name.length > 100) throw new Error('Sheet name is longer than 100 characters.');
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  getSheets() {
    this.hit('getSheets');
    return [...this.sheets] as any;
  }
  getSheetByName(name: string) {
    this.hit('getSheetByName');
    return (this.sheets.find((s) => s.name === name) ?? null) as any;
  }
  insertSheet(name?: any, index?: any) {
    this.hit('insertSheet');
    if (typeof name !== 'string') throw new Error('fake insertSheet needs a name');
    this.checkName(name);
    const at = index ?? this.sheets.length;
    if (typeof at !== 'number' || at < 0 || at > this.sheets.length)
      throw new Error(`insertSheet: index ${at} out of range`);
    this.mustFit(DEFAULT_ROWS * DEFAULT_COLS);
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(at, 0, sheet);
    return sheet as any;
  }
  deleteSheet(sheet: GSheet) {
    this.hit('deleteSheet');
    if (this.sheets.length === 1) throw new Error('You can’t remove all the sheets in a document.');
    const i = this.sheets.indexOf(sheet as unknown as FakeSheet);
    if (i < 0) throw new Error('deleteSheet: sheet not in this spreadsheet');
    // A protected sheet can be deleted only by those who may edit it (support.google.com/docs/answer/1218656).
    if (this.sheets[i].protections.some((p) => !p.range && !p.mayEdit(this.me)))
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    this.sheets.splice(i, 1);
  }
  getNumSheets() {
    this.hit('getNumSheets');
    return this.sheets.length;
  }
  getSpreadsheetLocale() {
    this.hit('getSpreadsheetLocale');
    return this.locale;
  }
  setSpreadsheetLocale(locale: string) {
    this.hit('setSpreadsheetLocale');
    if (!/^[a-z]{2}_[A-Z]{2}$/.test(locale)) throw new Error(`Invalid locale ${locale}`);
    this.locale = locale;
  }
  getSpreadsheetTimeZone() {
    this.hit('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.hit('setSpreadsheetTimeZone');
    zoneOffsetMs(tz);
    this.timeZone = tz;
  }
  toast(msg: string) {
    this.hit('toast');
    this.toasts.push(msg);
  }
  getActiveSheet() {
    this.hit('getActiveSheet');
    return this.active as any;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`test: no sheet ${name}`);
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Ui, DocumentApp, LockService, PropertiesService, Utilities, HtmlService, ScriptApp
// ---------------------------------------------------------------------------------------------

export interface MenuRecord {
  title: string;
  addon: boolean;
  items: ({ label: string; fn: string } | null)[];
}

export class FakeUi {
  menus: MenuRecord[] = [];
  alerts: { title: string; message: string }[] = [];
  dialogs: string[] = [];
  /**
   * Alerts and dialogs shown while the document lock was held. Ui.alert waits for the user's
   * click, so the lock would be held for as long as the message stays open and every other user's
   * action would time out on tryLock: tests assert this stays empty.
   */
  underLock: string[] = [];
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  constructor(
    private readonly calls: Calls,
    private readonly lock: { held: boolean } = { held: false },
    private readonly granted: Set<string> = new Set(MANIFEST_SCOPES),
  ) {}
  /**
   * Dialogs, alerts and sidebars need the container UI scope, which a user who never authorized
   * the script (a simple trigger's user) has not granted; menus do not (onOpen builds them in
   * AuthMode.NONE). developers.google.com/apps-script/reference/base/ui, "Authorization".
   */
  private shown(method: string, what: string) {
    if (!this.granted.has(CONTAINER_UI))
      throw new Error(`You do not have permission to call Ui.${method}. Required permissions: ${CONTAINER_UI}`);
    if (this.lock.held) this.underLock.push(what);
  }
  private menu(title: string, addon: boolean) {
    const rec: MenuRecord = { title, addon, items: [] };
    const calls = this.calls;
    const menus = this.menus;
    const m = {
      addItem(label: string, fn: string) {
        calls.hit('Menu.addItem');
        if (typeof fn !== 'string' || !fn) throw new Error('addItem needs a function name');
        rec.items.push({ label, fn });
        return m;
      },
      addSeparator() {
        calls.hit('Menu.addSeparator');
        rec.items.push(null);
        return m;
      },
      addToUi() {
        calls.hit('Menu.addToUi');
        menus.push(rec);
      },
    };
    return m;
  }
  createMenu(title: string) {
    this.calls.hit('Ui.createMenu');
    return this.menu(title, false);
  }
  createAddonMenu() {
    this.calls.hit('Ui.createAddonMenu');
    return this.menu('(add-on)', true);
  }
  alert(title: string, message?: string) {
    this.calls.hit('Ui.alert');
    this.shown('alert', title);
    this.alerts.push({ title, message: message ?? '' });
    return 'OK';
  }
  showSidebar(html: { content: string }) {
    this.calls.hit('Ui.showSidebar');
    this.shown('showSidebar', 'sidebar');
    this.dialogs.push(html.content);
  }
  showModalDialog(html: { content: string }) {
    this.calls.hit('Ui.showModalDialog');
    this.shown('showModalDialog', 'dialog');
    this.dialogs.push(html.content);
  }
}

export interface DocNode {
  kind: 'para' | 'table' | 'pagebreak';
  text: string;
  attrs: Record<string, unknown>;
  styled: { what: string; start: number; end: number; value: unknown }[];
  cells?: string[][];
  columnWidths?: number[];
  /** A table's cells as paragraphs (and nested tables), made from `cells` on first use. */
  paras?: DocNode[][][];
}

const paraNode = (text: string): DocNode => ({ kind: 'para', text, attrs: {}, styled: [] });
const tableNode = (cells: string[][]): DocNode => ({
  kind: 'table',
  text: cells.map((r) => r.join('\t')).join('\n'),
  attrs: {},
  styled: [],
  cells: cells.map((r) => [...r]),
  columnWidths: [],
});

/** Where paragraphs live: the body, or one cell of a table. */
interface DocContainer {
  readonly kind: 'body' | 'cell';
  readonly children: DocNode[];
  changed(): void;
}

function cellParas(t: DocNode): DocNode[][][] {
  t.paras ??= t.cells!.map((r) => r.map((c) => c.split('\n').map(paraNode)));
  return t.paras;
}

function cellContainer(t: DocNode, r: number, c: number): DocContainer {
  return {
    kind: 'cell',
    children: cellParas(t)[r][c],
    changed() {
      t.cells = t.paras!.map((row) => row.map((cell) => cell.map((n) => n.text).join('\n')));
      t.text = t.cells.map((row) => row.join('\t')).join('\n');
    },
  };
}

/**
 * Docs keeps a paragraph at the end of every body and table cell: "You can't delete the last
 * newline character of a Body, Header, Footer, Footnote, TableCell" (developers.google.com/docs/
 * api/concepts/rules-behavior); DocumentApp's removeFromParent on that paragraph throws.
 */
function removeParagraph(container: DocContainer, node: DocNode): void {
  const i = container.children.indexOf(node);
  if (i < 0) throw new Error('removeFromParent: element already removed');
  if (i === container.children.length - 1) throw new Error("Can't remove the last paragraph in a document section.");
  container.children.splice(i, 1);
  container.changed();
}

export class FakeDocument {
  body: DocNode[] = [{ kind: 'para', text: '', attrs: {}, styled: [] }];
  page: Record<string, number> = {};
  saved = false;
  constructor(
    readonly name: string,
    readonly id: string,
  ) {}
}

/** DocumentApp with Body, Paragraph, Table, Text: enough for the report writer. */
export function fakeDocumentApp(calls: Calls, docs: FakeDocument[], granted: Set<string> = new Set(MANIFEST_SCOPES)) {
  const hit = (m: string) => calls.hit(m);
  /** Without the Docs scope every DocumentApp call fails, as in Apps Script. */
  const needDocs = (m: string) => {
    if (!granted.has('https://www.googleapis.com/auth/documents'))
      throw new Error(
        `You do not have permission to call ${m}. Required permissions: https://www.googleapis.com/auth/documents`,
      );
  };
  const textOf = (node: DocNode) => ({
    setBold: (s: number, e: number, v: boolean) => (
      hit('Text.setBold'),
      node.styled.push({ what: 'bold', start: s, end: e, value: v })
    ),
    setItalic: (s: number, e: number, v: boolean) => (
      hit('Text.setItalic'),
      node.styled.push({ what: 'italic', start: s, end: e, value: v })
    ),
    setFontSize: (s: number, e: number, v: number) => (
      hit('Text.setFontSize'),
      node.styled.push({ what: 'size', start: s, end: e, value: v })
    ),
    setBackgroundColor: (s: number, e: number, v: string) => {
      hit('Text.setBackgroundColor');
      if (s < 0 || e >= node.text.length || s > e)
        throw new Error(`setBackgroundColor: offsets ${s}-${e} outside "${node.text}"`);
      node.styled.push({ what: 'highlight', start: s, end: e, value: v });
    },
  });
  const paragraph = (doc: FakeDocument, node: DocNode) => ({
    setAttributes: (a: Record<string, unknown>) => (hit('Paragraph.setAttributes'), Object.assign(node.attrs, a)),
    editAsText: () => (hit('Paragraph.editAsText'), textOf(node)),
    removeFromParent: () => {
      hit('Paragraph.removeFromParent');
      removeParagraph(bodyContainer(doc), node);
    },
  });
  const bodyContainer = (doc: FakeDocument): DocContainer => ({ kind: 'body', children: doc.body, changed() {} });
  /** A body or a table cell, as the parent of a paragraph. */
  const containerOf = (c: DocContainer): any => {
    const self: any = {
      getType: () => (hit('Element.getType'), c.kind === 'body' ? 'BODY_SECTION' : 'TABLE_CELL'),
      asBody: () => self,
      asTableCell: () => self,
      getNumChildren: () => (hit('Container.getNumChildren'), c.children.length),
      getChildIndex: (el: { __node: DocNode }) => {
        hit('Container.getChildIndex');
        const i = c.children.indexOf(el.__node);
        if (i < 0) throw new Error('getChildIndex: not a child of this element');
        return i;
      },
      insertTable: (index: number, cells: string[][]) => {
        hit('Container.insertTable');
        if (index < 0 || index > c.children.length) throw new Error('insertTable: index out of range');
        c.children.splice(index, 0, tableNode(cells));
        c.changed();
      },
    };
    return self;
  };
  /** A paragraph reached by findText: it knows its parent. */
  const paraIn = (c: DocContainer, node: DocNode): any => {
    const self: any = {
      __node: node,
      getType: () => (hit('Element.getType'), 'PARAGRAPH'),
      asParagraph: () => self,
      getParent: () => containerOf(c),
      removeFromParent: () => (hit('Paragraph.removeFromParent'), removeParagraph(c, node)),
      replaceText: (pattern: string, replacement: string) => {
        hit('Paragraph.replaceText');
        node.text = node.text.replace(new RegExp(pattern, 'g'), replacement);
        c.changed();
        return self;
      },
    };
    return self;
  };
  /** A body child as DocumentApp hands it out: typed, copyable, removable. */
  const elementOf = (doc: FakeDocument, node: DocNode): any => ({
    __node: node,
    getType: () => (
      hit('Element.getType'),
      node.kind === 'para' ? 'PARAGRAPH' : node.kind === 'table' ? 'TABLE' : 'PAGE_BREAK'
    ),
    copy: () => (hit('Element.copy'), elementOf(doc, JSON.parse(JSON.stringify(node)) as DocNode)),
    asParagraph: () => ({ ...paragraph(doc, node), __node: node }),
    asTable: () => ({ __node: node }),
    asPageBreak: () => ({ __node: node }),
    asListItem: () => ({ __node: node }),
    removeFromParent: () => {
      hit('Paragraph.removeFromParent');
      if (node.kind === 'para') removeParagraph(bodyContainer(doc), node);
      else doc.body.splice(doc.body.indexOf(node), 1);
    },
  });
  /** Every paragraph of the body in document order, table cells included, with its container. */
  const paragraphs = (doc: FakeDocument): { c: DocContainer; node: DocNode }[] => {
    const out: { c: DocContainer; node: DocNode }[] = [];
    const walk = (c: DocContainer) => {
      for (const node of [...c.children]) {
        if (node.kind === 'para') out.push({ c, node });
        else if (node.kind === 'table')
          cellParas(node).forEach((row, r) => row.forEach((_, k) => walk(cellContainer(node, r, k))));
      }
    };
    walk(bodyContainer(doc));
    return out;
  };
  const bodyOf = (doc: FakeDocument) => {
    const body: any = {
      setPageWidth: (v: number) => (hit('Body.setPageWidth'), (doc.page.width = v), body),
      setPageHeight: (v: number) => (hit('Body.setPageHeight'), (doc.page.height = v), body),
      setMarginTop: (v: number) => (hit('Body.setMarginTop'), (doc.page.top = v), body),
      setMarginBottom: (v: number) => (hit('Body.setMarginBottom'), (doc.page.bottom = v), body),
      setMarginLeft: (v: number) => (hit('Body.setMarginLeft'), (doc.page.left = v), body),
      setMarginRight: (v: number) => (hit('Body.setMarginRight'), (doc.page.right = v), body),
      appendParagraph: (text: string) => {
        hit('Body.appendParagraph');
        if (typeof text !== 'string') throw new Error('appendParagraph: text expected');
        const node: DocNode = { kind: 'para', text, attrs: {}, styled: [] };
        doc.body.push(node);
        return paragraph(doc, node);
      },
      appendPageBreak: () => {
        hit('Body.appendPageBreak');
        doc.body.push({ kind: 'pagebreak', text: '', attrs: {}, styled: [] });
      },
      appendTable: (cells: string[][]) => {
        hit('Body.appendTable');
        const width = cells[0]?.length ?? 0;
        if (!cells.length || cells.some((r) => r.length !== width || r.some((c) => typeof c !== 'string')))
          throw new Error('appendTable: rows must be arrays of strings of equal length');
        const node: DocNode = {
          kind: 'table',
          text: cells.map((r) => r.join('\t')).join('\n'),
          attrs: {},
          styled: [],
          cells: cells.map((r) => [...r]),
          columnWidths: [],
        };
        doc.body.push(node);
        const rowOf = () => ({
          editAsText: () => (hit('TableRow.editAsText'), textOf(node)),
          setAttributes: (a: Record<string, unknown>) => (
            hit('TableRow.setAttributes'),
            node.styled.push({ what: 'row', start: 0, end: 0, value: a })
          ),
        });
        return {
          setAttributes: (a: Record<string, unknown>) => (hit('Table.setAttributes'), Object.assign(node.attrs, a)),
          setColumnWidth: (i: number, w: number) => {
            hit('Table.setColumnWidth');
            if (i < 0 || i >= width) throw new Error('setColumnWidth: column out of range');
            node.columnWidths![i] = w;
          },
          getRow: (i: number) => {
            hit('Table.getRow');
            if (i < 0 || i >= cells.length) throw new Error('getRow: row out of range');
            return rowOf();
          },
          getCell: (r: number, c: number) => {
            hit('Table.getCell');
            const cellNode = (text: string): DocNode => ({ kind: 'para', text, attrs: {}, styled: [] });
            const first = cellNode(cells[r][c]);
            return {
              getChild: () => (
                hit('TableCell.getChild'),
                { asParagraph: () => paragraph({ body: [first] } as FakeDocument, first) }
              ),
              appendParagraph: (text: string) => (
                hit('TableCell.appendParagraph'),
                (node.cells![r][c] += `\n${text}`),
                paragraph({ body: [] } as unknown as FakeDocument, cellNode(text))
              ),
            };
          },
        };
      },
      getChild: (i: number) => {
        hit('Body.getChild');
        const node = doc.body[i];
        if (!node) throw new Error('getChild: index out of range');
        return elementOf(doc, node);
      },
      getNumChildren: () => (hit('Body.getNumChildren'), doc.body.length),
      getChildIndex: (el: { __node: DocNode }) => {
        hit('Body.getChildIndex');
        const i = doc.body.indexOf(el.__node);
        if (i < 0) throw new Error('getChildIndex: not a child of this body');
        return i;
      },
      getText: () => (
        hit('Body.getText'),
        doc.body.map((n) => (n.cells ? n.cells.map((r) => r.join('\t')).join('\n') : n.text)).join('\n')
      ),
      replaceText: (pattern: string, replacement: string) => {
        hit('Body.replaceText');
        const re = new RegExp(pattern, 'g');
        for (const { c, node } of paragraphs(doc)) {
          const text = node.text.replace(re, replacement);
          if (text !== node.text) {
            node.text = text;
            c.changed();
          }
        }
        return body;
      },
      findText: (pattern: string) => {
        hit('Body.findText');
        const found = paragraphs(doc).find(({ node }) => new RegExp(pattern).test(node.text));
        return found ? { getElement: () => ({ getParent: () => paraIn(found.c, found.node) }) } : null;
      },
      insertTable: (index: number, cells: string[][]) => {
        hit('Body.insertTable');
        if (index < 0 || index > doc.body.length) throw new Error('insertTable: index out of range');
        doc.body.splice(index, 0, tableNode(cells));
      },
      getPageWidth: () => (hit('Body.getPageWidth'), doc.page.width ?? 612),
      getPageHeight: () => (hit('Body.getPageHeight'), doc.page.height ?? 792),
      getMarginTop: () => (hit('Body.getMarginTop'), doc.page.top ?? 72),
      getMarginBottom: () => (hit('Body.getMarginBottom'), doc.page.bottom ?? 72),
      getMarginLeft: () => (hit('Body.getMarginLeft'), doc.page.left ?? 72),
      getMarginRight: () => (hit('Body.getMarginRight'), doc.page.right ?? 72),
      appendListItem: (el: { __node: DocNode }) => (hit('Body.appendListItem'), doc.body.push(el.__node)),
      appendHorizontalRule: () => hit('Body.appendHorizontalRule'),
    };
    /** appendParagraph and appendTable also take an element copied from another document. */
    const appendText = body.appendParagraph;
    body.appendParagraph = (x: string | { __node: DocNode }) =>
      typeof x === 'string'
        ? appendText(x)
        : (hit('Body.appendParagraph'), doc.body.push(x.__node), paragraph(doc, x.__node));
    const appendCells = body.appendTable;
    body.appendTable = (x: string[][] | { __node: DocNode }) =>
      Array.isArray(x) ? appendCells(x) : (hit('Body.appendTable'), doc.body.push(x.__node));
    return body;
  };
  return {
    Attribute: new Proxy({}, { get: (_, k) => String(k) }),
    HorizontalAlignment: { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' },
    ElementType: {
      PARAGRAPH: 'PARAGRAPH',
      TABLE: 'TABLE',
      LIST_ITEM: 'LIST_ITEM',
      PAGE_BREAK: 'PAGE_BREAK',
      HORIZONTAL_RULE: 'HORIZONTAL_RULE',
      BODY_SECTION: 'BODY_SECTION',
      TABLE_CELL: 'TABLE_CELL',
    },
    openById(id: string) {
      hit('DocumentApp.openById');
      needDocs('DocumentApp.openById');
      const doc = docs.find((d) => d.id === id);
      if (!doc) throw new Error(`No item with the given ID could be found: ${id}`);
      return this.wrap(doc);
    },
    create(name: string) {
      hit('DocumentApp.create');
      needDocs('DocumentApp.create');
      const doc = new FakeDocument(name, `doc${docs.length + 1}`);
      docs.push(doc);
      return this.wrap(doc);
    },
    wrap(doc: FakeDocument) {
      return {
        getBody: () => (hit('Document.getBody'), bodyOf(doc)),
        getUrl: () => (hit('Document.getUrl'), `https://docs.google.com/document/d/${doc.id}/edit`),
        getId: () => (hit('Document.getId'), doc.id),
        saveAndClose: () => (hit('Document.saveAndClose'), (doc.saved = true)),
      };
    },
  };
}

export function fakeLockService(calls: Calls, state: { busy: boolean; held: boolean }, trigger = { simple: false }) {
  return {
    getDocumentLock() {
      calls.hit('LockService.getDocumentLock');
      // Google documents no lock for simple triggers; refused so that the trigger never relies on one.
      if (trigger.simple) throw new Error('fake: LockService is not available to a simple trigger');
      return {
        tryLock(_ms: number) {
          calls.hit('Lock.tryLock');
          if (state.busy) return false;
          state.held = true;
          return true;
        },
        releaseLock() {
          calls.hit('Lock.releaseLock');
          state.held = false;
        },
      };
    },
  };
}

export function fakePropertiesService(calls: Calls, store: Map<string, string>) {
  const props = {
    getProperty(k: string) {
      calls.hit('Properties.getProperty');
      return store.get(k) ?? null;
    },
    setProperty(k: string, v: string) {
      calls.hit('Properties.setProperty');
      // "Property value size: 9 KB / val" (developers.google.com/apps-script/guides/services/quotas),
      // counted in bytes: a Vietnamese name takes more UTF-8 bytes than characters.
      if (Buffer.byteLength(`${k}${v}`, 'utf8') > 9 * 1024) throw new Error('Argument too large: value');
      store.set(k, v);
      return props;
    },
  };
  return { getDocumentProperties: () => (calls.hit('PropertiesService.getDocumentProperties'), props) };
}

export function fakeUtilities(calls: Calls, now: () => Date) {
  return {
    formatDate(date: Date, tz: string, pattern: string) {
      calls.hit('Utilities.formatDate');
      const d = new Date((date ?? now()).getTime() + zoneOffsetMs(tz));
      const p = (n: number) => String(n).padStart(2, '0');
      return pattern
        .replace('yyyy', String(d.getUTCFullYear()))
        .replace('MM', p(d.getUTCMonth() + 1))
        .replace('dd', p(d.getUTCDate()))
        .replace('HH', p(d.getUTCHours()))
        .replace('mm', p(d.getUTCMinutes()));
    },
  };
}

/** The scopes appsscript.json asks for (found from the tests, or from the bench's dist/ bundle). */
export const MANIFEST_SCOPES: readonly string[] = (
  JSON.parse(
    readFileSync(
      [join(__dirname, '..', '..', 'appsscript.json'), join(__dirname, '..', 'appsscript.json')].find(existsSync)!,
      'utf8',
    ),
  ) as { oauthScopes: string[] }
).oauthScopes;

const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';

/** Thrown where Apps Script ends the run and asks the user for consent. */
export class AuthorizationRequired extends Error {}

/**
 * ScriptApp.requireScopes "validates if the user has granted consent for all of the requested
 * scopes"; if not, the execution ends and the user is asked for those scopes (granular consent:
 * developers.google.com/apps-script/concepts/scopes, "Handle granular OAuth consent";
 * workspaceupdates.googleblog.com, January 2025, "Granular OAuth consent in Google Apps Script IDE
 * executions"). A scope outside the manifest can never be granted.
 */
export function fakeScriptApp(calls: Calls, granted: Set<string>) {
  const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  return {
    AuthMode,
    requireScopes(mode: string, scopes: string[]) {
      calls.hit('ScriptApp.requireScopes');
      if (mode !== AuthMode.FULL) throw new Error('requireScopes: use AuthMode.FULL');
      for (const scope of scopes) {
        if (!MANIFEST_SCOPES.includes(scope)) throw new Error(`requireScopes: ${scope} is not in the manifest`);
        if (!granted.has(scope))
          throw new AuthorizationRequired(`Authorization is required to perform that action (${scope}).`);
      }
    },
  };
}

export function fakeHtmlService(calls: Calls) {
  return {
    createHtmlOutput(content: string) {
      calls.hit('HtmlService.createHtmlOutput');
      const out: any = { content };
      out.setWidth = () => out;
      out.setHeight = () => out;
      out.setTitle = () => out;
      return out;
    },
  };
}

/** Everything a test or the bundle sandbox needs, wired together. */
export function fakeGas(opts: { now?: () => Date } = {}) {
  const calls = new Calls();
  const ss = new FakeSpreadsheet(calls);
  const docs: FakeDocument[] = [];
  const lock = { busy: false, held: false };
  /** Scopes the user running the script granted (granular consent lets them grant only some). */
  const granted = new Set(MANIFEST_SCOPES);
  const ui = new FakeUi(calls, lock, granted);
  const trigger = { simple: false };
  /**
   * Runs fn as Apps Script runs a simple trigger (onEdit) for a user who never authorized the
   * script: "they cannot access services that require authorization" and "can modify the file
   * they are bound to, but cannot access other files" (developers.google.com/apps-script/guides/triggers,
   * "Restrictions"). No scope is granted: Ui dialogs, DocumentApp and ScriptApp.requireScopes
   * fail; the bound spreadsheet (SpreadsheetApp, toast included) works.
   */
  const asSimpleTrigger = <T>(fn: () => T): T => {
    const had = [...granted];
    granted.clear();
    trigger.simple = true;
    try {
      return fn();
    } finally {
      trigger.simple = false;
      for (const g of had) granted.add(g);
    }
  };
  const props = new Map<string, string>();
  const now = opts.now ?? (() => new Date('2026-09-25T03:00:00Z'));
  const SpreadsheetApp = {
    ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' } as unknown as S['ProtectionType'],
    BorderStyle: { SOLID: 'SOLID' } as unknown as S['BorderStyle'],
    getActiveSpreadsheet: () => (calls.hit('SpreadsheetApp.getActiveSpreadsheet'), ss),
    getUi: () => (calls.hit('SpreadsheetApp.getUi'), ui),
    newConditionalFormatRule: () => (
      calls.hit('builder.SpreadsheetApp.newConditionalFormatRule'),
      new FakeConditionalFormatRuleBuilder(calls)
    ),
    newDataValidation: () => (
      calls.hit('builder.SpreadsheetApp.newDataValidation'),
      new FakeDataValidationBuilder(calls)
    ),
    newTextStyle: () => (calls.hit('builder.SpreadsheetApp.newTextStyle'), new FakeTextStyleBuilder(calls)),
    newRichTextValue: () => (calls.hit('builder.SpreadsheetApp.newRichTextValue'), new FakeRichTextValueBuilder(calls)),
  };
  return {
    calls,
    ss,
    ui,
    docs,
    lock,
    props,
    granted,
    asSimpleTrigger,
    globals: {
      SpreadsheetApp,
      DocumentApp: fakeDocumentApp(calls, docs, granted),
      LockService: fakeLockService(calls, lock, trigger),
      PropertiesService: fakePropertiesService(calls, props),
      Utilities: fakeUtilities(calls, now),
      HtmlService: fakeHtmlService(calls),
      ScriptApp: fakeScriptApp(calls, granted),
    },
  };
}

export type FakeGas = ReturnType<typeof fakeGas>;
