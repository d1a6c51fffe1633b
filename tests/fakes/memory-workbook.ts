/**
 * An in-memory WorkbookPort for use-case tests: what a use case reads and writes, with none of an
 * adapter's service calls in the way. It behaves as the port promises every adapter behaves:
 * - a read is the used range, formulas computed with the core's one evaluator (as Sheets shows
 *   them), dates as Date objects of the local calendar day (as getValues gives), '' when empty;
 * - text is stored as text: a value starting with "=" never becomes a formula;
 * - `create` refuses a taken name, `replace` swaps the sheet in place, state is a string map.
 * It is strict where a test could otherwise pass by accident: writing outside a sheet that does
 * not exist throws, and a formula the evaluator cannot compute throws instead of reading as blank.
 */
import type { LiveCheck } from '../../src/core/checks/live-checks';
import { evaluateFormula, formulaInput, sheetsFormula } from '../../src/core/form/formulas';
import type { PaintGroup } from '../../src/core/figures/output-sheets';
import { IsoDate, isoDate, parts } from '../../src/core/primitives/dates';
import { RawCell, SheetSnapshot, parseA1 } from '../../src/core/sheet/grid';
import { CellInput, PlanCell, Protection, SheetPlan, Validation } from '../../src/core/sheet/plan';
import { ProtectionOutcome, WorkbookPort } from '../../src/core/workbook';

interface MemoryCell {
  input: CellInput;
  format: string;
  background?: string;
  note?: string;
  validation?: Validation | null;
}

interface MemorySheet {
  name: string;
  /** Sparse rows of cells, 0-based. */
  cells: (MemoryCell | undefined)[][];
  protection: Protection | null;
  plan: SheetPlan;
  /** The live checks (conditional formatting) the sheet carries now. */
  checks: LiveCheck[];
}

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[] = [];
  private readonly state = new Map<string, string>();
  /** Every port call by method name, so a test can say a use case did not touch the workbook. */
  readonly calls = new Map<string, number>();

  constructor(
    private readonly day: IsoDate,
    private readonly clock = '25/09/2026 10:00',
  ) {}

  sheetNames(): string[] {
    this.count('sheetNames');
    return this.sheets.map((s) => s.name);
  }

  read(name: string, opts: { protection?: boolean } = {}): SheetSnapshot | null {
    this.count('read');
    const sheet = this.find(name);
    if (!sheet) return null;
    const rows = sheet.cells.length;
    const cols = Math.max(0, ...sheet.cells.map((r) => (r ? r.length : 0)));
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push([]);
      formats.push([]);
      for (let c = 0; c < cols; c++) {
        values[r]!.push(this.computed(sheet, r, c, 0));
        formats[r]!.push(sheet.cells[r]?.[c]?.format ?? '');
      }
    }
    return { name, values, formats, isProtected: opts.protection === false ? null : sheet.protection !== null };
  }

  create(plan: SheetPlan): ProtectionOutcome {
    this.count('create');
    if (this.find(plan.name)) throw new Error(`A sheet named "${plan.name}" already exists.`);
    this.sheets.push(this.fromPlan(plan));
    return { applied: true };
  }

  replace(plan: SheetPlan): void {
    this.count('replace');
    const at = this.sheets.findIndex((s) => s.name === plan.name);
    if (at < 0) this.sheets.push(this.fromPlan(plan));
    else this.sheets[at] = this.fromPlan(plan);
  }

  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void {
    this.count('insertRows');
    const sheet = this.must(name);
    while (sheet.cells.length < afterRow) sheet.cells.push([]);
    sheet.cells.splice(afterRow, 0, ...rows.map((r) => r.map(cellOf)));
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    this.count('protect');
    this.must(name).protection = protection;
    return { applied: true };
  }

  paint(name: string, groups: readonly PaintGroup[]): void {
    this.count('paint');
    const sheet = this.must(name);
    for (const g of groups)
      for (const range of g.ranges) this.each(sheet, range, (cell) => (cell.background = g.color));
  }

  setChecks(name: string, checks: readonly LiveCheck[]): void {
    this.count('setChecks');
    this.must(name).checks = [...checks];
  }

  setValidations(name: string, range: string, validations: readonly (readonly (Validation | null)[])[]): void {
    this.count('setValidations');
    const sheet = this.must(name);
    const { row, col, rows, cols } = parseA1(range);
    if (validations.length !== rows || validations.some((r) => r.length !== cols))
      throw new Error(`setValidations: ${range} is ${rows}×${cols}, the rules are not.`);
    validations.forEach((r, i) => r.forEach((v, j) => (this.at(sheet, row - 1 + i, col - 1 + j).validation = v)));
  }

  writeCells(name: string, range: string, cells: CellInput[][]): void {
    this.count('writeCells');
    const sheet = this.must(name);
    const { row, col, rows, cols } = parseA1(range);
    if (cells.length !== rows || cells.some((r) => r.length !== cols))
      throw new Error(`writeCells: ${range} is ${rows}×${cols}, the values are not.`);
    cells.forEach((r, i) => r.forEach((v, j) => (this.at(sheet, row - 1 + i, col - 1 + j).input = v)));
  }

  getState(key: string): string | null {
    this.count('getState');
    return this.state.get(key) ?? null;
  }

  setState(key: string, value: string): void {
    this.count('setState');
    this.state.set(key, value);
  }

  today(): IsoDate {
    return this.day;
  }

  stamp(): string {
    return this.clock;
  }

  // ---- what a test looks at or does as a user ------------------------------------------------

  /** The agency types into one cell, as a person would (text stays text). */
  type(name: string, a1: string, value: RawCell): void {
    const { row, col } = parseA1(a1);
    const v: CellInput =
      value instanceof Date ? { date: isoDate(value.getFullYear(), value.getMonth() + 1, value.getDate()) } : value;
    this.at(this.must(name), row - 1, col - 1).input = v;
  }

  /** A cell's value as a read shows it. */
  valueAt(name: string, a1: string): RawCell {
    const { row, col } = parseA1(a1);
    return this.computed(this.must(name), row - 1, col - 1, 0);
  }

  background(name: string, a1: string): string | undefined {
    const { row, col } = parseA1(a1);
    return this.must(name).cells[row - 1]?.[col - 1]?.background;
  }

  protectionOf(name: string): Protection | null {
    return this.must(name).protection;
  }

  /** A cell's data validation now (null: none). */
  validationAt(name: string, a1: string): Validation | null {
    const { row, col } = parseA1(a1);
    return this.must(name).cells[row - 1]?.[col - 1]?.validation ?? null;
  }

  checksOf(name: string): readonly LiveCheck[] {
    return this.must(name).checks;
  }

  planOf(name: string): SheetPlan {
    return this.must(name).plan;
  }

  // ---- inside ----------------------------------------------------------------------------------

  private computed(sheet: MemorySheet, r: number, c: number, depth: number): RawCell {
    const v = sheet.cells[r]?.[c]?.input ?? null;
    if (v === null) return '';
    if (typeof v !== 'object') return v;
    if ('date' in v) {
      const { y, m, d } = parts(v.date);
      return new Date(y, m - 1, d);
    }
    if ('link' in v) return v.link.text;
    if (v.formula.kind === 'flagged-count') return 0; // the live checks' counter: conditional formatting's business
    return this.compute(sheet, sheetsFormula(v.formula), depth);
  }

  private compute(sheet: MemorySheet, formula: string, depth: number): RawCell {
    if (depth > 8) throw new Error(`formula nested too deep: ${formula}`);
    const v = evaluateFormula(formula, (row, col) => formulaInput(this.computed(sheet, row - 1, col - 1, depth + 1)));
    if (v === null) throw new Error(`the evaluator cannot compute ${formula}`);
    return v;
  }

  private fromPlan(plan: SheetPlan): MemorySheet {
    return {
      name: plan.name,
      cells: plan.rows.map((r) => r.map(cellOf)),
      protection: plan.protection ?? null,
      plan,
      checks: [...(plan.checks ?? [])],
    };
  }

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private must(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new Error(`No sheet named "${name}".`);
    return s;
  }

  private at(sheet: MemorySheet, r: number, c: number): MemoryCell {
    while (sheet.cells.length <= r) sheet.cells.push([]);
    const row = sheet.cells[r]!;
    return (row[c] ??= { input: null, format: '' });
  }

  private each(sheet: MemorySheet, range: string, f: (cell: MemoryCell) => void): void {
    const { row, col, rows, cols } = parseA1(range);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) f(this.at(sheet, row - 1 + i, col - 1 + j));
  }

  private count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }
}

function cellOf(p: PlanCell): MemoryCell {
  return {
    input: p.v,
    format: p.s?.numberFormat ?? '',
    background: p.s?.background,
    note: p.s?.note,
    validation: p.s?.validation ?? null,
  };
}
