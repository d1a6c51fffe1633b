/**
 * A small evaluator for the formulas our template writes (and simple ones a user may type), with
 * Sheets' semantics: a blank cell is 0 in arithmetic, N() turns text into 0, arithmetic on text is
 * #VALUE!, x/0 is #DIV/0!, IFERROR(x) with one argument gives blank. Used on both sides of a file:
 * the .xlsx writer stores each formula with its computed result, and the parser recomputes a
 * formula from the cells it reads instead of trusting a result another program cached.
 * Anything else (other sheets, unknown functions, ranges) is not evaluated: the caller says so.
 */
import { RawCell } from './grid';

export type FormulaValue = number | string | boolean;
/** A cell's value as the formula sees it: a number, text, '' for blank, or an error like '#VALUE!'. */
export type CellLookup = (row: number, col: number) => FormulaValue | null;

const ERROR = /^#[A-Z/0!?]+[!?]?$|^#N\/A$/;
const isError = (v: FormulaValue): boolean => typeof v === 'string' && ERROR.test(v);

/** Cell references of a formula on its own sheet, as [row, col]; null if it refers to another sheet. */
export function formulaRefs(formula: string): [number, number][] | null {
  if (formula.includes('!')) return null;
  const refs: [number, number][] = [];
  for (const m of stripStrings(formula).matchAll(/\$?([A-Z]{1,3})\$?(\d+)\b/g)) refs.push([Number(m[2]), colOf(m[1])]);
  return refs;
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
    return f(x, y);
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
      const v = at(Number(ref[2]), colOf(ref[1]));
      if (v === null) throw new Unsupported();
      return v;
    }
    const fn = tok.toUpperCase();
    const a = args();
    if (fn === 'N' && a.length === 1) return typeof a[0] === 'number' ? a[0] : isError(a[0]) ? a[0] : 0;
    if (fn === 'IF' && (a.length === 2 || a.length === 3)) {
      const c = num(a[0]);
      if (typeof c === 'string') return c;
      return c !== 0 ? a[1] : (a[2] ?? false);
    }
    if (fn === 'IFERROR' && (a.length === 1 || a.length === 2)) return isError(a[0]) ? (a[1] ?? '') : a[0];
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

/** A grid value as a formula sees it. */
export function formulaInput(v: RawCell): FormulaValue | null {
  return v instanceof Date ? null : v;
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
    out.push(m[1]);
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
