/**
 * One agency's .xlsx exactly as `split` writes it: the tab as the province workbook's template
 * makes it, the identity block under it, and whatever the province tab already holds for that
 * agency. The CLI's split and the add-on's download dialog (bundled for the browser) both call
 * this, so a file is the same whichever route made it, and collects back the same way.
 */
import { SheetSnapshot } from '../core/sheet/grid';
import { AgencyFile } from '../core/agency-files/split';
import { fillAgencyFile } from '../core/use-cases';
import { XlsxWorkbook } from './xlsx-workbook';
import { RunContext } from '../core/settings/run-context';

export async function agencyFileBytes(
  ctx: RunContext,
  file: AgencyFile,
  /** The agency's tab in the province workbook, when there is one. */
  tab: SheetSnapshot | null,
  clock: () => Date = () => new Date(),
): Promise<Uint8Array> {
  const one = XlsxWorkbook.create(clock);
  fillAgencyFile(one, ctx, file, tab);
  return one.toBytes();
}
