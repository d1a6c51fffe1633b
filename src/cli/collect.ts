/**
 * `collect <sổ.xlsx> <tệp hoặc thư mục>… --out <sổ-mới.xlsx> [--prefer newest]`: agencies' files
 * back into a new province workbook. The rules are the core's (src/core/agency-files/collect.ts), shared with
 * the add-on's import; this file only reads files and prints the table.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CollectRow, IncomingFile, Prefer } from '../core/agency-files/collect';
import { collectFiles } from '../core/use-cases';
import { FileError, fileMessage } from '../local/file-problems';
import { guardedGrids, guardedPatchable } from '../local/xlsx-guard';
import { CliError, Io, UserFile, settingsOf, userFile } from './commands';
import { fromOsError } from './errors';
import { checkOutputs, readInputBytes, writeOutputs } from './files';
import { runContext } from '../core/settings/run-context';

/** A file inside a named folder that collect does not read, and why (listed for the user). */
export interface Skipped {
  readonly shown: string;
  readonly reason: string;
}

/** Why a folder entry is not read, or null when it is an .xlsx file to read. */
function skipReason(name: string, isDir: boolean): string | null {
  if (isDir) return 'thư mục con (chỉ đọc các tệp nằm ngay trong thư mục đã chọn)';
  if (name.startsWith('~$')) return 'tệp khóa tạm của Excel (tệp đang mở), không phải tệp số liệu';
  if (name.startsWith('.')) return 'tệp ẩn';
  if (/\.xlsx$/i.test(name)) return null;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'xls')
    return 'tệp Excel 97-2003 (.xls): hãy mở bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi chạy lại';
  if (ext === 'xlsm') return 'tệp .xlsm (có macro): hãy lưu thành "Excel Workbook (.xlsx)" rồi chạy lại';
  if (ext === 'ods') return 'tệp OpenDocument (.ods): hãy mở bằng LibreOffice Calc, lưu thành .xlsx rồi chạy lại';
  return `không phải tệp .xlsx${ext ? ` (.${ext})` : ''}`;
}

/** Files named, and the .xlsx files directly inside folders named, in a stable order. */
export function expandInputs(paths: readonly UserFile[]): { files: UserFile[]; skipped: Skipped[] } {
  const files: UserFile[] = [];
  const skipped: Skipped[] = [];
  for (const p of paths) {
    let names: string[];
    try {
      if (!statSync(p.path).isDirectory()) {
        files.push(p);
        continue;
      }
      names = readdirSync(p.path).sort((a, b) => a.localeCompare(b, 'en'));
    } catch (e) {
      throw new CliError(fileMessage(fromOsError(e, p.shown, 'read')));
    }
    for (const n of names) {
      const f = { shown: join(p.shown, n), path: join(p.path, n) };
      let isDir = false;
      try {
        isDir = statSync(f.path).isDirectory();
      } catch {
        // A dangling link: read below, where its OS error is worded.
      }
      const reason = skipReason(n, isDir);
      if (reason) skipped.push({ shown: f.shown, reason });
      else files.push(f);
    }
  }
  return { files, skipped };
}

/** Every sheet of one file as grids, through the guarded reader; a refusal is a Vietnamese line. */
export async function readIncoming(file: UserFile): Promise<IncomingFile | { problem: string }> {
  try {
    return await guardedGrids(basename(file.path), readInputBytes(file.path, file.shown));
  } catch (e) {
    if (e instanceof FileError) return { problem: fileMessage(e) };
    throw e;
  }
}

export function collectTable(rows: readonly CollectRow[]): string[] {
  const head = ['Đơn vị', 'Tệp', 'Số dòng', 'Phát hiện', 'Kết quả'];
  const body = rows.map((r) => [r.agency, r.file, r.ok ? String(r.rowsTaken) : '', r.findings, r.status]);
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...body.map((b) => b[i].length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]),
      )
      .join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)];
}

export async function collect(
  io: Io,
  opts: { file: string; inputs: string[]; out: string; prefer?: string; force?: boolean },
): Promise<number> {
  if (opts.prefer !== undefined && opts.prefer !== 'newest')
    throw new CliError(`--prefer chỉ nhận "newest" (lấy tệp có ngày gửi mới nhất), không nhận "${opts.prefer}".`);
  if (!opts.inputs.length)
    throw new CliError('Thiếu tệp hoặc thư mục chứa tệp của các đơn vị. Xem: npm run cchc -- --help');
  const input = userFile(io, opts.file);
  const { files: paths, skipped } = expandInputs(opts.inputs.map((p) => userFile(io, p)));
  for (const s of skipped) io.out(`Bỏ qua "${s.shown}": ${s.reason}.`);
  if (!paths.length)
    throw new CliError(
      `Không có tệp .xlsx nào để nhận trong ${opts.inputs.map((p) => `"${p}"`).join(', ')}. Hãy chọn thư mục chứa các tệp .xlsx các đơn vị gửi lại (hoặc ghi tên từng tệp).`,
    );
  const inputs = [input, ...paths];
  const target = userFile(io, opts.out);
  const force = !!opts.force;
  checkOutputs([target], inputs, { force }); // a bad --out is refused before any file is read
  const files: IncomingFile[] = [];
  const unreadable: CollectRow[] = [];
  for (const p of paths) {
    const f = await readIncoming(p);
    if ('sheets' in f) files.push(f);
    else
      unreadable.push({
        file: basename(p.path),
        agency: '—',
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: ${f.problem}`,
        ok: false,
      });
  }
  // The province workbook is read into snapshots and saved by patching the cells collect writes:
  // never loaded as a spreadsheet model (about 300 MB for 190 agencies).
  const wb = await guardedPatchable(readInputBytes(input.path, input.shown), input.shown, io.clock);
  const settings = settingsOf(wb, input.shown, io);
  const ctx = runContext(settings);
  const outcome = collectFiles(wb, ctx, files, {
    prefer: (opts.prefer as Prefer | undefined) ?? 'none',
    today: wb.today(),
  });
  const rows = [...outcome.rows, ...unreadable];
  for (const l of collectTable(rows)) io.out(l);
  const [saved] = await writeOutputs([{ ...target, data: async () => Buffer.from(await wb.toBytes()) }], inputs, {
    force,
  });
  const refused = rows.filter((r) => !r.ok).length;
  io.out(
    `Đã nhận ${outcome.written.length}/${rows.length} tệp${refused ? `, từ chối ${refused}` : ''}. Sổ mới: ${saved}. Tiếp theo: kiểm tra (validate) và tổng hợp (consolidate) sổ mới.`,
  );
  return refused ? 1 : 0;
}
