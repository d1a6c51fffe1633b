/**
 * Every sheet of an .xlsx file as grids, through XlsxWorkbook.read: the one reader the CLI's
 * collect and the add-on's import dialog (bundled for the browser) both use.
 */
import { IncomingFile } from '../core/collect';
import { XlsxWorkbook } from './xlsx-workbook';

/** Throws when the bytes are not an .xlsx workbook. */
export async function readWorkbookGrids(name: string, data: ArrayBuffer | Uint8Array): Promise<IncomingFile> {
  const wb = await XlsxWorkbook.fromBuffer(data as ArrayBuffer);
  return { name, sheets: wb.sheetNames().map((n) => wb.read(n)!) };
}
