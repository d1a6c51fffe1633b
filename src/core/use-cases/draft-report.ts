/**
 * The draft-report use case, written once for the menu, the CLI and the benchmark: read the tabs,
 * validate, consolidate and build the province's report (with the previous period's summary when
 * one is attached), or build one agency's own report from its tab. It writes nothing to the
 * workbook; the adapters only render the model and show the outcome.
 */
import { readTabs, validateTabs } from '../checks/tabs';
import { Catalog } from '../catalog/catalog';
import { Summary, consolidate } from '../figures/consolidate';
import { IsoDate } from '../primitives/dates';
import { COL } from '../form/template';
import { SheetSnapshot, cellText } from '../sheet/grid';
import { parseAgencyTab } from '../form/parse';
import { buildAgencyReport } from '../report/agency';
import { ReportModel } from '../report/model';
import { PreviousRead, PreviousSummary, checkPrevious, previousInWorkbook } from '../report/previous';
import { ReportContext, buildProvinceReport } from '../report/province';
import { Agency, Settings } from '../settings';
import { WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

export interface DraftOptions {
  /** The date the draft is made (printed when the settings give no report date); default: the workbook's today. */
  readonly today?: IsoDate;
  /** Draft this agency's own report instead of the province's. */
  readonly agency?: Agency;
  /**
   * The previous summary the caller read (the CLI's --previous), or null for none. When absent,
   * a sheet "Kỳ trước" (or a copied "Tổng hợp") in the workbook is used if there is one.
   */
  readonly previous?: PreviousRead | null;
  /** The summary a consolidation of this same run already made (demo, bench): not read and consolidated again. */
  readonly summary?: Summary;
}

export type DraftOutcome =
  | {
      readonly ok: true;
      readonly kind: 'province';
      readonly model: ReportModel;
      readonly summary: Summary;
      /** For a consolidator's own template (placeholders and the statistics table). */
      readonly context: ReportContext;
      readonly previous: PreviousSummary | null;
    }
  | { readonly ok: true; readonly kind: 'agency'; readonly model: ReportModel; readonly agency: Agency }
  | { readonly ok: false; readonly problem: string };

export function draftReport(wb: WorkbookPort, ctx: RunContext, opts: DraftOptions = {}): DraftOutcome {
  const { catalog, settings } = ctx;
  const today = opts.today ?? wb.today();
  if (opts.agency) return draftAgency(wb, catalog, settings, opts.agency, today);
  const read = opts.previous === undefined ? previousInWorkbook(wb, catalog) : opts.previous;
  if (read && !read.ok) return { ok: false, problem: read.problem };
  const previous = read ? read.previous : null;
  const refused = previous && checkPrevious(previous, settings);
  if (refused) return { ok: false, problem: refused };
  // The draft needs figures, not protection states: one call per tab fewer.
  const summary =
    opts.summary ??
    consolidate(
      catalog,
      settings,
      validateTabs(catalog, settings, readTabs(wb, settings, { protection: false }), today),
    );
  const context: ReportContext = { catalog, summary, today, stamp: wb.stamp(), previous };
  return { ok: true, kind: 'province', model: buildProvinceReport(context), summary, context, previous };
}

function draftAgency(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  today: IsoDate,
): DraftOutcome {
  const snap = wb.read(agency.sheet, { protection: false });
  if (!snap)
    return {
      ok: false,
      problem: `Không tìm thấy trang "${agency.sheet}" của ${agency.name}. Kiểm tra cột Tên trang tính trên trang Thiết lập.`,
    };
  const report = parseAgencyTab(catalog, snap);
  if (report.tableHeaderRow === null)
    return {
      ok: false,
      problem: `Trang "${agency.sheet}" không có bảng số liệu (dòng tiêu đề STT | Chỉ tiêu thống kê | …). Hãy tạo lại biểu mẫu cho đơn vị này.`,
    };
  const model = buildAgencyReport({
    catalog,
    settings,
    agency,
    report,
    notes: notesOf(snap, report.codeRows),
    today,
    stamp: wb.stamp(),
  });
  return { ok: true, kind: 'agency', model, agency };
}

/** Ghi chú of every coded row, as the agency typed it. */
function notesOf(snap: SheetSnapshot, codeRows: ReadonlyMap<number, string>): Map<string, string> {
  const notes = new Map<string, string>();
  for (const [row, code] of codeRows) {
    const text = cellText(snap.values[row - 1]?.[COL.note - 1]).trim();
    if (text) notes.set(code, text);
  }
  return notes;
}
