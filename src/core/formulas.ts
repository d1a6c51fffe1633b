/**
 * The only formulas the add-on writes: a ratio of two counts and a reduction from a base, both
 * described once here and rendered by each adapter in its own syntax.
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
import type { RawCell } from './grid';

export type CellFormula =
  /** num / den, blank when it cannot be computed (no denominator, text typed as a count). */
  | { readonly kind: 'ratio'; readonly num: string; readonly den: string }
  /** (base − now) / base, blank when it cannot be computed. */
  | { readonly kind: 'reduction'; readonly base: string; readonly now: string };

function expression(f: CellFormula): string {
  return f.kind === 'ratio' ? `${f.num}/${f.den}` : `(${f.base}-${f.now})/${f.base}`;
}

/** The Sheets form, the same in every locale: `=IFERROR(D14/D15)`. */
export function sheetsFormula(f: CellFormula): string {
  return `=IFERROR(${expression(f)})`;
}

/** OOXML's canonical form for a .xlsx cell (no leading `=`): `IFERROR(D14/D15,"")`. */
export function ooxmlFormula(f: CellFormula): string {
  return `IFERROR(${expression(f)},"")`;
}

const REF = '([A-Z]{1,3}\\d+)';
const RATIO = new RegExp(`^${REF}/${REF}$`);
const REDUCTION = new RegExp(`^\\(${REF}-${REF}\\)/${REF}$`);
/** The shapes written before formulas became locale-proof; still found in older files. */
const LEGACY_RATIO = new RegExp(`^IF\\(N\\(${REF}\\)>0,${REF}/${REF},""\\)$`);
const LEGACY_REDUCTION = new RegExp(`^IF\\(N\\(${REF}\\)>0,\\(${REF}-${REF}\\)/${REF},""\\)$`);

/** Recognises a formula this add-on wrote (either form, with or without `=`); null otherwise. */
export function parseOwnFormula(text: string): CellFormula | null {
  const t = text.trim().replace(/^=/, '');
  const inner = /^IFERROR\((.*?)(?:,"")?\)$/.exec(t)?.[1];
  if (inner !== undefined) {
    const r = RATIO.exec(inner);
    if (r) return { kind: 'ratio', num: r[1], den: r[2] };
    const d = REDUCTION.exec(inner);
    if (d && d[1] === d[3]) return { kind: 'reduction', base: d[1], now: d[2] };
    return null;
  }
  const lr = LEGACY_RATIO.exec(t);
  if (lr && lr[1] === lr[3]) return { kind: 'ratio', num: lr[2], den: lr[3] };
  const ld = LEGACY_REDUCTION.exec(t);
  if (ld && ld[1] === ld[2] && ld[2] === ld[4]) return { kind: 'reduction', base: ld[2], now: ld[3] };
  return null;
}

/**
 * What the spreadsheet shows for the formula: arithmetic treats a blank cell as 0 and fails on
 * text, a failure or a division by zero shows blank (IFERROR). Both adapters compute with this.
 */
export function evaluateFormula(f: CellFormula, valueAt: (ref: string) => RawCell): number | '' {
  const n = (ref: string): number | null => {
    const v = valueAt(ref);
    if (v === '' || v === null || v === undefined) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return null; // text (and anything else) makes the arithmetic an error
  };
  const [a, b] = f.kind === 'ratio' ? [n(f.num), n(f.den)] : [n(f.base), n(f.now)];
  if (a === null || b === null) return '';
  const [top, bottom] = f.kind === 'ratio' ? [a, b] : [a - b, a];
  return bottom === 0 ? '' : top / bottom;
}
