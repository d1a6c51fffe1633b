import { Catalog } from '../catalog/catalog';
import { markTabs, validateTab } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { Agency, Settings } from '../settings';
import { WorkbookPort } from '../workbook';

/** Checks one agency's tab and, unless told not to, marks its wrong cells. */
export function validateOne(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  mark = true,
): AgencyResult {
  const result = validateTab(catalog, settings, { agency, snap: wb.read(agency.sheet) }, wb.today());
  if (mark) markTabs(wb, catalog, settings, [result]);
  return result;
}
