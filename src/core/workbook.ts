/**
 * The one interface both adapters implement: Apps Script over SpreadsheetApp, and Node over
 * excelts (the .xlsx adapter). Every method is a whole-sheet or whole-range operation, so each adapter can keep its
 * service calls per tab constant.
 */
import { IsoDate } from './primitives/dates';
import { CellInput, PlanCell, Protection, SheetPlan, Validation } from './sheet/plan';
import { SheetSnapshot } from './sheet/grid';
import type { PaintGroup } from './figures/output-sheets';
import type { LiveCheck } from './checks/live-checks';
import type { TabProblem } from './checks/rules';

export type ProtectionOutcome =
  { readonly applied: true; readonly note?: string } | { readonly applied: false; readonly reason: string };

/** What reading a workbook needs: validate reads a file this way without loading it to edit. */
export interface ReadableWorkbook {
  sheetNames(): string[];
  /**
   * One batched read of the used range: values and number formats. Null when absent.
   * `protection: false` skips asking whether the sheet is protected (isProtected is then null).
   * `valuesOnly`: an adapter may skip the number formats (read as '') and merged cells, when
   * only where things stand is wanted (which row holds which code), not what the figures say.
   */
  read(name: string, opts?: { protection?: boolean; valuesOnly?: boolean }): SheetSnapshot | null;
  /** Today in the spreadsheet's time zone. */
  today(): IsoDate;
  /**
   * Why an agency's tab reads as absent though it exists: a set of workbooks (workbook-set.ts) found
   * it in two of them, or it is in a branch that could not be opened. Absent: one workbook.
   */
  tabProblem?(name: string): TabProblem | null;
}

export interface WorkbookPort extends ReadableWorkbook {
  /** A new sheet from a plan, protection included. Fails if the name is taken. */
  create(plan: SheetPlan): ProtectionOutcome;
  /**
   * The sheets this run is about to create, in order, so that an adapter where a new sheet costs
   * calls can make tabs that share a form by copying it (Apps Script: form-copies.ts). An empty
   * list says the run is over. Absent: every create() stands alone.
   */
  expectTabs?(plans: readonly SheetPlan[]): void;
  /** Writes the plan into a fresh sheet and only then swaps it in for the old one. */
  replace(plan: SheetPlan): void;
  /** Inserts rows after `afterRow` (1-based) and writes them. */
  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void;
  protect(name: string, protection: Protection): ProtectionOutcome;
  /** Backgrounds, one colour per group of ranges (validation marks). */
  paint(name: string, groups: readonly PaintGroup[]): void;
  /** Replaces the sheet's live checks (conditional formatting) with these; an empty list removes them. */
  setChecks(name: string, checks: readonly LiveCheck[]): void;
  /**
   * Replaces the data validation of every cell of a range (null: none), e.g. after a paste
   * brought another sheet's rules along. Values are not checked against it.
   */
  setValidations(name: string, range: string, validations: readonly (readonly (Validation | null)[])[]): void;
  /** Writes values into a range (the submit gate's status and date). */
  writeCells(name: string, range: string, cells: CellInput[][]): void;
  /** Small durable key/value state of the workbook (document properties, or a hidden sheet). */
  getState(key: string): string | null;
  setState(key: string, value: string): void;
  /** "dd/mm/yyyy HH:mm" in the spreadsheet's time zone. */
  stamp(): string;
  /**
   * Whatever, beside the plan, decides the protections this adapter makes (Apps Script: the
   * consolidators). A tab whose plan and key are unchanged since it was protected is skipped.
   */
  protectionKey?(): string;
  /**
   * Whether the tab's protections still admit only the consolidators to the sheet and only them
   * and these agency editors to its value cells. False when a protection is gone or someone reset
   * it to mirror the spreadsheet's sharing (open to every editor); a fingerprint cannot see that.
   * Absent: the adapter's protections cannot drift (a file on disk).
   */
  protectionHolds?(name: string, agencyEditors: readonly string[]): boolean;
}

/** What collect needs of a workbook: read tabs, write ranges of cells. */
export type CellWriter = ReadableWorkbook & Pick<WorkbookPort, 'writeCells'>;

export interface RunOptions {
  /** Milliseconds since epoch, injected for tests and for Apps Script's 6-minute limit. */
  readonly now?: () => number;
  readonly budgetMs?: number;
  readonly progress?: (done: number, total: number, current: string) => void;
}

/** A list of sheet names kept in the workbook's state; a damaged value reads as empty. */
export function stateList(wb: Pick<WorkbookPort, 'getState'>, key: string): string[] {
  try {
    const v: unknown = JSON.parse(wb.getState(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A map kept in the workbook's state; a damaged value reads as empty. */
export function stateMap(wb: Pick<WorkbookPort, 'getState'>, key: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(wb.getState(key) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
