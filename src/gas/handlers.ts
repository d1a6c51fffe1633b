/**
 * The menu handlers: each reads the settings, runs one use case through GasWorkbook, and answers
 * in Vietnamese. Each has the name of its core use case (menu item → handler → core function);
 * actions.ts runs them (scopes, consolidator check, lock, answer after the lock). Nothing here
 * decides figures; the core does.
 */
import * as app from '../core/use-cases';
import { formatDmy } from '../core/primitives/dates';
import { SUMMARY_SHEET, VALIDATION_SHEET } from '../core/figures/output-sheets';
import { inText } from '../core/periods';
import { TABLE_PLACEHOLDER, placeholderValues, summaryTableBlock } from '../core/report/template-placeholders';
import { comparedWith } from '../core/report/comparison';
import { plainText } from '../core/report/model';
import { SETTINGS_SHEET, Settings, agencyOfSheet } from '../core/settings';
import { AgencyResult } from '../core/checks/validate';
import { Finding } from '../core/checks/rules';
import { statusTally } from '../core/checks/status';
import { Reply, alertReply, isConsolidator } from './actions';
import { DocsWriter, docIdFrom, fillTemplate } from './docs';
import { helpHtml } from './help';
import { escapeHtml } from '../core/primitives/text';
import { GasWorkbook, activeWorkbook } from './sheets';
import { branchLines, openProvince, prepareBranches } from './branches';
import { runContext } from '../core/settings/run-context';

const VI_LOCALE = 'vi_VN';
const VI_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Apps Script stops a run at 6 minutes; stop starting new tabs well before. */
export const TEMPLATE_BUDGET_MS = 4.5 * 60 * 1000;
const MAX_LISTED = 12;

function spreadsheet() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

const workbook = activeWorkbook;

function toast(message: string, seconds = 5): void {
  spreadsheet().toast(message, 'Báo cáo CCHC', seconds);
}

function listed(items: string[], more = 'và'): string[] {
  if (items.length <= MAX_LISTED) return items.map((i) => `  • ${i}`);
  return [...items.slice(0, MAX_LISTED).map((i) => `  • ${i}`), `  … ${more} ${items.length - MAX_LISTED} mục khác`];
}

/** Protections this run could not apply: never silent, since the tab is then open to all editors. */
function protectionLines(...books: readonly GasWorkbook[]): string[] {
  const failed = books.flatMap((wb) => wb.protector.failures);
  if (!failed.length) return [];
  return ['Chưa bảo vệ được các trang sau:', ...listed(failed.map((f) => `${f.sheet}: ${f.reason}`))];
}

/** The settings, or the reply explaining why they cannot be read. */
function settingsOr(wb: GasWorkbook): Settings | Reply {
  const loaded = app.loadSettings(wb);
  if (loaded.ok) return loaded.settings;
  if ('missing' in loaded)
    return alertReply('Chưa có trang Thiết lập', ['Hãy chọn menu Báo cáo CCHC → Thiết lập kỳ báo cáo trước.']);
  return alertReply('Trang Thiết lập cần sửa', [
    `Có ${loaded.problems.length} vấn đề trên trang "${SETTINGS_SHEET}":`,
    ...listed(loaded.problems.map((p) => `${p.cell ? `Ô ${p.cell}: ` : ''}${p.message}`)),
  ]);
}

const isReply = (x: Settings | Reply): x is Reply => 'kind' in x;

// ---------------------------------------------------------------------------------------------

/** The names Google gives the first sheet of a new spreadsheet, in English and in Vietnamese. */
const STARTER_SHEETS = ['Sheet1', 'Trang tính1'];

/**
 * The blank sheet a new spreadsheet starts with is removed once Thiết lập exists: nobody protects
 * it, so any agency could rename or delete it. A sheet holding anything at all is left alone.
 */
function removeBlankStarterSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  for (const name of STARTER_SHEETS) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const blank = sheet
      .getDataRange()
      .getValues()
      .every((row) => row.every((v) => v === ''));
    if (!blank) return null;
    ss.deleteSheet(sheet);
    return name;
  }
  return null;
}

export function setupSettings(): Reply {
  const wb = workbook();
  const setup = app.setupSettings(wb);
  const { result } = setup;
  spreadsheet().getSheetByName(SETTINGS_SHEET)?.activate();
  if (setup.created) {
    const { example } = setup;
    const ss = spreadsheet();
    // Typed "1.949" must mean 1949 and figures must show as 1.949 and 12,5%: the Vietnamese locale.
    const localeChanged = ss.getSpreadsheetLocale() !== VI_LOCALE;
    if (localeChanged) ss.setSpreadsheetLocale(VI_LOCALE);
    // Deadlines and sent dates are Hà Nội dates; the adapter copes with any zone, but people
    // reading timestamps in the sheet should see Hà Nội time too.
    const zoneChanged = ss.getSpreadsheetTimeZone() !== VI_TIME_ZONE;
    if (zoneChanged) ss.setSpreadsheetTimeZone(VI_TIME_ZONE);
    const starter = removeBlankStarterSheet(ss);
    return alertReply('Đã tạo trang Thiết lập', [
      `Trang "Thiết lập" đã được tạo với ví dụ là danh sách ${example.agencies.length} đơn vị của tỉnh ${example.name} trong kỳ này.`,
      localeChanged
        ? 'Bảng tính đã được chuyển sang định dạng Việt Nam (vi_VN) để số được nhập và hiển thị dạng 1.949 và 12,5%.'
        : '',
      zoneChanged ? 'Múi giờ của bảng tính đã được đặt là giờ Việt Nam (GMT+7).' : '',
      starter ? `Đã xóa trang trống "${starter}" có sẵn khi tạo bảng tính.` : '',
      ...protectionLines(wb),
      'Hãy sửa thông tin kỳ báo cáo, danh sách đơn vị (tên, loại, tên trang tính, email người nhập liệu) và đơn vị cung cấp số liệu dùng chung, rồi chọn "Tạo biểu mẫu cho các đơn vị".',
    ]);
  }
  if (!result.ok) return settingsOr(wb) as Reply;
  const s = result.settings;
  return alertReply('Thiết lập hợp lệ', [
    `Kỳ báo cáo: ${inText(s.period)} (số liệu từ ${formatDmy(s.period.from)} đến ${formatDmy(s.period.to)}).`,
    `Hạn gửi báo cáo: ${formatDmy(s.deadline)}. Số đơn vị: ${s.agencies.length}.`,
    ...result.warnings.map((w) => `Lưu ý${w.cell ? ` (ô ${w.cell})` : ''}: ${w.message}`),
  ]);
}

export function generateTemplates(): Reply {
  const main = workbook();
  const read = settingsOr(main);
  if (isReply(read)) return read;
  const province = openProvince(main, read);
  const prepared = prepareBranches(province, read);
  if ('refused' in prepared) return alertReply('Sổ nhánh có quá nhiều đơn vị', prepared.refused);
  const settings = prepared.settings;
  toast(`Đang tạo biểu mẫu cho ${settings.agencies.length} đơn vị…`);
  const out = app.generateTemplates(province.wb, runContext(settings), {
    budgetMs: TEMPLATE_BUDGET_MS,
    progress: (done, total) => {
      if (done && done % 10 === 0) toast(`Đã xử lý ${done}/${total} đơn vị…`);
    },
  });
  if (out.refused) return alertReply('Danh sách đơn vị quá dài', [out.refused]);
  const lines = [
    `Đã tạo mới ${out.created.length} trang; giữ nguyên ${out.unchanged.length} trang đã có; bổ sung dòng cho ${out.upgraded.length} trang.`,
    ...prepared.lines,
  ];
  if (out.relabeled.length)
    lines.push(
      `Cập nhật ${out.relabeled.length} trang theo biểu mẫu của kỳ này (tên chỉ tiêu mới, số liệu giữ nguyên): ${out.relabeled.join(', ')}.`,
    );
  if (out.retimed.length)
    lines.push(
      `Cập nhật phần đầu trang (kỳ báo cáo, hạn gửi báo cáo ${formatDmy(settings.deadline)}, liên hệ hỗ trợ) theo trang Thiết lập trên ${out.retimed.length} trang: ${out.retimed.join(', ')}.`,
    );
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
  if (out.reprotected.length)
    lines.push(
      `Đã bảo vệ lại ${out.reprotected.length} trang mà bảo vệ đã bị gỡ hoặc bị đổi bằng tay (chuyển sang "Hiển thị cảnh báo", cho cả tổ chức sửa, hoặc cho thêm người sửa): ${out.reprotected.join(', ')}.`,
    );
  if (out.protection.length)
    lines.push('Về bảo vệ trang:', ...listed(out.protection.map((p) => `${p.sheet}: ${p.note}`)));
  lines.push(...protectionLines(...province.books.slice(1)));
  if (out.remaining.length)
    lines.push(
      `Còn ${out.remaining.length} trang chưa được tạo hoặc chưa được kiểm tra bảo vệ do giới hạn thời gian chạy của Google. Hãy chọn lại "Tạo biểu mẫu cho các đơn vị" để làm tiếp từ chỗ đã dừng; các trang đã xong được giữ nguyên và không phải làm lại.`,
    );
  return alertReply(out.remaining.length ? 'Tạo biểu mẫu: chưa xong, chạy lại để tiếp tục' : 'Đã tạo biểu mẫu', lines);
}

function findingLines(findings: readonly Finding[]): string[] {
  return listed(findings.map((f) => `${f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'} — ${f.message}`));
}

function currentAgency(settings: Settings) {
  const name = spreadsheet().getActiveSheet().getName();
  const agency = agencyOfSheet(settings, name);
  return (
    agency ??
    alertReply('Báo cáo CCHC', [
      `Trang "${name}" không phải trang của đơn vị nào trong danh sách. Hãy mở trang của đơn vị rồi chọn lại.`,
    ])
  );
}

export function validateOne(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const agency = currentAgency(settings);
  if ('kind' in agency) return agency;
  const r = app.validateOne(wb, runContext(settings), agency);
  if (!r.findings.length)
    return alertReply('Kiểm tra: không có lỗi', [
      `Trang "${agency.sheet}" không có lỗi. Đơn vị có thể chọn "Đã gửi" ở ô Trạng thái báo cáo.`,
    ]);
  return alertReply(`Kiểm tra: ${r.errors} lỗi, ${r.warnings} cảnh báo`, [
    `Các ô có vấn đề đã được tô màu (đỏ: lỗi, vàng: cảnh báo).`,
    ...findingLines(r.findings),
  ]);
}

export function validateAll(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const province = openProvince(wb, settings);
  const results = app.validateAll(province.wb, runContext(settings));
  spreadsheet().getSheetByName(VALIDATION_SHEET)?.activate();
  const failed = [...branchLines(province, settings), ...protectionLines(...province.books)];
  if (failed.length) return alertReply('Đã kiểm tra tất cả đơn vị', [statusLine(results), ...failed]);
  return { kind: 'toast', message: statusLine(results), seconds: 10 };
}

function statusLine(results: readonly AgencyResult[]): string {
  return `${statusTally(results)}.`;
}

export function markSubmitted(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const agency = currentAgency(settings);
  if ('kind' in agency) return agency;
  const out = app.markSubmitted(wb, runContext(settings), agency);
  if (out.ok)
    return alertReply('Đã đánh dấu đã gửi', [
      `Trang "${agency.sheet}": trạng thái "Đã gửi", ngày gửi ${formatDmy(out.date)}.`,
      out.result.warnings ? `Lưu ý: còn ${out.result.warnings} cảnh báo, nên xem lại.` : '',
    ]);
  return alertReply('Chưa thể đánh dấu đã gửi', [
    `Trang "${agency.sheet}" còn ${out.result.errors} lỗi; hãy sửa rồi thử lại (các ô lỗi đã được tô đỏ):`,
    ...findingLines(out.result.findings.filter((f) => f.severity === 'error')),
  ]);
}

export function consolidateWorkbook(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const province = openProvince(wb, settings);
  const summary = app.consolidateWorkbook(province.wb, runContext(settings));
  spreadsheet().getSheetByName(SUMMARY_SHEET)?.activate();
  const included = summary.submission.filter((e) => e.included).length;
  const excluded = summary.submission.filter((e) => !e.included);
  return alertReply('Đã tổng hợp số liệu', [
    `Tổng hợp từ ${included}/${summary.submission.length} đơn vị. Xem các trang "Tổng hợp", "Chi tiết theo đơn vị", "Tình hình gửi báo cáo".`,
    excluded.length ? 'Chưa được tổng hợp:' : '',
    ...listed(excluded.map((e) => `${e.agency.name}: ${e.excludedReason}`)),
    ...branchLines(province, settings),
    ...protectionLines(...province.books),
  ]);
}

export function draftReport(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const templateId = settings.templateDoc ? docIdFrom(settings.templateDoc) : null;
  if (settings.templateDoc && !templateId)
    return alertReply('Mẫu báo cáo không hợp lệ', [
      `"${settings.templateDoc}" không phải đường dẫn hoặc ID của một Google Docs. Sửa ô "Mẫu báo cáo riêng" trên trang Thiết lập hoặc để trống để dùng mẫu chuẩn.`,
    ]);
  const province = openProvince(wb, settings);
  const draft = app.draftReport(province.wb, runContext(settings));
  if (!draft.ok) return alertReply('Chưa soạn được dự thảo', [draft.problem, ...province.problems]);
  if (draft.kind !== 'province') return { kind: 'none' };
  const { model, context: ctx } = draft;
  let url: string;
  let extra = '';
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
    extra = PAGE_NUMBERS_HINT;
  }
  if (draft.previous)
    extra = `So sánh với ${comparedWith(draft.previous, settings)} (${draft.previous.source}). ${extra}`;
  if (province.problems.length) extra = `${province.problems.join(' ')} ${extra}`;
  return draftDialog(model.fileName, url, extra, 'đơn vị tổng hợp');
}

const PAGE_NUMBERS_HINT =
  'Số trang: Google Docs chưa cho tiện ích chèn số trang; chọn Chèn → Số trang → kiểu không đánh số trang đầu.';

function draftDialog(fileName: string, url: string, extra: string, who: string): Reply {
  return {
    kind: 'dialog',
    title: 'Dự thảo báo cáo',
    width: 460,
    height: 240,
    html:
      `<div style="font-family:Arial;font-size:14px;line-height:1.5">` +
      `<p>Đã tạo dự thảo <b>${escapeHtml(fileName)}</b>.</p>` +
      `<p><a href="${escapeHtml(url)}" target="_blank">Mở dự thảo báo cáo</a></p>` +
      (extra ? `<p>${escapeHtml(extra)}</p>` : '') +
      `<p>Các chỗ tô vàng cần ${who} bổ sung hoặc kiểm tra.</p></div>`,
  };
}

/**
 * An agency's own report, from the tab that is open. Agency staff may draft only the tab whose
 * input area they may edit (its range protection lists them); a consolidator may draft any tab.
 * Protection.canEdit answers both without asking for the user's email.
 */
export function draftAgencyReport(): Reply {
  const wb = workbook();
  const settings = settingsOr(wb);
  if (isReply(settings)) return settings;
  const agency = currentAgency(settings);
  if ('kind' in agency) return agency;
  if (!isConsolidator() && !mayEditInputs(agency.sheet))
    return alertReply('Báo cáo CCHC: không có quyền', [
      `Bạn không phải người nhập liệu của ${agency.name}: chỉ soạn được báo cáo từ trang của đơn vị mình.`,
    ]);
  const draft = app.draftReport(wb, runContext(settings), { agency });
  if (!draft.ok) return alertReply('Chưa soạn được dự thảo', [draft.problem]);
  const url = new DocsWriter(DocumentApp).write(draft.model).url;
  return draftDialog(draft.model.fileName, url, PAGE_NUMBERS_HINT, 'đơn vị');
}

function mayEditInputs(sheetName: string): boolean {
  const area = spreadsheet().getSheetByName(sheetName)?.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
  return !!area && area.canEdit();
}

export function help(): Reply {
  // The support contact of Thiết lập, when it can be read: one read of that sheet.
  const loaded = app.loadSettings(workbook());
  return {
    kind: 'sidebar',
    title: 'Hướng dẫn sử dụng',
    html: helpHtml(loaded.ok ? loaded.settings.supportContact : ''),
  };
}
