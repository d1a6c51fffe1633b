/** The in-memory workbook keeps the port's promises, so use-case tests on it mean what they say. */
import { isoDate } from '../../src/core/primitives/dates';
import { MemoryWorkbook } from './memory-workbook';

const plan = {
  name: 'Tab',
  columnWidths: [80, 80, 80],
  rows: [
    [{ v: 6 }, { v: 3 }, { v: { formula: { kind: 'ratio' as const, num: 'B1', den: 'A1' } } }],
    [{ v: '=A1+B1' }, { v: { date: isoDate(2026, 2, 9) } }, { v: null }],
  ],
};

describe('MemoryWorkbook', () => {
  it('computes the form’s formulas as Sheets shows them and keeps text that looks like a formula as text', () => {
    const wb = new MemoryWorkbook(isoDate(2026, 9, 25));
    wb.create(plan);
    const snap = wb.read('Tab')!;
    expect(snap.values[0]).toEqual([6, 3, 0.5]);
    expect(snap.values[1]).toEqual(['=A1+B1', new Date(2026, 1, 9), '']);
    wb.type('Tab', 'A1', 'sáu'); // a count typed as text blanks the rate, as the form's formula does
    expect(wb.valueAt('Tab', 'C1')).toBe('');
  });

  it('refuses a taken name and writes of the wrong shape, and reads absent sheets as null', () => {
    const wb = new MemoryWorkbook(isoDate(2026, 9, 25));
    wb.create(plan);
    expect(() => wb.create(plan)).toThrow(/already exists/);
    expect(() => wb.writeCells('Tab', 'A1:B1', [[1]])).toThrow(/1×2/);
    expect(wb.read('Khác')).toBeNull();
    expect(wb.read('Tab', { protection: false })!.isProtected).toBeNull();
  });
});
