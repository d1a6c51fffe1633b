/**
 * The Apps Script entry. Every export becomes a real top-level function in build/Code.js
 * (scripts/build.mjs appends the forwarders), so menu items can name them.
 */
import { SCOPES, runAction } from './actions';
import * as handlers from './handlers';
import * as agencyFiles from './import';
import * as agencyForms from './download';
import type { DownloadAnswer } from '../core/agency-files/split';
export { onEdit } from './on-edit';
import type { ImportAnswer } from '../core/agency-files/collect';

/** Set by `npm run build -- --addon`: an editor add-on puts its items under Extensions. */
declare const __ADDON__: boolean | undefined;

export const MENU_TITLE = 'Báo cáo CCHC';

/**
 * Menu items in order: label and the exported function it calls. The menu is the consolidators':
 * agencies type figures and choose "Đã gửi" in their status cell (onEdit, no authorization), so
 * "Đánh dấu đã gửi báo cáo" left the menu; menuMarkSubmitted stays callable for old bookmarks.
 * "Kiểm tra trang hiện tại" and the agency's own report serve consolidators (and any agency that
 * chooses to authorize).
 */
export const MENU_ITEMS: readonly (readonly [label: string, fn: string] | null)[] = [
  ['Thiết lập kỳ báo cáo', 'menuSetupSettings'],
  ['Tạo biểu mẫu cho các đơn vị', 'menuGenerateTemplates'],
  ['Tải biểu mẫu của các đơn vị (.xlsx)', 'menuDownloadAgencyForms'],
  ['Nhập tệp Excel của đơn vị', 'menuImportAgencyFiles'],
  null,
  ['Kiểm tra trang hiện tại', 'menuValidateOne'],
  ['Kiểm tra tất cả đơn vị', 'menuValidateAll'],
  ['Soạn báo cáo của đơn vị (Google Docs)', 'menuDraftAgencyReport'],
  null,
  ['Tổng hợp số liệu', 'menuConsolidateWorkbook'],
  ['Soạn dự thảo báo cáo (Google Docs)', 'menuDraftReport'],
  null,
  ['Hướng dẫn sử dụng', 'menuHelp'],
];

/**
 * Builds the menu. In AuthMode.NONE (an add-on not yet used in this document) it touches
 * nothing but the Ui, as Apps Script requires.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const addon = (typeof __ADDON__ !== 'undefined' && __ADDON__) || e?.authMode === ScriptApp.AuthMode.NONE;
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// One name per action: menu<X> runs handlers.<x>, which runs the core use case <x>.
// Agency staff's actions need only the sheet scopes; only drafting asks for Google Docs.
const consolidator = (what: string, scopes: readonly string[] = SCOPES.sheet) => ({ what, scopes, consolidator: true });
const agency = (what: string) => ({ what, scopes: SCOPES.sheet, consolidator: false });

export function menuSetupSettings(): void {
  runAction(consolidator('Thiết lập kỳ báo cáo'), handlers.setupSettings);
}
export function menuGenerateTemplates(): void {
  runAction(consolidator('Tạo biểu mẫu'), handlers.generateTemplates);
}
export function menuValidateOne(): void {
  runAction(agency('Kiểm tra trang hiện tại'), handlers.validateOne);
}
export function menuValidateAll(): void {
  runAction(consolidator('Kiểm tra tất cả đơn vị'), handlers.validateAll);
}
export function menuMarkSubmitted(): void {
  runAction(agency('Đánh dấu đã gửi báo cáo'), handlers.markSubmitted);
}
export function menuConsolidateWorkbook(): void {
  runAction(consolidator('Tổng hợp số liệu'), handlers.consolidateWorkbook);
}
export function menuDraftReport(): void {
  runAction(consolidator('Soạn dự thảo báo cáo', [...SCOPES.sheet, ...SCOPES.docs]), handlers.draftReport);
}
export function menuDraftAgencyReport(): void {
  // Agency staff draft their own tab's report (the handler checks which tab): no lock, no consolidator check.
  runAction(
    { what: 'Soạn báo cáo của đơn vị', scopes: [...SCOPES.sheet, ...SCOPES.docs], consolidator: false },
    handlers.draftAgencyReport,
  );
}
export function menuHelp(): void {
  runAction(agency('Hướng dẫn sử dụng'), handlers.help);
}
export function menuImportAgencyFiles(): void {
  runAction(consolidator('Nhập tệp Excel của đơn vị'), agencyFiles.openImportDialog);
}
/** Called from the import dialog by google.script.run, not from the menu. */
export function importAgencyGrids(payload: unknown): ImportAnswer {
  return agencyFiles.importAgencyGrids(payload);
}
export function menuDownloadAgencyForms(): void {
  runAction(consolidator(agencyForms.DOWNLOAD_TITLE), agencyForms.openDownloadDialog);
}
/** Called from the download dialog by google.script.run, not from the menu. */
export function agencyFormGrids(): DownloadAnswer {
  return agencyForms.agencyFormGrids();
}
