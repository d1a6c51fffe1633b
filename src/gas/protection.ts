/**
 * Protections the add-on makes, for GasWorkbook. Consolidators are one list: the editors of the
 * Thiết lập protection (the owner adds a second consolidator there). Every protection keeps them
 * and drops the other editors of the spreadsheet; a protection that cannot be completed is
 * removed rather than left open to everyone, and reported.
 */
import { Protection } from '../core/sheet/plan';
import { a1Range, parseA1 } from '../core/sheet/grid';
import { DETAIL_SHEET, SUBMISSION_SHEET, SUMMARY_SHEET, VALIDATION_SHEET } from '../core/figures/output-sheets';
import { SETTINGS_SHEET } from '../core/settings';
import { ProtectionOutcome } from '../core/workbook';
import { GasError, classify } from './errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * An email as Google compares it: User.getEmail() gives it in lower case, while Thiết lập keeps
 * what the consolidator typed ("Nguoi.Nhap@Example.gov.vn"), so both sides are compared this way.
 */
const emailKey = (e: string): string => e.trim().toLowerCase();

/** Where the last known consolidators are kept, so a non-consolidator can be told whom to ask. */
export const CONSOLIDATORS_KEY = 'cchc.consolidators';

/** The consolidators a consolidator's run last recorded in the document properties; damaged reads as none. */
export function knownConsolidators(props: GoogleAppsScript.Properties.Properties): string[] {
  try {
    const v: unknown = JSON.parse(props.getProperty(CONSOLIDATORS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
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

/**
 * How long the sharing read from a fresh protection is used for the next ones. The owner may share
 * the spreadsheet while "Tạo biểu mẫu" runs (minutes): a protection's list starts from the sharing
 * of the moment it is first changed, so someone shared since the last read would stay an editor.
 * Read again this often (one call), the tabs that may carry such a person are those of the last
 * 30 s, and the next run's check (holds) finds and closes them.
 */
export const SHARING_FRESH_MS = 30_000;

export class Protector {
  /** Emails (or group emails) on the Thiết lập protection; asked once per run. */
  private consolidatorList: string[] | null = null;
  /** A new protection starts with all the spreadsheet's editors: read from one, SHARING_FRESH_MS at a time. */
  private sharedEditors: GoogleAppsScript.Base.User[] | null = null;
  private sharedAt = 0;
  private domainEdit: boolean | null = null;
  /** Protections this run could not apply, for the handler's message. */
  readonly failures: { sheet: string; reason: string }[] = [];

  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    private readonly props: GoogleAppsScript.Properties.Properties,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The consolidators: editors of the Thiết lập protection (empty before it exists). */
  consolidators(): string[] {
    if (this.consolidatorList) return this.consolidatorList;
    const p = this.ss.getSheetByName(SETTINGS_SHEET)?.getProtections(this.app.ProtectionType.SHEET)[0];
    this.consolidatorList = p && p.canEdit() ? p.getEditors().map((u) => u.getEmail()) : [];
    const known = JSON.stringify(this.consolidatorList);
    if (this.consolidatorList.length && this.props.getProperty(CONSOLIDATORS_KEY) !== known) {
      this.props.setProperty(CONSOLIDATORS_KEY, known);
      this.syncOutputs(this.consolidatorList);
    }
    return this.consolidatorList;
  }

  /**
   * The output sheets are replaced on every run, so their protections must list the current
   * consolidators too, or a newly added consolidator could not replace them. Runs only when the
   * list changed, and only on protections this user may edit.
   */
  private syncOutputs(consolidators: readonly string[]): void {
    for (const name of [VALIDATION_SHEET, SUMMARY_SHEET, DETAIL_SHEET, SUBMISSION_SHEET]) {
      const p = this.ss.getSheetByName(name)?.getProtections(this.app.ProtectionType.SHEET)[0];
      if (!p || !p.canEdit()) continue;
      const have = new Set(p.getEditors().map((u) => emailKey(u.getEmail())));
      const add = consolidators.filter((e) => !have.has(emailKey(e)));
      if (add.length) p.addEditors(add);
    }
  }

  /**
   * Adds these people to the Thiết lập protection: a branch's copy of Thiết lập gets the main
   * one's consolidators, so that the agency tabs of the branch are protected for them too.
   */
  addConsolidators(emails: readonly string[]): void {
    const p = this.ss.getSheetByName(SETTINGS_SHEET)?.getProtections(this.app.ProtectionType.SHEET)[0];
    if (!p || !p.canEdit()) return;
    const have = new Set(p.getEditors().map((u) => emailKey(u.getEmail())));
    const add = emails.filter((e) => !have.has(emailKey(e)));
    if (add.length) p.addEditors(add);
    this.consolidatorList = null;
  }

  /** The consolidators last seen by a consolidator's run (readable by anyone). */
  knownConsolidators(): string[] {
    return knownConsolidators(this.props);
  }

  /**
   * Sheets cannot say "only agency A, and only these cells" with one protection, so an agency tab
   * gets two: the sheet, editable by the consolidators alone except for the value cells; and,
   * over the area holding those cells, a range protection that admits only the agency's emails.
   */
  apply(sheet: Sheet, name: string, p: Protection): ProtectionOutcome {
    const made: GProtection[] = [];
    // The settings sheet's own protection starts the list: only the owner and the user running.
    const keep = name === SETTINGS_SHEET ? [] : this.consolidators();
    try {
      const whole = sheet.protect();
      made.push(whole);
      const t = this.now().getTime();
      if (!this.sharedEditors || t - this.sharedAt >= SHARING_FRESH_MS) {
        this.sharedEditors = whole.getEditors();
        this.sharedAt = t;
      }
      if (p.kind === 'agency')
        whole.setUnprotectedRanges(p.editable.length ? sheet.getRangeList([...p.editable]).getRanges() : []);
      this.onlyThese(whole, keep);
      if (p.kind === 'agency' && p.editable.length) {
        const area = sheet.getRange(boundingBox(p.editable)).protect();
        made.push(area);
        this.onlyThese(area, [...keep, ...p.editors]);
      }
      if (name === SETTINGS_SHEET) this.consolidatorList = null; // read it again when next needed
      return { applied: true };
    } catch (e) {
      if (name === SETTINGS_SHEET) this.consolidatorList = null;
      // A half-made protection still lists every editor: remove it, so the tab is visibly open
      // rather than looking protected, and say so.
      const undone = made.every((m) => {
        try {
          m.remove();
          return true;
        } catch {
          return false;
        }
      });
      const err = classify(e);
      const why =
        err.code === 'permission'
          ? 'quyền sửa của bạn đến từ một nhóm Google nên không thể tự loại nhóm đó khỏi bảo vệ; hãy nhờ chủ sở hữu bảng tính chạy lại, hoặc thêm email của bạn vào bảo vệ trang Thiết lập'
          : err.message;
      const reason = `không áp dụng được bảo vệ trang (${why})${undone ? '; trang hiện chưa được bảo vệ' : ''}`;
      this.failures.push({ sheet: name, reason });
      return { applied: false, reason };
    }
  }

  /**
   * Whether an agency tab's two protections are still as apply() left them, in the three ways
   * Google lets someone loosen one by hand:
   * - "Show a warning" (warning-only): "every user can edit data in the protected range, except
   *   editing will prompt a warning"; its editors are ignored (Sheets API, ProtectedRange.warningOnly;
   *   Apps Script Protection.isWarningOnly / setWarningOnly,
   *   developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)).
   * - domain editing: "anyone in the document's domain has edit access" (Editors.domainUsersCanEdit;
   *   Protection.canDomainEdit / setDomainEdit).
   * - the editor list: the sheet's among the consolidators, the value area's among the
   *   consolidators and the agency's editors, emails compared as Google does (case-insensitive).
   *   A protection reset to mirror the sharing lists the spreadsheet's editors, agencies included.
   * Eight calls for a tab that holds (per protection: find it, warning-only, domain, editors);
   * fewer as soon as one fails.
   */
  holds(sheet: Sheet, agencyEditors: readonly string[]): boolean {
    const admitted = new Set(this.consolidators().map(emailKey));
    const agency = new Set(agencyEditors.map(emailKey));
    const closed = (p: GProtection | undefined, extra: ReadonlySet<string>) =>
      !!p &&
      !p.isWarningOnly() &&
      !p.canDomainEdit() &&
      p.getEditors().every((u) => admitted.has(emailKey(u.getEmail())) || extra.has(emailKey(u.getEmail())));
    if (!closed(sheet.getProtections(this.app.ProtectionType.SHEET)[0], new Set())) return false;
    return closed(sheet.getProtections(this.app.ProtectionType.RANGE)[0], agency);
  }

  /** Removes the add-on's protections of a sheet, after checking the user may. */
  removeAll(sheet: Sheet): void {
    const all = [
      ...sheet.getProtections(this.app.ProtectionType.SHEET),
      ...sheet.getProtections(this.app.ProtectionType.RANGE),
    ];
    if (all.some((p) => !p.canEdit())) throw this.notYours(sheet.getName());
    for (const p of all) p.remove();
  }

  /** Before deleting a protected sheet: may this user? */
  mustMayDelete(sheet: Sheet): void {
    if (sheet.getProtections(this.app.ProtectionType.SHEET).some((p) => !p.canEdit()))
      throw this.notYours(sheet.getName());
  }

  notYours(name: string): GasError {
    const who = this.knownConsolidators();
    return new GasError(
      'permission',
      `Trang "${name}" được bảo vệ bởi một đơn vị tổng hợp khác và bạn không có trong danh sách được sửa. ` +
        (who.length
          ? `Hãy nhờ một trong những người sau chạy thao tác này: ${who.join(', ')}.`
          : 'Hãy nhờ chủ sở hữu bảng tính chạy thao tác này.') +
        ' Để thêm người tổng hợp: chủ sở hữu thêm email vào bảo vệ của trang Thiết lập rồi chạy lại "Tạo biểu mẫu cho các đơn vị".',
    );
  }

  /**
   * Sets the editor list explicitly: adds these people and removes every other editor of the
   * spreadsheet, even when there is nobody to remove yet. Until a script changes the list, "the
   * permissions mirror those of the spreadsheet itself, which effectively means that the sheet
   * remains unprotected", and keep mirroring as people are shared later
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#protect()). The owner and the
   * user running the script always stay editors (Protection.removeEditors).
   */
  private onlyThese(protection: GProtection, editors: readonly string[]): void {
    // Google gives the spreadsheet's editors in lower case: compare them so with what was typed, or
    // an agency added here would be removed again right below.
    const keep = new Set(editors.map(emailKey));
    const shared = new Set(this.sharedEditors!.map((u) => emailKey(u.getEmail())));
    const others = this.sharedEditors!.filter((u) => !keep.has(emailKey(u.getEmail())));
    // A fresh protection already lists everyone the spreadsheet is shared with, so only the people
    // not shared yet need adding: one call fewer per protection when the sharing came first.
    const missing = [...keep].filter((e) => !shared.has(e));
    if (missing.length) protection.addEditors(missing);
    if (others.length) protection.removeEditors(others);
    // Neither call made (the sharing is exactly these people): set the list anyway, or the
    // protection keeps mirroring the sharing and admits whoever is shared next. `keep` is not empty
    // here: the user running is always among the spreadsheet's editors, so it is in `others` or `keep`.
    if (!missing.length && !others.length) protection.addEditors([...keep]);
    this.domainEdit ??= protection.canDomainEdit();
    if (this.domainEdit) protection.setDomainEdit(false);
  }
}
