/** The CLI end to end, on real .xlsx and .docx files in a temporary folder. */
import * as ExcelJS from '@cj-tech-master/excelts';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
const at = (f: string) => join(dir, f);
const clock = () => new Date(2026, 9, 5, 9, 30);

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, { out: (l) => lines.push(l), clock });
  return { code, out: lines.join('\n') };
}

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('npm run cchc', () => {
  beforeAll(async () => {
    expect((await cli('sample', '--out', at('province.xlsx'), '--communes', '8', '--provincial', '8')).code).toBe(0);
    expect(
      (await cli('sample', '--out', at('clean.xlsx'), '--communes', '3', '--provincial', '5', '--mistakes', '0')).code,
    ).toBe(0);
  });

  it('lists its commands in Vietnamese', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const c of ['template', 'validate', 'consolidate', 'report', 'demo']) expect(out).toContain(c);
    expect(out).toContain('Mã thoát');
  });

  it('template: writes the settings sheet and one tab per agency, with validations and formats', async () => {
    const csv = at('agencies.csv');
    writeFileSync(
      csv,
      'stt,name,type\n1,Sở Nội vụ,so\n2,"Sở Văn hóa, Thể thao và Du lịch",so\n3,UBND xã Long Hòa,xa\n',
    );
    const { code, out } = await cli(
      'template',
      '--out',
      at('form.xlsx'),
      '--agencies',
      csv,
      '--period',
      'Q2',
      '--year',
      '2026',
    );
    expect(code).toBe(0);
    expect(out).toContain('Đã tạo 3 trang biểu mẫu (quý II năm 2026)');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('form.xlsx'));
    const visible = book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(['Thiết lập', 'Sở Nội vụ', 'Sở Văn hóa, Thể thao và Du lịch', 'UBND xã Long Hòa']);
    const ws = book.getWorksheet('Sở Nội vụ')!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(11, c).value)).toEqual([
      'STT',
      'Chỉ tiêu thống kê',
      'Đơn vị tính',
      'Số liệu',
      'Ghi chú',
    ]);
    const rowOf = (code: string) =>
      [...Array(200).keys()].map((i) => i + 12).find((r) => ws.getCell(r, 1).value === code)!;
    expect(ws.getCell(rowOf('3.4.a'), 4).dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
    });
    expect(ws.getCell(rowOf('3.3.3'), 4).numFmt).toBe('0.00%');
    expect(ws.getCell(rowOf('3.4.a'), 4).protection).toMatchObject({ locked: false });
    expect(ws.getCell(rowOf('3.4.a'), 2).protection?.locked).not.toBe(false);
    expect(ws.getCell(rowOf('1.2'), 4).dataValidation?.type).toBe('list');
  });

  it('validate: exit 1 with errors, the JSON the issue asks for, and the input untouched', async () => {
    const before = hash(at('province.xlsx'));
    const { code, out } = await cli('validate', at('province.xlsx'), '--json', at('findings.json'));
    expect(code).toBe(1);
    expect(out).toMatch(/Tổng: 16 đơn vị, [1-9]\d* lỗi/);
    const json = JSON.parse(readFileSync(at('findings.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['agencies', 'findings']);
    expect(Object.keys(json.agencies[0])).toEqual(['agency', 'sheet', 'status', 'errors', 'warnings']);
    expect(Object.keys(json.findings[0])).toEqual([
      'agency',
      'sheet',
      'cell',
      'indicator',
      'rule',
      'severity',
      'message',
    ]);
    expect(json.findings.some((f: { rule: string }) => f.rule === 'ambiguous-number')).toBe(true);
    expect(hash(at('province.xlsx'))).toBe(before);
  });

  it('validate: exit 0 on a clean workbook', async () => {
    const out = await cli('validate', at('clean.xlsx'));
    expect(out.out).toMatch(/0 lỗi/);
    expect(out.code).toBe(0);
  });

  it('validate: exit 2, with a Vietnamese reason, on a file that is not ours or not a workbook', async () => {
    writeFileSync(at('notes.xlsx'), 'đây không phải tệp Excel');
    const bad = await cli('validate', at('notes.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('không phải tệp Excel (.xlsx) hợp lệ');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'xin chào';
    await other.xlsx.writeFile(at('other.xlsx'));
    const notOurs = await cli('validate', at('other.xlsx'));
    expect(notOurs.code).toBe(2);
    expect(notOurs.out).toContain('không có trang "Thiết lập"');
    expect((await cli('validate', at('missing.xlsx'))).out).toContain('không tìm thấy tệp');
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('consolidate: writes the summary workbook and JSON, never into the input', async () => {
    const before = hash(at('province.xlsx'));
    const { code } = await cli(
      'consolidate',
      at('province.xlsx'),
      '--out',
      at('summary.xlsx'),
      '--json',
      at('summary.json'),
    );
    expect(code).toBe(0);
    expect(hash(at('province.xlsx'))).toBe(before);
    const json = JSON.parse(readFileSync(at('summary.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['issuer', 'period', 'submission', 'indicators']);
    expect(json.period).toMatchObject({ id: 'Q3', year: 2026 });
    expect(Object.keys(json.submission[0])).toEqual(
      expect.arrayContaining(['agency', 'submitted', 'date', 'daysLate']),
    );
    const rate = json.indicators['3.4.1'];
    expect(rate.unit).toBe('%');
    expect(rate.value).toBeGreaterThan(0);
    expect(rate.value).toBeLessThanOrEqual(100);
    expect(json.indicators['1.2'].distribution).toBeDefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('summary.xlsx'));
    for (const s of ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra'])
      expect(book.getWorksheet(s)).toBeDefined();
    expect((await cli('consolidate', at('province.xlsx'), '--out', at('province.xlsx'))).code).toBe(2);
  });

  it("report: a .docx on A4 with the decree's margins, Times New Roman, and numbers from page 2", async () => {
    const { code } = await cli('report', at('province.xlsx'), '--out', at('report.docx'));
    expect(code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(at('report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twentieths of a point
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/); // 20, 15, 20, 30 mm
    expect(xml).toContain('<w:titlePg/>'); // a first page without the number
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).not.toMatch(/NaN|undefined/);
    const headers = Object.keys(zip.files).filter((f) => /word\/header\d+\.xml/.test(f));
    const headerXml = (await Promise.all(headers.map((h) => zip.file(h)!.async('string')))).join();
    expect(headerXml).toContain('PAGE');
  });

  it('the built CLI runs as a program', () => {
    const built = join(__dirname, '..', 'dist', 'cli.js');
    expect(existsSync(built)).toBe(true);
    const out = execFileSync(process.execPath, [built, '--help'], { encoding: 'utf8' });
    expect(out).toContain('Báo cáo CCHC');
  });
});
