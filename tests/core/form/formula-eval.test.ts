/**
 * The one evaluator on formulas a user types into a value cell: what it computes (checked by hand,
 * as Excel, LibreOffice and Sheets show them) and why it refuses the rest.
 */
import { RawCell } from '../../../src/core/sheet/grid';
import { computeFormula, sheetComputer } from '../../../src/core/form/formula-eval';

/** A sheet by A1: a string starting with "=" is a formula. */
function sheet(cells: Record<string, RawCell>) {
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return [Number(m[2]), m[1]!.charCodeAt(0) - 64] as const;
  };
  const byPos = new Map(Object.entries(cells).map(([a, v]) => [parse(a).join(':'), v]));
  const get = (r: number, c: number) => byPos.get(`${r}:${c}`) ?? '';
  const computeAt = sheetComputer(
    (r, c) => {
      const v = get(r, c);
      return typeof v === 'string' && v.startsWith('=') ? v.slice(1) : null;
    },
    get,
    { strict: true },
  );
  return (a: string) => computeAt(...parse(a));
}

describe('formulas a user types, on the same sheet', () => {
  const cells = { D17: 12, D18: 20, D19: 15, D20: '=SUM(D17:D19)', A1: 2.675, A2: -2.5, A3: 'ghi chú' };
  const at = sheet(cells);
  const value = (f: string) =>
    computeFormula(
      f,
      (row, col) => {
        const got = at(`${String.fromCharCode(64 + col)}${row}`);
        return got.ok ? got.value : null;
      },
      { strict: true },
    );

  it('sums, extremes, averages and counts ranges and lists', () => {
    expect(at('D20')).toEqual({ ok: true, value: 47 });
    expect(value('=MAX(D17:D19)')).toEqual({ ok: true, value: 20 });
    expect(value('=MIN($D$17:$D$19,3)')).toEqual({ ok: true, value: 3 });
    expect(value('=AVERAGE(D17:D19)')).toEqual({ ok: true, value: 47 / 3 });
    expect(value('=COUNT(D17:D20,A3)')).toEqual({ ok: true, value: 4 });
    expect(value('=SUM(D17,D18)*2-D19/5')).toEqual({ ok: true, value: 61 });
  });

  it('powers, percent, unary minus and comparisons as spreadsheets do', () => {
    expect(value('=2^3^2')).toEqual({ ok: true, value: 64 }); // left to right, as Excel
    expect(value('=-2^2')).toEqual({ ok: true, value: 4 }); // unary minus first
    expect(value('=50%*D18')).toEqual({ ok: true, value: 10 });
    expect(value('=IF(D17>=12,1,0)+(D18<>20)')).toEqual({ ok: true, value: 1 });
  });

  it('rounds half away from zero on the digits shown', () => {
    expect(value('=ROUND(A1,2)')).toEqual({ ok: true, value: 2.68 });
    expect(value('=ROUND(A2,0)')).toEqual({ ok: true, value: -3 });
    expect(value('=ROUNDUP(1.21,1)')).toEqual({ ok: true, value: 1.3 });
    expect(value('=ROUNDDOWN(-1.29,1)')).toEqual({ ok: true, value: -1.2 });
    expect(value('=ROUND(1234,-2)')).toEqual({ ok: true, value: 1200 });
    expect(value('=INT(A2)+ABS(A2)')).toEqual({ ok: true, value: -0.5 });
    expect(value('=IFERROR(D17/0,7)')).toEqual({ ok: true, value: 7 });
  });

  it('follows a chain of twenty formulas', () => {
    const chain: Record<string, RawCell> = { A1: 1 };
    for (let r = 2; r <= 21; r++) chain[`A${r}`] = `=A${r - 1}+1`;
    expect(sheet(chain)('A21')).toEqual({ ok: true, value: 21 });
  });

  it('refuses what it cannot know, saying why', () => {
    const why = (f: string) => {
      const r = value(f);
      return r.ok ? r : [r.why, r.detail];
    };
    expect(why('=NOW()')).toEqual(['volatile', 'NOW']);
    expect(why('=today()+1')).toEqual(['volatile', 'TODAY']);
    expect(why('=INDIRECT("D17")')).toEqual(['indirect', 'INDIRECT']);
    expect(why('=OFFSET(D17,1,0)')).toEqual(['indirect', 'OFFSET']);
    expect(why("='Sở Nội vụ'!D17")).toEqual(['other-sheet', '']);
    expect(why('=[1]Sheet1!A1')).toEqual(['other-sheet', '']);
    expect(why('=TongSo*2')).toEqual(['name', 'TongSo']);
    expect(why('=VLOOKUP(1,D17:D19,1)')).toEqual(['function', 'VLOOKUP']);
    expect(why('=A3*2')).toEqual(['text', 'ghi chú']);
    expect(why('=SUM(A1:A3)')).toEqual(['text', 'A3']);
    expect(why('=D17:D19*2')).toEqual(['range', '']);
    expect(why('=SUM(D17:D19')).toEqual(['syntax', '']);
    expect(why('{=SUM(D17:D19)}')).toEqual(['array', '']);
  });

  it('a cycle and a reference to the cell itself have no result', () => {
    const at2 = sheet({ D20: '=D20+1', D21: '=D22+1', D22: '=D21*2', D23: '=D21+5' });
    expect(at2('D20')).toEqual({ ok: false, why: 'self', detail: 'D20' });
    expect(at2('D21')).toMatchObject({ ok: false, why: 'cycle' });
    expect(at2('D23')).toMatchObject({ ok: false, why: 'cycle' });
  });
});
