import { SubmitOutcome, stampSent } from '../checks/sent-stamp';
import { Agency } from '../settings';
import { WorkbookPort } from '../workbook';
import { validateOne } from './validate-one';
import { RunContext } from '../settings/run-context';

/** The submit gate: only a tab without errors can be marked as sent. */
export function markSubmitted(wb: WorkbookPort, ctx: RunContext, agency: Agency): SubmitOutcome {
  const result = validateOne(wb, ctx, agency);
  const report = result.report;
  if (result.errors || !report?.status.cell || !report.sentOn.cell) return { ok: false, result };
  return { ok: true, date: stampSent(wb, agency, report.status.cell, report.sentOn.cell), result };
}
