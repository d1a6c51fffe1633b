/**
 * WorkbookPort over SpreadsheetApp. Each plan is rendered with one call per attribute over the
 * whole range (values, formats, backgrounds, text styles, wraps, alignments, notes,
 * validations), so the calls for a tab do not grow with its rows.
 */
import { IsoDate, isoDate, parts } from '../core/dates';
import {
  CellInput,
  CellStyle,
  PlanCell,
  Protection,
  RawCell,
  SheetPlan,
  SheetSnapshot,
  Validation,
  a1Range,
  mergedCellFacts,
  parseA1,
} from '../core/grid';
import { PaintGroup } from '../core/outputs';
import { ProtectionOutcome, WorkbookPort } from '../core/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Text Sheets would turn into something else when written with setValues: formulas (= + - @),
 * numbers and dates ("2.1", "05/3"), booleans. A leading apostrophe keeps it text and is not
 * shown; this is what makes text copied from agencies unable to become a formula.
 */
export function asSheetText(s: string): string {
  return /^[=+\-@'\d.,(%$#]/.test(s) || /^(true|false)$/i.test(s.trim()) ? `'${s}` : s;
}

function hyperlinkFormula(text: string, url: string): string {
  const q = (s: string) => s.replace(/"/g, '""');
  return `=HYPERLINK("${q(url)}","${q(text)}")`;
}

/** The smallest range holding all of these ("C6", "D12:E40", "B150") -> "B6:E150". */
function boundingBox(refs: readonly string[]): string {
  const boxes = refs.map(parseA1);
  const top = Math.min(...boxes.map((b) => b.row));
  const left = Math.min(...boxes.map((b) => b.col));
  const bottom = Math.max(...boxes.map((b) => b.row + b.rows - 1));
  const right = Math.max(...boxes.map((b) => b.col + b.cols - 1));
  return a1Range(top, left, bottom - top + 1, right - left + 1);
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;

/** One instance per execution: it caches sheet objects and ids for the length of a run. */
export class GasWorkbook implements WorkbookPort {
  private readonly gids = new Map<string, number>();
  /** Sheets already looked up in this run, so a read followed by marks asks for the sheet once. */
  private readonly sheets = new Map<string, Sheet>();
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  private readonly styles = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  private timeZone: string | null = null;
  /** Sheets in the spreadsheet, counted once per run so that new tabs go last without asking again. */
  private sheetCount: number | null = null;
  /** Whether new protections let the whole Workspace domain edit (asked once per run). */
  private domainEdit: boolean | null = null;
  /**
   * A new protection starts with the spreadsheet's editors, the same for every tab made in a run,
   * so they are asked once and removed from each new protection.
   */
  private sharedEditors: GoogleAppsScript.Base.User[] | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    private readonly props: GoogleAppsScript.Properties.Properties,
    private readonly utilities: GoogleAppsScript.Utilities.Utilities,
    private readonly now: () => Date = () => new Date(),
  ) {}

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  read(name: string, opts: { protection?: boolean } = {}): SheetSnapshot | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const values = range.getValues() as RawCell[][];
    const formats = range.getNumberFormats();
    const isProtected =
      opts.protection === false ? null : sheet.getProtections(this.app.ProtectionType.SHEET).length > 0;
    // One call (no cell data); a merged value cell becomes a finding at its cell, as offline.
    const merged = range.getMergedRanges();
    const cells = merged.length ? mergedCellFacts(merged.map((m) => m.getA1Notation())) : undefined;
    return { name, values, formats, isProtected, ...(cells ? { cells } : {}) };
  }

  create(plan: SheetPlan): ProtectionOutcome {
    this.sheetCount ??= this.ss.getNumSheets();
    const sheet = this.ss.insertSheet(plan.name, this.sheetCount++);
    this.sheets.set(plan.name, sheet);
    this.render(sheet, plan);
    return plan.protection ? this.applyProtection(sheet, plan.protection) : { applied: true };
  }

  replace(plan: SheetPlan): void {
    const old = this.ss.getSheetByName(plan.name);
    const tmpName = `${plan.name} (đang ghi)`;
    const stale = this.ss.getSheetByName(tmpName);
    if (stale) {
      this.ss.deleteSheet(stale); // left over by an interrupted run
      if (this.sheetCount !== null) this.sheetCount--;
    }
    const tmp = this.ss.insertSheet(tmpName, old ? old.getIndex() - 1 : this.ss.getNumSheets());
    if (this.sheetCount !== null && !old) this.sheetCount++;
    this.render(tmp, plan);
    if (plan.protection) this.applyProtection(tmp, plan.protection);
    if (old) this.ss.deleteSheet(old);
    tmp.setName(plan.name);
    this.sheets.set(plan.name, tmp);
    this.gids.set(plan.name, tmp.getSheetId());
  }

  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void {
    const sheet = this.mustSheet(name);
    sheet.insertRowsAfter(afterRow, rows.length);
    this.renderCells(sheet.getRange(afterRow + 1, 1, rows.length, rows[0].length), rows);
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    const sheet = this.mustSheet(name);
    // The add-on owns the protections of its tabs: replace both layers.
    for (const p of [
      ...sheet.getProtections(this.app.ProtectionType.SHEET),
      ...sheet.getProtections(this.app.ProtectionType.RANGE),
    ])
      p.remove();
    return this.applyProtection(sheet, protection);
  }

  paint(name: string, groups: readonly PaintGroup[]): void {
    const sheet = this.mustSheet(name);
    for (const g of groups) sheet.getRangeList([...g.ranges]).setBackground(g.color);
  }

  writeCells(name: string, range: string, cells: CellInput[][]): void {
    this.mustSheet(name)
      .getRange(range)
      .setValues(cells.map((row) => row.map((c) => this.sheetValue(c))));
  }

  getState(key: string): string | null {
    return this.props.getProperty(key);
  }

  setState(key: string, value: string): void {
    this.props.setProperty(key, value);
  }

  today(): IsoDate {
    const [y, m, d] = this.utilities.formatDate(this.now(), this.tz(), 'yyyy-MM-dd').split('-').map(Number);
    return isoDate(y, m, d);
  }

  stamp(): string {
    return this.utilities.formatDate(this.now(), this.tz(), 'dd/MM/yyyy HH:mm');
  }

  // -------------------------------------------------------------------------------------------

  private tz(): string {
    this.timeZone ??= this.ss.getSpreadsheetTimeZone();
    return this.timeZone;
  }

  private sheet(name: string): Sheet | null {
    let sheet = this.sheets.get(name) ?? null;
    if (!sheet) {
      sheet = this.ss.getSheetByName(name);
      if (sheet) this.sheets.set(name, sheet);
    }
    return sheet;
  }

  private mustSheet(name: string): Sheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`Không tìm thấy trang "${name}".`);
    return sheet;
  }

  /** Renders into a sheet just made by insertSheet, which Sheets creates with 1000 rows and 26 columns. */
  private render(sheet: Sheet, plan: SheetPlan): void {
    const rows = plan.rows.length;
    const cols = plan.columnWidths.length;
    if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
    if (cols > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, cols - NEW_SHEET_COLUMNS);
    this.renderCells(sheet.getRange(1, 1, plan.rows.length, plan.columnWidths.length), plan.rows);
    // Columns at Sheets' default width need no call; adjacent equal widths share one.
    for (let c = 0; c < plan.columnWidths.length;) {
      let n = 1;
      while (c + n < plan.columnWidths.length && plan.columnWidths[c + n] === plan.columnWidths[c]) n++;
      if (plan.columnWidths[c] !== DEFAULT_COLUMN_WIDTH) sheet.setColumnWidths(c + 1, n, plan.columnWidths[c]);
      c += n;
    }
    if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  }

  private renderCells(range: Range, rows: readonly (readonly PlanCell[])[]): void {
    const grid = <T>(f: (s: CellStyle, v: CellInput) => T): T[][] => rows.map((r) => r.map((c) => f(c.s ?? {}, c.v)));
    // Formats go first so that a date or a '@' text cell takes the value as intended.
    range.setNumberFormats(
      grid((s, v) => s.numberFormat ?? (v !== null && typeof v === 'object' && 'date' in v ? 'dd/mm/yyyy' : '')),
    );
    range.setValues(grid((_, v) => this.sheetValue(v)));
    range.setBackgrounds(grid((s) => s.background ?? null) as string[][]);
    range.setTextStyles(grid((s) => this.textStyle(s)));
    range.setWraps(grid((s) => !!s.wrap));
    if (rows.some((r) => r.some((c) => c.s?.align))) range.setHorizontalAlignments(grid((s) => s.align ?? null));
    range.setNotes(grid((s) => s.note ?? ''));
    range.setDataValidations(
      grid((s) => (s.validation ? this.rule(s.validation) : null)) as GoogleAppsScript.Spreadsheet.DataValidation[][],
    );
  }

  private sheetValue(v: CellInput): unknown {
    if (v === null) return '';
    if (typeof v === 'string') return asSheetText(v);
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if ('formula' in v) return v.formula;
    if ('date' in v) {
      const { y, m, d } = parts(v.date);
      return new Date(y, m - 1, d);
    }
    const gid = this.gidOf(v.link.sheet);
    if (gid === null) return asSheetText(v.link.text);
    return hyperlinkFormula(v.link.text, `#gid=${gid}${v.link.a1 ? `&range=${v.link.a1}` : ''}`);
  }

  private gidOf(name: string): number | null {
    if (!this.gids.has(name)) {
      const sheet = this.sheet(name);
      if (!sheet) return null;
      this.gids.set(name, sheet.getSheetId());
    }
    return this.gids.get(name)!;
  }

  /** Builders run locally in Apps Script (no service round trip); one object per distinct style. */
  private textStyle(s: CellStyle): GoogleAppsScript.Spreadsheet.TextStyle {
    const key = `${!!s.bold}|${!!s.italic}|${s.color ?? ''}`;
    let style = this.styles.get(key);
    if (!style) {
      let b = this.app.newTextStyle().setBold(!!s.bold).setItalic(!!s.italic);
      if (s.color) b = b.setForegroundColor(s.color);
      style = b.build();
      this.styles.set(key, style);
    }
    return style;
  }

  private rule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
    const key = JSON.stringify(v);
    let rule = this.rules.get(key);
    if (!rule) {
      const b = this.app.newDataValidation().setAllowInvalid(false);
      switch (v.kind) {
        case 'wholeNumber':
          // Whole-number-ness is left to validation, which can explain a fraction; Sheets only blocks negatives.
          b.requireNumberGreaterThanOrEqualTo(0).setHelpText('Nhập số nguyên từ 0 trở lên.');
          break;
        case 'percent':
          b.requireNumberBetween(0, 1).setHelpText('Nhập tỷ lệ từ 0% đến 100%.');
          break;
        case 'date':
          b.requireDate().setHelpText('Nhập ngày dạng dd/mm/yyyy.');
          break;
        case 'list':
          b.requireValueInList([...v.values], true).setHelpText('Chọn một giá trị trong danh sách.');
          break;
      }
      rule = b.build();
      this.rules.set(key, rule);
    }
    return rule;
  }

  /**
   * Sheets cannot say "only agency A, and only these cells" with one protection, so an agency tab
   * gets two: the sheet, editable by the consolidator alone except for the value cells; and, over
   * the area holding those cells, a range protection that admits only the agency's own emails.
   * Other agencies, though editors of the spreadsheet, can then change nothing on this tab.
   */
  private applyProtection(sheet: Sheet, p: Protection): ProtectionOutcome {
    try {
      const whole = sheet.protect();
      this.sharedEditors ??= whole.getEditors();
      if (p.kind === 'agency')
        whole.setUnprotectedRanges(p.editable.length ? sheet.getRangeList([...p.editable]).getRanges() : []);
      this.onlyConsolidator(whole);
      if (p.kind === 'agency' && p.editable.length) {
        const area = sheet.getRange(boundingBox(p.editable)).protect();
        this.onlyConsolidator(area);
        if (p.editors.length) area.addEditors([...p.editors]);
      }
      return { applied: true };
    } catch (e) {
      return { applied: false, reason: `không áp dụng được bảo vệ trang (${(e as Error).message})` };
    }
  }

  /** Leaves the owner and the user running the script (the consolidator) as the only editors. */
  private onlyConsolidator(protection: GoogleAppsScript.Spreadsheet.Protection): void {
    protection.removeEditors(this.sharedEditors!);
    this.domainEdit ??= protection.canDomainEdit();
    if (this.domainEdit) protection.setDomainEdit(false);
  }
}
