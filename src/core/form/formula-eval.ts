/**
 * The one formula evaluator: the fake's getValues, the .xlsx writers' stored results, the parser's
 * recompute of every formula it reads in a value cell (parse.ts), and collect all call it. It
 * computes a formula on its own sheet, the way Sheets and Excel show it, and nothing more:
 *
 * - numbers (`12`, `1.5`, `1e3`), text in quotes, TRUE/FALSE, cell references (A1, $A$1) and ranges
 *   (A1:B3, as arguments of SUM, MIN, MAX, AVERAGE, COUNT only);
 * - `+ - * / ^`, unary minus and plus, a postfix `%`, comparisons (`= <> < > <= >=`), parentheses;
 * - SUM, MIN, MAX, AVERAGE, COUNT, ROUND, ROUNDUP, ROUNDDOWN, INT, ABS, IF, IFERROR, and the
 *   template's and live checks' own N, ISNUMBER, ISTEXT, LEN, NOT;
 * - arguments separated by `,` (OOXML, en_US) or `;` (vi_VN).
 *
 * Semantics (Sheets'; Excel agrees unless said):
 * - a blank cell is 0 in arithmetic; TRUE/FALSE are 1/0; a date is its serial number, days since
 *   1899-12-30 (developers.google.com/sheets/api/guides/formats);
 * - arithmetic on text is #VALUE!. Sheets coerces text that reads as a number, in the spreadsheet's
 *   locale ("3.626" is 3,626 to en-US, 3626 to vi-VN); the evaluator does not know the locale, so in
 *   `strict` mode (a formula a user typed) text where a number is needed is "uncomputable", never a
 *   guessed number; otherwise (the template's formulas, the fake) it is #VALUE!;
 * - SUM, MIN, MAX, AVERAGE and COUNT skip text, booleans and blanks inside a range and pass an error
 *   through (COUNT skips errors); MIN/MAX of no number is 0, AVERAGE of none #DIV/0!
 *   (support.google.com/docs/answer/3093669, 3094000); strict mode refuses text or TRUE/FALSE in a
 *   range of SUM, MIN, MAX or AVERAGE (a count typed as text would silently drop out of the sum);
 * - ROUND(x[, d]) rounds half away from zero, ROUNDUP away from zero, ROUNDDOWN toward zero
 *   (support.google.com/docs/answer/3093440); INT rounds down; `-2^2` is 4 (unary minus first);
 * - x/0 is #DIV/0!, an overflow #NUM!, and an error passes through arithmetic and comparisons;
 * - N(x): TRUE 1, a number itself, FALSE and anything else 0 (support.google.com/docs/answer/3093357),
 *   an error passes through (ECMA-376 Part 4, N);
 * - IF(c, a[, b]): b defaults to blank (support.google.com/docs/answer/3093364; Excel gives FALSE);
 * - IFERROR(x[, y]): y defaults to blank (support.google.com/docs/answer/3093304);
 * - ISTEXT is TRUE for text only (a blank cell and an error are not text; answer/3093297).
 *
 * Everything else is "uncomputable", with the reason: a volatile function (NOW, TODAY, RAND…),
 * INDIRECT or OFFSET, a reference to another sheet or file, a defined name, a cycle or a reference
 * to the formula's own cell, any other function, a range used as a single value, text where a
 * number is needed (strict), a formula that cannot be parsed. The caller says so at the cell.
 */
import type { RawCell } from '../sheet/grid';

export type FormulaValue = number | string | boolean;

export type Uncomputable =
  | 'volatile'
  | 'indirect'
  | 'other-sheet'
  | 'name'
  | 'cycle'
  | 'self'
  | 'function'
  | 'text'
  | 'range'
  | 'array'
  | 'depth'
  | 'syntax';

/** Why a formula cannot be computed; `detail` names the function, name or cell concerned. */
export class CannotCompute extends Error {
  constructor(
    readonly why: Uncomputable,
    readonly detail = '',
  ) {
    super(`cannot compute: ${why} ${detail}`);
  }
}

/**
 * A cell's value as the formula sees it: a number, text, '' for blank, an error like '#VALUE!';
 * null when it cannot be known (the lookup may also throw CannotCompute with the reason).
 */
export type CellLookup = (row: number, col: number) => FormulaValue | null;

export type Computed =
  | { readonly ok: true; readonly value: FormulaValue }
  | { readonly ok: false; readonly why: Uncomputable; readonly detail: string };

export interface EvalOptions {
  /** A formula a user typed: text where a number is needed is uncomputable, not #VALUE!. */
  readonly strict?: boolean;
}

const ERROR = /^#[A-Z/0!?]+[!?]?$|^#N\/A$/;
export const isFormulaError = (v: FormulaValue): boolean => typeof v === 'string' && ERROR.test(v);

const VOLATILE = new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY', 'INFO', 'CELL']);
const INDIRECT = new Set(['INDIRECT', 'OFFSET']);
/** Most cells one range may cover (LIMITS.sheetCells of the guarded reader). */
const MAX_RANGE_CELLS = 200_000;

/** Cell references of a formula on its own sheet, as [row, col]; null if it refers to another sheet. */
export function formulaRefs(formula: string): [number, number][] | null {
  if (stripStrings(formula).includes('!')) return null;
  const refs: [number, number][] = [];
  for (const m of stripStrings(formula).matchAll(/\$?([A-Z]{1,3})\$?(\d+)\b/g))
    refs.push([Number(m[2]), colOf(m[1] ?? '')]);
  return refs;
}

/** The formula's value, or null when this evaluator cannot compute it (Sheets' #VALUE! for text). */
export function evaluateFormula(formula: string, at: CellLookup): FormulaValue | null {
  const r = computeFormula(formula, at);
  return r.ok ? r.value : null;
}

/** A range inside an aggregate's arguments: its cells' values, row by row, and where each is. */
interface Cells {
  readonly cells: readonly { value: FormulaValue; row: number; col: number }[];
}
type Val = FormulaValue | Cells;

/** The formula's value, or why it cannot be computed. */
export function computeFormula(formula: string, at: CellLookup, opts: EvalOptions = {}): Computed {
  try {
    return { ok: true, value: compute(formula, at, opts) };
  } catch (e) {
    if (e instanceof CannotCompute) return { ok: false, why: e.why, detail: e.detail };
    if (e instanceof RangeError) return { ok: false, why: 'depth', detail: '' }; // call stack exhausted
    throw e;
  }
}

function compute(formula: string, lookup: CellLookup, opts: EvalOptions): FormulaValue {
  const body = formula.replace(/^\s*=/, '');
  if (/[![]/.test(stripStrings(body))) throw new CannotCompute('other-sheet');
  if (stripStrings(body).includes('{')) throw new CannotCompute('array');
  const tokens = tokenize(body);
  if (!tokens) throw new CannotCompute('syntax');
  let i = 0;
  const peek = (k = 0) => tokens[i + k];
  const take = (t?: string) => {
    const tok = tokens[i];
    if (tok === undefined || (t !== undefined && tok !== t)) throw new CannotCompute('syntax');
    i++;
    return tok;
  };
  const at = (row: number, col: number): FormulaValue => {
    const v = lookup(row, col);
    if (v === null) throw new CannotCompute('function');
    return v;
  };
  const scalar = (v: Val): FormulaValue => {
    if (typeof v === 'object') throw new CannotCompute('range');
    return v;
  };
  /** A number, or the error value to pass on. */
  const num = (v: Val): number | string => {
    const x = scalar(v);
    if (isFormulaError(x)) return x as string;
    if (x === '') return 0;
    if (typeof x === 'boolean') return x ? 1 : 0;
    if (typeof x === 'number') return x;
    if (opts.strict) throw new CannotCompute('text', x);
    return '#VALUE!';
  };
  const finite = (v: FormulaValue): FormulaValue => (typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v);
  const arith = (a: Val, b: Val, f: (x: number, y: number) => FormulaValue): FormulaValue => {
    const x = num(a);
    const y = num(b);
    if (typeof x === 'string') return x;
    if (typeof y === 'string') return y;
    return finite(f(x, y));
  };
  const COMPARE: Record<string, (x: number, y: number) => boolean> = {
    '>': (x, y) => x > y,
    '<': (x, y) => x < y,
    '>=': (x, y) => x >= y,
    '<=': (x, y) => x <= y,
    '=': (x, y) => x === y,
    '<>': (x, y) => x !== y,
  };
  const compare = (): Val => {
    let left = additive();
    while (peek() !== undefined && COMPARE[peek()!]) {
      const op = COMPARE[take()]!;
      const right = additive();
      left = arith(left, right, op);
    }
    return left;
  };
  const additive = (): Val => {
    let left = term();
    while (peek() === '+' || peek() === '-') {
      const op = take();
      left = arith(left, term(), (x, y) => (op === '+' ? x + y : x - y));
    }
    return left;
  };
  const term = (): Val => {
    let left = power();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      left = arith(left, power(), (x, y) => (op === '*' ? x * y : y === 0 ? '#DIV/0!' : x / y));
    }
    return left;
  };
  const power = (): Val => {
    let left = unary();
    while (peek() === '^') {
      take();
      left = arith(left, unary(), (x, y) => (x === 0 && y <= 0 ? (y === 0 ? '#NUM!' : '#DIV/0!') : x ** y));
    }
    return left;
  };
  const unary = (): Val => {
    if (peek() === '-' || peek() === '+') {
      const op = take();
      const v = unary();
      return op === '-' ? arith(0, v, (x, y) => x - y) : v;
    }
    return percent();
  };
  const percent = (): Val => {
    let v = primary();
    while (peek() === '%') {
      take();
      v = arith(v, 100, (x, y) => x / y);
    }
    return v;
  };
  const args = (): Val[] => {
    take('(');
    const list: Val[] = [];
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
  const primary = (): Val => {
    const tok = take();
    if (tok === '(') {
      const v = compare();
      take(')');
      return v;
    }
    if (tok.startsWith('"')) return tok.slice(1, -1).replace(/""/g, '"');
    if (/^[\d.]/.test(tok)) return Number(tok);
    const ref = cellRef(tok);
    if (ref && peek() !== '(') {
      if (peek() !== ':') return at(ref.row, ref.col);
      take(':');
      const to = cellRef(take());
      if (!to) throw new CannotCompute('syntax');
      const [r1, r2] = [Math.min(ref.row, to.row), Math.max(ref.row, to.row)];
      const [c1, c2] = [Math.min(ref.col, to.col), Math.max(ref.col, to.col)];
      if ((r2 - r1 + 1) * (c2 - c1 + 1) > MAX_RANGE_CELLS) throw new CannotCompute('range');
      const cells: { value: FormulaValue; row: number; col: number }[] = [];
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push({ value: at(r, c), row: r, col: c });
      return { cells };
    }
    const name = tok.toUpperCase().replace(/^_XL(FN|WS)\./, '');
    if (peek() !== '(') {
      if (name === 'TRUE' || name === 'FALSE') return name === 'TRUE';
      throw new CannotCompute(/^[A-Z]+\d*$/.test(name) && peek() !== ':' ? 'name' : 'syntax', tok);
    }
    if (VOLATILE.has(name)) throw new CannotCompute('volatile', name);
    if (INDIRECT.has(name)) throw new CannotCompute('indirect', name);
    if (!FUNCTIONS.has(name)) throw new CannotCompute('function', name);
    return call(name, args());
  };

  /** The numbers of aggregate arguments, or the first error among them. */
  const numbers = (a: readonly Val[], counting = false): number[] | string => {
    const out: number[] = [];
    for (const v of a) {
      if (typeof v === 'object') {
        for (const c of v.cells) {
          if (typeof c.value === 'number') out.push(c.value);
          else if (isFormulaError(c.value)) {
            if (!counting) return c.value as string;
          } else if (opts.strict && !counting && c.value !== '')
            throw new CannotCompute('text', `${colLetters(c.col)}${c.row}`);
        }
        continue;
      }
      if (counting) {
        if (typeof v === 'number' || typeof v === 'boolean') out.push(Number(v));
        continue;
      }
      const x = num(v);
      if (typeof x === 'string') return x;
      out.push(x);
    }
    return out;
  };
  const call = (fn: string, a: Val[]): FormulaValue => {
    const n = a.length;
    const arity = (min: number, max: number) => {
      if (n < min || n > max) throw new CannotCompute('syntax', fn);
    };
    switch (fn) {
      case 'SUM':
      case 'MIN':
      case 'MAX':
      case 'AVERAGE':
      case 'COUNT': {
        arity(1, 255);
        const xs = numbers(a, fn === 'COUNT');
        if (typeof xs === 'string') return xs;
        if (fn === 'COUNT') return xs.length;
        if (fn === 'AVERAGE') return xs.length ? finite(xs.reduce((s, x) => s + x, 0) / xs.length) : '#DIV/0!';
        if (fn === 'SUM') return finite(xs.reduce((s, x) => s + x, 0));
        return xs.length ? (fn === 'MIN' ? Math.min(...xs) : Math.max(...xs)) : 0;
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        arity(1, 2);
        return arith(a[0]!, a[1] ?? 0, (x, d) => round(x, Math.trunc(d), fn));
      }
    }
    arity(1, fn === 'IF' ? 3 : fn === 'IFERROR' ? 2 : 1);
    const [x, y, z] = a.map(scalar) as [FormulaValue, FormulaValue?, FormulaValue?];
    switch (fn) {
      case 'N':
        return typeof x === 'number' ? x : x === true ? 1 : isFormulaError(x) ? x : 0;
      case 'IF': {
        if (y === undefined) throw new CannotCompute('syntax', fn);
        const c = num(x);
        if (typeof c === 'string') return c;
        return c !== 0 ? y : (z ?? '');
      }
      case 'IFERROR':
        return isFormulaError(x) ? (y ?? '') : x;
      case 'ISNUMBER':
        return typeof x === 'number';
      case 'ISTEXT':
        return typeof x === 'string' && x !== '' && !isFormulaError(x);
      case 'LEN':
        return isFormulaError(x) ? x : typeof x === 'boolean' ? (x ? 4 : 5) : String(x).length;
      case 'INT':
      case 'ABS': {
        const v = num(x);
        return typeof v === 'string' ? v : fn === 'INT' ? Math.floor(v) : Math.abs(v);
      }
      case 'NOT': {
        const c = num(x);
        return typeof c === 'string' ? c : c === 0;
      }
    }
    throw new CannotCompute('function', fn);
  };

  const v = scalar(compare());
  if (i !== tokens.length) throw new CannotCompute('syntax');
  return finite(v);
}

const FUNCTIONS = new Set([
  'SUM',
  'MIN',
  'MAX',
  'AVERAGE',
  'COUNT',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'INT',
  'ABS',
  'IF',
  'IFERROR',
  'N',
  'ISNUMBER',
  'ISTEXT',
  'LEN',
  'NOT',
]);

/** ROUND, ROUNDUP, ROUNDDOWN to d places (negative: tens, hundreds), on the decimal digits shown (2.675 → 2.68). */
function round(x: number, d: number, fn: string): number {
  const f = 10 ** d;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = fn === 'ROUND' ? Math.round(scaled) : fn === 'ROUNDUP' ? Math.ceil(scaled) : Math.floor(scaled);
  return (Math.sign(x) * r) / f || 0;
}

/**
 * Each formula of a sheet computed against the sheet, every cell once: `formulaAt` gives a cell's
 * formula (null for a value), `valueAt` its value. A cycle, a reference to the formula's own cell
 * or a chain deeper than 200 formulas is uncomputable, never a guess.
 */
export function sheetComputer(
  formulaAt: (row: number, col: number) => string | null,
  valueAt: (row: number, col: number) => RawCell | null,
  opts: EvalOptions = {},
): (row: number, col: number) => Computed {
  const memo = new Map<string, Computed>();
  const visiting = new Set<string>();
  const cellOf = (row: number, col: number, from: string | null): Computed => {
    const key = `${colLetters(col)}${row}`;
    const known = memo.get(key);
    if (known) return known;
    if (visiting.has(key)) throw new CannotCompute(key === from ? 'self' : 'cycle', key);
    const formula = formulaAt(row, col);
    if (formula === null) {
      const v = valueAt(row, col);
      return v === null ? { ok: false, why: 'function', detail: key } : { ok: true, value: formulaInput(v) };
    }
    if (visiting.size > 200) throw new CannotCompute('depth', key);
    visiting.add(key);
    let result: Computed;
    try {
      result = computeFormula(
        formula,
        (r, c) => {
          const got = cellOf(r, c, key);
          if (!got.ok) throw new CannotCompute(got.why, got.detail);
          return got.value;
        },
        opts,
      );
    } finally {
      visiting.delete(key);
    }
    // A cell met again while its own cycle unwinds is not memoised as the cycle's outcome for others.
    memo.set(key, result);
    return result;
  };
  return (row, col) => cellOf(row, col, null);
}

/** sheetComputer's results as values, null where the formula cannot be computed. */
export function sheetEvaluator(
  formulaAt: (row: number, col: number) => string | null,
  valueAt: (row: number, col: number) => RawCell,
): (row: number, col: number) => FormulaValue | null {
  const computeAt = sheetComputer(formulaAt, valueAt);
  return (row, col) => {
    const r = computeAt(row, col);
    return r.ok ? r.value : null;
  };
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

function tokenize(text: string): string[] | null {
  const re =
    /\s*("(?:[^"]|"")*"|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|\$?[A-Za-z_][A-Za-z0-9_.]*\$?\d*|>=|<=|<>|[-+*/^%(),;:<>=])/y;
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

/** "$D$20", "d20" → row and column; null for anything else (a name, a column past XFD). */
function cellRef(tok: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(tok);
  if (!m) return null;
  const col = colOf(m[1]!);
  const row = Number(m[2]);
  return col <= 16384 && row >= 1 && row <= 1_048_576 ? { row, col } : null;
}

function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

function colOf(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
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
    return `${fixedCol ? '$' : ''}${colLetters(c)}${fixedRow ? '$' : ''}${r}`;
  });
}
