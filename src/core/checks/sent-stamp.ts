/** Marking a tab sent: the outcome of the submit gate and the stamp it writes. */
import { STATUS_SENT } from '../form/template';
import { IsoDate } from '../primitives/dates';
import { Agency } from '../settings';
import { WorkbookPort } from '../workbook';
import { AgencyResult } from './validate';

export type SubmitOutcome =
  | { readonly ok: true; readonly date: IsoDate; readonly result: AgencyResult }
  | { readonly ok: false; readonly result: AgencyResult };

/** Writes "Đã gửi" and today's date (one write when they are one above the other). */
export function stampSent(wb: WorkbookPort, agency: Agency, statusCell: string, sentCell: string): IsoDate {
  const today = wb.today();
  const statusRow = Number(statusCell.slice(1));
  const dateRow = Number(sentCell.slice(1));
  if (dateRow === statusRow + 1 && statusCell[0] === sentCell[0]) {
    wb.writeCells(agency.sheet, `${statusCell}:${sentCell}`, [[STATUS_SENT], [{ date: today }]]);
  } else {
    wb.writeCells(agency.sheet, statusCell, [[STATUS_SENT]]);
    wb.writeCells(agency.sheet, sentCell, [[{ date: today }]]);
  }
  return today;
}
