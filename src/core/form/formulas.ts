/**
 * Formulas, written once: the only formulas the add-on writes (a ratio of two counts and a
 * reduction from a base, rendered by each adapter in its own syntax). The one evaluator that
 * computes a formula the way Sheets shows it is formula-eval.ts: the fake's getValues, the .xlsx
 * writer's stored results, the parser's recompute on read and collect all call it.
 *
 * Google Sheets parses formulas in the spreadsheet's locale: vi_VN separates arguments with `;`
 * and writes decimals with `,`, so `=IF(N(D15)>0,D14/D15,"")` is a parse error there (#ERROR!)
 * (e.g. github.com/mricon/ingress-fieldplan#5, github.com/googleapis/google-api-nodejs-client#1994).
 * The Sheets form therefore has no argument separator and no decimal literal: IFERROR's second
 * argument is optional in Sheets ("value_if_error – OPTIONAL, blank by default",
 * support.google.com/docs/answer/3093304). Excel requires it (learn.microsoft.com,
 * WorksheetFunction.IfError: Arg2 Required) and OOXML always stores `,`, so the .xlsx form keeps
 * `IFERROR(x,"")`.
 */
import type { Catalog } from '../catalog/catalog';

export type CellFormula =
  /** num / den, blank when it cannot be computed (no denominator, text typed as a count). */
  | { readonly kind: 'ratio'; readonly num: string; readonly den: string }
  /** (base − now) / base, blank when it cannot be computed. */
  | { readonly kind: 'reduction'; readonly base: string; readonly now: string };

/**
 * The form's rate formula of a row, with references to the rows `rowOf` places its counts on
 * (null: the row has none, or a count's row is missing). Column D holds every value.
 */
export function rateFormulaAt(
  catalog: Catalog,
  code: string,
  rowOf: (code: string) => number | undefined,
): CellFormula | null {
  const f = catalog.formula(code);
  if (!f) return null;
  const ref = (c: string) => {
    const r = rowOf(c);
    return r ? `D${r}` : null;
  };
  if (f.kind === 'ratio') {
    const [num, den] = [ref(f.num), ref(f.den)];
    return num && den ? { kind: 'ratio', num, den } : null;
  }
  const [base, now] = [ref(f.base), ref(f.now)];
  return base && now ? { kind: 'reduction', base, now } : null;
}

/**
 * How many of these cells need fixing: each cell is a list of boolean check formulas, and a cell
 * counts once when any is true (the "Số ô cần sửa" cell; src/core/checks/live-checks.ts). A check that
 * errors counts as passed, as conditional formatting treats it.
 */
export interface FlaggedCount {
  readonly kind: 'flagged-count';
  readonly cells: readonly (readonly string[])[];
}

/** What a plan may write as a formula: the template's own rates, or the flagged-cell count. */
export type PlanFormula = CellFormula | FlaggedCount;

/**
 * The counts are read through N() and a count typed as text blanks the result: spreadsheets
 * coerce text that looks like a number in arithmetic, each in its own locale ("3.626" is 3,626 to
 * LibreOffice or Excel in en-US, where the engine reads 3.626 the Vietnamese way), so a rate
 * computed from such text would print a figure the engine never reports (0,09% for 90%). N() of
 * text is 0 in Sheets ("N(value): ... anything else 0", support.google.com/docs/answer/3093357),
 * Excel and LibreOffice; a text denominator then divides by zero, and dividing by NOT(ISTEXT(x))
 * (FALSE, i.e. 0, for text; ISTEXT: "TRUE if this is a text value or a reference to a cell
 * containing a text value", support.google.com/docs/answer/3093297) blanks a text numerator. The cell is then blank everywhere, as the engine's own evaluation of it, and the
 * count cell carries a warning saying to retype it as a number.
 */
function expression(f: CellFormula): string {
  return f.kind === 'ratio'
    ? `N(${f.num})/N(${f.den})/NOT(ISTEXT(${f.num}))`
    : `(N(${f.base})-N(${f.now}))/N(${f.base})/NOT(ISTEXT(${f.now}))`;
}

function flaggedCount(f: FlaggedCount, guard: (check: string) => string): string {
  return ['0', ...f.cells.map((checks) => `(${checks.map(guard).join('+')}>0)`)].join('+');
}

/** The Sheets form, the same in every locale: `=IFERROR(N(D14)/N(D15)/NOT(ISTEXT(D14)))`. */
export function sheetsFormula(f: PlanFormula): string {
  // IFERROR with one argument is blank on an error (support.google.com/docs/answer/3093304).
  if (f.kind === 'flagged-count') return `=${flaggedCount(f, (c) => `IFERROR(${c})`)}`;
  return `=IFERROR(${expression(f)})`;
}

/** OOXML's canonical form for a .xlsx cell (no leading `=`): `IFERROR(N(D14)/N(D15)/NOT(ISTEXT(D14)),"")`. */
export function ooxmlFormula(f: PlanFormula): string {
  if (f.kind === 'flagged-count') return flaggedCount(f, (c) => `IFERROR(${c},0)`);
  return `IFERROR(${expression(f)},"")`;
}

/*
 * The evaluator lives in formula-eval.ts (what it supports is listed there); re-exported so the
 * form's formulas and the one way to compute them are imported from one place.
 */
export {
  CannotCompute,
  computeFormula,
  dateSerial,
  evaluateFormula,
  formulaInput,
  formulaRefs,
  isFormulaError,
  mapRefs,
  sheetComputer,
  sheetEvaluator,
  shiftRefs,
} from './formula-eval';
export type { CellLookup, Computed, EvalOptions, FormulaValue, Uncomputable } from './formula-eval';
