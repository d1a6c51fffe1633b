/**
 * `collect <sổ.xlsx> <tệp hoặc thư mục>… --out <sổ-mới.xlsx> [--prefer newest]`: agencies' files
 * back into a new province workbook. The rules are the core's (src/core/collect.ts), shared with
 * the add-on's import; this file only reads files and prints the table.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { catalogFor } from '../core/catalog/versions';
import { CollectRow, IncomingFile, Prefer, collectFiles } from '../core/collect';
import { readWorkbookGrids } from '../local/xlsx-grids';
import { CliError, Io, UserFile, open, settingsOf, userFile } from './commands';
import { checkOutputs, writeOutputs } from './files';

/** Files named, and the .xlsx files directly inside folders named, in a stable order. */
export function expandInputs(paths: readonly UserFile[]): UserFile[] {
  const out: UserFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p.path);
    } catch {
      throw new CliError(`Không tìm thấy "${p.shown}".`);
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const inside = readdirSync(p.path)
      .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.'))
      .sort((a, b) => a.localeCompare(b, 'en'));
    out.push(...inside.map((n) => ({ shown: join(p.shown, n), path: join(p.path, n) })));
  }
  return out;
}

/** Every sheet of one file as grids; null when the file is not an .xlsx workbook. */
export async function readIncoming(path: string): Promise<IncomingFile | null> {
  try {
    return await readWorkbookGrids(basename(path), readFileSync(path));
  } catch {
    return null;
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
  const paths = expandInputs(opts.inputs.map((p) => userFile(io, p)));
  const inputs = [input, ...paths];
  const target = userFile(io, opts.out);
  const force = !!opts.force;
  checkOutputs([target], inputs, { force }); // a bad --out is refused before any file is read
  const wb = await open(input, io);
  const settings = settingsOf(wb, input.shown, io);
  const catalog = catalogFor(settings);
  const files: IncomingFile[] = [];
  const unreadable: CollectRow[] = [];
  for (const p of paths) {
    const f = await readIncoming(p.path);
    if (f) files.push(f);
    else
      unreadable.push({
        file: basename(p.path),
        agency: '—',
        rowsTaken: 0,
        findings: '',
        status: 'Từ chối: không đọc được, không phải tệp Excel (.xlsx) hợp lệ',
        ok: false,
      });
  }
  const outcome = collectFiles(wb, catalog, settings, files, {
    prefer: (opts.prefer as Prefer | undefined) ?? 'none',
    today: wb.today(),
  });
  const rows = [...outcome.rows, ...unreadable];
  for (const l of collectTable(rows)) io.out(l);
  const [saved] = await writeOutputs([{ ...target, data: () => wb.toBuffer() }], inputs, { force });
  const refused = rows.filter((r) => !r.ok).length;
  io.out(
    `Đã nhận ${outcome.written.length}/${rows.length} tệp${refused ? `, từ chối ${refused}` : ''}. Sổ mới: ${saved}. Tiếp theo: kiểm tra (validate) và tổng hợp (consolidate) sổ mới.`,
  );
  return refused ? 1 : 0;
}
