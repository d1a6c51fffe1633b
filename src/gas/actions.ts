/**
 * How every menu action runs: ask only for the scopes it needs (granular consent), check who may
 * run it, hold the document lock while it writes, and only then, lock released, show the user the
 * answer. An alert waits for a click, so showing it under the lock would keep every other user's
 * action waiting (and failing on tryLock) for as long as the message stays open.
 */
import { SETTINGS_SHEET } from '../core/settings';
import { GasError, classify } from './errors';
import { knownConsolidators } from './protection';

/** What an action answers, shown after the lock is released. */
export type Reply =
  | { readonly kind: 'alert'; readonly title: string; readonly lines: readonly string[] }
  | {
      readonly kind: 'dialog';
      readonly title: string;
      readonly html: string;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'sidebar'; readonly title: string; readonly html: string }
  | { readonly kind: 'toast'; readonly message: string; readonly seconds: number }
  | { readonly kind: 'none' };

export const alertReply = (title: string, lines: readonly string[]): Reply => ({ kind: 'alert', title, lines });

/**
 * Scopes per action. Checking and submitting an agency's own tab need only the current
 * spreadsheet and the menu; the Docs scope is asked for only when a consolidator drafts the report.
 * (developers.google.com/apps-script/concepts/scopes, "Handle granular OAuth consent":
 * ScriptApp.requireScopes ends the run and asks the user for the missing scopes.)
 */
export const SCOPES = {
  sheet: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
  ],
  docs: ['https://www.googleapis.com/auth/documents'],
} as const;

export interface ActionSpec {
  /** Vietnamese name, for "someone else is running …". */
  readonly what: string;
  readonly scopes: readonly string[];
  /** Consolidator actions: checked against the Thiết lập protection, run under the document lock. */
  readonly consolidator: boolean;
}

function ui() {
  return SpreadsheetApp.getUi();
}

export function show(reply: Reply): void {
  switch (reply.kind) {
    case 'alert':
      ui().alert(reply.title, reply.lines.filter((l) => l !== '').join('\n'), ui().ButtonSet.OK);
      return;
    case 'dialog':
      ui().showModalDialog(
        HtmlService.createHtmlOutput(reply.html).setWidth(reply.width).setHeight(reply.height),
        reply.title,
      );
      return;
    case 'sidebar':
      ui().showSidebar(HtmlService.createHtmlOutput(reply.html).setTitle(reply.title));
      return;
    case 'toast':
      SpreadsheetApp.getActiveSpreadsheet().toast(reply.message, 'Báo cáo CCHC', reply.seconds);
      return;
    case 'none':
      return;
  }
}

export const NOT_CONSOLIDATOR = [
  'Thao tác này cần sửa những trang chỉ đơn vị tổng hợp được sửa (Thiết lập, Tổng hợp, Kết quả kiểm tra…).',
  'Nếu bạn là người nhập liệu của một đơn vị, bạn không cần dùng menu: nhập số liệu trên trang của đơn vị mình (ô sai được tô đỏ) rồi chọn "Đã gửi" ở ô Trạng thái báo cáo.',
  'Nếu bạn là người tổng hợp: chủ sở hữu bảng tính cần thêm email của bạn vào bảo vệ của trang Thiết lập (Dữ liệu → Trang và dải ô được bảo vệ).',
];

/**
 * Consolidators are whoever may edit the settings sheet. Protection.canEdit answers that without
 * asking for the user's email (which would need another OAuth scope).
 */
export function isConsolidator(): boolean {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS_SHEET);
  const protection = sheet?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  return !protection || protection.canEdit();
}

/** The Vietnamese answer to a failure, as a title and lines; nothing the user typed was changed. */
export function failureText(consolidator: boolean, e: GasError): { title: string; lines: string[] } {
  const denied = 'Báo cáo CCHC: không có quyền';
  switch (e.code) {
    case 'protected':
      if (!consolidator) return { title: denied, lines: NOT_CONSOLIDATOR };
      // A consolidator added after the tabs were protected: their protections do not list them yet.
      return {
        title: denied,
        lines: [
          'Bạn là người tổng hợp, nhưng một số trang được bảo vệ trước khi bạn được thêm vào danh sách nên chưa cho bạn sửa.',
          `Hãy nhờ ${knownConsolidators(PropertiesService.getDocumentProperties()).join(', ') || 'chủ sở hữu bảng tính'} chạy lại "Tạo biểu mẫu cho các đơn vị" để cập nhật bảo vệ của mọi trang, rồi thử lại.`,
        ],
      };
    case 'permission':
      return { title: denied, lines: [e.message] };
    case 'sheet-missing':
    case 'sheet-exists':
      return { title: 'Báo cáo CCHC', lines: [e.message, 'Số liệu các đơn vị không bị thay đổi.'] };
    case 'timeout':
      return {
        title: 'Báo cáo CCHC: Google phản hồi chậm',
        lines: [
          'Google Sheets phản hồi quá chậm hoặc thao tác vượt quá thời gian cho phép, nên chưa làm xong.',
          'Phần đã xong được giữ lại và số liệu các đơn vị không bị thay đổi; hãy chạy lại thao tác này để làm tiếp.',
        ],
      };
    default:
      return {
        title: 'Báo cáo CCHC: có lỗi',
        lines: [
          `Không hoàn thành được thao tác (chi tiết kỹ thuật: ${e.message}).`,
          'Số liệu các đơn vị không bị thay đổi. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho bộ phận hỗ trợ.',
        ],
      };
  }
}

function failureReply(spec: ActionSpec, e: GasError): Reply {
  const { title, lines } = failureText(spec.consolidator, e);
  return alertReply(title, lines);
}

/** Runs an action; every outcome, failures included, becomes a reply shown after the lock is released. */
export function runAction(spec: ActionSpec, fn: () => Reply): void {
  // Outside the try: when a scope is missing, Apps Script ends the run here and asks for it.
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...spec.scopes]);
  show(attempt(spec, fn));
}

function attempt(spec: ActionSpec, fn: () => Reply): Reply {
  try {
    if (!spec.consolidator) return fn();
    if (!isConsolidator()) return alertReply('Báo cáo CCHC: không có quyền', NOT_CONSOLIDATOR);
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(5000))
      return alertReply('Báo cáo CCHC', [
        `Một người khác đang chạy "${spec.what}" trên bảng tính này. Vui lòng đợi ít phút rồi thử lại.`,
      ]);
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  } catch (e) {
    const err = classify(e);
    if (err.code === 'authorization') throw e; // Apps Script turns it into a consent prompt
    console.error(e);
    return failureReply(spec, err);
  }
}
