import { SubmitOutcome, stampSent } from '../checks/sent-stamp';
import { markTabs, validateTab } from '../checks/tabs';
import { parseAgencyTab } from '../form/parse';
import { STATUS_DRAFT } from '../form/template';
import { Agency } from '../settings';
import { parseA1 } from '../sheet/grid';
import { WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/**
 * The submit gate: only a tab without errors can be marked as sent. A tab already reading
 * "Đã gửi" with no date (the automatic check did not run: Apps Script turned off for the agency)
 * is judged as before that choice, so the missing date it is here to write does not refuse it.
 */
export function markSubmitted(wb: WorkbookPort, ctx: RunContext, agency: Agency): SubmitOutcome {
  const { catalog, settings } = ctx;
  let snap = wb.read(agency.sheet);
  const typed = snap ? parseAgencyTab(catalog, snap) : null;
  if (snap && typed?.status.cell && typed.status.value === 'sent' && !typed.sentOn.text) {
    const { row, col } = parseA1(typed.status.cell);
    const values = snap.values.map((r, i) => (i === row - 1 ? r.map((v, j) => (j === col - 1 ? STATUS_DRAFT : v)) : r));
    snap = { ...snap, values };
  }
  const result = validateTab(catalog, settings, { agency, snap }, wb.today());
  markTabs(wb, catalog, settings, [result]);
  const report = result.report;
  if (result.errors || !report?.status.cell || !report.sentOn.cell) return { ok: false, result };
  return { ok: true, date: stampSent(wb, agency, report.status.cell, report.sentOn.cell), result };
}
