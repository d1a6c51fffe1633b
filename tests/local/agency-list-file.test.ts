/**
 * Agency list files as Excel, LibreOffice and old Vietnamese software save them: the bytes of each
 * encoding are made here by hand (tables below), never read from outside the repository.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { readAgencyListFile } from '../../src/local/agency-list-file';
import { FileError, fileMessage } from '../../src/local/file-problems';

/** Windows-1258 (Microsoft's Vietnamese code page): a base letter, then a combining tone byte where needed. */
const CP1258: Record<string, number[]> = {
  ở: [0xf5, 0xd2], // ơ + hook above
  à: [0xe0],
  í: [0x69, 0xec], // i + acute
  ư: [0xfd],
  ờ: [0xf5, 0xcc], // ơ + grave
  ê: [0xea],
  đ: [0xf0],
  ơ: [0xf5],
  ị: [0x69, 0xf2], // i + dot below
  ạ: [0x61, 0xf2],
  ã: [0x61, 0xde], // a + tilde
  â: [0xe2],
  ú: [0xfa],
};

/** TCVN3 (ABC), as the .VnTime fonts draw it: one byte per lower-case letter with its tone. */
const TCVN3: Record<string, number[]> = {
  ở: [0xeb],
  à: [0xb5],
  í: [0xdd],
  ư: [0xad],
  ờ: [0xea],
  ê: [0xaa],
  đ: [0xae],
  ơ: [0xac],
  ị: [0xde],
  ạ: [0xb9],
  ã: [0xb7],
  â: [0xa9],
  ú: [0xf3],
};

function encode(text: string, table: Record<string, number[]>): Buffer {
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else if (table[c]) bytes.push(...table[c]);
    else throw new Error(`no byte for ${c} in the test's table`);
  }
  return Buffer.from(bytes);
}

const LIST = 'Tên đơn vị;Loại\r\nSở Tài chính;so\r\nUBND phường Trà Vinh;xa\r\nUBND xã Tân Phú;xa\r\n';
const EXPECTED = ['Sở Tài chính', 'UBND phường Trà Vinh', 'UBND xã Tân Phú'];

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

async function read(bytes: Uint8Array) {
  const r = await readAgencyListFile(bytes, 'don-vi.csv');
  return { names: r.agencies.map((a) => a.name), problems: r.problems, encoding: r.encoding };
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readAgencyListFile(bytes, 'don-vi.csv');
  } catch (e) {
    if (e instanceof FileError) return fileMessage(e);
    throw e;
  }
  throw new Error('read, not refused');
}

describe('an agency list file', () => {
  it.each([
    ['UTF-8', Buffer.from(LIST, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LIST, 'utf8')])],
    ['UTF-8, decomposed accents (NFD)', Buffer.from(LIST.normalize('NFD'), 'utf8')],
    ['UTF-16 LE with BOM, tab-separated', utf16le(LIST.replace(/;/g, '\t'))],
    ['UTF-16 BE with BOM', utf16be(LIST)],
    ['Windows-1258', encode(LIST, CP1258)],
    ['TCVN3 (ABC)', encode(LIST, TCVN3)],
  ])('%s: every name read right, in NFC', async (_kind, bytes) => {
    const got = await read(bytes);
    expect(got.problems).toEqual([]);
    expect(got.names).toEqual(EXPECTED);
    for (const n of got.names) expect(n).toBe(n.normalize('NFC'));
  });

  it('says which legacy encoding it read', async () => {
    expect((await read(encode(LIST, CP1258))).encoding).toBe('Windows-1258');
    expect((await read(encode(LIST, TCVN3))).encoding).toBe('TCVN3');
  });

  it('refuses a text no encoding reads as Vietnamese (VNI), saying how to save it as CSV UTF-8', async () => {
    // "Sở Tài chính" typed with a VNI font: ơ is "ô", the hook "û", à is "aø".
    const vni = Buffer.from([
      ...Buffer.from('name,type\r\nS'),
      0xf4,
      0xfb,
      ...Buffer.from(' Ta'),
      0xf8,
      ...Buffer.from('i ch'),
      0xed,
      ...Buffer.from('nh,so\r\n'),
    ]);
    const message = await refusal(vni);
    expect(message).toContain('Không đọc chắc chắn được chữ tiếng Việt trong "don-vi.csv"');
    expect(message).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
  });

  it('refuses a Latin-1 text and a UTF-16 text without its BOM rather than guess', async () => {
    expect(await refusal(Buffer.from('name,type\nCaf\xe9 \xd1o\xf1o,so\n', 'latin1'))).toContain('CSV UTF-8');
    expect(await refusal(Buffer.from('name,type\nSở Y tế,so\n', 'utf16le'))).toContain('CSV UTF-8');
  });

  it('reads the first sheet of an .xlsx list, title rows above its header, rows named by their number', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH ĐƠN VỊ BÁO CÁO CCHC';
    ws.getRow(3).values = ['STT', 'Tên đơn vị', 'Loại'];
    ws.getRow(4).values = [1, 'Sở Tài chính', 'Sở, ban, ngành'];
    ws.getRow(5).values = [2, 'UBND phường Trà Vinh', 'UBND cấp xã'];
    ws.getRow(6).values = [3, 'Bệnh viện tỉnh', 'bệnh viện'];
    book.addWorksheet('Ghi chú').getCell('A1').value = 'không đọc trang này';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await readAgencyListFile(bytes, 'don-vi.xlsx');
    expect(r.agencies.map((a) => [a.name, a.type])).toEqual([
      ['Sở Tài chính', 'so'],
      ['UBND phường Trà Vinh', 'xa'],
    ]);
    expect(r.problems).toEqual([{ line: 6, message: expect.stringContaining('loại "bệnh viện" không hợp lệ') }]);
  });
});
