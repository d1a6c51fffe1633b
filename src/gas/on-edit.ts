/**
 * Marking a report sent with no authorization: the onEdit(e) simple trigger. Simple triggers run
 * for every editor without asking for consent, and may change only the spreadsheet they are bound
 * to (developers.google.com/apps-script/guides/triggers, "Restrictions"): no Ui dialog, no
 * DocumentApp, no ScriptApp.requireScopes, no lock. They run on every edit of every user, so the
 * common path decides from the event object alone and makes no service call.
 *
 * Who writes Ngày gửi: the trigger runs as the agency's user, so it can write only what the
 * agency may write. The status and date cells are in the agency's own range for that reason. The
 * trade-off: an agency could also type a date by hand or paste "Đã gửi" with errors left (a paste
 * of several cells has no e.value); the consolidators' "Kiểm tra tất cả đơn vị" and "Tổng hợp"
 * run the same validate and report such a tab, so nothing wrong is consolidated unseen.
 */
import { agencyOfSheet } from '../core/settings';
import { loadSettings, submitTyped } from '../core/use-cases';
import { catalogFor } from '../core/catalog/versions';
import { formatDmy } from '../core/primitives/dates';
import { STATUS_NOTE, STATUS_SENT } from '../core/form/template';
import { GasWorkbook } from './sheets';

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
 * Returns at once unless a single cell was set to "Đã gửi" (e.value exists only for one cell)
 * from something else: choosing "Đã gửi" again on a sent report keeps its date.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || e.value !== STATUS_SENT || e.oldValue === STATUS_SENT) return;
  submitFromEdit(e, SpreadsheetApp, Utilities);
}

/** The uncommon path, with the services passed in (tests give the fake's). */
export function submitFromEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  utilities: GoogleAppsScript.Utilities.Utilities,
  now?: () => Date,
): void {
  const ss = e.source;
  const wb = new GasWorkbook(ss, app, NO_STATE, utilities, now);
  const loaded = loadSettings(wb);
  if (!loaded.ok) return; // no settings: not a form of ours, or the consolidators are still setting up
  const settings = loaded.settings;
  const agency = agencyOfSheet(settings, e.range.getSheet().getName());
  if (!agency) return;
  const out = submitTyped(wb, catalogFor(settings), settings, agency, e.range.getA1Notation());
  if (!out) return;
  if (out.ok) {
    e.range.setNote(STATUS_NOTE);
    const warn = out.result.warnings ? ` Lưu ý: còn ${out.result.warnings} cảnh báo, nên xem lại.` : '';
    ss.toast(`Đã ghi ngày gửi ${formatDmy(out.date)}.${warn}`, TITLE, 10);
    return;
  }
  const errors = out.result.findings.filter((f) => f.severity === 'error');
  const lines = errors.slice(0, LISTED).map((f) => `• ${f.message}`);
  if (errors.length > LISTED) lines.push(`• … và ${errors.length - LISTED} lỗi khác (ô tô đỏ).`);
  e.range.setNote(
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
