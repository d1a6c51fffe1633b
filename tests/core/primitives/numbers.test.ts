import { formatLongDate, isoDate, readDate } from '../../../src/core/primitives/dates';
import {
  RATE_FORMAT,
  formatNumber,
  formatPercent,
  parseTypedNumber,
  roundRate,
  scalesAsPercent,
} from '../../../src/core/primitives/numbers';
import { NUMBER_FORMATS } from '../../../src/core/form/template';
import { defaultCutoff, districtLevelExists, periodInText } from '../../../src/core/periods';

describe('reading numbers as Vietnamese staff type them', () => {
  it.each([
    ['1.949', 1949],
    ['6.878', 6878],
    ['1.234.567', 1234567],
    ['02', 2],
    [' 44 ', 44],
    ['1\u00a0949', 1949],
    ['0', 0],
  ])('count "%s" is %d', (text, value) => {
    expect(parseTypedNumber(text, 'count')).toEqual({ ok: true, value });
  });

  it.each([
    ['12,5%', 12.5],
    ['0,02%', 0.02],
    ['100%', 100],
    ['65,55', 65.55],
  ])('percentage "%s" is %d points', (text, value) => {
    expect(parseTypedNumber(text, 'percent')).toEqual({ ok: true, value });
  });

  it("refuses to guess at seed 003's typo 1.93673 and says why", () => {
    const r = parseTypedNumber('1.93673', 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe('ambiguous');
      expect(r.detail).toContain('93673');
      expect(r.detail).toContain('3 chữ số');
    }
  });

  it('refuses "1.5" and "1,949" in a count cell, where the separator is ambiguous', () => {
    expect(parseTypedNumber('1.5', 'count').ok).toBe(false);
    const r = parseTypedNumber('1,949', 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toContain('1949');
  });

  it('reads an English decimal point in a percentage but says so', () => {
    const r = parseTypedNumber('65.55%', 'percent');
    expect(r).toMatchObject({ ok: true, value: 65.55 });
    if (r.ok) expect(r.warning).toContain('dấu phẩy');
  });

  it('tells text and formula errors apart', () => {
    expect(parseTypedNumber('không có', 'count')).toMatchObject({ ok: false, problem: 'text' });
    expect(parseTypedNumber('#DIV/0!', 'percent')).toMatchObject({ ok: false, problem: 'formula-error' });
    expect(parseTypedNumber('03/20', 'count')).toMatchObject({ ok: false, problem: 'text' });
  });

  it('keeps the sign so negatives can be reported', () => {
    expect(parseTypedNumber('-3', 'count')).toEqual({ ok: true, value: -3 });
  });
});

describe('spaces inside a typed number', () => {
  it.each([
    ['1 234 567', 1234567],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567', 1234567],
    ['  12 345  ', 12345],
  ])('thousands grouped by spaces "%s" is %d', (text, value) => {
    expect(parseTypedNumber(text, 'count')).toEqual({ ok: true, value });
  });

  it('keeps a space beside the sign or before the per-cent sign harmless', () => {
    expect(parseTypedNumber('12,5 %', 'percent')).toEqual({ ok: true, value: 12.5 });
    expect(parseTypedNumber('- 3', 'count')).toEqual({ ok: true, value: -3 });
    expect(parseTypedNumber('1 234,5', 'percent')).toEqual({ ok: true, value: 1234.5 });
  });

  it.each(['30 45', '12 34', '1 23', '1234 567', '1  234', '12,5 6%'])(
    'refuses "%s": a space that does not group thousands may join two figures',
    (text) => {
      expect(parseTypedNumber(text, 'count')).toEqual({
        ok: false,
        problem: 'ambiguous',
        detail: `"${text.replace(/ +/g, ' ')}" có khoảng trắng giữa các chữ số nhưng không theo nhóm ba chữ số hàng nghìn (như 1 234 567) nên không rõ là một số hay hai số`,
      });
    },
  );

  it('refuses digits broken over two lines, even in groups of three', () => {
    for (const text of ['12\n34', '1\n234', '12\r\n34'])
      expect(parseTypedNumber(text, 'count')).toMatchObject({
        ok: false,
        problem: 'ambiguous',
        detail: expect.stringContaining('có dấu xuống dòng giữa các chữ số nên không rõ là một số hay hai số'),
      });
  });

  it('refuses trailing letters and the words no spreadsheet shows as a figure', () => {
    for (const text of ['1234abc', '12 34abc', 'NaN', 'INF', 'Infinity', '-Infinity'])
      expect(parseTypedNumber(text, 'count')).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/text|ambiguous/),
      });
  });
});

describe('a number format that scales by 100', () => {
  it.each([
    ['0.00%', true],
    ['0%', true],
    ['#,##0.0%;[Red]-0.0%', true],
    ['0.000\\%', false],
    ['0.000"%"', false],
    ['0.0" %"', false],
    ['0_%', false],
    ['[$%-409]0.00', false],
    ['#,##0', false],
    ['', false],
  ])('"%s" scales: %s', (format, scales) => expect(scalesAsPercent(format)).toBe(scales));
});

describe('writing numbers the vi-VN way', () => {
  it.each([
    [1949, '1.949'],
    [17445, '17.445'],
    [1234567, '1.234.567'],
    [12.5, '12,5'],
    [0, '0'],
    [65.5604, '65,56'],
    [1.005, '1,01'],
    [2.675, '2,68'],
    [0.0000001, '0'],
    [123456789012.345, '123.456.789.012,35'],
  ])('%d is written %s', (n, text) => expect(formatNumber(n)).toBe(text));

  it('writes every rate that is not whole by one rule: a comma and exactly two decimals, so 22,30% stands beside 21,23%', () => {
    expect(formatPercent(22.3)).toBe('22,30%');
    expect(formatPercent(21.234)).toBe('21,23%');
    expect(formatPercent(22.5)).toBe('22,50%');
    expect(formatPercent((100 * 3685) / 5621)).toBe('65,56%');
    // Half away from zero in decimal: 1,005 is 1,01 although 1.005 * 100 is 100.4999… in binary.
    expect(formatPercent(1.005)).toBe('1,01%');
    expect(roundRate(1.005)).toBe(1.01);
    expect(roundRate(-2.315)).toBe(-2.32);
  });

  it('writes an exact whole rate without decimals, as the seeds do ("100%", "90%"), and only an exact one', () => {
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent((100 * 45) / 45)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.9 * 100)).toBe('90%');
    expect(formatPercent(0.07 * 100)).toBe('7%');
    expect(formatPercent(1234)).toBe('1.234%');
    // 99,999% is not all of them: rounded by the one rule, it keeps its decimals.
    expect(formatPercent(99.999)).toBe('100,00%');
    expect(formatPercent(99.5)).toBe('99,50%');
  });

  it('gives the sheets the number format that shows the same two decimals', () => {
    expect(RATE_FORMAT).toBe('0.00%');
    expect(NUMBER_FORMATS.percent).toBe('0.00%');
  });

  it('never writes NaN', () => expect(() => formatNumber(NaN)).toThrow());
});

describe('dates as the decree writes them', () => {
  it('puts a leading zero on days below 10 and on months 1 and 2', () => {
    expect(formatLongDate(isoDate(2026, 3, 5))).toBe('ngày 05 tháng 3 năm 2026');
    expect(formatLongDate(isoDate(2025, 12, 15))).toBe('ngày 15 tháng 12 năm 2025');
    expect(formatLongDate(isoDate(2026, 2, 9))).toBe('ngày 09 tháng 02 năm 2026');
  });

  it('reads typed dates and sheet dates', () => {
    expect(readDate('05/03/2026')).toBe('2026-03-05');
    expect(readDate(new Date(2026, 2, 5))).toBe('2026-03-05');
    expect(readDate('31/02/2026')).toBeNull();
    expect(readDate('hôm qua')).toBeNull();
  });
});

describe('periods of Nghị định 09/2019', () => {
  it('cuts quarter I from 15/12 of the previous year to 14/03', () => {
    expect(defaultCutoff('Q1', 2026)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(defaultCutoff('M9', 2026)).toEqual({ from: '2025-12-15', to: '2026-09-14' });
    expect(defaultCutoff('Q4', 2026)).toEqual({ from: '2026-09-15', to: '2026-12-14' });
  });

  it('names periods inside sentences', () => {
    expect(periodInText('Q1', 2026)).toBe('quý I năm 2026');
    expect(periodInText('H1', 2026)).toBe('6 tháng đầu năm 2026');
    expect(periodInText('Y', 2026)).toBe('năm 2026');
  });

  it('asks district rows only of periods ending before 01/07/2025', () => {
    expect(districtLevelExists(defaultCutoff('Q2', 2025).to)).toBe(true);
    expect(districtLevelExists(defaultCutoff('Q3', 2025).to)).toBe(false);
  });
});
