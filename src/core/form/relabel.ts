/** Bringing an agency's form made with another catalog version up to the period's version. */
import { Catalog } from '../catalog/catalog';
import { CellInput } from '../sheet/plan';
import { SheetSnapshot, cellText } from '../sheet/grid';
import { AgencyReport } from './parse';
import { FormSettings } from '../settings';
import { formStamp, labelCells } from './template';
import { WorkbookPort } from '../workbook';

/**
 * A form made with another catalog version (e.g. before 01/07/2025, used for a later period):
 * the indicator names and units are rewritten in the version the period uses, and the stamp with
 * them. Values and notes are never touched; rows the new version lacks keep their old text.
 */
export function relabel(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: FormSettings,
  snap: SheetSnapshot,
  report: AgencyReport,
): void {
  const coded = [...report.codeRows.keys()];
  if (coded.length) {
    const first = report.tableHeaderRow! + 1;
    const last = Math.max(...coded);
    const cells: CellInput[][] = [];
    for (let r = first; r <= last; r++) {
      const ind = catalog.get(report.codeRows.get(r) ?? '');
      const old = snap.values[r - 1] ?? [];
      cells.push(ind ? labelCells(catalog, ind) : [cellText(old[1]) || null, cellText(old[2]) || null]);
    }
    wb.writeCells(snap.name, `B${first}:C${last}`, cells);
  }
  wb.writeCells(snap.name, report.version!.cell, [[formStamp(catalog, settings)]]);
}
