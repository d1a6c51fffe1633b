/**
 * Live checks: validate's per-cell rules as spreadsheet formulas, so an agency that never runs the
 * script sees its mistakes turn red as it types (conditional formatting) and a header cell counts
 * the cells still to fix. Pure: the adapters turn each check into their own conditional-format rule.
 *
 * Every formula is TRUE or FALSE, never 0/1: Google colours a cell "if the condition evaluates to
 * true" (Sheets API, BooleanRule) and does not say a 1 counts. Each is written with no argument
 * separator and no decimal point, so it reads the same in every locale (a vi_VN sheet separates
 * arguments with `;` and writes 0,5). That rules out AND/OR, which need a separator: a check of
 * several conditions multiplies them (each TRUE/FALSE is 1/0 in arithmetic) and compares the
 * product with 0, `(ISNUMBER(D20)*(D20>1))>0`, and a comparison is a true boolean in Sheets,
 * Excel and LibreOffice alike. A single condition is already one (`D20<0`, `D20<>INT(D20)`).
 * A formula that errors (text in arithmetic, a division by zero) flags nothing: conditional
 * formatting treats an error as false, and validate skips a relation whose figures are not numbers.
 *
 * The sheet gets few rules (checkRules below): checks whose formula is the same once written
 * relative to their cell (every "negative" check is `X<0` of its own cell; every "total of the
 * three rows below" alike) share one rule over all their cells, about 20 a tab instead of ~300.
 *
 * What each check mirrors (src/core/checks/check-value.ts, src/core/checks/validate.ts):
 * - not-number: text in a count or percent cell. Conservative: validate still reads text such as
 *   "1.949" or "12,5%" as a number (a .xlsx cell typed as text); in the sheet that text is flagged
 *   so the agency types it as a number. Sheets stores a typed number as a number.
 * - negative; fractional-count (X<>INT(X)); percent-range (over 100%: the cell holds a fraction).
 * - relation (`<=` and `=` of the catalog's check column), only over figures the agency types,
 *   and only when every figure is a number, as validate does.
 * - ratio-mismatch with validate's tolerance: 0,01 point, or the rounding of the counts at the
 *   precision the rate was typed (0 or 1 decimal: 98% for 97,96%, 65,6% for 65,56%).
 */
import { Catalog, Severity } from '../catalog/catalog';
import { FormRow } from '../form/row-modes';
import type { FlaggedCount } from '../form/formulas';
import { RuleId } from './rules';
import { rateOperands } from '../catalog/rate';
import { a1Range, parseA1 } from '../sheet/grid';
import { mapRefs } from '../form/formulas';

export interface LiveCheck {
  /** The cell the check colours, e.g. "D20". */
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** TRUE when the cell needs fixing (never 0/1); no leading `=`, no argument separator, no decimal point. */
  readonly formula: string;
}

/**
 * One conditional-format rule: a formula written for the top-left cell of its first range and
 * applied, its relative references shifted, to every cell of its ranges, as Sheets, Excel and
 * LibreOffice apply a custom formula over a range. Which cell anchors a rule of several ranges is
 * not documented by Google; here the ranges are all in one column, top to bottom, so the first
 * range's top-left cell is also the top-left cell of them all and either reading gives the same.
 */
export interface CheckRule {
  readonly ranges: readonly string[];
  readonly severity: Severity;
  readonly formula: string;
}

/** The header label of the cell counting the cells still to fix. */
export const TO_FIX_LABEL = 'Số ô cần sửa:';

/** The live checks of one agency's tab (its form rows, each code's value cell), in table order. */
export function liveChecks(
  catalog: Catalog,
  form: readonly FormRow[],
  valueCell: (code: string) => string | null,
): LiveCheck[] {
  const input = new Set(form.filter((r) => r.mode.kind === 'input').map((r) => r.ind.code));
  const ref = (code: string): string | null => (input.has(code) ? valueCell(code) : null);
  const out: LiveCheck[] = [];
  for (const { ind, mode } of form) {
    const x = ref(ind.code);
    if (!x || mode.kind !== 'input' || (ind.kind !== 'count' && ind.kind !== 'percent')) continue;
    const add = (rule: RuleId, formula: string, severity: Severity = 'error') =>
      out.push({ cell: x, rule, severity, formula });
    // LEN: the rate formula's blank (IFERROR(…,"") in a .xlsx) is empty text, not a mistake.
    add('not-number', `(ISTEXT(${x})*(LEN(${x})>0))>0`);
    add('negative', `${x}<0`);
    if (ind.kind === 'count') add('fractional-count', `${x}<>INT(${x})`);
    else add('percent-range', `(ISNUMBER(${x})*(${x}>1))>0`);
    for (const rel of ind.relations) {
      const terms = rel.terms.map(ref).filter((t): t is string => t !== null);
      if (!terms.length) continue;
      const guard = [x, ...terms].map((t) => `ISNUMBER(${t})`).join('*');
      const sum = terms.join('+');
      add('relation', `(${guard}*(${x}${rel.op === '<=' ? '>' : '<>'}${sum}))>0`, rel.severity);
    }
    const f = ind.kind === 'percent' ? catalog.formula(ind.code) : null;
    if (f) {
      const [a, b] = rateOperands(f).map(ref);
      if (a && b) {
        // The counts' rate as a fraction, guarded as validate guards it (a positive denominator).
        const [rate, guard] =
          f.kind === 'ratio'
            ? [`${a}/${b}`, `ISNUMBER(${a})*(${b}>0)`]
            : [`(${a}-${b})/${a}`, `ISNUMBER(${b})*(${a}>0)`];
        const diff = `ABS(${x}-${rate})`;
        // Typed with at most `d` decimals in percent: 100·10^d × the fraction is whole (to 1e-6).
        const typedAt = (scale: number) => `(ABS(${x}*${scale}-INT(${x}*${scale}+1/2))*1000000<1)`;
        add(
          'ratio-mismatch',
          `(ISNUMBER(${x})*${guard}*(${diff}*10000>1)*(1-${typedAt(100)}*(${diff}*200<=1))*(1-${typedAt(1000)}*(${diff}*2000<=1)))>0`,
        );
      }
    }
  }
  return out;
}

/** The error checks grouped by cell, for the "Số ô cần sửa" count (formulas.ts renders it). */
export function toFixCount(checks: readonly LiveCheck[]): FlaggedCount {
  const byCell = new Map<string, string[]>();
  for (const c of checks) if (c.severity === 'error') byCell.set(c.cell, [...(byCell.get(c.cell) ?? []), c.formula]);
  return { kind: 'flagged-count', cells: [...byCell.values()] };
}

/**
 * The checks as few rules: one per formula that is the same relative to its cell, column and
 * severity, over its cells (adjacent rows joined: D20:D25). Error rules come first: Sheets applies
 * the first rule that matches a cell ("first matching rule wins"), so a cell both wrong and merely
 * doubtful shows red, as the "Số ô cần sửa" counter counts it.
 */
export function checkRules(checks: readonly LiveCheck[]): CheckRule[] {
  const groups = new Map<string, { severity: Severity; cells: { row: number; col: number; formula: string }[] }>();
  for (const c of checks) {
    const { row, col } = parseA1(c.cell);
    const relative = mapRefs(c.formula, (r, k) => `R[${r - row}]C[${k - col}]`);
    const key = JSON.stringify([c.severity, col, relative]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: c.severity, cells: [] }));
    if (!g.cells.some((x) => x.row === row)) g.cells.push({ row, col, formula: c.formula });
  }
  const rules = [...groups.values()].map(({ severity, cells }) => {
    cells.sort((a, b) => a.row - b.row);
    const ranges: string[] = [];
    for (let i = 0; i < cells.length;) {
      let n = 1;
      while (i + n < cells.length && cells[i + n]!.row === cells[i]!.row + n) n++;
      ranges.push(a1Range(cells[i]!.row, cells[i]!.col, n, 1));
      i += n;
    }
    return { ranges, severity, formula: cells[0]!.formula };
  });
  return [...rules.filter((r) => r.severity === 'error'), ...rules.filter((r) => r.severity !== 'error')];
}
