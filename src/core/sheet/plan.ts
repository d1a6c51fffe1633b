/**
 * What the core writes to a sheet: declarative plans that an adapter renders with a fixed number
 * of whole-range calls, independent of Apps Script or ExcelJS.
 */
import type { LiveCheck } from '../checks/live-checks';
import type { PlanFormula } from '../form/formulas';
import { IsoDate } from '../primitives/dates';

/**
 * What a plan may put into a cell. Text is always written as text, never as a formula; formulas
 * are described (formulas.ts) and each adapter renders them, so none depends on a locale; a link
 * goes to a cell of another sheet (a rich-text link in Sheets, a hyperlink in .xlsx).
 */
export type CellInput =
  | null
  | string
  | number
  | boolean
  | { readonly formula: PlanFormula }
  | { readonly date: IsoDate }
  | { readonly link: { readonly text: string; readonly sheet: string; readonly a1?: string } };

export type Validation =
  | { readonly kind: 'wholeNumber' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'date' };

/**
 * What the clerk reads when a cell refuses a typed value (Sheets' help text in its refusal
 * dialog, the error message of an .xlsx "stop" rule): one text per kind, the same in both.
 */
export const VALIDATION_HELP: Readonly<Record<Validation['kind'], string>> = {
  wholeNumber:
    'Nhập số nguyên không âm (0, 1, 2…), ví dụ 1.949; không nhập chữ, số âm hay số thập phân. Không phát sinh thì nhập 0.',
  percent: 'Nhập tỷ lệ từ 0% đến 100%, ví dụ 12,5%; không nhập chữ.',
  date: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 05/10/2026.',
  list: 'Chọn một giá trị trong danh sách.',
};

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly background?: string;
  readonly color?: string;
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly note?: string;
  readonly validation?: Validation;
}

export interface PlanCell {
  readonly v: CellInput;
  readonly s?: CellStyle;
}

export type Protection =
  /** Only these emails (and the consolidator) may edit, and only the listed ranges. */
  | { readonly kind: 'agency'; readonly editors: readonly string[]; readonly editable: readonly string[] }
  /** Only the consolidator may edit. */
  | { readonly kind: 'consolidator' };

export interface SheetPlan {
  readonly name: string;
  /** Rectangular: every row has `columnWidths.length` cells. */
  readonly rows: readonly (readonly PlanCell[])[];
  readonly columnWidths: readonly number[];
  readonly frozenRows?: number;
  /** Columns kept in view; Sheets also repeats frozen rows and columns on every printed page. */
  readonly frozenColumns?: number;
  /** Ranges ruled with thin lines around and between their cells: the tables, as printed. */
  readonly borders?: readonly string[];
  /** Printing on A4 (.xlsx print titles): the table's header rows and the label columns repeat on every page. */
  readonly print?: { readonly titleRows?: readonly [first: number, last: number]; readonly titleColumns?: number };
  readonly protection?: Protection;
  /** Cells coloured as errors while their formula is true (conditional formatting; live-checks.ts). */
  readonly checks?: readonly LiveCheck[];
}

export const COLORS = {
  header: '#d9e2f3',
  group: '#eeeeee',
  locked: '#d9d9d9',
  lockedText: '#666666',
  supporting: '#fff8e1',
  input: '#ffffff',
  error: '#f4cccc',
  warning: '#fff2cc',
  ok: '#d9ead3',
  title: '#1f3864',
} as const;
