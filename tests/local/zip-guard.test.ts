/**
 * Zips written so that two readers read two different files (a second directory hidden in the
 * comment, a directory that disagrees with its local headers, entries sharing bytes, names that
 * climb out or are absolute), built by hand from a real report (tests/local/hostile-corpus.ts, which
 * the corpus runs through every command too): every
 * command refuses each with the same Vietnamese message, writes nothing and leaves the input as it
 * was. And the limits that keep validate small hold for the commands that build a full model.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FIXTURE_CLOCK } from '../fixtures/collect/fixture';
import { cliWith, scratch } from '../cli/helpers';
import { FIXTURES } from '../paths';
import { FORGED_SHEET, ZIP_TRICKS, hiddenDirectory, sampleParts } from './hostile-corpus';
import { pack, unzipParts, zipOf } from './zip-builder';

const SAMPLE = readFileSync(join(FIXTURES, 'interop', 'sample.xlsx'));
const PROVINCE = join(FIXTURES, 'collect', 'province.xlsx');
const cli = cliWith(FIXTURE_CLOCK);
const parts = sampleParts;
const CASES = ZIP_TRICKS;

/** The message every command gives, written by hand. */
const message = (shown: string, why: string) =>
  `Tệp "${shown}" bị hỏng (${why}): mỗi chương trình có thể đọc ra số liệu khác nhau từ tệp này, nên tiện ích không đọc. ` +
  `Hãy mở tệp bằng Excel (hoặc LibreOffice), kiểm tra lại số liệu, chọn Lưu thành (Save As) kiểu "Excel Workbook (.xlsx)" rồi chạy lại với tệp mới.`;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a zip two readers would read differently', () => {
  it('is a real trap: the honest build of the same parts is a report every command reads', async () => {
    const { at } = scratch('cchc-zip-ok-');
    writeFileSync(at('dung.xlsx'), zipOf(parts()).bytes);
    const r = await cli('consolidate', at('dung.xlsx'), '--out', at('c.xlsx'));
    expect(r.code).toBe(0);
    // excelts' own zip reader (what the full-model commands used to load), given the hidden
    // directory, reads the forged sheet: Sở Nội vụ's 12 becomes 777777.
    const loaded = await XlsxWorkbook.fromBuffer(hiddenDirectory());
    expect(loaded.book.getWorksheet('Sở Nội vụ')!.getCell('D14').value).toBe(777777);
  });

  it.each(CASES)('$file: every command refuses it with the same message and writes nothing', async (c) => {
    const { dir, at } = scratch('cchc-zip-');
    const input = at(c.file);
    writeFileSync(input, c.bytes());
    const before = sha(input);
    const runs = {
      validate: await cli('validate', input),
      consolidate: await cli('consolidate', input, '--out', at('tong-hop.xlsx'), '--json', at('tong-hop.json')),
      report: await cli('report', input, '--out', at('bao-cao.docx')),
      'template --from': await cli('template', '--from', input, '--out', at('so-moi.xlsx')),
      collect: await cli('collect', input, PROVINCE, '--out', at('nhan.xlsx')),
    };
    const expected = message(input, c.why);
    for (const [command, r] of Object.entries(runs))
      expect({ command, code: r.code, refused: r.out.includes(expected) }).toEqual({ command, code: 2, refused: true });
    expect(readdirSync(dir)).toEqual([c.file]);
    expect(sha(input)).toBe(before);
  });

  it('an agency file built the same way is refused by collect with the same words', async () => {
    const { at } = scratch('cchc-zip-agency-');
    writeFileSync(at('so-noi-vu.xlsx'), hiddenDirectory());
    const r = await cli('collect', PROVINCE, at('so-noi-vu.xlsx'), '--out', at('nhan.xlsx'));
    expect(r.out).toContain('Từ chối: ');
    expect(r.out).toContain('bị hỏng (có hai bản ghi cuối của tệp nén (một bản ẩn trong phần chú thích))');
    expect(r.out).not.toContain('777');
  });
});

describe('the limits validate keeps hold for the commands that build a full model', () => {
  const { at } = scratch('cchc-zip-limits-');
  const withStrings = (xml: string) =>
    zipOf(parts().map((p) => (p.name === 'xl/sharedStrings.xml' ? pack(p.name, xml) : p))).bytes;
  const sst = (items: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join('')}</sst>`;
  const original = unzipParts(SAMPLE)
    .find((p) => p.name === 'xl/sharedStrings.xml')!
    .data.toString('utf8')
    .match(/<si>[\s\S]*?<\/si>/g)!;

  const files = [
    {
      // 17 MB of shared strings (the 50 MB took the full model to 860 MB).
      file: 'chuoi-lon.xlsx',
      bytes: () => withStrings(sst([...original, `<si><t>${'a'.repeat(17 * 1024 * 1024)}</t></si>`])),
      says: 'thành phần "xl/sharedStrings.xml" giải nén ra 17 MB, tối đa 16 MB một thành phần',
    },
    {
      // 200.001 shared strings in under 4 MB.
      file: 'chuoi-nhieu.xlsx',
      bytes: () => withStrings(sst([...original, ...Array.from({ length: 200_001 - original.length }, () => '<si/>')])),
      says: 'bảng chữ dùng chung (sharedStrings) có hơn 200.000 mục',
    },
    {
      // A sheet whose directory entry understates what it inflates to (a "lying" sheet).
      file: 'trang-noi-doi.xlsx',
      bytes: () => {
        const lying = parts().map((p) => (p.name === FORGED_SHEET ? { ...p, usize: 1000 } : p));
        return zipOf(lying).bytes;
      },
      says: 'thành phần "xl/worksheets/sheet4.xml" giải nén ra nhiều hơn kích thước tệp nén khai báo',
    },
  ];

  it.each(files)('$file is refused by validate, consolidate, report, template --from and collect alike', async (f) => {
    const input = at(f.file);
    writeFileSync(input, f.bytes());
    const outs = [
      await cli('validate', input),
      await cli('consolidate', input, '--out', at(`${f.file}.c.xlsx`)),
      await cli('report', input, '--out', at(`${f.file}.docx`)),
      await cli('template', '--from', input, '--out', at(`${f.file}.t.xlsx`)),
      await cli('collect', input, PROVINCE, '--out', at(`${f.file}.n.xlsx`)),
    ];
    const first = outs[0].out.split('\n').find((l) => l.includes(f.says));
    expect(first).toContain(`"${input}"`);
    for (const r of outs) expect({ code: r.code, same: r.out.includes(first!) }).toEqual({ code: 2, same: true });
    for (const suffix of ['.c.xlsx', '.docx', '.t.xlsx', '.n.xlsx'])
      expect(existsSync(at(f.file + suffix))).toBe(false);
  });
});
