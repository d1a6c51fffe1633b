/**
 * "Tải biểu mẫu của các đơn vị (.xlsx)": the add-on's twin of the CLI's `split`, for a
 * consolidator who works only in Google Sheets. The script sends the settings sheet and every
 * agency tab as grids (one read each); the dialog (build/download.html, made from src/dialog/)
 * builds each agency's .xlsx in the browser with split's own writer and downloads them as one
 * .zip. No Drive scope and no network: the files are made on the user's computer.
 */
import { loadSettings } from '../core/use-cases';
import { toWire } from '../core/agency-files/wire';
import { SheetSnapshot } from '../core/sheet/grid';
import { SETTINGS_SHEET, readSettings } from '../core/settings';
import type { DownloadAnswer } from '../core/agency-files/split';
import { Reply, alertReply, failureText, isConsolidator } from './actions';
import { classify } from './errors';
import { activeWorkbook } from './sheets';
import { openProvince, requireBranchScope } from './branches';

/** The HTML file the build writes into build/ (clasp pushes it as an HTML file named "download"). */
export const DOWNLOAD_DIALOG_FILE = 'download';
export const DOWNLOAD_TITLE = 'Tải biểu mẫu của các đơn vị (.xlsx)';

const settingsProblem = `Trang "${SETTINGS_SHEET}" chưa có hoặc chưa hợp lệ; chọn "Thiết lập kỳ báo cáo" để xem cần sửa gì.`;

/** Run by actions.ts as a consolidator action; the dialog opens at once. */
export function openDownloadDialog(): Reply {
  const loaded = loadSettings(activeWorkbook());
  if (!loaded.ok) return alertReply('Chưa thể tải biểu mẫu', [settingsProblem]);
  requireBranchScope(loaded.settings);
  const html = HtmlService.createHtmlOutputFromFile(DOWNLOAD_DIALOG_FILE).setWidth(760).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, DOWNLOAD_TITLE);
  return { kind: 'none' };
}

/** Called by the dialog through google.script.run: the settings sheet and each agency's tab. */
export function agencyFormGrids(): DownloadAnswer {
  // The same test as every consolidator action: agency staff may not fetch other agencies' figures.
  if (!isConsolidator())
    return {
      ok: false,
      problem: 'Chỉ người tổng hợp (người sửa được trang Thiết lập) mới tải được biểu mẫu của các đơn vị.',
    };
  try {
    const wb = activeWorkbook();
    const settingsTab = wb.read(SETTINGS_SHEET, { protection: false });
    if (!settingsTab) return { ok: false, problem: settingsProblem };
    const loaded = readSettings(settingsTab.values);
    if (!loaded.ok) return { ok: false, problem: settingsProblem };
    const sheets: SheetSnapshot[] = [settingsTab];
    // Each agency's tab read where it is, in the main spreadsheet or its branch.
    const province = openProvince(wb, loaded.settings).wb;
    for (const a of loaded.settings.agencies) {
      const tab = province.read(a.sheet, { protection: false });
      if (tab) sheets.push(tab);
    }
    return { ok: true, grids: toWire([{ name: SETTINGS_SHEET, sheets }]) };
  } catch (e) {
    return { ok: false, problem: failureText(true, classify(e)).lines.join(' ') };
  }
}
