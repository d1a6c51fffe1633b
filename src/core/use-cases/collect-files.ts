/**
 * Collect: agencies' returned files into their own tabs of the province workbook. The rules for a
 * file (identity, form, duplicates) are agency-files/collect.ts's; this use case only applies them.
 */
import {
  CollectRow,
  IncomingFile,
  Prefer,
  examineFile,
  resolveDuplicates,
  tabWrite,
  untouched,
} from '../agency-files/collect';
import { validateAgency } from '../checks/validate';
import { IsoDate } from '../primitives/dates';
import { CellWriter } from '../workbook';
import { RunContext } from '../settings/run-context';

export interface CollectOutcome {
  readonly rows: CollectRow[];
  readonly written: string[];
}

/**
 * Examines every file, settles duplicates, then writes each accepted file into its own agency's
 * tab: one read and one write per tab. A tab not named by an accepted file is never touched.
 */
export function collectFiles(
  wb: CellWriter,
  ctx: RunContext,
  files: readonly IncomingFile[],
  opts: { prefer?: Prefer; today: IsoDate },
): CollectOutcome {
  const { catalog, settings } = ctx;
  const verdicts = resolveDuplicates(
    files.map((f) => examineFile(catalog, settings, f)),
    opts.prefer ?? 'none',
  );
  const rows: CollectRow[] = [];
  const written: string[] = [];
  for (const v of verdicts) {
    if (!v.ok) {
      rows.push({
        file: v.file,
        agency: v.agency?.name ?? '—',
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: ${v.reason}`,
        ok: false,
      });
      continue;
    }
    const target = wb.read(v.agency.sheet, { protection: false });
    if (!target) {
      rows.push({
        file: v.file,
        agency: v.agency.name,
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: sổ tổng hợp không có trang "${v.agency.sheet}"; chạy "Tạo biểu mẫu cho các đơn vị" trước`,
        ok: false,
      });
      continue;
    }
    const w = tabWrite(catalog, settings, v.agency, v, target);
    if ('error' in w) {
      rows.push({
        file: v.file,
        agency: v.agency.name,
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: ${w.error}`,
        ok: false,
      });
      continue;
    }
    if (untouched(v.report, w.rowsTaken)) {
      // Copying an empty file would blank figures the tab may already hold: refuse it instead.
      rows.push({
        file: v.file,
        agency: v.agency.name,
        rowsTaken: 0,
        findings: '',
        status: `Từ chối: tệp chưa có số liệu, trạng thái hay ý kiến nào (đơn vị chưa điền); trang "${v.agency.sheet}" giữ nguyên`,
        ok: false,
      });
      continue;
    }
    wb.writeCells(w.sheet, w.range, w.cells);
    written.push(w.sheet);
    const result = validateAgency(catalog, settings, v.agency, v.report, { today: opts.today, isProtected: null });
    rows.push({
      file: v.file,
      agency: v.agency.name,
      rowsTaken: w.rowsTaken,
      findings: findingText(result.errors, result.warnings),
      status: v.report.status.value === 'sent' ? 'Đã nhận (đơn vị ghi "Đã gửi")' : 'Đã nhận (đơn vị chưa ghi "Đã gửi")',
      ok: true,
    });
  }
  return { rows, written };
}

function findingText(errors: number, warnings: number): string {
  if (!errors && !warnings) return 'không có';
  return [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ');
}
