/**
 * The add-on's import dialog, bundled for the browser into build/import.html (entry:
 * entry.ts). It reads each chosen .xlsx with the CLI's guarded reader, sends only grids to
 * the server, and shows the server's answer per file. Kept free of DOM types so jest can run it.
 */
import { CollectRow, ImportAnswer, IncomingFile } from '../core/agency-files/collect';
import { toWire } from '../core/agency-files/wire';
import { escapeHtml } from '../core/primitives/text';
import { FileError, fileMessage } from '../local/file-problems';
import { LIMITS, guardedGrids, mb } from '../local/xlsx-guard';

export interface PickedFile {
  readonly name: string;
  /** Bytes, known before reading (a browser File has it). */
  readonly size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * One chosen file through the CLI's guarded reader (xlsx-guard.ts): the same kinds refused with
 * the same Vietnamese line as `validate` and `collect` give, the same cell rules afterwards.
 */
async function readOne(p: PickedFile): Promise<IncomingFile> {
  if (p.size !== undefined && p.size > LIMITS.fileBytes)
    throw new FileError('too-large', p.name, `${mb(p.size)} MB, tối đa ${mb(LIMITS.fileBytes)} MB`);
  let bytes: ArrayBuffer;
  try {
    bytes = await p.arrayBuffer();
  } catch {
    // The browser could not read it: moved, deleted or not allowed since it was chosen.
    throw new FileError('no-read-permission', p.name);
  }
  return guardedGrids(p.name, new Uint8Array(bytes));
}

/** Reads the files; the unreadable ones become refusal rows at once, without a server trip. */
export async function readPicked(
  picked: readonly PickedFile[],
): Promise<{ files: IncomingFile[]; unreadable: CollectRow[] }> {
  const files: IncomingFile[] = [];
  const unreadable: CollectRow[] = [];
  for (const p of picked) {
    try {
      files.push(await readOne(p));
    } catch (e) {
      const problem =
        e instanceof FileError ? fileMessage(e) : `Không đọc được "${p.name}": không phải tệp Excel (.xlsx) hợp lệ.`;
      unreadable.push({
        file: p.name,
        agency: '—',
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: ${problem}`,
        ok: false,
      });
    }
  }
  return { files, unreadable };
}

export function payloadOf(files: readonly IncomingFile[], newest: boolean): string {
  return toWire(files, newest ? 'newest' : 'none');
}

/** The result table, every text escaped: file names and agency names come from users. */
export function resultHtml(answer: ImportAnswer, unreadable: readonly CollectRow[]): string {
  if (!answer.ok) return `<p class="err">${escapeHtml(answer.problem)}</p>`;
  const rows = [...answer.rows, ...unreadable];
  const head = ['Đơn vị', 'Tệp', 'Số dòng', 'Phát hiện', 'Kết quả'].map((h) => `<th>${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.ok ? 'ok' : 'no'}">${[r.agency, r.file, r.ok ? String(r.rowsTaken) : '', r.findings, r.status]
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  const refused = rows.filter((r) => !r.ok).length;
  return (
    `<p>Đã nhận ${answer.written}/${rows.length} tệp${refused ? `, từ chối ${refused}` : ''}. ` +
    `Tiếp theo: "Kiểm tra tất cả đơn vị" rồi "Tổng hợp số liệu".</p>` +
    `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
  );
}
