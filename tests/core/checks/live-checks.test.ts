import { isoDate } from '../../../src/core/primitives/dates';
import { evaluateFormula, ooxmlFormula, sheetsFormula } from '../../../src/core/form/formulas';
import { RawCell } from '../../../src/core/sheet/grid';
import { LiveCheck, toFixCount } from '../../../src/core/checks/live-checks';
import { agencyTabPlan } from '../../../src/core/form/template';
import { RuleId } from '../../../src/core/checks/rules';
import { validateAgency } from '../../../src/core/checks/validate';
import { CLEAN_SO, SO, XA, catalog, settingsFor, tabFor } from '../../helpers';

const settings = settingsFor([SO('Sở Nội vụ'), XA('UBND xã Long Hòa')]);
const COVERED: RuleId[] = ['not-number', 'negative', 'fractional-count', 'percent-range', 'relation', 'ratio-mismatch'];

/**
 * Types the values as Google Sheets stores them (numbers as numbers, a percentage in a 0.00% cell
 * as its fraction), then returns the cells validate flags under the covered rules and the cells the
 * live checks flag when each formula is evaluated on the same grid (an error flags nothing).
 */
function both(agency: string, values: Record<string, RawCell>) {
  const t = tabFor(settings, agency, { values: { ...CLEAN_SO, ...values } });
  const result = validateAgency(catalog, settings, t.agency, t.report(), {
    today: isoDate(2026, 9, 25),
    isProtected: true,
  });
  const byValidate = new Set(result.findings.filter((f) => COVERED.includes(f.rule)).map((f) => f.cell!));
  const checks = agencyTabPlan(catalog, settings, t.agency).plan.checks!;
  const lookup = (row: number, col: number) => t.snap.values[row - 1]?.[col - 1] ?? '';
  const at = (r: number, c: number) => {
    const v = lookup(r, c);
    return v instanceof Date ? null : v;
  };
  const flagged = (c: LiveCheck) => {
    const v = evaluateFormula(c.formula, at);
    if (v === null) throw new Error(`the test evaluator cannot read ${c.formula}`);
    return v === true || (typeof v === 'number' && v !== 0);
  };
  const byLive = new Set(checks.filter(flagged).map((c) => c.cell));
  const count = evaluateFormula(sheetsFormula(toFixCount(checks)), at);
  expect(evaluateFormula(ooxmlFormula(toFixCount(checks)), at)).toBe(count); // the .xlsx counts the same
  const cell = (code: string) => `D${t.layout.codeRows.get(code)}`;
  return { byValidate, byLive, checks, count, cell, findings: result.findings };
}

describe('live checks (conditional formatting from the validate rules)', () => {
  it('are written with no argument separator and no decimal point, in every locale the same', () => {
    const { checks } = both('Sở Nội vụ', {});
    expect(checks.length).toBeGreaterThan(50);
    for (const c of checks) expect(c.formula).not.toMatch(/[,;.]/);
    expect(sheetsFormula(toFixCount(checks))).not.toMatch(/[,;.]/);
    expect(new Set(checks.map((c) => c.rule))).toEqual(new Set(COVERED));
  });

  it('flag nothing on a clean tab, and the counter reads 0', () => {
    const r = both('Sở Nội vụ', {});
    expect([...r.byLive]).toEqual([]);
    expect([...r.byValidate]).toEqual([]);
    expect(r.count).toBe(0);
  });

  it('flag exactly the cells validate flags: text, negative, fractional, over 100%, broken sums', () => {
    const r = both('Sở Nội vụ', {
      '1.1.1': 10,
      '1.1.2': 11, // 1.1.2 <= 1.1.1 broken
      '1.1.3': -1, // negative
      '3.4.a.3': 'khoảng 60', // text
      '4.2.2': 27.5, // not a whole number
      '3.3.3': 1.2, // 120 %
    });
    const expected = new Set([r.cell('1.1.2'), r.cell('1.1.3'), r.cell('3.4.a.3'), r.cell('4.2.2'), r.cell('3.3.3')]);
    expect(r.byValidate).toEqual(expected);
    expect(r.byLive).toEqual(expected);
    expect(r.count).toBe(5);
  });

  it('flag a total that differs from its parts (3.4.a = 3.4.a.1 + 3.4.a.2: 120 ≠ 20 + 90)', () => {
    const r = both('Sở Nội vụ', { '3.4.a.2': 90 });
    expect(r.byValidate.size).toBeGreaterThan(0);
    expect(r.byLive).toEqual(r.byValidate);
  });

  // 3.4.1 is 3.4.b.1 / 3.4.b = 100 / 110 = 90,909…%; 4.2.5 is (30 − 28) / 30 = 6,666…%.
  it.each([
    ['91% (the counts rounded to a whole percent)', 0.91, false],
    ['90,9% (rounded to one decimal)', 0.909, false],
    ['90,91%', 0.9091, false],
    ['90% (off by 0,9 point)', 0.9, true],
    ['90,8% (one decimal, off by 0,11 point)', 0.908, true],
    ['90,89% (two decimals, off by 0,019 point)', 0.9089, true],
  ])('judge a rate typed as %s against its counts as validate does', (_label, typed, wrong) => {
    const r = both('Sở Nội vụ', { '3.4.1': typed });
    expect(r.byValidate.has(r.cell('3.4.1'))).toBe(wrong);
    expect(r.byLive).toEqual(r.byValidate);
  });

  it.each([
    [0.07, false],
    [0.0667, false],
    [0.065, true],
    [0.06, true],
  ])('judge the reduction rate 4.2.5 typed as %s against (base − now) / base', (typed, wrong) => {
    const r = both('Sở Nội vụ', { '4.2.5.base': 30, '4.2.1': 28, '4.2.5': typed });
    expect(r.byValidate.has(r.cell('4.2.5'))).toBe(wrong);
    expect(r.byLive).toEqual(r.byValidate);
  });

  it('read a cell with two mistakes once in the counter', () => {
    const r = both('Sở Nội vụ', { '5.4.2': -1.5 });
    expect(r.byLive).toEqual(new Set([r.cell('5.4.2')]));
    expect(
      r.checks.filter((c) => c.cell === r.cell('5.4.2') && evaluateFormula(c.formula, () => -1.5) === true),
    ).toHaveLength(2);
    expect(r.count).toBe(1);
  });

  it('cover a commune tab too, whose rows differ', () => {
    const r = both('UBND xã Long Hòa', { '1.1.2': 12 });
    expect(r.byLive).toEqual(r.byValidate);
    expect(r.byLive.size).toBe(1);
  });
});
