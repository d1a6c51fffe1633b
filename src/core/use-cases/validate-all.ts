import { Catalog } from '../catalog/catalog';
import { markTabs, readTabs, validateTabs } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { validationSheetPlan } from '../figures/output-sheets';
import { Settings } from '../settings';
import { RunOptions, WorkbookPort } from '../workbook';

/** Checks every agency's tab, marks the wrong cells and rewrites the results sheet. */
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
