/**
 * WorkbookPort over SpreadsheetApp. Each plan is rendered with one call per attribute over the
 * whole range (values, formats, backgrounds, text styles, wraps, alignments, notes,
 * validations, links), so the calls for a tab do not grow with its rows. Dates are read and
 * written in the spreadsheet's own time zone, whatever the script's.
 */
import { IsoDate, isDate, isoDate, parts } from '../core/primitives/dates';
import { sheetsFormula } from '../core/form/formulas';
import {
  COLORS,
  CellInput,
  CellStyle,
  PlanCell,
  Protection,
  SheetPlan,
  VALIDATION_HELP,
  Validation,
} from '../core/sheet/plan';
import { RawCell, SheetSnapshot, a1, mergedCellFacts, parseA1 } from '../core/sheet/grid';
import { LiveCheck, checkRules } from '../core/checks/live-checks';
import { PaintGroup } from '../core/figures/output-sheets';
import { SETTINGS_SHEET } from '../core/settings';
import { ProtectionOutcome, WorkbookPort } from '../core/workbook';
import { GasError } from './errors';
import { LinkCell, linkRuns } from './links';
import { Protector } from './protection';
import { MIN_COPIES, SCRATCH_PREFIX, formCounts, formKey, isScratch } from './form-copies';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Text Sheets would turn into something else when written with setValues: formulas (= + - @),
 * numbers and dates ("2.1", "05/3"), booleans. A leading apostrophe keeps it text and is not
 * shown; this is what makes text copied from agencies unable to become a formula.
 */
export function asSheetText(s: string): string {
  return /^[=+\-@'\d.,(%$#]/.test(s) || /^(true|false)$/i.test(s.trim()) ? `'${s}` : s;
}

/** One value per cell of the rows, from its style and value. */
const gridOf =
  (rows: readonly (readonly PlanCell[])[]) =>
  <T>(f: (s: CellStyle, v: CellInput) => T): T[][] =>
    rows.map((r) => r.map((c) => f(c.s ?? {}, c.v)));

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;

/** The active spreadsheet as the core's port, with the document's properties as its state. */
export function activeWorkbook(): GasWorkbook {
  return new GasWorkbook(
    SpreadsheetApp.getActiveSpreadsheet(),
    SpreadsheetApp,
    PropertiesService.getDocumentProperties(),
    Utilities,
  );
}

/** One instance per execution: it caches sheet objects and ids for the length of a run. */
export class GasWorkbook implements WorkbookPort {
  /** Sheet ids by name; null for a sheet that is not there (asked once per run, not once per link). */
  private readonly gids = new Map<string, number | null>();
  /** Sheets already looked up in this run, so a read followed by marks asks for the sheet once. */
  private readonly sheets = new Map<string, Sheet>();
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  private readonly styles = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  private timeZone: string | null = null;
  private offsetMs: number | null = null;
  /** Sheets in the spreadsheet, counted once per run so that new tabs go last without asking again. */
  private sheetCount: number | null = null;
  /** Tabs this run expects to create, by form (form-copies.ts), and the scratch tab made for each. */
  private expected = new Map<string, number>();
  private readonly scratch = new Map<string, { readonly name: string; readonly sheet: Sheet }>();
  /** Scratch tabs an earlier run left behind (Apps Script stopped it): deleted before new ones. */
  private leftovers = new Map<string, Sheet>();
  readonly protector: Protector;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    private readonly props: GoogleAppsScript.Properties.Properties,
    private readonly utilities: GoogleAppsScript.Utilities.Utilities,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.protector = new Protector(ss, app, props, now);
  }

  /**
   * Changes when the protections this adapter makes would change: the consolidators, and how
   * editor lists are set. "v2" protections set every editor list explicitly; a tab protected
   * before may still mirror the sharing (open to every editor), so its fingerprint differs and
   * the next "Tạo biểu mẫu" protects it again. No per-tab call: an unchanged province stays cheap.
   */
  protectionKey(): string {
    return ['v2', ...[...this.protector.consolidators()].sort()].join(',');
  }

  protectionHolds(name: string, agencyEditors: readonly string[]): boolean {
    const sheet = this.sheet(name);
    return !!sheet && this.protector.holds(sheet, agencyEditors);
  }

  sheetNames(): string[] {
    // The sheet objects come with the names: keep them, so later lookups cost no call.
    const names: string[] = [];
    this.leftovers.clear();
    for (const s of this.ss.getSheets()) {
      const name = s.getName();
      if (isScratch(name)) {
        if (!this.scratchNamed(name)) this.leftovers.set(name, s);
        continue;
      }
      this.sheets.set(name, s);
      names.push(name);
    }
    return names;
  }

  /**
   * The tabs about to be created, in order: a form shared by MIN_COPIES of them or more is rendered
   * once into a scratch tab, and those tabs are copies of it. An empty list ends the run's copying:
   * the scratch tabs are deleted.
   */
  expectTabs(plans: readonly SheetPlan[]): void {
    this.expected = formCounts(plans);
    // Tabs go before the scratch ones: count the sheets again once a leftover went.
    if (this.leftovers.size) this.sheetCount = null;
    this.drop(this.leftovers);
    if (plans.length) return;
    this.drop(new Map([...this.scratch.values()].map((s) => [s.name, s.sheet])));
    this.scratch.clear();
  }

  /**
   * Deletes scratch tabs. One that cannot go (protected by hand, say) stays a leftover: its name
   * is not used again, no command reads it as a tab, and the next run tries again.
   */
  private drop(sheets: Map<string, Sheet>): void {
    for (const [name, s] of sheets)
      try {
        this.ss.deleteSheet(s);
        this.leftovers.delete(name);
      } catch {
        this.leftovers.set(name, s);
      }
  }

  read(name: string, opts: { protection?: boolean; valuesOnly?: boolean } = {}): SheetSnapshot | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const values = (range.getValues() as RawCell[][]).map((row) =>
      row.map((v) => (isDate(v) ? this.fromSheetDate(v) : v)),
    );
    if (opts.valuesOnly) return { name, values, formats: values.map((r) => r.map(() => '')), isProtected: null };
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
    const template = this.templateFor(plan);
    const sheet = template
      ? this.ss.insertSheet(plan.name, this.sheetCount++, { template })
      : this.ss.insertSheet(plan.name, this.sheetCount++);
    this.sheets.set(plan.name, sheet);
    if (template) this.writeOwn(sheet, plan);
    else this.render(sheet, plan);
    return plan.protection ? this.protector.apply(sheet, plan.name, plan.protection) : { applied: true };
  }

  /** The scratch tab holding this plan's form, made now if enough tabs of this run share it. */
  private templateFor(plan: SheetPlan): Sheet | null {
    const key = formKey(plan);
    const made = this.scratch.get(key);
    if (made) return made.sheet;
    if ((this.expected.get(key) ?? 0) < MIN_COPIES) return null;
    // After the tabs (they are inserted at sheetCount), never protected (form-copies.ts).
    let n = 1;
    while (this.leftovers.has(`${SCRATCH_PREFIX}${n}`) || this.scratchNamed(`${SCRATCH_PREFIX}${n}`)) n++;
    const name = `${SCRATCH_PREFIX}${n}`;
    const sheet = this.ss.insertSheet(name, this.sheetCount! + this.scratch.size);
    this.render(sheet, plan);
    this.scratch.set(key, { name, sheet });
    return sheet;
  }

  private scratchNamed(name: string): boolean {
    return [...this.scratch.values()].some((s) => s.name === name);
  }

  replace(plan: SheetPlan): void {
    const old = this.ss.getSheetByName(plan.name);
    if (old) this.protector.mustMayDelete(old); // before any work, so nothing is left half done
    const tmpName = `${plan.name} (đang ghi)`;
    const stale = this.ss.getSheetByName(tmpName);
    if (stale) {
      this.ss.deleteSheet(stale); // left over by an interrupted run
      if (this.sheetCount !== null) this.sheetCount--;
    }
    const tmp = this.ss.insertSheet(tmpName, old ? old.getIndex() - 1 : this.ss.getNumSheets());
    if (this.sheetCount !== null && !old) this.sheetCount++;
    this.render(tmp, plan);
    if (plan.protection) this.protector.apply(tmp, plan.name, plan.protection);
    if (old) this.ss.deleteSheet(old);
    tmp.setName(plan.name);
    this.sheets.set(plan.name, tmp);
    this.gids.set(plan.name, tmp.getSheetId());
  }

  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void {
    const sheet = this.mustSheet(name);
    sheet.insertRowsAfter(afterRow, rows.length);
    this.renderCells(sheet, afterRow + 1, rows);
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    const sheet = this.mustSheet(name);
    // The add-on owns the protections of its tabs: replace both layers, if this user may.
    try {
      this.protector.removeAll(sheet);
    } catch (e) {
      if (e instanceof GasError) return { applied: false, reason: e.message };
      throw e;
    }
    return this.protector.apply(sheet, name, protection);
  }

  setChecks(name: string, checks: readonly LiveCheck[]): void {
    this.writeChecks(this.mustSheet(name), checks);
  }

  setValidations(name: string, range: string, validations: readonly (readonly (Validation | null)[])[]): void {
    const { row, col } = parseA1(range);
    this.mustSheet(name)
      .getRange(range)
      .setDataValidations(
        validations.map((r, i) =>
          r.map((v, j) => (v ? this.rule(v, a1(row + i, col + j)) : null)),
        ) as GoogleAppsScript.Spreadsheet.DataValidation[][],
      );
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
    if (!sheet) throw new GasError('sheet-missing', `Không tìm thấy trang "${name}".`);
    return sheet;
  }

  /**
   * Renders into a sheet just made by insertSheet, which Sheets creates with 1000 rows and 26
   * columns. Every tab but Thiết lập (where the owner adds agencies below the list) is then cut to
   * the rows and columns it uses, one call each: a spreadsheet holds at most 10 million cells,
   * blank ones included (support.google.com/drive/answer/37603), and 190 untrimmed agency tabs
   * alone would take 4.9 million.
   */
  private render(sheet: Sheet, plan: SheetPlan): void {
    const rows = plan.rows.length;
    const cols = plan.columnWidths.length;
    if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
    if (cols > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, cols - NEW_SHEET_COLUMNS);
    if (plan.name !== SETTINGS_SHEET) {
      if (rows > 0 && rows < NEW_SHEET_ROWS) sheet.deleteRows(rows + 1, NEW_SHEET_ROWS - rows);
      if (cols > 0 && cols < NEW_SHEET_COLUMNS) sheet.deleteColumns(cols + 1, NEW_SHEET_COLUMNS - cols);
    }
    this.renderCells(sheet, 1, plan.rows);
    // Columns at Sheets' default width need no call; adjacent equal widths share one.
    for (let c = 0; c < plan.columnWidths.length;) {
      let n = 1;
      while (c + n < plan.columnWidths.length && plan.columnWidths[c + n] === plan.columnWidths[c]) n++;
      if (plan.columnWidths[c] !== DEFAULT_COLUMN_WIDTH) sheet.setColumnWidths(c + 1, n, plan.columnWidths[c]);
      c += n;
    }
    // Sheets repeats frozen rows and columns on every printed page (print settings, "Headers &
    // footers": repeat frozen rows/columns); Apps Script has no other print setup to write.
    if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
    if (plan.frozenColumns) sheet.setFrozenColumns(plan.frozenColumns);
    // Every table ruled in one call: RangeList.setBorder(top, left, bottom, right, vertical,
    // horizontal, color, style), developers.google.com/apps-script/reference/spreadsheet/range-list
    // and .../border-style (SOLID).
    if (plan.borders?.length)
      sheet
        .getRangeList([...plan.borders])
        .setBorder(true, true, true, true, true, true, '#808080', this.app.BorderStyle.SOLID);
    if (plan.checks?.length) this.writeChecks(sheet, plan.checks);
  }

  /**
   * The live checks as conditional-format rules (checkRules: about 20 range rules a tab, each with
   * a formula written for its top-left cell), all in one setConditionalFormatRules (it replaces
   * the sheet's rules: developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)).
   * Their ranges come from one getRangeList, never a getRange per range.
   */
  private writeChecks(sheet: Sheet, checks: readonly LiveCheck[]): void {
    const rules = checkRules(checks);
    const all = rules.length ? sheet.getRangeList(rules.flatMap((r) => r.ranges)).getRanges() : [];
    let next = 0;
    sheet.setConditionalFormatRules(
      rules.map((r) =>
        this.app
          .newConditionalFormatRule()
          .whenFormulaSatisfied(`=${r.formula}`)
          .setBackground(r.severity === 'error' ? COLORS.error : COLORS.warning)
          .setRanges(all.slice(next, (next += r.ranges.length)))
          .build(),
      ),
    );
  }

  private renderCells(sheet: Sheet, top: number, rows: readonly (readonly PlanCell[])[]): void {
    const range = sheet.getRange(top, 1, rows.length, rows[0].length);
    const grid = gridOf(rows);
    this.writeValues(range, rows);
    range.setBackgrounds(grid((s) => s.background ?? null) as string[][]);
    range.setTextStyles(grid((s) => this.textStyle(s)));
    range.setWraps(grid((s) => !!s.wrap));
    if (rows.some((r) => r.some((c) => c.s?.align))) range.setHorizontalAlignments(grid((s) => s.align ?? null));
    range.setNotes(grid((s) => s.note ?? ''));
    this.writeValidations(range, top, rows);
    this.writeLinks(sheet, top, rows);
  }

  /**
   * A tab copied from its form's scratch tab: what is its own (values, links), and what the
   * figures depend on, written whatever the copy brought (form-copies.ts): three writes of one
   * range, then the live checks.
   */
  private writeOwn(sheet: Sheet, plan: SheetPlan): void {
    const range = sheet.getRange(1, 1, plan.rows.length, plan.columnWidths.length);
    this.writeValues(range, plan.rows);
    this.writeValidations(range, 1, plan.rows);
    this.writeLinks(sheet, 1, plan.rows);
    if (plan.checks?.length) this.writeChecks(sheet, plan.checks);
  }

  /** Number formats, then values: a date or a '@' text cell takes the value as intended. */
  private writeValues(range: GoogleAppsScript.Spreadsheet.Range, rows: readonly (readonly PlanCell[])[]): void {
    const grid = gridOf(rows);
    range.setNumberFormats(
      grid((s, v) => s.numberFormat ?? (v !== null && typeof v === 'object' && 'date' in v ? 'dd/mm/yyyy' : '')),
    );
    range.setValues(grid((_, v) => this.sheetValue(v)));
  }

  private writeValidations(
    range: GoogleAppsScript.Spreadsheet.Range,
    top: number,
    rows: readonly (readonly PlanCell[])[],
  ): void {
    range.setDataValidations(
      rows.map((r, i) =>
        r.map((c, j) => (c.s?.validation ? this.rule(c.s.validation, a1(top + i, 1 + j)) : null)),
      ) as GoogleAppsScript.Spreadsheet.DataValidation[][],
    );
  }

  /**
   * Links go in as rich text (a HYPERLINK formula would need an argument separator, which
   * depends on the locale), one setRichTextValues per run of text cells holding links, after the
   * text styles so the link keeps Sheets' link look.
   */
  private writeLinks(sheet: Sheet, top: number, rows: readonly (readonly PlanCell[])[]): void {
    const cells: (LinkCell | null)[][] = rows.map((r) =>
      r.map((c) => {
        const v = c.v;
        if (v === null) return { text: '' };
        if (typeof v === 'string') return { text: v };
        if (typeof v === 'object' && 'link' in v) {
          const gid = this.gidOf(v.link.sheet);
          return {
            text: v.link.text,
            url: gid === null ? undefined : `#gid=${gid}${v.link.a1 ? `&range=${v.link.a1}` : ''}`,
          };
        }
        return null; // numbers, dates, formulas: never rewritten as text
      }),
    );
    for (const run of linkRuns(cells)) {
      const values = run.cells.map((row) =>
        row.map((c) => {
          const b = this.app.newRichTextValue().setText(c.text);
          return (c.url ? b.setLinkUrl(c.url) : b).build();
        }),
      );
      sheet.getRange(top + run.row, 1 + run.col, run.cells.length, run.cells[0].length).setRichTextValues(values);
    }
  }

  private sheetValue(v: CellInput): unknown {
    if (v === null) return '';
    if (typeof v === 'string') return asSheetText(v);
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if ('formula' in v) return sheetsFormula(v.formula);
    if ('date' in v) return this.toSheetDate(v.date);
    return asSheetText(v.link.text); // the link itself follows as rich text (writeLinks)
  }

  /**
   * Midnight of this date in the spreadsheet's zone. Sheets keeps the wall-clock date of the
   * instant written, in its own zone, so a script in another zone must shift it.
   */
  private toSheetDate(date: IsoDate): Date {
    const { y, m, d } = parts(date);
    return new Date(Date.UTC(y, m - 1, d) - this.zoneOffset());
  }

  /**
   * A date read from the sheet, as the script's calendar date with the sheet's wall clock. The
   * offset is taken once per run; a zone with daylight saving may be an hour off on the far side
   * of a change, so a time within two hours of midnight is taken as that midnight (dates here
   * are dates, not times).
   */
  private fromSheetDate(v: Date): Date {
    const wall = new Date(v.getTime() + this.zoneOffset());
    const h = wall.getUTCHours() + wall.getUTCMinutes() / 60;
    if (h <= 2 || h >= 22) {
      const day = new Date(Math.round(wall.getTime() / 86_400_000) * 86_400_000);
      return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    }
    return new Date(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
    );
  }

  /** The spreadsheet zone's offset from UTC in ms, now (one Utilities call per run). */
  private zoneOffset(): number {
    if (this.offsetMs === null) {
      const now = this.now();
      const probe = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
      const [y, m, d, hh, mi] = this.utilities.formatDate(probe, this.tz(), 'yyyy-MM-dd-HH-mm').split('-').map(Number);
      this.offsetMs = Date.UTC(y, m - 1, d, hh, mi) - probe.getTime();
    }
    return this.offsetMs;
  }

  private gidOf(name: string): number | null {
    if (!this.gids.has(name)) {
      const sheet = this.sheet(name);
      this.gids.set(name, sheet ? sheet.getSheetId() : null);
    }
    return this.gids.get(name) ?? null;
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

  /**
   * One behaviour for a typed value, chosen per check. Every rule is built with
   * setAllowInvalid(false), which "rejects the input entirely" (Sheets shows its refusal dialog
   * with the help text and the cell keeps its old value:
   * developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)).
   * Refused at typing, with the help text: what is wrong in the cell alone and always wrong (the
   * live checks not-number, negative, fractional-count, percent-range; a date that is not a
   * date; a status outside the list). Accepted and coloured by the live checks: a relation between
   * cells and a rate that disagrees with its counts, because refusing a figure until a related
   * one is typed would block the clerk mid-form. Validation applies to what a user types; a
   * script's setValues and a paste are not refused, which is why validate still reports every
   * check. Rules are built locally (no service call); a whole-number rule names its own cell.
   */
  private rule(v: Validation, cell: string): GoogleAppsScript.Spreadsheet.DataValidation {
    const key = v.kind === 'wholeNumber' ? `${v.kind}@${cell}` : JSON.stringify(v);
    let rule = this.rules.get(key);
    if (!rule) {
      const b = this.app.newDataValidation().setAllowInvalid(false).setHelpText(VALIDATION_HELP[v.kind]);
      switch (v.kind) {
        case 'wholeNumber':
          // Sheets has no whole-number criterion: a custom formula, true for 0, 1, 2… and false
          // (or an error, which also refuses) for text, negatives and fractions. No argument
          // separator and no decimal point, so it reads the same in a vi_VN sheet.
          b.requireFormulaSatisfied(`=INT(ABS(${cell}))=${cell}`);
          break;
        case 'percent':
          b.requireNumberBetween(0, 1);
          break;
        case 'date':
          b.requireDate();
          break;
        case 'list':
          b.requireValueInList([...v.values], true);
          break;
      }
      rule = b.build();
      this.rules.set(key, rule);
    }
    return rule;
  }
}
