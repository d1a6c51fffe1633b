import { a1Range, parseA1, rowRuns } from '../../../src/core/sheet/grid';
describe('grouping rows into ranges', () => {
  it('round-trips A1 references', () => {
    expect(parseA1('D12:E20')).toEqual({ row: 12, col: 4, rows: 9, cols: 2 });
    expect(a1Range(12, 4, 9, 2)).toBe('D12:E20');
    expect(a1Range(3, 28, 1, 1)).toBe('AB3');
  });

  it('merges consecutive rows, in order, whatever order they come in', () => {
    expect(rowRuns([14, 12, 13, 20, 13])).toEqual([
      [12, 3],
      [20, 1],
    ]);
    expect(rowRuns([])).toEqual([]);
  });
});
