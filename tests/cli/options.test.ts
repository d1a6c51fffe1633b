/** The CLI options a province needs so that no one edits Thiết lập by hand: province, deadline, period, year. */
import * as ExcelJS from '@cj-tech-master/excelts';
import { existsSync, readFileSync } from 'node:fs';
import { loadSettings } from '../../src/core/use-cases';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliWith, scratch } from './helpers';

// Each test builds whole province workbooks in-process: minutes on a loaded 2-core machine, and no
// assertion here is about time, so the limit only catches a hang.
jest.setTimeout(600_000);

const { at } = scratch('cchc-options-');
const clock = () => new Date(2026, 9, 5, 9, 30);
const cli = cliWith(clock);

async function settingsIn(file: string) {
  const loaded = loadSettings(await XlsxWorkbook.fromBuffer(await import('node:fs').then((f) => f.readFileSync(file))));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.settings;
}

/** "dd/mm/yyyy" of a date cell as Excel shows it (dates are stored as wall-clock UTC). */
function shown(v: unknown): string {
  const d = v as Date;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

describe('template --province --deadline', () => {
  it('writes the province and the deadline into Thiết lập and into every agency tab', async () => {
    const { code, out } = await cli(
      'template',
      '--out',
      at('vinh-long.xlsx'),
      '--province',
      'Vĩnh Long',
      '--period',
      'Q2',
      '--year',
      '2026',
      '--deadline',
      '30/06/2026',
    );
    expect(code).toBe(0);
    expect(out).toContain('Ủy ban nhân dân tỉnh Vĩnh Long');
    expect(out).toContain('30/06/2026');
    const s = await settingsIn(at('vinh-long.xlsx'));
    expect(s.issuingBody).toBe('Ủy ban nhân dân tỉnh Vĩnh Long');
    expect(s.place).toBe('Vĩnh Long');
    expect(s.deadline).toBe('2026-06-30');
    expect(s.recipients.join(' ')).not.toContain('Trà Vinh');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('vinh-long.xlsx'));
    const tab = book.getWorksheet(s.agencies[0].sheet)!;
    expect(tab.getCell('B5').value).toBe('Hạn gửi báo cáo:');
    expect(shown(tab.getCell('C5').value)).toBe('30/06/2026');
    expect(tab.getCell('C4').value).toBe('Quý II năm 2026');
  });

  it('names a centrally-run city "thành phố", and takes "tỉnh …" or "UBND tỉnh …" as typed', async () => {
    expect((await cli('template', '--out', at('ct.xlsx'), '--province', 'Cần Thơ')).code).toBe(0);
    expect((await settingsIn(at('ct.xlsx'))).issuingBody).toBe('Ủy ban nhân dân thành phố Cần Thơ');
    expect((await cli('template', '--out', at('dt.xlsx'), '--province', 'UBND tỉnh  đồng tháp')).code).toBe(0);
    const dt = await settingsIn(at('dt.xlsx'));
    expect([dt.issuingBody, dt.place]).toEqual(['Ủy ban nhân dân tỉnh Đồng Tháp', 'Đồng Tháp']);
  });

  it('says in Vietnamese what is wrong with a bad option, and writes nothing', async () => {
    const cases: [string[], string][] = [
      [['--deadline', '31/02/2026'], 'không phải ngày hợp lệ'],
      [['--deadline', '2026-06-30'], 'dd/mm/yyyy'],
      [['--period', 'Q1', '--year', '2026', '--deadline', '01/01/2030'], 'từ 15/12/2025 đến'],
      [['--province', '123'], 'Tên tỉnh "123" (--province) không hợp lệ'],
      [['--province', ''], '--province'],
      [['--period', 'Q5'], '--period'],
      [['--year', '26'], '--year'],
    ];
    for (const [args, message] of cases) {
      const r = await cli('template', '--out', at('bad.xlsx'), ...args);
      expect([r.code, r.out]).toEqual([2, expect.stringContaining(message)]);
      expect(r.out).not.toMatch(/at .*\.ts|Error:/);
    }
    expect(existsSync(at('bad.xlsx'))).toBe(false);
  });

  it('notes a deadline before the cut-off (figures estimated), without refusing it', async () => {
    const r = await cli(
      'template',
      '--out',
      at('early.xlsx'),
      '--period',
      'Q1',
      '--year',
      '2026',
      '--deadline',
      '05/03/2026',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('ước tính đến ngày 14/03/2026');
  });
});

describe('validate: a tab whose deadline differs from Thiết lập', () => {
  it('warns at the tab\'s "Hạn gửi báo cáo" cell, naming both dates', async () => {
    await cli('template', '--out', at('moved.xlsx'), '--period', 'Q2', '--year', '2026', '--deadline', '30/06/2026');
    // The consolidator changes the deadline on Thiết lập in Excel, and nothing else.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('moved.xlsx'));
    const setup = book.getWorksheet('Thiết lập')!;
    let row = 0;
    setup.eachRow((r, i) => {
      if (r.getCell(1).value === 'Hạn gửi báo cáo') row = i;
    });
    setup.getCell(row, 2).value = new Date(Date.UTC(2026, 6, 3));
    await book.xlsx.writeFile(at('moved.xlsx'));
    const r = await cli('validate', at('moved.xlsx'));
    expect(r.out).toMatch(
      /Ô C5: hạn gửi báo cáo trên trang này là 30\/06\/2026, khác hạn trên trang Thiết lập \(03\/07\/2026\)/,
    );
    expect(r.out).not.toContain('menu "'); // worded for the command line
  });
});

describe('sample --period --year', () => {
  it('makes the sample province for the period asked', async () => {
    const r = await cli(
      'sample',
      '--out',
      at('q1.xlsx'),
      '--period',
      'Q1',
      '--year',
      '2026',
      '--communes',
      '2',
      '--provincial',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('quý I năm 2026');
    const s = await settingsIn(at('q1.xlsx'));
    expect([s.period.id, s.period.year, s.period.from, s.period.to]).toEqual(['Q1', 2026, '2025-12-15', '2026-03-14']);
    expect(r.out).not.toContain('chưa qua hạn gửi'); // quý I/2026 ended long before 05/10/2026
    // Quý IV/2026: the clock's 05/10/2026 is before its sending days, which validate would call future dates.
    const early = await cli(
      'sample',
      '--out',
      at('q4.xlsx'),
      '--period',
      'Q4',
      '--year',
      '2026',
      '--communes',
      '1',
      '--provincial',
      '1',
    );
    expect([early.code, early.out]).toEqual([0, expect.stringContaining('quý IV năm 2026 chưa qua hạn gửi')]);
    const bad = await cli('sample', '--out', at('q9.xlsx'), '--period', 'quý 9');
    expect([bad.code, bad.out]).toEqual([2, expect.stringContaining('Kỳ báo cáo "quý 9" (--period) không hợp lệ')]);
  });
});

describe('template --from: "Tạo biểu mẫu" on an existing workbook', () => {
  it('moves the deadline on Thiết lập and on every tab into a new workbook, figures kept, input untouched', async () => {
    expect(
      (await cli('sample', '--out', at('filled.xlsx'), '--communes', '2', '--provincial', '2', '--mistakes', '0')).code,
    ).toBe(0);
    const before = readFileSync(at('filled.xlsx'));
    const r = await cli(
      'template',
      '--from',
      at('filled.xlsx'),
      '--deadline',
      '25/09/2026',
      '--out',
      at('moved2.xlsx'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('hạn gửi 25/09/2026');
    expect(readFileSync(at('filled.xlsx')).equals(before)).toBe(true);
    const s = await settingsIn(at('moved2.xlsx'));
    expect(s.deadline).toBe('2026-09-25');
    const [oldBook, newBook] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await oldBook.xlsx.readFile(at('filled.xlsx'));
    await newBook.xlsx.readFile(at('moved2.xlsx'));
    for (const a of s.agencies) {
      const [was, now] = [oldBook.getWorksheet(a.sheet)!, newBook.getWorksheet(a.sheet)!];
      expect(shown(was.getCell('C5').value)).toBe('10/09/2026'); // the default: the 10th of the period's last month
      expect(shown(now.getCell('C5').value)).toBe('25/09/2026');
      const figures = (ws: ExcelJS.Worksheet) => [...Array(150).keys()].map((i) => ws.getCell(12 + i, 4).value);
      expect(figures(now)).toEqual(figures(was));
    }
    const checked = await cli('validate', at('moved2.xlsx'));
    expect(checked.out).not.toContain('Hạn gửi báo cáo khác');
  });

  it('takes a deadline changed by hand on Thiết lập to the tabs, which validate then stops flagging', async () => {
    await cli('template', '--out', at('hand.xlsx'), '--period', 'Q2', '--year', '2026', '--deadline', '30/06/2026');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('hand.xlsx'));
    const setup = book.getWorksheet('Thiết lập')!;
    let row = 0;
    setup.eachRow((r, i) => {
      if (r.getCell(1).value === 'Hạn gửi báo cáo') row = i;
    });
    setup.getCell(row, 2).value = new Date(Date.UTC(2026, 6, 3));
    await book.xlsx.writeFile(at('hand.xlsx'));
    expect((await cli('validate', at('hand.xlsx'))).out).toContain('template --from');
    expect((await cli('template', '--from', at('hand.xlsx'), '--out', at('hand2.xlsx'))).code).toBe(0);
    expect((await cli('validate', at('hand2.xlsx'))).out).not.toContain('Hạn gửi báo cáo khác');
  });

  it('refuses options that Thiết lập of the workbook decides', async () => {
    const r = await cli('template', '--from', at('hand.xlsx'), '--period', 'Q3', '--out', at('x.xlsx'));
    expect([r.code, r.out]).toEqual([2, expect.stringContaining('Với --from, --period lấy từ trang "Thiết lập"')]);
    expect(existsSync(at('x.xlsx'))).toBe(false);
  });
});
