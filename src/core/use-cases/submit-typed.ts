import { SubmitOutcome, stampSent } from '../checks/sent-stamp';
import { validateTab } from '../checks/tabs';
import { parseAgencyTab } from '../form/parse';
import { STATUS_DRAFT } from '../form/template';
import { Agency } from '../settings';
import { RawCell, parseA1 } from '../sheet/grid';
import { WorkbookPort } from '../workbook';
import { RunContext } from '../settings/run-context';

/**
 * The submit gate when the agency chose "Đã gửi" in its status cell itself (the onEdit trigger,
 * which needs no authorization). The tab is validated as the menu would validate it, before the
 * choice: status not sent and no date yet. Then today's date is stamped, or the status is put
 * back to "Chưa gửi". Null when `cell` is not the tab's status cell (nothing is written).
 */
export function submitTyped(
  wb: WorkbookPort,
  ctx: RunContext,
  agency: Agency,
  cell: string,
  /**
   * Pasted with other cells: the trigger saw no value, so the status is read here, and a report
   * already dated keeps its date (choosing "Đã gửi" again never moves it).
   */
  opts: { pasted?: boolean } = {},
): SubmitOutcome | null {
  const { catalog, settings } = ctx;
  const snap = wb.read(agency.sheet);
  if (!snap) return null;
  const typed = parseAgencyTab(catalog, snap);
  const { cell: statusCell } = typed.status;
  const sentCell = typed.sentOn.cell;
  if (statusCell !== cell || !sentCell || typed.status.value !== 'sent') return null;
  if (opts.pasted && (typed.sentOn.date || typed.sentOn.text)) return null;
  const values = snap.values.map((row) => [...row]);
  const put = (a1: string, v: RawCell) => {
    const { row, col } = parseA1(a1);
    if (values[row - 1]) values[row - 1]![col - 1] = v;
  };
  put(statusCell, STATUS_DRAFT);
  put(sentCell, '');
  const result = validateTab(catalog, settings, { agency, snap: { ...snap, values } }, wb.today());
  if (result.errors) {
    wb.writeCells(agency.sheet, statusCell, [[STATUS_DRAFT]]);
    return { ok: false, result };
  }
  return { ok: true, date: stampSent(wb, agency, statusCell, sentCell), result };
}
