/**
 * The use cases behind the menu and the CLI, written once against WorkbookPort. Each returns
 * what happened; the adapters decide how to show it (an alert, a toast, the console).
 */
import { Catalog } from '../catalog/catalog';
import { Summary, consolidate } from '../figures/consolidate';
import { RawCell, SheetSnapshot, parseA1 } from '../sheet/grid';
import {
  markPlan,
  detailSheetPlan,
  submissionSheetPlan,
  summarySheetPlan,
  validationSheetPlan,
} from '../figures/output-sheets';
import { parseAgencyTab } from '../form/parse';
import {
  Agency,
  ExampleAgency,
  SETTINGS_SHEET,
  Settings,
  SettingsResult,
  exampleSettings,
  readSettings,
  settingsPlan,
} from '../settings';
import { currentPeriod } from '../periods';
import { STATUS_DRAFT, STATUS_SENT } from '../form/template';
import { AgencyResult, validateAgency } from '../checks/validate';
import { RunOptions, WorkbookPort, stateList } from '../workbook';

export { generateTemplates } from './generate-templates';
export type { TemplateOutcome } from './generate-templates';
export type { RunOptions } from '../workbook';
import { IsoDate } from '../primitives/dates';

export { currentPeriod };

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export type LoadedSettings = SettingsResult | { ok: false; missing: true; problems: [] };

/** The settings; the catalog they use is catalogFor(settings) (the period's version and the province's rows). */
export function loadSettings(wb: WorkbookPort): LoadedSettings {
  const snap = wb.read(SETTINGS_SHEET);
  if (!snap) return { ok: false, missing: true, problems: [] };
  return readSettings(snap.values);
}

/** Creates the settings sheet with the example when absent; otherwise just reads it. */
export function setupSettings(
  wb: WorkbookPort,
  example: readonly ExampleAgency[],
): { created: boolean; result: LoadedSettings } {
  if (wb.read(SETTINGS_SHEET)) return { created: false, result: loadSettings(wb) };
  const { period, year } = currentPeriod(wb.today());
  wb.create(settingsPlan(exampleSettings(period, year, example)));
  return { created: true, result: loadSettings(wb) };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export interface ReadTab {
  readonly agency: Agency;
  readonly snap: SheetSnapshot | null;
}

/** One batched read per agency tab, shared by validation and consolidation. */
export function readTabs(
  wb: WorkbookPort,
  settings: Settings,
  opts: RunOptions & { protection?: boolean } = {},
): ReadTab[] {
  return settings.agencies.map((agency, i) => {
    opts.progress?.(i, settings.agencies.length, agency.name);
    return { agency, snap: wb.read(agency.sheet, { protection: opts.protection }) };
  });
}

export function validateTabs(
  catalog: Catalog,
  settings: Settings,
  tabs: readonly ReadTab[],
  today: IsoDate,
): AgencyResult[] {
  return tabs.map(({ agency, snap }) => {
    const report = snap ? parseAgencyTab(catalog, snap) : null;
    return validateAgency(catalog, settings, agency, report, { today, isProtected: snap?.isProtected ?? null });
  });
}

const MARKED_KEY = 'cchc.markedTabs';

/**
 * Repaints the marks of tabs that have findings now or had them last run (remembered in the
 * workbook's state), so clean tabs cost no write. Values are never touched.
 */
export function markTabs(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  results: readonly AgencyResult[],
): void {
  const before = stateList(wb, MARKED_KEY);
  const marked = new Set(results.filter((r) => r.findings.some((f) => f.cell)).map((r) => r.agency.sheet));
  for (const r of results) {
    if (!marked.has(r.agency.sheet) && !before.includes(r.agency.sheet)) continue;
    const groups = markPlan(catalog, settings, r.agency, r);
    if (groups.length) wb.paint(r.agency.sheet, groups);
  }
  const checked = new Set(results.map((r) => r.agency.sheet));
  const still = before.filter((s) => !checked.has(s)); // tabs not checked this time keep their marks
  wb.setState(MARKED_KEY, JSON.stringify([...still, ...marked]));
}

export function validateAll(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  opts: RunOptions & { mark?: boolean } = {},
): AgencyResult[] {
  const results = validateTabs(catalog, settings, readTabs(wb, settings, opts), wb.today());
  if (opts.mark !== false) markTabs(wb, catalog, settings, results);
  wb.replace(validationSheetPlan(settings, results, wb.stamp()));
  return results;
}

export function agencyOfSheet(settings: Settings, sheet: string): Agency | null {
  return settings.agencies.find((a) => a.sheet === sheet) ?? null;
}

export function validateOne(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  mark = true,
): AgencyResult {
  const [result] = validateTabs(catalog, settings, [{ agency, snap: wb.read(agency.sheet) }], wb.today());
  if (!result) throw new Error(`validateTabs returned nothing for ${agency.sheet}`);
  if (mark) markTabs(wb, catalog, settings, [result]);
  return result;
}

export type SubmitOutcome =
  | { readonly ok: true; readonly date: IsoDate; readonly result: AgencyResult }
  | { readonly ok: false; readonly result: AgencyResult };

/** The submit gate: only a tab without errors can be marked as sent. */
export function markSubmitted(wb: WorkbookPort, catalog: Catalog, settings: Settings, agency: Agency): SubmitOutcome {
  const result = validateOne(wb, catalog, settings, agency);
  const report = result.report;
  if (result.errors || !report?.status.cell || !report.sentOn.cell) return { ok: false, result };
  return { ok: true, date: stampSent(wb, agency, report.status.cell, report.sentOn.cell), result };
}

/** Writes "Đã gửi" and today's date (one write when they are one above the other). */
function stampSent(wb: WorkbookPort, agency: Agency, statusCell: string, sentCell: string): IsoDate {
  const today = wb.today();
  const statusRow = Number(statusCell.slice(1));
  const dateRow = Number(sentCell.slice(1));
  if (dateRow === statusRow + 1 && statusCell[0] === sentCell[0]) {
    wb.writeCells(agency.sheet, `${statusCell}:${sentCell}`, [[STATUS_SENT], [{ date: today }]]);
  } else {
    wb.writeCells(agency.sheet, statusCell, [[STATUS_SENT]]);
    wb.writeCells(agency.sheet, sentCell, [[{ date: today }]]);
  }
  return today;
}

/**
 * The same gate when the agency chose "Đã gửi" in its status cell itself (the onEdit trigger,
 * which needs no authorization). The tab is validated as the menu would validate it, before the
 * choice: status not sent and no date yet. Then today's date is stamped, or the status is put
 * back to "Chưa gửi". Null when `cell` is not the tab's status cell (nothing is written).
 */
export function submitTyped(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  cell: string,
): SubmitOutcome | null {
  const snap = wb.read(agency.sheet);
  if (!snap) return null;
  const typed = parseAgencyTab(catalog, snap);
  const { cell: statusCell } = typed.status;
  const sentCell = typed.sentOn.cell;
  if (statusCell !== cell || !sentCell) return null;
  const values = snap.values.map((row) => [...row]);
  const put = (a1: string, v: RawCell) => {
    const { row, col } = parseA1(a1);
    if (values[row - 1]) values[row - 1]![col - 1] = v;
  };
  put(statusCell, STATUS_DRAFT);
  put(sentCell, '');
  const before = { ...snap, values };
  const [result] = validateTabs(catalog, settings, [{ agency, snap: before }], wb.today());
  if (!result) throw new Error(`validateTabs returned nothing for ${agency.sheet}`);
  if (result.errors) {
    wb.writeCells(agency.sheet, statusCell, [[STATUS_DRAFT]]);
    return { ok: false, result };
  }
  return { ok: true, date: stampSent(wb, agency, statusCell, sentCell), result };
}

// ---------------------------------------------------------------------------------------------
// Consolidation
// ---------------------------------------------------------------------------------------------

export function consolidateWorkbook(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  opts: RunOptions = {},
): Summary {
  const tabs = readTabs(wb, settings, opts);
  const results = validateTabs(catalog, settings, tabs, wb.today());
  const summary = consolidate(catalog, settings, results);
  const stamp = wb.stamp();
  // Every plan is built before any sheet is touched, so a failure leaves the old outputs intact.
  const plans = [
    summarySheetPlan(summary, stamp),
    detailSheetPlan(summary),
    submissionSheetPlan(summary),
    validationSheetPlan(settings, results, stamp),
  ];
  for (const p of plans) wb.replace(p);
  return summary;
}
