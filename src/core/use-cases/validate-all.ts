import { markTabs, readTabs, validateTabs } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { validationSheetPlan } from '../figures/output-sheets';
import { RunOptions, WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/** Checks every agency's tab, marks the wrong cells and rewrites the results sheet. */
export function validateAll(
  wb: WorkbookPort,
  ctx: RunContext,
  opts: RunOptions & { mark?: boolean } = {},
): AgencyResult[] {
  const { catalog, settings } = ctx;
  const results = validateTabs(catalog, settings, readTabs(wb, settings, opts), wb.today());
  if (opts.mark !== false) markTabs(wb, catalog, settings, results);
  wb.replace(validationSheetPlan(settings, results, wb.stamp()));
  return results;
}
