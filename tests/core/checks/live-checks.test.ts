import { isoDate } from '../../../src/core/primitives/dates';
import { evaluateFormula, ooxmlFormula, sheetsFormula, shiftRefs } from '../../../src/core/form/formulas';
import { RawCell, a1, parseA1 } from '../../../src/core/sheet/grid';
import { checkRules, toFixCount } from '../../../src/core/checks/live-checks';
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
  // As the sheet applies them: each rule's formula, written for its top-left cell, shifted to
  // every cell of its ranges; only TRUE colours (an error or a number flags nothing).
  const rules = checkRules(checks);
  const byLive = new Set<string>();
  for (const rule of rules) {
    const top = parseA1(rule.ranges[0]!);
    for (const ref of rule.ranges) {
      const g = parseA1(ref);
      for (let row = g.row; row < g.row + g.rows; row++) {
        const v = evaluateFormula(shiftRefs(rule.formula, row - top.row, g.col - top.col), at);
        if (v === null) throw new Error(`the test evaluator cannot read ${rule.formula}`);
        if (typeof v === 'number') throw new Error(`${rule.formula} gives a number, not TRUE/FALSE`);
        if (v === true) byLive.add(a1(row, g.col));
      }
    }
  }
  const count = evaluateFormula(sheetsFormula(toFixCount(checks)), at);
  expect(evaluateFormula(ooxmlFormula(toFixCount(checks)), at)).toBe(count); // the .xlsx counts the same
  const cell = (code: string) => `D${t.layout.codeRows.get(code)}`;
  return { byValidate, byLive, checks, rules, count, cell, findings: result.findings };
}

describe('live checks (conditional formatting from the validate rules)', () => {
  it('are written with no argument separator and no decimal point, in every locale the same', () => {
    const { checks } = both('Sở Nội vụ', {});
    expect(checks.length).toBeGreaterThan(50);
    for (const c of checks) expect(c.formula).not.toMatch(/[,;.]/);
    expect(sheetsFormula(toFixCount(checks))).not.toMatch(/[,;.]/);
    for (const r of checkRules(checks)) expect(r.formula).not.toMatch(/[,;.]/);
    expect(new Set(checks.map((c) => c.rule))).toEqual(new Set(COVERED));
  });

  it('are few range rules, at most 60 on the largest form (a sở that fills every row)', () => {
    const owners = Object.fromEntries(
      catalog.rows.filter((r) => 'aggregate' in r && r.aggregate === 'owner').map((r) => [r.code, 'Sở Nội vụ']),
    );
    const every = settingsFor([SO('Sở Nội vụ'), XA('UBND xã Long Hòa')], { owners });
    const checks = agencyTabPlan(catalog, every, every.agencies[0]).plan.checks!;
    expect(checks.length).toBeGreaterThan(300); // one check per cell and rule, as before
    const rules = checkRules(checks);
    expect(rules.length).toBeLessThanOrEqual(60);
    // Every check is still there: each checked cell lies in a rule's ranges.
    const covered = new Set(rules.flatMap((r) => r.ranges.flatMap((ref) => cellsOf(ref))));
    expect(new Set(checks.map((c) => c.cell))).toEqual(covered);
    // All of one column, top to bottom, so the rule's top-left cell is its first range's.
    for (const r of rules) expect(r.ranges.every((ref) => ref.startsWith('D'))).toBe(true);
  });

  it('are TRUE/FALSE, never the 0/1 that Google does not promise to colour', () => {
    const r = both('Sở Nội vụ', { '1.1.1': 10, '1.1.2': 12, '3.4.a.3': 'khoảng 60', '3.3.3': 1.2, '3.4.1': 0.5 });
    expect(r.byLive.size).toBeGreaterThanOrEqual(4); // `both` throws on a number result
    // The old forms were products of conditions: 1 for a text cell, which would not colour.
    expect(evaluateFormula('ISTEXT(D20)*(LEN(D20)>0)', () => 'khoảng 60')).toBe(1);
    const text = r.rules.find((x) => x.formula.includes('ISTEXT'))!;
    expect(evaluateFormula(text.formula, () => 'khoảng 60')).toBe(true);
    expect(evaluateFormula(text.formula, () => '')).toBe(false);
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

function cellsOf(ref: string): string[] {
  const g = parseA1(ref);
  return Array.from({ length: g.rows }, (_, i) => a1(g.row + i, g.col));
}
