import { Catalog } from '../catalog/catalog';
import { SubmitOutcome, stampSent } from '../checks/sent-stamp';
import { Agency, Settings } from '../settings';
import { WorkbookPort } from '../workbook';
import { validateOne } from './validate-one';

/** The submit gate: only a tab without errors can be marked as sent. */
export function markSubmitted(wb: WorkbookPort, catalog: Catalog, settings: Settings, agency: Agency): SubmitOutcome {
  const result = validateOne(wb, catalog, settings, agency);
  const report = result.report;
  if (result.errors || !report?.status.cell || !report.sentOn.cell) return { ok: false, result };
  return { ok: true, date: stampSent(wb, agency, report.status.cell, report.sentOn.cell), result };
}
