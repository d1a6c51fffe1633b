import { markTabs, validateTab } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { Agency } from '../settings';
import { WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/** Checks one agency's tab and, unless told not to, marks its wrong cells. */
export function validateOne(wb: WorkbookPort, ctx: RunContext, agency: Agency, mark = true): AgencyResult {
  const { catalog, settings } = ctx;
  const result = validateTab(catalog, settings, { agency, snap: wb.read(agency.sheet) }, wb.today());
  if (mark) markTabs(wb, catalog, settings, [result]);
  return result;
}
