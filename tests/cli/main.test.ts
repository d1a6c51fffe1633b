/** The CLI end to end, on real .xlsx and .docx files in a temporary folder. */
import * as ExcelJS from '@cj-tech-master/excelts';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { failureOf, fromOsError } from '../../src/cli/errors';
import { LIMITS, writeOutputs } from '../../src/cli/files';
import { cliWith, scratch } from './helpers';
import { CLI_JS } from '../paths';

const { dir, at } = scratch('cchc-');
const clock = () => new Date(2026, 9, 5, 9, 30);

const cli = cliWith(clock);

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
    // Excel and LibreOffice refuse what Google Sheets refuses, with the same help text.
    expect(ws.getCell(rowOf('3.4.a'), 4).dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      errorStyle: 'stop',
      error:
        'Nhập số nguyên không âm (0, 1, 2…), ví dụ 1.949; không nhập chữ, số âm hay số thập phân. Không phát sinh thì nhập 0.',
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
    expect(bad.out).toContain('là tệp văn bản (có thể là CSV), không phải sổ Excel');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'xin chào';
    await other.xlsx.writeFile(at('other.xlsx'));
    const notOurs = await cli('validate', at('other.xlsx'));
    expect(notOurs.code).toBe(2);
    expect(notOurs.out).toContain('không có trang "Thiết lập"');
    expect((await cli('validate', at('missing.xlsx'))).out).toContain('Không tìm thấy');
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
    const built = CLI_JS;
    expect(existsSync(built)).toBe(true);
    const out = execFileSync(process.execPath, [built, '--help'], { encoding: 'utf8' });
    expect(out).toContain('Báo cáo CCHC');
  });
});

describe('npm run cchc: conventions', () => {
  it('--help on every command, exit 0, in Vietnamese', async () => {
    for (const c of ['template', 'validate', 'consolidate', 'report', 'sample', 'demo']) {
      const { code, out } = await cli(c, '--help');
      expect(code).toBe(0);
      expect(out).toContain(`Cách dùng: npm run cchc -- ${c}`);
    }
  });

  it('refuses unknown options, missing values and extra file names, in Vietnamese', async () => {
    const unknown = await cli('validate', at('clean.xlsx'), '--jsn', 'x.json');
    expect(unknown).toEqual({ code: 2, out: expect.stringContaining('Lệnh validate không có tùy chọn "--jsn"') });
    const missing = await cli('consolidate', at('clean.xlsx'), '--out');
    expect(missing).toEqual({
      code: 2,
      out: expect.stringContaining('Tùy chọn "--out" của lệnh consolidate cần một giá trị'),
    });
    // validate, consolidate and report take branch workbooks after the main one; split takes one workbook.
    const extra = await cli('split', at('clean.xlsx'), at('province.xlsx'), '--out', at('tach-thua'));
    expect(extra).toEqual({ code: 2, out: expect.stringContaining('không nhận thêm') });
    expect((await cli('template', 'form.xlsx')).out).toContain('không nhận thêm "form.xlsx"');
  });

  it('resolves relative paths against the folder the user ran the command in', async () => {
    const lines: string[] = [];
    const code = await main(['validate', 'clean.xlsx'], { out: (l) => lines.push(l), clock, cwd: dir });
    expect(code).toBe(0);
  });

  it('prints errors, then warnings; --quiet hides the warnings; no menu items named', async () => {
    const { out } = await cli('validate', at('province.xlsx'));
    const firstWarning = out.indexOf('[Cảnh báo]');
    const lastError = out.lastIndexOf('[Lỗi]');
    expect(lastError).toBeGreaterThan(0);
    if (firstWarning >= 0) expect(firstWarning).toBeGreaterThan(lastError);
    const quiet = await cli('validate', at('province.xlsx'), '--quiet');
    expect(quiet.out).not.toContain('[Cảnh báo]');
    expect(quiet.out).toContain('[Lỗi]');
    expect(out).not.toMatch(/menu|Tạo biểu mẫu cho các đơn vị/);
  });

  it('tells .xls, .ods, CSV and password-protected files apart by their bytes, with what to do', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(at('old.xlsx'), Buffer.concat([ole, Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')]));
    writeFileSync(
      at('locked.xlsx'),
      Buffer.concat([ole, Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]),
    );
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    writeFileSync(at('calc.xlsx'), await ods.generateAsync({ type: 'nodebuffer' }));
    writeFileSync(at('list.xlsx'), 'stt;name;type\n1;Sở Nội vụ;so\n');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    writeFileSync(at('letter.xlsx'), await docx.generateAsync({ type: 'nodebuffer' }));
    const expectations: [string, string][] = [
      ['old.xlsx', 'Excel 97-2003 (.xls)'],
      ['locked.xlsx', 'được đặt mật khẩu'],
      ['calc.xlsx', 'OpenDocument (.ods)'],
      ['list.xlsx', 'tệp văn bản (có thể là CSV)'],
      ['letter.xlsx', 'không phải sổ Excel (.xlsx)'],
    ];
    for (const [file, text] of expectations) {
      const r = await cli('validate', at(file));
      expect(r.code).toBe(2);
      expect(r.out).toContain(text);
      expect(r.out).toContain(file);
    }
  });

  it('translates OS errors: a folder as output, a missing folder, no permission, a full disk', async () => {
    const folder = await cli('consolidate', at('clean.xlsx'), '--out', dir);
    expect(folder.code).toBe(2);
    expect(folder.out).toContain('là một thư mục, không phải tệp');
    expect((await cli('validate', at('nowhere/clean.xlsx'))).out).toContain('Không tìm thấy');
    const under = await cli('consolidate', at('clean.xlsx'), '--out', join(at('clean.xlsx'), 'x.xlsx'));
    expect(under.out).toContain('có một phần là tệp chứ không phải thư mục');
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(failureOf(fromOsError(err('EACCES'), 'tong-hop.xlsx', 'write')).message).toContain(
      'Không có quyền ghi "tong-hop.xlsx"',
    );
    expect(failureOf(fromOsError(err('ENOSPC'), 'tong-hop.xlsx', 'write')).message).toContain('Ổ đĩa đã đầy');
    expect(failureOf(fromOsError(err('EACCES'), 'so.xlsx', 'read')).message).toContain('Không có quyền đọc');
  });
});

describe('npm run cchc: file safety', () => {
  const snapshot = () => Object.fromEntries(readdirSync(dir).map((f) => [f, hash(at(f))]));

  it('never writes to an input: --out, --json, a symlink or a hard link to it', async () => {
    const before = hash(at('province.xlsx'));
    symlinkSync(at('province.xlsx'), at('link.xlsx'));
    linkSync(at('province.xlsx'), at('hard.xlsx'));
    const attempts = [
      ['report', at('province.xlsx'), '--out', at('province.xlsx')],
      ['validate', at('province.xlsx'), '--json', at('province.xlsx')],
      ['consolidate', at('province.xlsx'), '--out', at('s.xlsx'), '--json', at('province.xlsx')],
      ['consolidate', at('province.xlsx'), '--out', at('link.xlsx')],
      ['consolidate', at('province.xlsx'), '--out', at('hard.xlsx')],
      ['consolidate', at('link.xlsx'), '--out', at('province.xlsx')],
      ['consolidate', at('province.xlsx'), '--out', join(dir, '.', 'sub', '..', 'province.xlsx')],
    ];
    for (const args of attempts) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toContain('tệp đầu vào');
      // Refused before any work: the refusal is all the user reads.
      expect(r.out.split('\n')).toHaveLength(1);
    }
    expect(hash(at('province.xlsx'))).toBe(before);
  });

  it('refuses two outputs that are the same file', async () => {
    const r = await cli('consolidate', at('clean.xlsx'), '--out', at('both.out'), '--json', at('both.out'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('Hai tệp kết quả cùng trỏ tới');
    expect(existsSync(at('both.out'))).toBe(false);
  });

  it('template and sample keep an existing file unless --force', async () => {
    const before = hash(at('province.xlsx'));
    for (const c of ['template', 'sample']) {
      const r = await cli(c, '--out', at('province.xlsx'));
      expect(r.code).toBe(2);
      expect(r.out).toContain('--force');
    }
    expect(hash(at('province.xlsx'))).toBe(before);
    writeFileSync(at('old-form.xlsx'), 'cũ');
    expect((await cli('template', '--out', at('old-form.xlsx'), '--force')).code).toBe(0);
    expect(readFileSync(at('old-form.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('validate, consolidate and report keep an existing output unless --force', async () => {
    writeFileSync(at('kept.xlsx'), 'tổng hợp đã sửa tay');
    writeFileSync(at('kept.json'), '{"kept":true}');
    writeFileSync(at('kept.docx'), 'bản đã sửa');
    const attempts = [
      ['consolidate', at('clean.xlsx'), '--out', at('kept.xlsx')],
      ['validate', at('clean.xlsx'), '--json', at('kept.json')],
      ['report', at('clean.xlsx'), '--out', at('kept.docx')],
    ];
    for (const args of attempts) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toContain('--force');
    }
    expect(readFileSync(at('kept.xlsx'), 'utf8')).toBe('tổng hợp đã sửa tay');
    expect(readFileSync(at('kept.json'), 'utf8')).toBe('{"kept":true}');
    expect(readFileSync(at('kept.docx'), 'utf8')).toBe('bản đã sửa');
    expect((await cli('consolidate', at('clean.xlsx'), '--out', at('kept.xlsx'), '--force')).code).toBe(0);
    expect(readFileSync(at('kept.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes through a temporary file: a failed write leaves the previous output and no litter', async () => {
    writeFileSync(at('previous.json'), '{"good":true}');
    const files = snapshot();
    await expect(
      writeOutputs(
        [
          {
            shown: 'previous.json',
            path: at('previous.json'),
            data: () => {
              throw new Error('disk died');
            },
          },
        ],
        [],
        { force: true },
      ),
    ).rejects.toThrow('disk died');
    expect(snapshot()).toEqual(files);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a file that would unpack beyond what a province needs, before unpacking it', async () => {
    const saved = LIMITS.uncompressedBytes;
    LIMITS.uncompressedBytes = 100_000;
    try {
      const r = await cli('validate', at('clean.xlsx'));
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/quá lớn so với nhu cầu của một tỉnh \(giải nén ra [\d,]+ MB, tối đa 0,1 MB\)/);
    } finally {
      LIMITS.uncompressedBytes = saved;
    }
  });

  it('refuses a sheet whose used range reaches the last row before reading it', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Thiết lập').getCell('A1').value = 'x';
    book.getWorksheet('Thiết lập')!.getCell('Z1048576').value = 1;
    await book.xlsx.writeFile(at('huge-range.xlsx'));
    const r = await cli('validate', at('huge-range.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('trang "Thiết lập" dùng tới 1.048.576 dòng × 26 cột');
  });
});

describe('npm run demo', () => {
  it('runs a 60-agency province end to end and writes what it lists, the province draft and one agency report', async () => {
    const out = join(dir, 'demo');
    const { code, out: text } = await cli('demo', '--out-dir', out);
    expect(code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'bao-cao-cua-mot-don-vi.docx',
      'da-kiem-tra.xlsx',
      'du-thao-bao-cao.docx',
      'ket-qua-kiem-tra.json',
      'so-lieu-cac-don-vi.xlsx',
      'tong-hop.json',
      'tong-hop.xlsx',
    ]);
    for (const f of files) expect(text).toContain(join(out, f));
    expect(text).toMatch(/^2\. Kiểm tra: \d+ đạt/m);
    expect(text).toMatch(/^5\. Báo cáo riêng của UBND xã /m);
    const summary = JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as { submission: unknown[] };
    expect(summary.submission).toHaveLength(60);
  });
});
