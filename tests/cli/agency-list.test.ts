/**
 * `template --agencies` with the lists people have, and the CLI's hints when a command is typed
 * the way npm, the shell or Excel make easy to get wrong. In-process (no child processes), so no
 * test here depends on how fast the machine is.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliWith, scratch } from './helpers';

// The module object files.ts calls through (a namespace import would be a copy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof import('node:fs');

jest.setTimeout(300_000); // a handful of small workbooks; generous for a loaded machine

const { at } = scratch('cchc-lists-');
const clock = () => new Date(2026, 9, 5, 9, 30);
const cli = cliWith(clock);
const underNpm = (script: string, more: Record<string, string> = {}) =>
  cliWith(clock, { npm_lifecycle_event: script, ...more });

async function tabs(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
}

describe('template --agencies', () => {
  it("the sample don-vi.csv at the root makes the README's first command work as written", async () => {
    const r = await cli(
      'template',
      '--out',
      at('so-bao-cao.xlsx'),
      '--agencies',
      join(__dirname, '..', '..', 'don-vi.csv'),
      '--province',
      'Vĩnh Long',
      '--period',
      'Q1',
      '--year',
      '2026',
      '--deadline',
      '10/03/2026',
    );
    expect(r.out).toContain('Đã tạo 11 trang biểu mẫu (quý I năm 2026)');
    expect(r.code).toBe(0);
    const names = await tabs(at('so-bao-cao.xlsx'));
    expect(names).toContain('Sở Tài chính');
    expect(names).toContain('Công an tỉnh Vĩnh Long');
  });

  it('a Vietnamese-header, tab-separated UTF-16 list (Excel: "Unicode Text") gives its tabs, names in NFC', async () => {
    const text = 'STT\tTên đơn vị\tLoại\r\n1\tSở Tài chính\tSở, ban, ngành\r\n2\tUBND phường Trà Vinh\tUBND cấp xã\r\n';
    writeFileSync(
      at('unicode.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.normalize('NFD'), 'utf16le')]),
    );
    const r = await cli(
      'template',
      '--out',
      at('unicode.xlsx'),
      '--agencies',
      at('unicode.txt'),
      '--period',
      'Q1',
      '--year',
      '2026',
    );
    expect(r.code).toBe(0);
    expect(await tabs(at('unicode.xlsx'))).toEqual(['Thiết lập', 'Sở Tài chính', 'UBND phường Trà Vinh']);
  });

  it('an .xlsx list: its first sheet', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Đơn vị');
    ws.getRow(1).values = ['Tên đơn vị', 'Loại'];
    ws.getRow(2).values = ['Sở Y tế', 'so'];
    ws.getRow(3).values = ['UBND xã Tam Bình', 'xa'];
    await book.xlsx.writeFile(at('don-vi.xlsx'));
    const r = await cli(
      'template',
      '--out',
      at('from-xlsx.xlsx'),
      '--agencies',
      at('don-vi.xlsx'),
      '--period',
      'Q1',
      '--year',
      '2026',
    );
    expect(r.code).toBe(0);
    expect(await tabs(at('from-xlsx.xlsx'))).toEqual(['Thiết lập', 'Sở Y tế', 'UBND xã Tam Bình']);
  });

  it("blames the list's lines for reserved, duplicate and bad rows, and writes nothing", async () => {
    writeFileSync(at('bad.csv'), 'name,type\nSở Nội vụ,so\nTổng hợp,so\nSở Nội vụ,so\nSở Y tế,bệnh viện\n,xa\n');
    const r = await cli('template', '--out', at('never.xlsx'), '--agencies', at('bad.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      'bad.csv, dòng 3: Đơn vị "Tổng hợp": tên trang tính "Tổng hợp" trùng với trang của tiện ích',
    );
    expect(r.out).toContain('bad.csv, dòng 4: Đơn vị "Sở Nội vụ" bị trùng (đã có ở dòng 2)');
    expect(r.out).toContain('bad.csv, dòng 5: Đơn vị "Sở Y tế": loại "bệnh viện" không hợp lệ');
    expect(r.out).toContain('bad.csv, dòng 6: thiếu tên đơn vị');
    expect(r.out).not.toMatch(/Ô [A-Z]+\d+/);
    expect(existsSync(at('never.xlsx'))).toBe(false);
  });

  it('refuses a list in an encoding it cannot be sure of, with how to save it as CSV UTF-8', async () => {
    writeFileSync(at('vni.csv'), Buffer.from([...Buffer.from('name,type\nS'), 0xf4, 0xfb, ...Buffer.from(',so\n')]));
    const r = await cli('template', '--out', at('never.xlsx'), '--agencies', at('vni.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('CSV UTF-8 (Comma delimited)');
    expect(existsSync(at('never.xlsx'))).toBe(false);
  });

  it('a workbook list that is not a list says what the header needs, once, not once per row', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Số liệu');
    for (let r = 1; r <= 300; r++) ws.getRow(r).values = [r, r * 2];
    await book.xlsx.writeFile(at('not-a-list.xlsx'));
    const r = await cli('template', '--out', at('never.xlsx'), '--agencies', at('not-a-list.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out.split('\n').filter((l) => l.includes('dòng'))).toHaveLength(1);
    expect(r.out).toContain('Tên đơn vị');
  });
});

describe('hints for what npm, the shell and Excel make easy to get wrong', () => {
  beforeAll(async () => {
    writeFileSync(at('two.csv'), 'name,type\nSở Tài chính,so\nSở Tư pháp,so\nUBND xã Tam Bình,xa\n');
    const r = await cli(
      'template',
      '--out',
      at('two.xlsx'),
      '--agencies',
      at('two.csv'),
      '--period',
      'Q1',
      '--year',
      '2026',
    );
    expect(r.code).toBe(0);
  });

  it('--agency with a near miss suggests the closest names', async () => {
    const accents = await cli('report', at('two.xlsx'), '--out', at('r.docx'), '--agency', 'so tai chinh');
    expect(accents.code).toBe(2);
    expect(accents.out).toContain('Có phải: "Sở Tài chính"?');
    const word = await cli('report', at('two.xlsx'), '--out', at('r.docx'), '--agency', 'Sở');
    expect(word.out).toContain('Các tên gần giống: "Sở Tài chính", "Sở Tư pháp"?');
    expect(word.out).not.toContain('"UBND xã Tam Bình"?');
  });

  it('a stray argument is told about -- and quotes', async () => {
    const r = await cli('validate', at('two.xlsx'), 'Tài', 'chính');
    expect(r.code).toBe(2);
    expect(r.out).toContain('không nhận thêm "Tài chính"');
    expect(r.out).toContain('đặt -- trước các tùy chọn');
    expect(r.out).toContain('đặt trong ngoặc kép');
  });

  it('options npm kept for itself (no --) are named, with the command as it should be typed', async () => {
    const r = await underNpm('cchc', { npm_config_out: 'true' })('template', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.out).toContain('npm đã giữ lại --out');
    expect(r.out).toContain('npm run cchc -- template --out');
    const demo = await underNpm('demo', { npm_config_force: 'true' })('demo', '--out-dir', at('demo'));
    expect(demo.out).toContain('npm run demo -- --force');
  });

  it('the refusal to replace a file shows --force after -- when run through npm', async () => {
    mkdirSync(at('old-demo'), { recursive: true });
    writeFileSync(join(at('old-demo'), 'tong-hop.xlsx'), 'kết quả lần trước');
    const demo = await underNpm('demo')('demo', '--out-dir', at('old-demo'));
    expect(demo.code).toBe(2);
    expect(demo.out).toContain(`npm run demo -- --out-dir ${at('old-demo')} --force`);
    const template = await underNpm('cchc')('template', '--out', at('two.xlsx'), '--province', 'Vĩnh Long');
    expect(template.out).toContain(`npm run cchc -- template --out ${at('two.xlsx')} --province "Vĩnh Long" --force`);
    expect((await cli('template', '--out', at('two.xlsx'))).out).not.toContain('npm run');
  });

  it('an Excel lock file is named for what it is, with the workbook Excel has open', async () => {
    writeFileSync(at('~$two.xlsx'), Buffer.from([0x0b, 0x4e, 0x67, 0x75, 0x79, 0x65, 0x6e, 0x20, 0x41]));
    const r = await cli('validate', at('~$two.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('tệp khóa tạm của Excel');
    expect(r.out).toContain('đang mở tệp "two.xlsx" trong Excel');
    expect(r.out).toContain('Hãy đóng Excel');
  });

  it('an output open in Excel on Windows (EPERM or EBUSY on the existing file) gets the "close it in Excel" advice', async () => {
    writeFileSync(at('open.xlsx'), 'đang mở trong Excel');
    for (const code of ['EPERM', 'EBUSY']) {
      const spy = jest.spyOn(nodeFs, 'renameSync').mockImplementation(() => {
        throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
      });
      try {
        const r = await cli('consolidate', at('two.xlsx'), '--out', at('open.xlsx'), '--force');
        expect(r.code).toBe(2);
        expect(r.out).toContain('đóng tệp trong Excel rồi chạy lại');
      } finally {
        spy.mockRestore();
      }
    }
    expect(readFileSync(at('open.xlsx'), 'utf8')).toBe('đang mở trong Excel');
  });

  it('validate on a book nobody has filled says so in one line, exit code 1', async () => {
    const r = await cli('validate', at('two.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('Chưa đơn vị nào nhập số liệu: cả 3 trang đơn vị');
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.out).not.toContain('chưa có số liệu');
  });
});
