/**
 * Cell-level translation between excelts worksheets and the core's grid: reading a sheet into a
 * SheetSnapshot that says what the file holds (merged ranges, formulas and whether their results
 * were stored), and storing every formula with its computed result when we write.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { sheetEvaluator } from '../core/form/formulas';
import { arrayCells, calendarDay } from './xlsx-snapshots';
import { CellFact, RawCell, SheetSnapshot, a1, a1Range, mergedCellFacts, parseA1 } from '../core/sheet/grid';

/** Worksheet fields excelts uses but does not declare. */
export type Sheet = ExcelJS.Worksheet & {
  sheetProtection?: (Record<string, unknown> & { sheet?: boolean }) | null;
  orderNo: number;
};
export const internal = (ws: ExcelJS.Worksheet): Sheet => ws as Sheet;

/** The used range of a sheet as the core reads it: cached values, formats and what else the file says. */
export function snapshotOf(ws: ExcelJS.Worksheet, name: string): SheetSnapshot {
  const rows = ws.rowCount;
  const cols = Math.max(ws.columnCount, 1);
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  const cells = new Map<string, CellFact>();
  const arrays: { range: string; formula: string }[] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vr: RawCell[] = [];
    const fr: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const formula = formulaOf(cell) ?? (lostShared(cell.value) ? '' : null);
      if (formula !== null) {
        const cached = hasResult(cell.value);
        const array = arrayRange(cell.value);
        if (array) arrays.push({ range: array, formula });
        cells.set(a1(r, c), { kind: 'formula', formula, cached, ...(array ? { array } : {}) });
        vr.push(cached ? rawValue(cell.value) : '');
      } else vr.push(rawValue(cell.value));
      fr.push(numFmtCode(cell.numFmt));
    }
    values.push(vr);
    formats.push(fr);
  }
  // The other cells of a multi-cell array formula hold only its stored results: formulas too.
  for (const { range, formula } of arrays)
    for (const ref of arrayCells(range, rows, cols))
      if (!cells.has(ref)) cells.set(ref, { kind: 'formula', formula, cached: true, array: range });
  // A merged range shows its top-left value only; excelts repeats it into covered cells, Sheets
  // reads them blank. Report the ranges and read covered cells blank, as Sheets would.
  const ranges = ws.mergedRegions.map((m) => a1Range(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1));
  for (const [ref, fact] of mergedCellFacts(ranges)) {
    const { row, col } = parseA1(ref);
    if (row > rows || col > cols) continue;
    cells.set(ref, fact);
    if (fact.kind === 'merged' && !fact.anchor) values[row - 1][col - 1] = '';
  }
  return { name, values, formats, isProtected: isProtected(ws), cells };
}

/**
 * Where the file's own text says a number cell holds no number (the snapshot keeps "1234abc"
 * where excelts read parseFloat's 1234), the cell holds that text, so every reader of the sheet
 * reports it at the cell. Formula cells are left to the formula rules.
 */
export function keepNumberText(ws: ExcelJS.Worksheet, snap: SheetSnapshot): void {
  snap.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' || !v || snap.cells?.get(a1(r + 1, c + 1))?.kind === 'formula') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof cell.value === 'number') cell.value = v;
    }),
  );
}

/**
 * excelts reads `<sheetProtection sheet="1">` as `sheet: true` but LibreOffice's equally valid
 * `sheet="true"` as `sheet: undefined` (it compares with "1" only), while still returning the
 * element. Excel, LibreOffice and excelts omit the element on an unprotected sheet, so a present
 * element not explicitly unprotected means protected. (An explicit sheet="0" also reads as
 * protected: at worst one "protection removed" warning is missed, never a false one raised.)
 */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = internal(ws).sheetProtection;
  return !!p && p.sheet !== false;
}

/**
 * Stores each formula of the sheet with the result Sheets would compute, so a reader or viewer
 * that does not recalculate sees the right figure. A formula we cannot compute keeps no result
 * (readers then recalculate, or our own parser reports it).
 */
export function storeFormulaResults(ws: ExcelJS.Worksheet): void {
  const resultAt = sheetEvaluator(
    (row, col) => formulaOf(ws.getCell(row, col)),
    (row, col) => rawValue(ws.getCell(row, col).value),
  );
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const formula = formulaOf(cell);
      if (formula === null || 'sharedFormula' in (cell.value as object)) return;
      const result = resultAt(r, c);
      cell.value = {
        formula,
        result:
          result === null ? undefined : typeof result === 'string' && /^#/.test(result) ? { error: result } : result,
      } as ExcelJS.CellFormulaValue;
    }),
  );
}

/**
 * A number no spreadsheet can store (a `<v>1e999</v>` read as Infinity) becomes the error #NUM!,
 * as Excel shows it: excelts would write "Infinity" or "NaN", which no reader opens as a number.
 * (A `<v>NaN</v>` or `<v>INF</v>` is kept as the text the file held: keepNumberText.)
 */
export function replaceNonFinite(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === 'number' && !Number.isFinite(v)) cell.value = { error: '#NUM!' } as ExcelJS.CellErrorValue;
      else if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        const res = (v as ExcelJS.CellFormulaValue).result;
        if (typeof res === 'number' && !Number.isFinite(res)) (v as { result?: unknown }).result = { error: '#NUM!' };
      }
    }),
  );
}

/** The cell's formula without "=", shared formulas translated to the cell (excelts does that). */
function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return null;
  const f = cell.formula;
  return typeof f === 'string' && f ? f.replace(/^=/, '') : null;
}

/** A shared formula's cell whose master the file lacks: excelts keeps only its stored result. */
function lostShared(v: ExcelJS.CellValue): boolean {
  return !!v && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).join() === 'result';
}

/** The range of an array formula spanning more than one cell ("B1:B3"), else undefined. */
function arrayRange(v: ExcelJS.CellValue): string | undefined {
  const f = v as { shareType?: string; ref?: string };
  if (f?.shareType !== 'array' || !f.ref) return undefined;
  const range = f.ref.toUpperCase().replace(/\$/g, '');
  return range.includes(':') && range.split(':')[0] !== range.split(':')[1] ? range : undefined;
}

function hasResult(v: ExcelJS.CellValue): boolean {
  const res = (v as ExcelJS.CellFormulaValue).result;
  return res !== undefined && res !== null;
}

export function numFmtCode(f: string | ExcelJS.NumFmt | undefined): string {
  if (!f) return '';
  return typeof f === 'string' ? f : f.formatCode;
}

/** excelts cell values to what Sheets' getValues would give. */
export function rawValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return calendarDay(v);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('richText' in v) return (v.richText ?? []).map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v || lostShared(v)) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined || res === null) return '';
      if (typeof res === 'object' && 'error' in res) return String(res.error);
      return rawValue(res as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

/** excelts does not adjust formulas when rows move; Sheets does. Make them agree. */
export function shiftFormulaRows(ws: ExcelJS.Worksheet, afterRow: number, count: number): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
        const formula = v.formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m, col: string, r: string) =>
          Number(r) > afterRow ? `${col}${Number(r) + count}` : m,
        );
        cell.value = { formula } as ExcelJS.CellFormulaValue;
      }
    }),
  );
}
