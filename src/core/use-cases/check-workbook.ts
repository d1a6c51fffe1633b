import { readTabs, validateTabs } from '../checks/tabs';
import { AgencyResult } from '../checks/validate';
import { ReadableWorkbook, RunOptions } from '../workbook';
import { RunContext } from '../settings/run-context';

/** Checks every agency's tab and changes nothing: what `validate` does to a file. */
export function checkWorkbook(book: ReadableWorkbook, ctx: RunContext, opts: RunOptions = {}): AgencyResult[] {
  return validateTabs(ctx.catalog, ctx.settings, readTabs(book, ctx.roster, opts), book.today());
}
