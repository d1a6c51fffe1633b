import { markTabs, restoreRules } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { validationSheetPlan } from '../figures/output-sheets';
import { RunOptions, WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';
import { checkWorkbook } from './check-workbook';

/**
 * Checks every agency's tab, puts back its validation and live checks (a paste may have
 * replaced them), marks the wrong cells and rewrites the results sheet.
 */
export function validateAll(
  wb: WorkbookPort,
  ctx: RunContext,
  opts: RunOptions & { mark?: boolean } = {},
): AgencyResult[] {
  const { catalog, settings } = ctx;
  const results = checkWorkbook(wb, ctx, opts);
  if (opts.mark !== false) {
    restoreRules(wb, catalog, settings, results);
    markTabs(wb, catalog, settings, results);
  }
  wb.replace(validationSheetPlan(ctx.schedule, results, wb.stamp()));
  return results;
}
