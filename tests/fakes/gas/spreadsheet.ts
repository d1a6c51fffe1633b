/** Spreadsheet: its id and URL, its tabs, sharing, locale and time zone. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Calls } from './calls';
import { CELL_LIMIT, DEFAULT_COLS, DEFAULT_ROWS, zoneOffsetMs } from './cells';
import { FakeSheet } from './sheet';
import { GSheet } from './types';

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
  | 'getId'
  | 'getUrl'
  | 'getName'
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
  /**
   * Google's ids are 44 characters of letters, digits, - and _; the URL is the one the browser
   * shows ("https://docs.google.com/spreadsheets/d/<id>/edit").
   */
  readonly id: string;
  /** The file's name in Drive. */
  name = 'Báo cáo CCHC';
  /** Moved to the trash and emptied: openById no longer finds it. */
  deleted = false;
  constructor(
    readonly calls: Calls,
    serial = 0,
  ) {
    this.id = `1FakeSpreadsheet${String(serial).padStart(4, '0')}`.padEnd(44, 'x');
    this.sheets.push(new FakeSheet(this, 'Sheet1', 0));
    this.active = this.sheets[0];
  }
  private hit(m: string) {
    this.calls.hit(`Spreadsheet.${m}`);
  }
  getId() {
    this.hit('getId');
    return this.id;
  }
  getUrl() {
    this.hit('getUrl');
    return this.url;
  }
  getName() {
    this.hit('getName');
    return this.name;
  }
  /** The address a person copies from the browser (no call counted). */
  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  /** The owner shares the spreadsheet as an editor (Share → Editor); no call counted. */
  share(...emails: string[]): void {
    this.sharedWith = [...new Set([...this.sharedWith, ...emails])];
  }
  /** The owner, or an editor of the spreadsheet directly or through a group; emails compare in any case. */
  isEditor(email: string): boolean {
    const me = email.toLowerCase();
    const is = (e: string) => e.toLowerCase() === me;
    return is(this.owner) || this.sharedWith.some((e) => is(e) || (this.groups.get(e) ?? []).some(is));
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
  /**
   * insertSheet(sheetName, sheetIndex, options): with options.template, "All data from the template
   * sheet object is copied to the new sheet. The sheet template must be one of the sheets of the
   * Spreadsheet object"; "The new sheet becomes the active sheet"
   * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer,Object)).
   * What "all data" covers is not listed; the fake takes the widest reading for what could harm
   * (protections are copied too, as Sheets' own "Duplicate" does), so a design that copied a
   * protected tab would show the first agency's protections on every copy.
   */
  insertSheet(name?: any, index?: any, options?: any) {
    this.hit('insertSheet');
    if (typeof name !== 'string') throw new Error('fake insertSheet needs a name');
    this.checkName(name);
    const at = index ?? this.sheets.length;
    if (typeof at !== 'number' || at < 0 || at > this.sheets.length)
      throw new Error(`insertSheet: index ${at} out of range`);
    const template: unknown = options?.template;
    if (template !== undefined && !(template instanceof FakeSheet && this.sheets.includes(template)))
      throw new Error('The sheet template must be one of the sheets of the Spreadsheet object.');
    this.mustFit(template ? template.maxRows * template.maxCols : DEFAULT_ROWS * DEFAULT_COLS);
    const sheet = new FakeSheet(this, name, this.nextId++);
    if (template) sheet.copyOf(template);
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
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
