/**
 * The menu handlers: each reads the settings, runs one use case through GasWorkbook, and tells
 * the user in Vietnamese what happened. Nothing here decides figures; the core does.
 */
import {
  LoadedSettings,
  agencyOfSheet,
  consolidateWorkbook,
  generateTemplates,
  loadSettings,
  markSubmitted,
  readTabs,
  setupSettings,
  validateAll,
  validateOne,
  validateTabs,
} from '../core/app';
import { standardCatalog } from '../core/catalog/catalog';
import { consolidate } from '../core/consolidate';
import { formatDmy } from '../core/dates';
import { travinhExample } from '../core/example-agencies';
import { SUMMARY_SHEET, VALIDATION_SHEET } from '../core/outputs';
import { periodInText } from '../core/periods';
import { TABLE_PLACEHOLDER, buildReport, placeholderValues, summaryTableBlock } from '../core/report/build';
import { plainText } from '../core/report/model';
import { SETTINGS_SHEET, Settings } from '../core/settings';
import { AgencyResult, Finding } from '../core/validate';
import { DocsWriter, docIdFrom, fillTemplate } from './docs';
import { GasWorkbook } from './sheets';
import { HELP_HTML } from './help';

const VI_LOCALE = 'vi_VN';

/** Apps Script stops a run at 6 minutes; stop starting new tabs well before. */
const TEMPLATE_BUDGET_MS = 4.5 * 60 * 1000;
const MAX_LISTED = 12;

function ui() {
  return SpreadsheetApp.getUi();
}

function spreadsheet() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function workbook(): GasWorkbook {
  return new GasWorkbook(spreadsheet(), SpreadsheetApp, PropertiesService.getDocumentProperties(), Utilities);
}

function alert(title: string, lines: string[]): void {
  ui().alert(title, lines.filter((l) => l !== '').join('\n'), ui().ButtonSet.OK);
}

function toast(message: string, seconds = 5): void {
  spreadsheet().toast(message, 'Báo cáo CCHC', seconds);
}

function listed(items: string[], more = 'và'): string[] {
  if (items.length <= MAX_LISTED) return items.map((i) => `  • ${i}`);
  return [...items.slice(0, MAX_LISTED).map((i) => `  • ${i}`), `  … ${more} ${items.length - MAX_LISTED} mục khác`];
}

/** Runs a handler; any unexpected failure becomes a Vietnamese message, never a stack trace. */
export function guard(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    const message = (e as Error).message ?? String(e);
    if (/protected cell|protected range|protected sheet|ô được bảo vệ|trang tính được bảo vệ/i.test(message)) {
      alert('Báo cáo CCHC: không có quyền', NOT_CONSOLIDATOR);
      return;
    }
    alert('Báo cáo CCHC: có lỗi', [
      `Không hoàn thành được thao tác: ${message}`,
      'Số liệu các đơn vị không bị thay đổi. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho bộ phận hỗ trợ.',
    ]);
  }
}

/** Runs under the document lock so two consolidators cannot interleave writes. */
function locked(what: string, fn: () => void): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) {
    alert('Báo cáo CCHC', [`Một người khác đang chạy "${what}" trên bảng tính này. Vui lòng đợi ít phút rồi thử lại.`]);
    return;
  }
  try {
    fn();
  } finally {
    lock.releaseLock();
  }
}

const NOT_CONSOLIDATOR = [
  'Thao tác này cần sửa những trang chỉ đơn vị tổng hợp được sửa (Thiết lập, Tổng hợp, Kết quả kiểm tra…).',
  'Nếu bạn là người nhập liệu của một đơn vị, hãy dùng "Kiểm tra trang hiện tại" và "Đánh dấu đã gửi báo cáo" trên trang của đơn vị mình.',
];

/**
 * Consolidator actions are for whoever may edit the settings sheet. Protection.canEdit answers
 * that without asking for the user's email (which would need another OAuth scope).
 */
export function isConsolidator(): boolean {
  const sheet = spreadsheet().getSheetByName(SETTINGS_SHEET);
  const protection = sheet?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection || protection.canEdit()) return true;
  alert('Báo cáo CCHC: không có quyền', NOT_CONSOLIDATOR);
  return false;
}

export function settingsOrExplain(wb: GasWorkbook): Settings | null {
  const loaded: LoadedSettings = loadSettings(wb, standardCatalog());
  if (loaded.ok) return loaded.settings;
  if ('missing' in loaded) {
    alert('Chưa có trang Thiết lập', ['Hãy chọn menu Báo cáo CCHC → Thiết lập kỳ báo cáo trước.']);
  } else {
    alert('Trang Thiết lập cần sửa', [
      `Có ${loaded.problems.length} vấn đề trên trang "${SETTINGS_SHEET}":`,
      ...listed(loaded.problems.map((p) => `${p.cell ? `Ô ${p.cell}: ` : ''}${p.message}`)),
    ]);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

export function setup(): void {
  const wb = workbook();
  const { created, result } = setupSettings(wb, standardCatalog(), travinhExample());
  spreadsheet().getSheetByName(SETTINGS_SHEET)?.activate();
  if (created) {
    const ss = spreadsheet();
    const localeChanged = ss.getSpreadsheetLocale() !== VI_LOCALE;
    // Typed "1.949" must mean 1949 and figures must show as 1.949 and 12,5%: the Vietnamese locale.
    if (localeChanged) ss.setSpreadsheetLocale(VI_LOCALE);
    alert('Đã tạo trang Thiết lập', [
      'Trang "Thiết lập" đã được tạo với ví dụ là danh sách đơn vị của tỉnh Trà Vinh.',
      localeChanged
        ? 'Bảng tính đã được chuyển sang định dạng Việt Nam (vi_VN) để số được nhập và hiển thị dạng 1.949 và 12,5%.'
        : '',
      'Hãy sửa thông tin kỳ báo cáo, danh sách đơn vị (tên, loại, tên trang tính, email người nhập liệu) và đơn vị cung cấp số liệu dùng chung, rồi chọn "Tạo biểu mẫu cho các đơn vị".',
    ]);
    return;
  }
  if (result.ok) {
    const s = result.settings;
    alert('Thiết lập hợp lệ', [
      `Kỳ báo cáo: ${periodInText(s.period, s.year)} (số liệu từ ${formatDmy(s.cutoffFrom)} đến ${formatDmy(s.cutoffTo)}).`,
      `Hạn gửi báo cáo: ${formatDmy(s.deadline)}. Số đơn vị: ${s.agencies.length}.`,
    ]);
  } else settingsOrExplain(wb);
}

export function generate(): void {
  if (!isConsolidator()) return;
  locked('Tạo biểu mẫu', () => {
    const wb = workbook();
    const settings = settingsOrExplain(wb);
    if (!settings) return;
    toast(`Đang tạo biểu mẫu cho ${settings.agencies.length} đơn vị…`);
    const out = generateTemplates(wb, standardCatalog(), settings, {
      budgetMs: TEMPLATE_BUDGET_MS,
      progress: (done, total) => {
        if (done && done % 10 === 0) toast(`Đã xử lý ${done}/${total} đơn vị…`);
      },
    });
    const lines = [
      `Đã tạo mới ${out.created.length} trang; giữ nguyên ${out.unchanged.length} trang đã có; bổ sung dòng cho ${out.upgraded.length} trang.`,
    ];
    for (const u of out.upgraded)
      lines.push(
        `  • ${u.sheet}: thêm ${u.added.length} dòng (${u.added.slice(0, 6).join(', ')}${u.added.length > 6 ? ', …' : ''})`,
      );
    if (out.vanished.length) {
      lines.push('Các trang đã bị xóa hoặc đổi tên (không tạo lại để tránh ghi đè số liệu):');
      lines.push(
        ...listed(
          out.vanished.map((v) =>
            v.renamedTo
              ? `${v.agency}: trang "${v.sheet}" đã đổi tên thành "${v.renamedTo}"; sửa cột Tên trang tính trên trang Thiết lập`
              : `${v.agency}: không thấy trang "${v.sheet}"; nếu cần tạo lại, đặt tên trang mới ở cột Tên trang tính`,
          ),
        ),
      );
    }
    if (out.orphaned.length)
      lines.push(`Trang của đơn vị không còn trong danh sách (được giữ nguyên): ${out.orphaned.join(', ')}.`);
    if (out.conflicts.length)
      lines.push(`Đã có trang trùng tên nhưng không phải biểu mẫu (không ghi đè): ${out.conflicts.join(', ')}.`);
    if (out.protection.length)
      lines.push('Về bảo vệ trang:', ...listed(out.protection.map((p) => `${p.sheet}: ${p.note}`)));
    if (out.remaining.length)
      lines.push(
        `Còn ${out.remaining.length} đơn vị chưa được tạo do giới hạn thời gian chạy của Google. Hãy chọn lại "Tạo biểu mẫu cho các đơn vị" để tiếp tục; các trang đã tạo được giữ nguyên.`,
      );
    alert(out.remaining.length ? 'Tạo biểu mẫu: chưa xong, chạy lại để tiếp tục' : 'Đã tạo biểu mẫu', lines);
  });
}

function findingLines(findings: readonly Finding[]): string[] {
  return listed(findings.map((f) => `${f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'} — ${f.message}`));
}

function currentAgency(settings: Settings) {
  const name = spreadsheet().getActiveSheet().getName();
  const agency = agencyOfSheet(settings, name);
  if (!agency)
    alert('Báo cáo CCHC', [
      `Trang "${name}" không phải trang của đơn vị nào trong danh sách. Hãy mở trang của đơn vị rồi chọn lại.`,
    ]);
  return agency;
}

export function validateCurrent(): void {
  const wb = workbook();
  const settings = settingsOrExplain(wb);
  if (!settings) return;
  const agency = currentAgency(settings);
  if (!agency) return;
  const r = validateOne(wb, standardCatalog(), settings, agency);
  if (!r.findings.length)
    alert('Kiểm tra: không có lỗi', [`Trang "${agency.sheet}" không có lỗi. Có thể chọn "Đánh dấu đã gửi báo cáo".`]);
  else
    alert(`Kiểm tra: ${r.errors} lỗi, ${r.warnings} cảnh báo`, [
      `Các ô có vấn đề đã được tô màu (đỏ: lỗi, vàng: cảnh báo).`,
      ...findingLines(r.findings),
    ]);
}

export function validateEverything(): void {
  if (!isConsolidator()) return;
  locked('Kiểm tra tất cả đơn vị', () => {
    const wb = workbook();
    const settings = settingsOrExplain(wb);
    if (!settings) return;
    const results = validateAll(wb, standardCatalog(), settings);
    spreadsheet().getSheetByName(VALIDATION_SHEET)?.activate();
    toast(statusLine(results), 10);
  });
}

function statusLine(results: readonly AgencyResult[]): string {
  const n = (s: string) => results.filter((r) => r.status === s).length;
  return `${n('Đạt')} đạt, ${n('Có cảnh báo')} có cảnh báo, ${n('Có lỗi')} có lỗi, ${n('Chưa gửi')} chưa gửi, ${n('Không tìm thấy trang')} không tìm thấy trang.`;
}

export function submit(): void {
  const wb = workbook();
  const settings = settingsOrExplain(wb);
  if (!settings) return;
  const agency = currentAgency(settings);
  if (!agency) return;
  const out = markSubmitted(wb, standardCatalog(), settings, agency);
  if (out.ok)
    alert('Đã đánh dấu đã gửi', [
      `Trang "${agency.sheet}": trạng thái "Đã gửi", ngày gửi ${formatDmy(out.date)}.`,
      out.result.warnings ? `Lưu ý: còn ${out.result.warnings} cảnh báo, nên xem lại.` : '',
    ]);
  else
    alert('Chưa thể đánh dấu đã gửi', [
      `Trang "${agency.sheet}" còn ${out.result.errors} lỗi; hãy sửa rồi thử lại (các ô lỗi đã được tô đỏ):`,
      ...findingLines(out.result.findings.filter((f) => f.severity === 'error')),
    ]);
}

export function consolidateAll(): void {
  if (!isConsolidator()) return;
  locked('Tổng hợp số liệu', () => {
    const wb = workbook();
    const settings = settingsOrExplain(wb);
    if (!settings) return;
    const summary = consolidateWorkbook(wb, standardCatalog(), settings);
    spreadsheet().getSheetByName(SUMMARY_SHEET)?.activate();
    const included = summary.submission.filter((e) => e.included).length;
    const excluded = summary.submission.filter((e) => !e.included);
    alert('Đã tổng hợp số liệu', [
      `Tổng hợp từ ${included}/${summary.submission.length} đơn vị. Xem các trang "Tổng hợp", "Chi tiết theo đơn vị", "Tình hình gửi báo cáo".`,
      excluded.length ? 'Chưa được tổng hợp:' : '',
      ...listed(excluded.map((e) => `${e.agency.name}: ${e.excludedReason}`)),
    ]);
  });
}

export function draftReport(): void {
  if (!isConsolidator()) return;
  locked('Soạn dự thảo báo cáo', () => {
    const wb = workbook();
    const settings = settingsOrExplain(wb);
    if (!settings) return;
    const catalog = standardCatalog();
    // The draft needs figures, not protection states: one call per tab fewer.
    const results = validateTabs(catalog, settings, readTabs(wb, settings, { protection: false }), wb.today());
    const summary = consolidate(catalog, settings, results);
    const ctx = { catalog, summary, today: wb.today(), stamp: wb.stamp() };
    const model = buildReport(ctx);
    let url: string;
    let extra = '';
    const templateId = settings.templateDoc ? docIdFrom(settings.templateDoc) : null;
    if (settings.templateDoc && !templateId) {
      alert('Mẫu báo cáo không hợp lệ', [
        `"${settings.templateDoc}" không phải đường dẫn hoặc ID của một Google Docs. Sửa ô "Mẫu báo cáo riêng" trên trang Thiết lập hoặc để trống để dùng mẫu chuẩn.`,
      ]);
      return;
    }
    if (templateId) {
      const table = summaryTableBlock(ctx);
      const rows = table.rows.map((row) => row.map((cell) => cell.map(plainText).join('\n')));
      const filled = fillTemplate(DocumentApp, templateId, model.fileName, placeholderValues(ctx), {
        key: TABLE_PLACEHOLDER,
        rows,
      });
      url = filled.url;
      if (filled.unknown.length)
        extra = `Các chỗ trống không nhận ra (để nguyên): ${filled.unknown.map((k) => `{{${k}}}`).join(', ')}.`;
    } else {
      url = new DocsWriter(DocumentApp).write(model).url;
      extra =
        'Số trang: Google Docs chưa cho tiện ích chèn số trang; chọn Chèn → Số trang → kiểu không đánh số trang đầu.';
    }
    const html = HtmlService.createHtmlOutput(
      `<div style="font-family:Arial;font-size:14px;line-height:1.5">` +
        `<p>Đã tạo dự thảo <b>${escapeHtml(model.fileName)}</b>.</p>` +
        `<p><a href="${escapeHtml(url)}" target="_blank">Mở dự thảo báo cáo</a></p>` +
        (extra ? `<p>${escapeHtml(extra)}</p>` : '') +
        `<p>Các chỗ tô vàng cần đơn vị tổng hợp bổ sung hoặc kiểm tra.</p></div>`,
    )
      .setWidth(460)
      .setHeight(240);
    ui().showModalDialog(html, 'Dự thảo báo cáo');
  });
}

export function help(): void {
  ui().showSidebar(HtmlService.createHtmlOutput(HELP_HTML).setTitle('Hướng dẫn sử dụng'));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
