/**
 * A province spread over a main workbook and two branch workbooks ("sổ nhánh"), on real .xlsx files:
 * `validate`, `consolidate` and `report` over the three give what they give over the same province
 * in one workbook; a branch of another period, a file given twice and an output over an input are
 * refused; `template --branches` writes the branches and `split` works on a branch.
 */
import JSZip from 'jszip';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { catalogFor } from '../../src/core/catalog/versions';
import { Settings, settingsPlan } from '../../src/core/settings';
import { runContext } from '../../src/core/settings/run-context';
import { generateTemplates, loadSettings } from '../../src/core/use-cases';
import { WorkbookSet } from '../../src/core/workbook-set';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { cliWith, scratch } from './helpers';

const { at } = scratch('cchc-branches-');
const clock = () => new Date(2026, 3, 20, 9, 30);
const cli = cliWith(clock);
// What `sample --period Q1 --year 2026 --communes 12 --provincial 6` builds.
const OPTIONS = { communes: 12, provincial: 6, period: 'Q1', year: 2026 } as const;
const BRANCH = ['', 'Nhánh 1', 'Nhánh 2'];

/** The sample province with every third agency in the main workbook and the others in two branches. */
async function writeSpread(): Promise<void> {
  const sample = sampleProvince({ ...OPTIONS, seed: undefined, mistakeShare: undefined });
  const spread: Settings = {
    ...sample.settings,
    agencies: sample.settings.agencies.map((a, i) => ({ ...a, branch: BRANCH[i % 3] })),
  };
  const main = XlsxWorkbook.create(clock);
  main.create(settingsPlan(spread));
  const loaded = loadSettings(main);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const settings = loaded.settings;
  const branches = BRANCH.slice(1).map((name) => {
    const book = XlsxWorkbook.create(clock);
    book.create(settingsPlan({ ...settings, thisBranch: name }));
    return { name, book };
  });
  const set = new WorkbookSet(main, branches, settings);
  generateTemplates(set, runContext(settings));
  for (const f of sample.fills) writeFill(set, catalogFor(settings), settings, f);
  writeFileSync(at('chinh.xlsx'), await main.toBuffer());
  for (const [i, b] of branches.entries()) writeFileSync(at(`nhanh-${i + 1}.xlsx`), await b.book.toBuffer());
}

async function docxText(path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}

const SPREAD = ['chinh.xlsx', 'nhanh-1.xlsx', 'nhanh-2.xlsx'].map((f) => at(f));

beforeAll(async () => {
  expect(
    (
      await cli(
        'sample',
        '--out',
        at('mot-so.xlsx'),
        '--period',
        'Q1',
        '--year',
        '2026',
        '--communes',
        '12',
        '--provincial',
        '6',
      )
    ).code,
  ).toBe(0);
  await writeSpread();
}, 120_000);

describe('validate, consolidate and report over a main workbook and two branches', () => {
  it('validate prints the same results as for the province in one workbook', async () => {
    const one = await cli('validate', at('mot-so.xlsx'));
    const spread = await cli('validate', ...SPREAD);
    expect(spread.code).toBe(one.code);
    const lines = (out: string) => out.split('\n').filter((l) => !l.startsWith('Tệp ') && !l.startsWith('Các tệp '));
    expect(lines(spread.out)).toEqual(lines(one.out));
    expect(spread.out).toContain(`Các tệp "${SPREAD[0]}", "${SPREAD[1]}" và "${SPREAD[2]}":`);
    expect(one.out).toMatch(/Tổng: 18 đơn vị, \d+ lỗi/);
  }, 60_000);

  it('consolidate gives the same figures in its JSON, and never writes over an input', async () => {
    expect(
      (await cli('consolidate', at('mot-so.xlsx'), '--out', at('th-1.xlsx'), '--json', at('th-1.json'))).code,
    ).toBe(0);
    const spread = await cli('consolidate', ...SPREAD, '--out', at('th-3.xlsx'), '--json', at('th-3.json'));
    expect(spread.code).toBe(0);
    const one = JSON.parse(readFileSync(at('th-1.json'), 'utf8')) as Record<string, unknown>;
    const three = JSON.parse(readFileSync(at('th-3.json'), 'utf8')) as Record<string, unknown>;
    expect(three.indicators).toEqual(one.indicators);
    expect(three.submission).toEqual(one.submission);
    expect(three).toEqual(one);
    expect(Object.keys(one.indicators as object).length).toBeGreaterThan(50);

    const before = statSync(SPREAD[1]!).mtimeMs;
    const over = await cli('consolidate', ...SPREAD, '--out', SPREAD[1]!);
    expect(over.code).toBe(2);
    expect(over.out).toContain(`Không ghi vào "${SPREAD[1]}": đó là tệp đầu vào.`);
    expect(statSync(SPREAD[1]!).mtimeMs).toBe(before);
  }, 60_000);

  it('report drafts the same text', async () => {
    expect((await cli('report', at('mot-so.xlsx'), '--out', at('bc-1.docx'))).code).toBe(0);
    expect((await cli('report', ...SPREAD, '--out', at('bc-3.docx'))).code).toBe(0);
    const one = await docxText(at('bc-1.docx'));
    expect(one).toContain('BÁO CÁO');
    expect(await docxText(at('bc-3.docx'))).toEqual(one);
  }, 60_000);

  it('names the agencies of a branch left out, instead of calling their tabs lost', async () => {
    const out = (await cli('validate', SPREAD[0]!, SPREAD[1]!)).out;
    expect(out).toMatch(
      /Trang "([^"]+)" của \1 ở sổ nhánh "Nhánh 2" \(cột "Sổ nhánh" trên trang Thiết lập\), nhưng sổ nhánh này không có trong lần chạy: chưa đọc được số liệu của đơn vị\./,
    );
    expect(out).not.toMatch(/ở sổ nhánh "Nhánh 1"/);
  }, 60_000);

  it('refuses a branch of another period, a file given twice, and a branch given first, naming the file', async () => {
    writeFileSync(at('hai-don-vi.csv'), 'Tên đơn vị,Loại\nSở Nội vụ,Sở\nUBND xã An Bình,Xã\n');
    const q2 = ['--agencies', at('hai-don-vi.csv'), '--period', 'Q2', '--year', '2026'];
    expect((await cli('template', '--out', at('quy-2.xlsx'), ...q2)).code).toBe(0);
    const other = await cli('consolidate', SPREAD[0]!, at('quy-2.xlsx'), '--out', at('th-x.xlsx'));
    expect(other.code).toBe(2);
    expect(other.out).toBe(
      `"${at('quy-2.xlsx')}" là sổ của quý II năm 2026, khác kỳ của sổ chính "${SPREAD[0]}" (quý I năm 2026); các sổ tổng hợp cùng nhau phải cùng một kỳ báo cáo.`,
    );
    const twice = await cli('validate', SPREAD[0]!, SPREAD[1]!, SPREAD[1]!);
    expect(twice.out).toBe(
      `Tệp "${SPREAD[1]}" được nêu hai lần (cùng tệp với "${SPREAD[1]}"); mỗi sổ chỉ nêu một lần.`,
    );
    const first = await cli('report', SPREAD[1]!, SPREAD[0]!, '--out', at('bc-x.docx'));
    expect(first.out).toBe(
      `"${SPREAD[1]}" là sổ nhánh "Nhánh 1"; tệp đầu tiên phải là sổ chính (sổ có trang Thiết lập của cả tỉnh và các trang kết quả), rồi đến các sổ nhánh.`,
    );
    expect(existsSync(at('th-x.xlsx')) || existsSync(at('bc-x.docx'))).toBe(false);
  }, 60_000);
});

describe('template --branches', () => {
  it('writes the main workbook and one workbook per branch of the Sổ nhánh column, each with only its tabs', async () => {
    writeFileSync(
      at('don-vi.csv'),
      [
        'Tên đơn vị,Loại,Sổ nhánh',
        'Sở Nội vụ,Sở,',
        'Văn phòng UBND tỉnh,Sở,',
        'UBND xã An Bình,Xã,Nhánh 1',
        'UBND xã Long Hòa,Xã,Nhánh 1',
        'UBND phường Phước Hậu,Phường,Nhánh 2',
      ].join('\n'),
    );
    const made = await cli(
      'template',
      '--out',
      at('moi/chinh.xlsx'),
      '--agencies',
      at('don-vi.csv'),
      '--period',
      'Q1',
      '--year',
      '2026',
      '--branches',
    );
    expect(made.code).toBe(0);
    expect(made.out).toContain('Sổ chính giữ trang Thiết lập, các trang kết quả và biểu mẫu của 2 đơn vị.');
    expect(made.out).toContain(
      `Sổ nhánh "Nhánh 1": ${at('moi/nhanh-1.xlsx')} (2 đơn vị; chia sẻ sổ này cho đúng các đơn vị đó).`,
    );
    expect(readdirSync(at('moi')).sort()).toEqual(['chinh.xlsx', 'nhanh-1.xlsx', 'nhanh-2.xlsx']);
    // Each branch is a workbook of its own: its copy of Thiết lập and its agencies' forms.
    const branch = await cli('validate', at('moi/nhanh-1.xlsx'));
    expect(branch.out).toContain(`cả 2 trang đơn vị của "${at('moi/nhanh-1.xlsx')}" còn trống`);
    const all = await cli('validate', at('moi/chinh.xlsx'), at('moi/nhanh-1.xlsx'), at('moi/nhanh-2.xlsx'));
    expect(all.out).toContain('cả 5 trang đơn vị');
    // split works on a branch as on the main workbook: its own agencies' files.
    expect((await cli('split', at('moi/nhanh-1.xlsx'), '--out', at('tach'))).code).toBe(0);
    expect(readdirSync(at('tach')).sort()).toEqual([
      '03 - UBND xa An Binh - Quy I 2026.xlsx',
      '04 - UBND xa Long Hoa - Quy I 2026.xlsx',
    ]);
  }, 60_000);

  it("collect into one workbook names the workbook that holds another workbook's agency", async () => {
    // The files the first test split from "Nhánh 1", and those of the main workbook and of "Nhánh 2".
    expect((await cli('split', at('moi/chinh.xlsx'), '--out', at('tach-chinh'))).code).toBe(0);
    expect((await cli('split', at('moi/nhanh-2.xlsx'), '--out', at('tach-2'))).code).toBe(0);
    const intoBranch = await cli(
      'collect',
      at('moi/nhanh-1.xlsx'),
      at('tach-2/05 - UBND phuong Phuoc Hau - Quy I 2026.xlsx'),
      at('tach-chinh/01 - So Noi vu - Quy I 2026.xlsx'),
      '--out',
      at('moi/nhanh-1-nhan.xlsx'),
    );
    expect(intoBranch.code).toBe(1);
    expect(intoBranch.out).toContain(
      'Từ chối: đơn vị UBND phường Phước Hậu có biểu mẫu ở sổ nhánh "Nhánh 2", không ở sổ này: hãy nhận tệp này vào sổ đó',
    );
    expect(intoBranch.out).toContain(
      'Từ chối: đơn vị Sở Nội vụ có biểu mẫu ở sổ chính, không ở sổ này: hãy nhận tệp này vào sổ đó',
    );
    expect(intoBranch.out).not.toContain('không có trong danh sách đơn vị');
    // The main workbook read alone does not hold its branches' tabs either.
    const intoMain = await cli(
      'collect',
      at('moi/chinh.xlsx'),
      at('tach/03 - UBND xa An Binh - Quy I 2026.xlsx'),
      '--out',
      at('moi/chinh-nhan.xlsx'),
    );
    expect(intoMain.code).toBe(1);
    expect(intoMain.out).toContain(
      'Từ chối: đơn vị UBND xã An Bình có biểu mẫu ở sổ nhánh "Nhánh 1", không ở sổ này: hãy nhận tệp này vào sổ đó',
    );
    expect(intoMain.out).not.toContain('chạy "Tạo biểu mẫu cho các đơn vị" trước');
  }, 60_000);

  it('refuses --branches with --from, and says step by step what to do instead', async () => {
    const r = await cli('template', '--from', at('moi/chinh.xlsx'), '--branches', '--out', at('tach-nhanh/chinh.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out.split('\n')).toEqual([
      `Không dùng --branches cùng --from được: lệnh này không chuyển các trang đã có số liệu của "${at('moi/chinh.xlsx')}" sang sổ nhánh. Hãy làm như sau:`,
      `  1. Tách số liệu đã nhập thành tệp của từng đơn vị: npm run cchc -- split ${at('moi/chinh.xlsx')} --out ${at('tach-nhanh/tach-so-cu')}`,
      `  2. Lập danh sách đơn vị (tệp CSV hoặc .xlsx, các cột Tên đơn vị, Loại, Sổ nhánh) theo đúng thứ tự trên trang Thiết lập của "${at('moi/chinh.xlsx')}"; ghi tên sổ nhánh (ví dụ Nhánh 1) ở cột Sổ nhánh, để trống cho đơn vị ở lại sổ chính.`,
      `  3. Tạo sổ chính và các sổ nhánh: npm run cchc -- template --agencies don-vi.csv --period Q1 --year 2026 --deadline 10/03/2026 --province "Ủy ban nhân dân tỉnh Vĩnh Long" --branches --out ${at('tach-nhanh/chinh.xlsx')}`,
      `  4. Nhận lại số liệu vào từng sổ: npm run cchc -- collect ${at('tach-nhanh/chinh.xlsx')} ${at('tach-nhanh/tach-so-cu')} --out ${at('tach-nhanh/chinh-da-nhan.xlsx')}, rồi cũng vậy với từng sổ nhánh (${at('tach-nhanh/nhanh-1.xlsx')}, …). Mỗi sổ từ chối tệp của đơn vị ở sổ khác và nói tệp đó thuộc sổ nào.`,
      `Nếu trang Thiết lập của "${at('moi/chinh.xlsx')}" có chỉ tiêu riêng của tỉnh, dòng đã tắt hoặc đơn vị cung cấp số liệu khác mặc định, hãy sửa như vậy trên trang Thiết lập của sổ mới và của từng sổ nhánh trước bước 4; nếu không, biểu mẫu khác phiên bản và tệp bị từ chối.`,
    ]);
    expect(existsSync(at('tach-nhanh'))).toBe(false);
  }, 60_000);

  it('refuses a list with a Sổ nhánh column without --branches', async () => {
    const r = await cli('template', '--out', at('khong.xlsx'), '--agencies', at('don-vi.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `Danh sách đơn vị "${at('don-vi.csv')}" có cột "Sổ nhánh": thêm --branches để ghi cả các sổ nhánh, hoặc xóa cột đó để mọi biểu mẫu ở một sổ.`,
    );
  });
});
