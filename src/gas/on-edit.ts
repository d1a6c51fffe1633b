/**
 * Marking a report sent with no authorization: the onEdit(e) simple trigger. Simple triggers run
 * for every editor without asking for consent, and may change only the spreadsheet they are bound
 * to (developers.google.com/apps-script/guides/triggers, "Restrictions"): no Ui dialog, no
 * DocumentApp, no ScriptApp.requireScopes, no lock. They run on every edit of every user, so the
 * common path decides from the event object alone and makes no service call.
 *
 * Who writes Ngày gửi: the trigger runs as the agency's user, so it can write only what the
 * agency may write. The status and date cells are in the agency's own range for that reason. The
 * trade-off: an agency could also type a date by hand; the consolidators' "Kiểm tra tất cả đơn
 * vị" and "Tổng hợp" run the same validate and report such a tab, so nothing wrong is
 * consolidated unseen.
 *
 * A paste of several cells carries no e.value or e.oldValue ("only available if the edited range
 * is a single cell", developers.google.com/apps-script/guides/triggers/events). Such an edit costs
 * one call, the range's A1 notation, to see whether it covers the status cell; only then is the
 * tab read and checked as if "Đã gửi" had been chosen.
 */
import { agencyOfSheet } from '../core/settings';
import { loadSettings, submitTyped } from '../core/use-cases';
import { formatDmy } from '../core/primitives/dates';
import { STATUS_CELL, STATUS_NOTE, STATUS_SENT } from '../core/form/template';
import { parseA1 } from '../core/sheet/grid';
import { GasWorkbook } from './sheets';
import { runContext } from '../core/settings/run-context';

const TITLE = 'Báo cáo CCHC';
const LISTED = 5;

/**
 * Properties are not needed here: a stand-in keeps the submit path off PropertiesService, so the
 * trigger touches nothing but the bound spreadsheet.
 */
const NO_STATE = {
  getProperty: () => null,
  setProperty: () => {
    throw new Error('onEdit keeps no state');
  },
} as unknown as GoogleAppsScript.Properties.Properties;

/**
 * Returns at once, from the event object alone, unless a single cell was set to "Đã gửi" from
 * something else (choosing "Đã gửi" again on a sent report keeps its date). An edit of several
 * cells (no e.value, no e.oldValue) costs one call to see whether it covers the status cell.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e) return;
  if (e.value === undefined && e.oldValue === undefined) {
    if (coversStatus(e.range.getA1Notation())) submitFromEdit(e, SpreadsheetApp, Utilities, undefined, STATUS_CELL);
    return;
  }
  if (e.value !== STATUS_SENT || e.oldValue === STATUS_SENT) return;
  submitFromEdit(e, SpreadsheetApp, Utilities);
}

/** Whether an edited range ("B4:F9") covers the status cell every agency tab has. */
function coversStatus(range: string): boolean {
  const r = parseA1(range);
  const s = parseA1(STATUS_CELL);
  return r.row <= s.row && s.row < r.row + r.rows && r.col <= s.col && s.col < r.col + r.cols;
}

/** The uncommon path, with the services passed in (tests give the fake's). */
export function submitFromEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  utilities: GoogleAppsScript.Utilities.Utilities,
  now?: () => Date,
  /** The status cell inside a pasted range; absent: the edit was that one cell. */
  pastedAt?: string,
): void {
  const ss = e.source;
  const wb = new GasWorkbook(ss, app, NO_STATE, utilities, now);
  const loaded = loadSettings(wb);
  if (!loaded.ok) return; // no settings: not a form of ours, or the consolidators are still setting up
  const settings = loaded.settings;
  const agency = agencyOfSheet(settings, e.range.getSheet().getName());
  if (!agency) return;
  const cell = pastedAt ?? e.range.getA1Notation();
  const out = submitTyped(wb, runContext(settings), agency, cell, { pasted: pastedAt !== undefined });
  if (!out) return;
  const status = pastedAt ? e.range.getSheet().getRange(pastedAt) : e.range;
  if (out.ok) {
    status.setNote(STATUS_NOTE);
    const warn = out.result.warnings ? ` Lưu ý: còn ${out.result.warnings} cảnh báo, nên xem lại.` : '';
    ss.toast(`Đã ghi ngày gửi ${formatDmy(out.date)}.${warn}`, TITLE, 10);
    return;
  }
  const errors = out.result.findings.filter((f) => f.severity === 'error');
  const lines = errors.slice(0, LISTED).map((f) => `• ${f.message}`);
  if (errors.length > LISTED) lines.push(`• … và ${errors.length - LISTED} lỗi khác (ô tô đỏ).`);
  status.setNote(
    [`Chưa gửi được (${wb.stamp()}): còn ${errors.length} lỗi, các ô lỗi được tô đỏ.`, ...lines, '', STATUS_NOTE].join(
      '\n',
    ),
  );
  ss.toast(
    `Chưa gửi được: còn ${errors.length} lỗi. Xem ghi chú ở ô trạng thái và các ô tô đỏ, sửa rồi chọn lại "Đã gửi".`,
    TITLE,
    15,
  );
}
