/**
 * The Apps Script entry. Every export becomes a real top-level function in build/Code.js
 * (scripts/build.mjs appends the forwarders), so menu items can name them.
 */
import * as handlers from './handlers';
import * as agencyFiles from './import';
import type { ImportAnswer } from '../core/collect';

/** Set by `npm run build -- --addon`: an editor add-on puts its items under Extensions. */
declare const __ADDON__: boolean | undefined;

export const MENU_TITLE = 'Báo cáo CCHC';

/** Menu items in order: label and the exported function it calls. */
export const MENU_ITEMS: readonly (readonly [label: string, fn: string] | null)[] = [
  ['Thiết lập kỳ báo cáo', 'menuSetup'],
  ['Tạo biểu mẫu cho các đơn vị', 'menuGenerateForms'],
  ['Nhập tệp Excel của đơn vị', 'menuImportAgencyFiles'],
  null,
  ['Kiểm tra trang hiện tại', 'menuValidateCurrent'],
  ['Kiểm tra tất cả đơn vị', 'menuValidateAll'],
  ['Đánh dấu đã gửi báo cáo', 'menuMarkSubmitted'],
  null,
  ['Tổng hợp số liệu', 'menuConsolidate'],
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

export function menuSetup(): void {
  handlers.guard(handlers.setup);
}
export function menuGenerateForms(): void {
  handlers.guard(handlers.generate);
}
export function menuValidateCurrent(): void {
  handlers.guard(handlers.validateCurrent);
}
export function menuValidateAll(): void {
  handlers.guard(handlers.validateEverything);
}
export function menuMarkSubmitted(): void {
  handlers.guard(handlers.submit);
}
export function menuConsolidate(): void {
  handlers.guard(handlers.consolidateAll);
}
export function menuDraftReport(): void {
  handlers.guard(handlers.draftReport);
}
export function menuHelp(): void {
  handlers.guard(handlers.help);
}
export function menuImportAgencyFiles(): void {
  handlers.guard(agencyFiles.openImportDialog);
}
/** Called from the import dialog by google.script.run, not from the menu. */
export function importAgencyGrids(payload: unknown): ImportAnswer {
  return agencyFiles.importAgencyGrids(payload);
}
