/**
 * What the core reads from a sheet, independent of Apps Script or ExcelJS: raw grids as Sheets'
 * getValues returns them, and A1 references. What it writes is plan.ts's.
 */
import { isDate } from '../primitives/dates';

/** A cell as read: '' when empty, like Range.getValues. */
export type RawCell = string | number | boolean | Date;

export interface SheetSnapshot {
  readonly name: string;
  readonly values: RawCell[][];
  /** Number formats of the same range; '' for General. */
  readonly formats: string[][];
  /** Whether the sheet carries a protection (null when the adapter cannot tell). */
  readonly isProtected: boolean | null;
  /**
   * What the adapter knows about cells beyond their values, by A1 reference; absent when it
   * knows nothing more (Sheets computes formulas itself). The core turns these into findings
   * or recomputes, never guesses.
   */
  readonly cells?: ReadonlyMap<string, CellFact>;
}

export type CellFact =
  /** The cell lies in a merged range (e.g. "D20:D22"); `anchor` is the range's top-left cell. */
  | { readonly kind: 'merged'; readonly range: string; readonly anchor: boolean }
  /**
   * The cell holds a formula (without "="); `cached` says whether the file stored its result
   * (the snapshot's value is that result, or '' when none). `array`: the cell lies in an array
   * formula spanning several cells ("D20:D22"), whose parts no evaluator here computes.
   */
  | { readonly kind: 'formula'; readonly formula: string; readonly cached: boolean; readonly array?: string };

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based row and column to "D15". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function a1Range(row: number, col: number, rows: number, cols: number): string {
  return rows === 1 && cols === 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** "D15" or "B2:E9" to 1-based bounds. */
export function parseA1(ref: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) throw new Error(`bad A1 reference ${ref}`);
  const col = letterIndex(m[1]!);
  const row = Number(m[2]);
  const col2 = m[3] ? letterIndex(m[3]) : col;
  const row2 = m[4] ? Number(m[4]) : row;
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
}

function letterIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** Every cell of merged ranges ("D20:D22") as a merged fact, the top-left marked as the anchor. */
export function mergedCellFacts(ranges: readonly string[]): Map<string, CellFact> {
  const facts = new Map<string, CellFact>();
  for (const range of ranges) {
    const { row, col, rows, cols } = parseA1(range);
    for (let r = row; r < row + rows; r++)
      for (let c = col; c < col + cols; c++)
        facts.set(a1(r, c), { kind: 'merged', range, anchor: r === row && c === col });
  }
  return facts;
}

/** Row numbers grouped into runs of consecutive rows: [14, 12, 13, 20] -> [[12, 3], [20, 1]]. */
export function rowRuns(rows: readonly number[]): [start: number, count: number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}

export function isBlank(v: RawCell | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function cellText(v: RawCell | undefined): string {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return v.toISOString();
  return String(v).trim();
}
