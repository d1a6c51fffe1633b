import {
  CellFormula,
  FormulaValue,
  evaluateFormula,
  formulaInput,
  formulaRefs,
  ooxmlFormula,
  sheetsFormula,
} from '../../../src/core/form/formulas';
import { RawCell } from '../../../src/core/sheet/grid';

const ratio: CellFormula = { kind: 'ratio', num: 'D14', den: 'D15' };
const reduction: CellFormula = { kind: 'reduction', base: 'D20', now: 'D21' };

describe('the formulas the add-on writes', () => {
  it('has a Sheets form with no argument separator and no decimal, the same in every locale', () => {
    expect(sheetsFormula(ratio)).toBe('=IFERROR(N(D14)/N(D15)/NOT(ISTEXT(D14)))');
    expect(sheetsFormula(reduction)).toBe('=IFERROR((N(D20)-N(D21))/N(D20)/NOT(ISTEXT(D21)))');
    for (const f of [ratio, reduction]) expect(sheetsFormula(f)).not.toMatch(/[,;]|\d\.\d/);
  });

  it("has OOXML's canonical form for .xlsx, where IFERROR needs its second argument", () => {
    expect(ooxmlFormula(ratio)).toBe('IFERROR(N(D14)/N(D15)/NOT(ISTEXT(D14)),"")');
    expect(ooxmlFormula(reduction)).toBe('IFERROR((N(D20)-N(D21))/N(D20)/NOT(ISTEXT(D21)),"")');
  });

  it('never puts a count cell into arithmetic, where a spreadsheet would read text like "3.626" in its own locale', () => {
    for (const form of [sheetsFormula, ooxmlFormula])
      for (const f of [ratio, reduction]) {
        // Every reference sits inside N() or ISTEXT(), which read text as 0 and TRUE, never as a number.
        const bare = form(f).replace(/\b(N|ISTEXT)\([A-Z]+\d+\)/g, '');
        expect(bare).not.toMatch(/[A-Z]+\d+/);
      }
  });

  it('computes what the spreadsheet shows, in either form: blank counts as 0, text or a zero denominator shows blank', () => {
    const at = (cells: Record<string, RawCell>) => (row: number, col: number) =>
      formulaInput(cells[`${String.fromCharCode(64 + col)}${row}`] ?? '');
    for (const form of [sheetsFormula, ooxmlFormula]) {
      const show = (f: CellFormula, cells: Record<string, RawCell>) => evaluateFormula(form(f), at(cells));
      expect(show(ratio, { D14: 1938, D15: 1949 })).toBeCloseTo(0.99436, 5);
      expect(show(ratio, { D15: 4 })).toBe(0);
      expect(show(ratio, { D14: 3 })).toBe('');
      expect(show(ratio, { D14: '1.949', D15: 4 })).toBe('');
      expect(show(ratio, { D14: 3626, D15: '4.029' })).toBe('');
      expect(show(reduction, { D20: 10, D21: '4' })).toBe('');
      expect(show(reduction, { D20: '10', D21: 4 })).toBe('');
      expect(show(reduction, { D20: 10, D21: 4 })).toBeCloseTo(0.6);
      expect(show(reduction, { D21: 4 })).toBe('');
    }
  });
});

describe('the formula evaluator (Sheets semantics)', () => {
  const grid: Record<string, FormulaValue> = { A1: 3, A2: 4, A3: 'abc', A4: '', A5: '#N/A', A6: true, A7: 1e308 };
  const at = (row: number, col: number) => (col === 1 ? (grid[`A${row}`] ?? '') : '');
  const ev = (f: string) => evaluateFormula(f, at);

  it('arithmetic: blank is 0, TRUE is 1, text is #VALUE!, x/0 is #DIV/0!, overflow #NUM!, precedence', () => {
    expect(ev('=A1+A4*2')).toBe(3);
    expect(ev('A1+A6')).toBe(4);
    expect(ev('A3+1')).toBe('#VALUE!');
    expect(ev('A1/A4')).toBe('#DIV/0!');
    expect(ev('A7*10')).toBe('#NUM!');
    expect(ev('-A1+(A2-A1)*2')).toBe(-1);
    expect(ev('A5+1')).toBe('#N/A'); // an error passes through
  });

  it('N, IF and IFERROR, with the arguments separated by "," or ";" (vi_VN)', () => {
    for (const sep of [',', ';']) {
      const f = (s: string) => ev(s.replace(/,/g, sep));
      expect(f('IF(N(A2)>0,A1/A2,"")')).toBe(0.75);
      expect(f('IF(N(A3)>0,A1/A3,"")')).toBe(''); // N of text is 0
      expect(f('IF(N(A2)>0,A3/A2,"")')).toBe('#VALUE!');
      expect(f('N(A5)')).toBe('#N/A'); // errors are returned as is
      expect(f('N(A6)+N(A3)')).toBe(1); // TRUE is 1, text 0
      expect(f('IF(A1>5,1)')).toBe(''); // value_if_false is blank by default in Sheets
      expect(f('IFERROR(A1/A4,"-")')).toBe('-');
      expect(f('IFERROR(A1/A2,"-")')).toBe(0.75);
    }
    expect(ev('IFERROR(A1/A4)')).toBe('');
    expect(ev('IF(A1=3,"ba","khác")')).toBe('ba');
  });

  it('ISTEXT is TRUE for text only (not a blank cell, a number or an error); NOT of a number or logical', () => {
    expect([ev('ISTEXT(A3)'), ev('ISTEXT(A4)'), ev('ISTEXT(A1)'), ev('ISTEXT(A5)')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([ev('NOT(A6)'), ev('NOT(A4)'), ev('NOT(A1)'), ev('NOT(A5)')]).toEqual([false, true, false, '#N/A']);
    expect(ev('A1/NOT(ISTEXT(A3))')).toBe('#DIV/0!'); // FALSE divides as 0
  });

  it('a date is its serial number, days since 1899-12-30', () => {
    expect(formulaInput(new Date(2026, 2, 31))).toBe(46112);
    expect(formulaInput(new Date(1900, 0, 1))).toBe(2);
  });

  it('does not guess: other sheets, a bare range, unknown functions and bad syntax give null', () => {
    expect(formulaRefs("'Sở Nội vụ'!D1")).toBeNull();
    expect(formulaRefs('IFERROR(D14/D15,"x1")')).toEqual([
      [14, 4],
      [15, 4],
    ]);
    for (const f of ["'Sở Nội vụ'!A1", 'A1:A2', 'VLOOKUP(1,A1:A2,1)', 'A1/', '(A1', 'IF(A1)']) expect(ev(f)).toBeNull();
  });
});
