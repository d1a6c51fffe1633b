/**
 * Which new tabs share one form, so that GasWorkbook renders that form once, into a scratch tab,
 * and makes each of those tabs as a copy of it: `insertSheet(name, index, {template})`, where "All
 * data from the template sheet object is copied to the new sheet"
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer,Object)).
 * One copy replaces the trims, widths, borders and five whole-range writes of the look
 * (backgrounds, text styles, wraps, alignments, notes): 190 communes' forms within 3 modelled
 * minutes (docs/hieu-nang.md).
 *
 * Google does not list what "all data" covers, so a copy is trusted only for how the tab looks and
 * its size. What decides the figures is written on every tab as on a tab built cell by cell: its
 * values, number formats (a rate typed into a percent cell), data validation (what a clerk's typing
 * is refused for), live checks and both protections. The scratch tab is never protected: a copy of
 * a protected tab could carry its protections, and Sheet.protect() then returns that protection
 * ("If the sheet is already protected, this method returns an object representing the existing
 * protection settings") with the first agency among the editors of the value cells.
 */
import { SheetPlan } from '../core/sheet/plan';

/**
 * Names of the scratch tabs, numbered. Visible while "Tạo biểu mẫu" runs (a hidden template might
 * make hidden copies) and deleted at its end; a run Apps Script stopped leaves one, which the next
 * run deletes and which no command reads as an agency's tab.
 */
export const SCRATCH_PREFIX = 'Mẫu tạm, tự xóa khi tạo xong biểu mẫu - ';

export const isScratch = (name: string): boolean => name.startsWith(SCRATCH_PREFIX);

/**
 * A form is worth a scratch tab from this many tabs on: the scratch costs an insertSheet, a full
 * render and a deleteSheet (about 0.9 modelled seconds); each copy saves about 0.26 s.
 */
export const MIN_COPIES = 4;

/**
 * Everything a copy carries that render() would write: the grid's size, column widths, frozen
 * panes, borders and each cell's style (number format, fill, font, wrap, alignment, note,
 * validation). Values and live checks are left out: every tab writes its own.
 */
export function formKey(plan: SheetPlan): string {
  return JSON.stringify([
    plan.rows.length,
    plan.columnWidths,
    plan.frozenRows ?? 0,
    plan.frozenColumns ?? 0,
    plan.borders ?? [],
    plan.rows.map((r) => r.map((c) => c.s ?? null)),
  ]);
}

/** How many of these tabs share each form. */
export function formCounts(plans: readonly SheetPlan[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of plans) {
    const k = formKey(p);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
