/**
 * What a percentage indicator computed from two counts is, defined once: the counts it reads (its
 * operands) and its value in points (0-100). The form's own formulas compute the same arithmetic
 * in the spreadsheet (form/formulas.ts renders it), validate compares a typed rate with it,
 * consolidate applies it to summed counts, and the report fills a rate an agency left blank with
 * it. How a rate is rounded for people is one rule too: roundRate in primitives/numbers.ts.
 */

/** How a percentage is computed from two counts of the catalog (their codes). */
export type Formula =
  | { readonly kind: 'ratio'; readonly num: string; readonly den: string }
  | { readonly kind: 'reduction'; readonly base: string; readonly now: string };

/** The two counts a rate reads, in order: numerator and denominator, or the base and the figure now. */
export function rateOperands(f: Formula): readonly [a: string, b: string] {
  return f.kind === 'ratio' ? [f.num, f.den] : [f.base, f.now];
}

/** Whether the rate is computed from this count. */
export function readsCount(f: Formula, code: string): boolean {
  return rateOperands(f).includes(code);
}

/**
 * The rate in points from its two counts (in rateOperands' order): a / b, or the reduction
 * (a − b) / a. Null when it cannot be computed: no denominator (0/0 is "không phát sinh", never 0%).
 */
export function rateFrom(f: Formula, a: number, b: number): number | null {
  if (f.kind === 'ratio') return ratio(a, b);
  return a > 0 ? (100 * (a - b)) / a : null;
}

/**
 * A ratio rate in points from its numerator and denominator, as rateFrom computes every ratio of
 * the catalog (an agency's on-time rate in a ranking, a vertical agency's in its table): null over 0.
 */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? (100 * num) / den : null;
}
