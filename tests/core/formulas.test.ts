import { CellFormula, evaluateFormula, ooxmlFormula, parseOwnFormula, sheetsFormula } from '../../src/core/formulas';
import { RawCell } from '../../src/core/grid';

const ratio: CellFormula = { kind: 'ratio', num: 'D14', den: 'D15' };
const reduction: CellFormula = { kind: 'reduction', base: 'D20', now: 'D21' };

describe('the formulas the add-on writes', () => {
  it('has a Sheets form with no argument separator and no decimal, the same in every locale', () => {
    expect(sheetsFormula(ratio)).toBe('=IFERROR(D14/D15)');
    expect(sheetsFormula(reduction)).toBe('=IFERROR((D20-D21)/D20)');
    for (const f of [ratio, reduction]) expect(sheetsFormula(f)).not.toMatch(/[,;]|\d\.\d/);
  });

  it("has OOXML's canonical form for .xlsx, where IFERROR needs its second argument", () => {
    expect(ooxmlFormula(ratio)).toBe('IFERROR(D14/D15,"")');
    expect(ooxmlFormula(reduction)).toBe('IFERROR((D20-D21)/D20,"")');
  });

  it('recognises both forms and the shape older versions wrote', () => {
    for (const f of [ratio, reduction]) {
      expect(parseOwnFormula(sheetsFormula(f))).toEqual(f);
      expect(parseOwnFormula(ooxmlFormula(f))).toEqual(f);
    }
    expect(parseOwnFormula('IF(N(D15)>0,D14/D15,"")')).toEqual(ratio);
    expect(parseOwnFormula('=IF(N(D20)>0,(D20-D21)/D20,"")')).toEqual(reduction);
    expect(parseOwnFormula('=SUM(D1:D9)')).toBeNull();
    expect(parseOwnFormula('=IFERROR((D20-D21)/D22)')).toBeNull();
  });

  it('computes what the spreadsheet shows: blank counts as 0, text or a zero denominator shows blank', () => {
    const at = (cells: Record<string, RawCell>) => (ref: string) => cells[ref] ?? '';
    expect(evaluateFormula(ratio, at({ D14: 1938, D15: 1949 }))).toBeCloseTo(0.99436, 5);
    expect(evaluateFormula(ratio, at({ D15: 4 }))).toBe(0);
    expect(evaluateFormula(ratio, at({ D14: 3 }))).toBe('');
    expect(evaluateFormula(ratio, at({ D14: '1.949', D15: 4 }))).toBe('');
    expect(evaluateFormula(reduction, at({ D20: 10, D21: 4 }))).toBeCloseTo(0.6);
    expect(evaluateFormula(reduction, at({ D21: 4 }))).toBe('');
  });
});
