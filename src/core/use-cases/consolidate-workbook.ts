import { readTabs, restoreRules, validateTabs } from '../checks/tabs';
import { Summary, consolidate } from '../figures/consolidate';
import {
  detailSheetPlan,
  submissionSheetPlan,
  summaryRows,
  summarySheetPlan,
  validationSheetPlan,
} from '../figures/output-sheets';
import { draftFindings } from '../report/consistency';
import { RunOptions, WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/**
 * Checks every tab, consolidates the province's figures and rewrites the four output sheets;
 * every tab's validation and live checks are put back (a paste may have replaced them).
 */
export function consolidateWorkbook(wb: WorkbookPort, ctx: RunContext, opts: RunOptions = {}): Summary {
  const { catalog, settings } = ctx;
  const tabs = readTabs(wb, ctx.roster, opts);
  const results = validateTabs(catalog, settings, tabs, wb.today());
  const summary = consolidate(catalog, settings, results);
  const stamp = wb.stamp();
  // Every plan is built before any sheet is touched, so a failure leaves the old outputs intact.
  const summaryPlan = summarySheetPlan(summary, stamp);
  const plans = [
    summaryPlan,
    detailSheetPlan(summary),
    submissionSheetPlan(summary),
    // The province's own findings (its figures against each other, as the draft flags them) join the agencies' here.
    validationSheetPlan(ctx.schedule, results, stamp, {
      findings: draftFindings(summary).map((f) => ({ code: f.indicator, message: f.message })),
      rows: summaryRows(summaryPlan),
    }),
  ];
  for (const p of plans) wb.replace(p);
  restoreRules(wb, catalog, settings, results);
  return summary;
}
