/**
 * Live checks: validate's per-cell rules as spreadsheet formulas, so an agency that never runs the
 * script sees its mistakes turn red as it types (conditional formatting) and a header cell counts
 * the cells still to fix. Pure: the adapters turn each check into their own conditional-format rule.
 *
 * Every formula is a boolean of the checked cell and the cells it relates to, written with no
 * argument separator and no decimal point (`D20>D21+D22`, `ABS(D30-D31/D32)*10000>1`), so it
 * reads the same in every locale (a vi_VN sheet separates arguments with `;` and writes 0,5).
 * A formula that errors (text in arithmetic, a division by zero) flags nothing: conditional
 * formatting treats an error as false, and validate skips a relation whose figures are not numbers.
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

export interface LiveCheck {
  /** The cell the check colours, e.g. "D20". */
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** True when the cell needs fixing; no leading `=`, no argument separator, no decimal point. */
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
    add('not-number', `ISTEXT(${x})*(LEN(${x})>0)`);
    add('negative', `${x}<0`);
    if (ind.kind === 'count') add('fractional-count', `${x}<>INT(${x})`);
    else add('percent-range', `ISNUMBER(${x})*(${x}>1)`);
    for (const rel of ind.relations) {
      const terms = rel.terms.map(ref).filter((t): t is string => t !== null);
      if (!terms.length) continue;
      const guard = [x, ...terms].map((t) => `ISNUMBER(${t})`).join('*');
      const sum = terms.join('+');
      add('relation', `${guard}*(${x}${rel.op === '<=' ? '>' : '<>'}${sum})`, rel.severity);
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
          `ISNUMBER(${x})*${guard}*(${diff}*10000>1)*(1-${typedAt(100)}*(${diff}*200<=1))*(1-${typedAt(1000)}*(${diff}*2000<=1))`,
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
