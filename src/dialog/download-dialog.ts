/**
 * The add-on's download dialog, bundled for the browser into build/download.html (entry:
 * download-entry.ts). From the grids the script sends it builds every agency's .xlsx with split's
 * own writer (src/local/agency-file.ts): same layout, identity block, validations, locked cells,
 * notes, same file names. Kept free of DOM types so jest can run it.
 */
import { zip } from '@cj-tech-master/excelts/archive';
import { fromWire } from '../core/agency-files/wire';
import { SheetSnapshot } from '../core/sheet/grid';
import { periodLabel } from '../core/periods';
import { SETTINGS_SHEET, readSettings } from '../core/settings';
import { asciiName } from '../core/agency-files/split';
import { splitPlans } from '../core/use-cases';
import { agencyFileBytes } from '../local/agency-file';
import { escapeHtml } from '../core/primitives/text';
import type { DownloadAnswer } from '../core/agency-files/split';
import { runContext } from '../core/settings/run-context';

export interface BuiltForms {
  readonly zipName: string;
  readonly zip: Uint8Array;
  readonly fileNames: readonly string[];
}

export type BuildResult = ({ ok: true } & BuiltForms) | { ok: false; problem: string };

/** Every agency's file, zipped; `progress` is told after each file (190 agencies take a while). */
export async function buildForms(
  answer: DownloadAnswer,
  progress: (done: number, total: number) => void = () => {},
  clock: () => Date = () => new Date(),
): Promise<BuildResult> {
  if (!answer.ok) return answer;
  const wire = fromWire(answer.grids);
  if (!wire.ok || wire.files.length !== 1)
    return { ok: false, problem: 'Không nhận được số liệu từ bảng tính. Hãy đóng hộp thoại và thử lại.' };
  const tabs = new Map<string, SheetSnapshot>(wire.files[0].sheets.map((s) => [s.name, s]));
  const read = readSettings(tabs.get(SETTINGS_SHEET)?.values ?? []);
  if (!read.ok)
    return {
      ok: false,
      problem: `Trang "${SETTINGS_SHEET}" chưa hợp lệ; chọn "Thiết lập kỳ báo cáo" để xem cần sửa gì.`,
    };
  const settings = read.settings;
  const ctx = runContext(settings);
  const plans = splitPlans(ctx);
  const archive = zip();
  for (const [i, f] of plans.entries()) {
    archive.add(f.fileName, await agencyFileBytes(ctx, f, tabs.get(f.agency.sheet) ?? null, clock));
    progress(i + 1, plans.length);
  }
  return {
    ok: true,
    zipName: `Bieu mau CCHC - ${asciiName(`${periodLabel(settings.period.id)} ${settings.period.year}`)}.zip`,
    zip: await archive.bytes(),
    fileNames: plans.map((f) => f.fileName),
  };
}

/** What the dialog shows once the .zip is made; `href` is the .zip's object URL. */
export function builtHtml(built: BuiltForms, href: string): string {
  const items = built.fileNames.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return (
    `<p>Đã tạo ${built.fileNames.length} tệp biểu mẫu trong tệp nén ` +
    `<a id="zip" href="${escapeHtml(href)}" download="${escapeHtml(built.zipName)}">${escapeHtml(built.zipName)}</a>` +
    ` (bấm vào tên tệp nếu trình duyệt chưa tự tải xuống).</p>` +
    `<p>Giải nén rồi gửi mỗi đơn vị đúng tệp của mình. Khi nhận lại, chọn "Nhập tệp Excel của đơn vị".</p>` +
    `<ol class="files">${items}</ol>`
  );
}

export function problemHtml(problem: string): string {
  return `<p class="err">${escapeHtml(problem)}</p>`;
}
