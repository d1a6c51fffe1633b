/**
 * Formulas, written once: the only formulas the add-on writes (a ratio of two counts and a
 * reduction from a base, rendered by each adapter in its own syntax), and the one evaluator that
 * computes a formula the way Sheets shows it: the fake's getValues, the .xlsx writer's stored
 * results, the parser's recompute on read and collect's "is this the formula's own result" all
 * call evaluateFormula below.
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
import { type RawCell, columnLetter } from '../sheet/grid';

export type CellFormula =
  /** num / den, blank when it cannot be computed (no denominator, text typed as a count). */
  | { readonly kind: 'ratio'; readonly num: string; readonly den: string }
  /** (base − now) / base, blank when it cannot be computed. */
  | { readonly kind: 'reduction'; readonly base: string; readonly now: string };

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
 * The evaluator: the formulas our template writes (either form, and the older IF(N(..)>0,..) shape)
 * and simple ones a user may type, with Sheets' semantics:
 * - a blank cell is 0 in arithmetic; TRUE/FALSE are 1/0;
 * - a date is its serial number, days since 1899-12-30 ("the whole number portion ... counts the
 *   days since December 30, 1899", developers.google.com/sheets/api/guides/formats);
 * - arithmetic on text is #VALUE!. Sheets does coerce text that reads as a number (`="100"` times 5
 *   is 500, github.com/rathergood/Crypto-Currency-Price/pull/3), in the spreadsheet's locale; the
 *   evaluator does not know the locale, so such text stays an error here (the parser reports that
 *   count cell as text anyway), never a guessed number;
 * - x/0 is #DIV/0!, an overflow #NUM!, and an error passes through arithmetic and comparisons;
 * - N(x): TRUE is 1, a number itself, a date its serial number, FALSE and anything else 0
 *   (support.google.com/docs/answer/3093357); Google's page does not say what N does with an error,
 *   so it passes through as the OOXML function reference specifies (ECMA-376 Part 4,
 *   transitional, N: "error value: that error value") and Excel does;
 * - IF(c, a[, b]): "value_if_false – OPTIONAL – blank by default" (support.google.com/docs/answer/3093364;
 *   Excel and OOXML give FALSE there, Sheets' documented blank is what we follow);
 * - IFERROR(x[, y]): y defaults to blank (support.google.com/docs/answer/3093304);
 * - ISNUMBER(x), ISTEXT(x) (a blank cell is neither), LEN(x), INT(x) rounds down, ABS(x), NOT(x): the live
 *   checks' functions (src/core/checks/live-checks.ts) and the guarded rate formulas' (see expression above);
 * - arguments separated by `,` (OOXML, en_US) or `;` (vi_VN).
 * Anything else (other sheets, ranges, other functions) is not evaluated: the result is null and
 * the caller says so (the parser uses a stored result or reports the cell, the fake throws).
 */

export type FormulaValue = number | string | boolean;
/** A cell's value as the formula sees it: a number, text, '' for blank, or an error like '#VALUE!'. */
export type CellLookup = (row: number, col: number) => FormulaValue | null;

const ERROR = /^#[A-Z/0!?]+[!?]?$|^#N\/A$/;
const isError = (v: FormulaValue): boolean => typeof v === 'string' && ERROR.test(v);

/** Cell references of a formula on its own sheet, as [row, col]; null if it refers to another sheet. */
export function formulaRefs(formula: string): [number, number][] | null {
  if (formula.includes('!')) return null;
  const refs: [number, number][] = [];
  for (const m of stripStrings(formula).matchAll(/\$?([A-Z]{1,3})\$?(\d+)\b/g))
    refs.push([Number(m[2]), colOf(m[1] ?? '')]);
  return refs;
}

/**
 * The formula with each cell reference outside strings rewritten by `f` (row, column, and whether
 * each is fixed with `$`): how a relative reference of a conditional-format rule moves from the
 * range's top-left cell to another cell of the range (live-checks.ts groups checks by it, the fake
 * evaluates rules with it). Function names (LEN, ABS) are not references.
 */
export function mapRefs(
  formula: string,
  f: (row: number, col: number, fixedRow: boolean, fixedCol: boolean) => string,
): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/(?<![A-Za-z0-9_$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, fc, col, fr, row) =>
            f(Number(row), colOf(String(col)), fr === '$', fc === '$'),
          ),
    )
    .join('');
}

/** The formula of a relative rule as Sheets applies it `dRow` rows and `dCol` columns from its top-left cell. */
export function shiftRefs(formula: string, dRow: number, dCol: number): string {
  return mapRefs(formula, (row, col, fixedRow, fixedCol) => {
    const c = fixedCol ? col : col + dCol;
    const r = fixedRow ? row : row + dRow;
    return `${fixedCol ? '$' : ''}${columnLetter(c)}${fixedRow ? '$' : ''}${r}`;
  });
}

/** The formula's value, or null when this evaluator cannot compute it. */
export function evaluateFormula(formula: string, at: CellLookup): FormulaValue | null {
  const tokens = tokenize(formula.replace(/^=/, ''));
  if (!tokens) return null;
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const tok = tokens[i];
    if (t !== undefined && tok !== t) throw new Unsupported();
    i++;
    return tok;
  };
  const num = (v: FormulaValue): number | string => {
    if (isError(v)) return v as string;
    if (v === '') return 0;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return typeof v === 'number' ? v : '#VALUE!';
  };
  const arith = (a: FormulaValue, b: FormulaValue, f: (x: number, y: number) => FormulaValue): FormulaValue => {
    const x = num(a);
    const y = num(b);
    if (typeof x === 'string') return x;
    if (typeof y === 'string') return y;
    const v = f(x, y);
    return typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v;
  };
  const compare = (): FormulaValue => {
    let left = additive();
    while (['>', '<', '>=', '<=', '=', '<>'].includes(peek() ?? '')) {
      const op = take();
      const right = additive();
      left = arith(left, right, (x, y) =>
        op === '>'
          ? x > y
          : op === '<'
            ? x < y
            : op === '>='
              ? x >= y
              : op === '<='
                ? x <= y
                : op === '='
                  ? x === y
                  : x !== y,
      );
    }
    return left;
  };
  const additive = (): FormulaValue => {
    let left = term();
    while (peek() === '+' || peek() === '-') {
      const op = take();
      left = arith(left, term(), (x, y) => (op === '+' ? x + y : x - y));
    }
    return left;
  };
  const term = (): FormulaValue => {
    let left = unary();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      left = arith(left, unary(), (x, y) => (op === '*' ? x * y : y === 0 ? '#DIV/0!' : x / y));
    }
    return left;
  };
  const unary = (): FormulaValue => {
    if (peek() === '-') {
      take();
      return arith(0, unary(), (x, y) => x - y);
    }
    return primary();
  };
  const args = (): FormulaValue[] => {
    take('(');
    const list: FormulaValue[] = [];
    if (peek() !== ')') {
      list.push(compare());
      while (peek() === ',' || peek() === ';') {
        take();
        list.push(compare());
      }
    }
    take(')');
    return list;
  };
  const primary = (): FormulaValue => {
    const tok = take();
    if (tok === undefined) throw new Unsupported();
    if (tok === '(') {
      const v = compare();
      take(')');
      return v;
    }
    if (tok.startsWith('"')) return tok.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(tok)) return Number(tok);
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(tok);
    if (ref && peek() !== '(') {
      const v = at(Number(ref[2]), colOf(ref[1] ?? ''));
      if (v === null) throw new Unsupported();
      return v;
    }
    const fn = tok.toUpperCase();
    const a = args();
    const [x, y, z] = a;
    if (x === undefined) throw new Unsupported(); // each function below takes at least one argument
    if (fn === 'N' && a.length === 1) return typeof x === 'number' ? x : x === true ? 1 : isError(x) ? x : 0;
    if (fn === 'IF' && y !== undefined && a.length <= 3) {
      const c = num(x);
      if (typeof c === 'string') return c;
      return c !== 0 ? y : (z ?? '');
    }
    if (fn === 'IFERROR' && a.length <= 2) return isError(x) ? (y ?? '') : x;
    if (a.length === 1 && fn === 'ISNUMBER') return typeof x === 'number';
    // ISTEXT: TRUE for text, FALSE for "a reference to a blank cell" and for errors
    // (support.google.com/docs/answer/3093297; OOXML: "no conversion shall take place").
    if (a.length === 1 && fn === 'ISTEXT') return typeof x === 'string' && x !== '' && !isError(x);
    if (a.length === 1 && fn === 'LEN') return isError(x) ? x : typeof x === 'boolean' ? (x ? 4 : 5) : String(x).length;
    if (a.length === 1 && (fn === 'INT' || fn === 'ABS')) {
      const v = num(x);
      return typeof v === 'string' ? v : fn === 'INT' ? Math.floor(v) : Math.abs(v);
    }
    if (fn === 'NOT' && a.length === 1) {
      const c = num(x);
      return typeof c === 'string' ? c : c === 0;
    }
    throw new Unsupported();
  };
  try {
    const v = compare();
    if (i !== tokens.length) return null;
    return typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * Each formula of a sheet evaluated against the sheet, every cell computed once: `formulaAt` gives
 * a cell's formula (null for a value), `valueAt` its value. A cycle, or a chain deeper than 8
 * formulas, reads as "cannot compute" (null) rather than a guess.
 */
export function sheetEvaluator(
  formulaAt: (row: number, col: number) => string | null,
  valueAt: (row: number, col: number) => RawCell,
): (row: number, col: number) => FormulaValue | null {
  const memo = new Map<string, FormulaValue | null>();
  const at = (row: number, col: number, depth: number): FormulaValue | null => {
    const key = `${row}:${col}`;
    if (memo.has(key)) return memo.get(key)!;
    const formula = formulaAt(row, col);
    if (formula === null) return formulaInput(valueAt(row, col));
    memo.set(key, null); // a cycle reads as "cannot compute"
    const result = depth > 8 ? null : evaluateFormula(formula, (r, c) => at(r, c, depth + 1));
    memo.set(key, result);
    return result;
  };
  return (row, col) => at(row, col, 0);
}

/** A grid value as a formula sees it: a date (a local calendar day, as getValues gives) is its serial number. */
export function formulaInput(v: RawCell): FormulaValue {
  return v instanceof Date
    ? dateSerial(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours() * 60 + v.getMinutes())
    : v;
}

/** Days since 1899-12-30 (Sheets' and Excel's 1900 date system), with the time of day as a fraction. */
export function dateSerial(year: number, month: number, day: number, minutes = 0): number {
  return (Date.UTC(year, month, day) - Date.UTC(1899, 11, 30)) / 86_400_000 + minutes / 1440;
}

class Unsupported extends Error {}

function tokenize(text: string): string[] | null {
  const re =
    /\s*("(?:[^"]|"")*"|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\$?[A-Za-z_][A-Za-z0-9_.]*\$?\d*|>=|<=|<>|[-+*/(),;<>=])/y;
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return /^\s*$/.test(text.slice(pos)) ? out : null;
    out.push(m[1]!); // the one group is mandatory
    pos = re.lastIndex;
  }
  return out;
}

function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

function colOf(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}
