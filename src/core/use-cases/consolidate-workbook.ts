import { Catalog } from '../catalog/catalog';
import { readTabs, validateTabs } from '../checks/tabs';
import { Summary, consolidate } from '../figures/consolidate';
import { detailSheetPlan, submissionSheetPlan, summarySheetPlan, validationSheetPlan } from '../figures/output-sheets';
import { Settings } from '../settings';
import { RunOptions, WorkbookPort } from '../workbook';

/** Checks every tab, consolidates the province's figures and rewrites the four output sheets. */
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
