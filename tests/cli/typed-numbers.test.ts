/**
 * Numbers that are not one number, through the .xlsx readers end to end: a number cell whose
 * stored text is "1234abc" or "NaN" (excelts' loader alone would read 1234 and NaN), and digits
 * split by a space. validate reads the file into snapshots, consolidate into a full model: both
 * refuse the same cells with the same words, and nothing of them reaches a figure or the output.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliWith, scratch } from './helpers';
import { NOW } from '../gas/setup';
import { FIXTURES } from '../paths';

const { at } = scratch('cchc-numbers-');
const cli = cliWith(() => NOW);
const AGENCY = 'Văn phòng UBND tỉnh';

/** The interop sample with three of the agency's counts replaced, two of them in the sheet's XML itself. */
async function writeInput(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(FIXTURES, 'interop', 'sample.xlsx'));
  const ws = book.getWorksheet(AGENCY)!;
  const row = (code: string) =>
    [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === code)!;
  expect([row('1.1.1'), row('1.1.2'), row('1.1.3')]).toEqual([14, 15, 16]);
  ws.getCell('D14').value = 987654;
  ws.getCell('D15').value = '30 45';
  ws.getCell('D16').value = 876543;
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  let patched = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes('<v>987654</v>')) continue;
    zip.file(name, xml.replace('<v>987654</v>', '<v>1234abc</v>').replace('<v>876543</v>', '<v>NaN</v>'));
    patched++;
  }
  expect(patched).toBe(1);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

const EXPECTED_ERRORS = [
  `Ô D14 (chỉ tiêu 1.1.1): "1234abc" không phải là số. Hãy nhập số, ví dụ 1.949; ghi chú đưa sang cột Ghi chú.`,
  `Ô D15 (chỉ tiêu 1.1.2): "30 45" có khoảng trắng giữa các chữ số nhưng không theo nhóm ba chữ số hàng nghìn (như 1 234 567) nên không rõ là một số hay hai số. Hãy nhập lại cho rõ, ví dụ 1.949 (một nghìn chín trăm bốn mươi chín) hoặc 12,5.`,
  `Ô D16 (chỉ tiêu 1.1.3): "NaN" không phải là số. Hãy nhập số, ví dụ 1.949; ghi chú đưa sang cột Ghi chú.`,
];

describe('numbers that are not one number, in an .xlsx', () => {
  beforeAll(async () => writeInput(at('in.xlsx')), 30_000);

  it('validate and consolidate give the same verdict at the same cells, and no figure of them', async () => {
    const v = await cli('validate', at('in.xlsx'));
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/Có lỗi +Văn phòng UBND tỉnh \(3 lỗi, 7 cảnh báo\)/);
    for (const message of EXPECTED_ERRORS) expect(v.out).toContain(`[Lỗi] Trang "${AGENCY}": ${message}`);

    const c = await cli('consolidate', at('in.xlsx'), '--out', at('out.xlsx'), '--json', at('out.json'));
    expect(c.out).toContain('4 đã gửi (0 chậm), 3 được tổng hợp');
    const json = JSON.parse(readFileSync(at('out.json'), 'utf8'));
    expect(json.submission.find((s: { agency: string }) => s.agency === AGENCY)).toMatchObject({
      included: false,
      excludedReason: 'Còn 3 lỗi',
    });
    expect(json.indicators['1.1.1']).toMatchObject({ contributors: 3 });

    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(at('out.xlsx'));
    const results = out.getWorksheet('Kết quả kiểm tra')!;
    const rows: unknown[][] = [];
    results.eachRow((r) => rows.push((r.values as unknown[]).slice(2)));
    expect(rows).toContainEqual([AGENCY, expect.anything(), 'Có lỗi', 3, 7, expect.anything()]);
    const messages = rows.map((r) => r.find((v) => typeof v === 'string' && v.startsWith('Ô D1')));
    for (const message of EXPECTED_ERRORS) expect(messages).toContain(message);

    // The tab in the output holds what the file held, as text: no number NaN, no 1234.
    const tab = out.getWorksheet(AGENCY)!;
    expect([tab.getCell('D14').value, tab.getCell('D15').value, tab.getCell('D16').value]).toEqual([
      '1234abc',
      '30 45',
      'NaN',
    ]);
  });
});
