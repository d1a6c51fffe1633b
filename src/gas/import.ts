/**
 * "Nhập tệp Excel của đơn vị": a dialog (build/import.html, made from src/dialog/) reads the
 * agencies' .xlsx files in the browser with the CLI's own reader and sends only their grids
 * here; the core's collect rules decide, and each accepted agency's tab gets one write. No Drive
 * scope and no network: the files never leave the user's browser except as cell values.
 */
import { loadSettings, collectFiles } from '../core/use-cases';
import { ImportAnswer } from '../core/agency-files/collect';
import { fromWire } from '../core/agency-files/wire';
import { SETTINGS_SHEET } from '../core/settings';
import { Reply, alertReply, failureText, isConsolidator } from './actions';
import { classify } from './errors';
import { activeWorkbook } from './sheets';
import { openProvince, requireBranchScope } from './branches';
import { runContext } from '../core/settings/run-context';

/** The HTML file the build writes into build/ (clasp pushes it as an HTML file named "import"). */
export const IMPORT_DIALOG_FILE = 'import';

const workbook = activeWorkbook;

/** Run by actions.ts as a consolidator action; the dialog opens at once (it does not wait for the user). */
export function openImportDialog(): Reply {
  const loaded = loadSettings(workbook());
  if (!loaded.ok)
    return alertReply('Chưa thể nhập tệp', [
      `Trang "${SETTINGS_SHEET}" chưa có hoặc chưa hợp lệ; chọn "Thiết lập kỳ báo cáo" để xem cần sửa gì.`,
    ]);
  requireBranchScope(loaded.settings);
  const html = HtmlService.createHtmlOutputFromFile(IMPORT_DIALOG_FILE).setWidth(760).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, 'Nhập tệp Excel của đơn vị');
  return { kind: 'none' };
}

/** Called by the dialog through google.script.run with the files' grids (see core/collect-wire.ts). */
export function importAgencyGrids(payload: unknown): ImportAnswer {
  const wire = fromWire(payload);
  if (!wire.ok)
    return { ok: false, problem: `Không nhận được tệp: ${wire.problem}. Hãy mở lại hộp thoại và chọn lại tệp.` };
  // The same test as every consolidator action (actions.ts): may this user edit the settings sheet?
  if (!isConsolidator())
    return {
      ok: false,
      problem: 'Chỉ người tổng hợp (người sửa được trang Thiết lập) mới nhập được tệp của các đơn vị.',
    };
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000))
    return {
      ok: false,
      problem: 'Một người khác đang chạy một thao tác trên bảng tính này. Vui lòng đợi ít phút rồi thử lại.',
    };
  try {
    const wb = workbook();
    const loaded = loadSettings(wb);
    if (!loaded.ok)
      return {
        ok: false,
        problem: `Trang "${SETTINGS_SHEET}" chưa có hoặc chưa hợp lệ; chọn "Thiết lập kỳ báo cáo" để xem cần sửa gì.`,
      };
    // An agency's tab is written where it is, in the main spreadsheet or its branch.
    const out = collectFiles(openProvince(wb, loaded.settings).wb, runContext(loaded.settings), wire.files, {
      prefer: wire.prefer,
      today: wb.today(),
    });
    return { ok: true, rows: out.rows, written: out.written.length };
  } catch (e) {
    // The dialog shows this text: Vietnamese, never Apps Script's own message alone.
    return { ok: false, problem: failureText(true, classify(e)).lines.join(' ') };
  } finally {
    lock.releaseLock();
  }
}
