import { PRINTABLE_PX, printLayout, rowHeights, wrappedLines } from '../../../src/core/sheet/print';

describe('printing on A4', () => {
  it('has the printable widths of A4 less 0,4" margins at 96 px per inch', () => {
    // 210 mm = 8,27" and 297 mm = 11,69"; less 0,8" of margins.
    expect(PRINTABLE_PX.portrait).toBe(Math.floor((210 / 25.4 - 0.8) * 96)); // 717
    expect(PRINTABLE_PX.landscape).toBe(Math.floor((297 / 25.4 - 0.8) * 96)); // 1045
  });

  it('prints an agency form (820 px) portrait, one page wide, at 10,5 pt', () => {
    const p = printLayout({ columnWidths: [100, 420, 100, 100, 100] });
    // 717 / 820 = 87 %: 12 pt × 0,87 = 10,44 pt.
    expect(p).toEqual({ orientation: 'portrait', fitToWidth: true, scale: 87, printedPt: 10.44 });
  });

  it('turns a wider table (Tổng hợp, 1 060 px) landscape, one page wide, never below 8 pt', () => {
    const p = printLayout({ columnWidths: [70, 430, 120, 120, 320] });
    // Portrait would be 717/1060 = 67 % (8 pt); landscape 1045/1060 = 98 %.
    expect(p.orientation).toBe('landscape');
    expect(p.fitToWidth).toBe(true);
    expect(p.scale).toBe(98);
  });

  it('prints the per-agency detail (78 agencies) across pages at 67 %: 8 pt, not squeezed onto one', () => {
    const p = printLayout({ columnWidths: [70, 300, 90, 110, ...Array(78).fill(110)] });
    expect(p.orientation).toBe('landscape');
    expect(p.fitToWidth).toBe(false);
    expect(p.scale).toBe(67);
    expect(p.printedPt).toBeGreaterThanOrEqual(8);
  });

  it('counts wrapped lines word by word, as a spreadsheet wraps (6 px a character, 8 px padding)', () => {
    // 100 px: (100 − 8) / 6 = 15 characters a line.
    expect(wrappedLines('Số hồ sơ', 100)).toBe(1);
    expect(wrappedLines('Tổng số hồ sơ TTHC tiếp nhận', 100)).toBe(2); // "Tổng số hồ sơ" | "TTHC tiếp nhận"
    expect(wrappedLines('Tổng số hồ sơ TTHC tiếp nhận trong kỳ', 100)).toBe(3);
    expect(wrappedLines('a\nb', 100)).toBe(2);
    expect(wrappedLines('x'.repeat(31), 100)).toBe(3); // 15 + 15 + 1
  });

  it('makes a row tall enough for its longest wrapped cell, and leaves one-line rows alone', () => {
    const heights = rowHeights({
      columnWidths: [100, 100],
      rows: [
        [{ v: 'Ngắn' }, { v: 'Tổng số hồ sơ TTHC tiếp nhận' }], // not wrapped: one line
        [
          { v: 'Ngắn', s: { wrap: true } },
          { v: 'Tổng số hồ sơ TTHC tiếp nhận', s: { wrap: true } },
        ],
      ],
    });
    expect(heights).toEqual([null, 2 * 15.75]);
  });
});
