/**
 * Collect: agencies' returned files into their own tabs of the province workbook. The rules for a
 * file (identity, form, duplicates) are agency-files/collect.ts's; this use case only applies them.
 */
import {
  CollectRow,
  IncomingFile,
  Prefer,
  examineFile,
  notHere,
  resolveDuplicates,
  tabWrite,
  untouched,
} from '../agency-files/collect';
import { validateAgency } from '../checks/validate';
import { IsoDate } from '../primitives/dates';
import { CellWriter } from '../workbook';
import { RunContext } from '../settings/run-context';
import { Agency, Settings, branchOf, sameBranch } from '../settings';

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
    files.map((f) => examineFile(catalog, settings, f, ctx.province)),
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
        status: `Từ chối: ${absentReason(wb, settings, v.agency)}`,
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

/**
 * Why an accepted file's tab is not there: a set of workbooks knows (in two of them, in a branch
 * not opened); a main workbook read alone does not hold its branches' tabs; else it was never made.
 */
function absentReason(wb: CellWriter, settings: Settings, agency: Agency): string {
  if (wb.tabProblem) {
    const problem = wb.tabProblem(agency.sheet);
    if (problem) return problem.message;
  } else if (!sameBranch(branchOf(agency), settings.thisBranch)) return notHere(agency);
  return `sổ tổng hợp không có trang "${agency.sheet}"; chạy "Tạo biểu mẫu cho các đơn vị" trước`;
}

function findingText(errors: number, warnings: number): string {
  if (!errors && !warnings) return 'không có';
  return [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ');
}
