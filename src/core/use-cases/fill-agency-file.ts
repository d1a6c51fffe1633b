import { carryOver } from '../agency-files/collect';
import { AgencyFile } from '../agency-files/split';
import { SheetSnapshot } from '../sheet/grid';
import { WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/**
 * Writes one agency's file into an empty workbook: its form, then what the province tab already
 * holds for it (figures, notes, status, free text), so a re-split never hands out a blank form.
 */
export function fillAgencyFile(
  wb: WorkbookPort,
  ctx: RunContext,
  file: AgencyFile,
  /** The agency's tab in the province workbook, when there is one. */
  tab: SheetSnapshot | null,
): void {
  const { catalog, settings } = ctx;
  wb.create(file.plan);
  const fresh = wb.read(file.plan.name);
  if (!tab || !fresh) return;
  const w = carryOver(catalog, settings, file.agency, tab, fresh);
  if (!('error' in w)) wb.writeCells(file.plan.name, w.range, w.cells);
}
