/**
 * The two writers, loaded when a command first writes: the spreadsheet library (about 37 MB once
 * loaded) and the Word one (about 15 MB). `validate` and the reading half of `collect` need
 * neither, so the CLI starts without them (esbuild leaves a dynamic import's module unrun until called).
 */
import type { XlsxWorkbook } from './xlsx-workbook';
import type { renderDocx } from './docx-writer';
import type { agencyFileBytes } from './agency-file';

export async function loadXlsxWorkbook(): Promise<typeof XlsxWorkbook> {
  return (await import('./xlsx-workbook')).XlsxWorkbook;
}

export async function loadAgencyFileBytes(): Promise<typeof agencyFileBytes> {
  return (await import('./agency-file')).agencyFileBytes;
}

export async function loadDocxWriter(): Promise<typeof renderDocx> {
  return (await import('./docx-writer')).renderDocx;
}
