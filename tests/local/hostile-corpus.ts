/**
 * A corpus of unusual and hostile workbooks, one generator per family of issue 33, each made from
 * the interop sample (tests/fixtures/interop/sample.xlsx) by changing a few bytes of its XML, so
 * that what each file should give is known by hand:
 *
 * - the sample's "Văn phòng UBND tỉnh" (xl/worksheets/sheet3.xml) holds 14 at D14 (1.1.1) and
 *   14 at D15 (1.1.2); the four agencies' 1.1.1 add up to 39, so the three others hold 25;
 * - a file that puts 20 at that D14 is read right when 1.1.1 is 39 − 14 + 20 = 45 everywhere;
 * - a file that puts no number there is read right when that cell is an error in validate and
 *   the agency is left out of the sum: 1.1.1 is then 25.
 *
 * - "Sở Nội vụ" (xl/worksheets/sheet4.xml) holds 12 at D14, and its own 4.1.4.4 (a rate it
 *   supplies for the whole province) at D76 as the text "14,2%".
 *
 * Files that are no workbook at all, zip bombs and devices come from scripts/hostile-files.ts.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../paths';
import { Packed, centralRecord, endRecord, localRecord, pack, unzipParts, zipOf } from './zip-builder';

export const SAMPLE = join(FIXTURES, 'interop', 'sample.xlsx');
export const AGENCY = 'Văn phòng UBND tỉnh';
const SHEET = 'xl/worksheets/sheet3.xml';
const D14 = '<c r="D14" s="20"><v>14</v></c>';

/** 1.1.1 summed over the four agencies, as each file should be read (see the file's comment). */
export const TOTAL_111 = { unchanged: 39, with20: 45, without: 25 } as const;

/** What a corpus file should give. */
export type Outcome =
  /** Refused whole by every command, with this fragment of the Vietnamese message. */
  | { readonly refused: string }
  /**
   * Read by every command; 1.1.1 sums to `total`; validate says `validate` (a hand-written
   * fragment); consolidate gives each of `figures` (an indicator's code and its figure), and so
   * does the other route: split, then collect `route`'s file (default: the agency whose D14 the
   * corpus changes) back into the sample.
   */
  | {
      readonly total: number;
      readonly validate: string;
      readonly figures?: Readonly<Record<string, number>>;
      readonly route?: string;
    };

export interface CorpusFile {
  readonly family: string;
  readonly file: string;
  readonly outcome: Outcome;
  readonly make: () => Promise<Buffer>;
}

/**
 * A file an agency sends back (made from the agency's file `split` writes for "Văn phòng UBND
 * tỉnh", whose D14 holds 14): collected into the sample, 1.1.1 should sum to `total`.
 */
export interface AgencyCorpusFile {
  readonly family: string;
  readonly file: string;
  /** `validate` here is what validate says of the workbook collect writes. */
  readonly outcome: Outcome;
  readonly make: (agencyFile: string) => Promise<Buffer>;
}

async function sample(): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(SAMPLE));
}

const zipped = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

/** The sample with the agency's D14 cell written as `cell` (the cell's XML). */
async function withD14(cell: string, zip?: JSZip): Promise<JSZip> {
  const z = zip ?? (await sample());
  const xml = await z.file(SHEET)!.async('string');
  if (!xml.includes(D14)) throw new Error('the sample changed: D14 is not where this corpus expects it');
  z.file(SHEET, xml.replace(D14, cell));
  return z;
}

const inline = (text: string) => `<c r="D14" s="20" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * Styles no program of ours writes but others do (openpyxl's `<patternFill/>`, a conditional
 * format's fill with no patternType as LibreOffice and Excel write it) and values outside the
 * schema (a pattern, a border style, a font scheme, a colour) that a careless writer leaves.
 */
export async function oddStyles(zip?: JSZip): Promise<JSZip> {
  const z = zip ?? (await sample());
  let styles = await z.file('xl/styles.xml')!.async('string');
  const count = (tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(styles)![1]);
  const append = (tag: string, xml: string, n: number) => {
    styles = styles
      .replace(new RegExp(`<${tag} count="\\d+"`), `<${tag} count="${count(tag) + n}"`)
      .replace(`</${tag}>`, `${xml}</${tag}>`);
  };
  const fills = count('fills');
  const fonts = count('fonts');
  const borders = count('borders');
  append(
    'fills',
    '<fill><patternFill/></fill><fill><patternFill><fgColor rgb="FFFF0000"/></patternFill></fill>' +
      '<fill><patternFill patternType="undefined"/></fill><fill><patternFill patternType="bogus"><fgColor rgb="xyz"/></patternFill></fill>',
    4,
  );
  append(
    'fonts',
    '<font><sz val="12"/><name val="Arial"/><scheme val="weird"/><vertAlign val="up"/><family val="99"/></font>',
    1,
  );
  append('borders', '<border><left style="hairy"/><right style="thin"/><top/><bottom/><diagonal/></border>', 1);
  const xfs = count('cellXfs');
  append(
    'cellXfs',
    [0, 1, 2, 3]
      .map((i) => `<xf numFmtId="0" fontId="${fonts}" fillId="${fills + i}" borderId="${borders}" applyFill="1"/>`)
      .join(''),
    4,
  );
  // A conditional format's fill as LibreOffice and Excel write it: no patternType (solid, there).
  const dxfs = '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>';
  styles = /<dxfs count="0"\/>/.test(styles) ? styles.replace('<dxfs count="0"/>', dxfs) : styles;
  z.file('xl/styles.xml', styles);
  // Cells of the setup sheet wear the odd styles; the agency's D14 gets a conditional format.
  let sheet = await z.file(SHEET)!.async('string');
  sheet = sheet.replace(
    '</sheetData>',
    '</sheetData><conditionalFormatting sqref="D14"><cfRule type="expression" dxfId="0" priority="1"><formula>D14&gt;1000</formula></cfRule></conditionalFormatting>',
  );
  z.file(SHEET, sheet);
  const setup = 'xl/worksheets/sheet1.xml';
  let first = await z.file(setup)!.async('string');
  const cells = [0, 1, 2, 3].map((i) => `<c r="${'WXYZ'[i]}1" s="${xfs + i}"/>`).join('');
  first = first.replace(/(<row r="1"[^>]*>)([\s\S]*?)(<\/row>)/, `$1$2${cells}$3`);
  z.file(setup, first);
  return z;
}

/** A DOCTYPE in every XML part before its root element (LAUGHS: entities that expand a thousand-fold). */
async function withDoctype(zip: JSZip, doctype: string): Promise<JSZip> {
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, /^<\?xml[^>]*\?>/.test(xml) ? xml.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`) : doctype + xml);
  }
  return zip;
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

/**
 * Zips that two readers would read differently, laid out by hand (tests/local/zip-builder.ts) from
 * the sample's parts. The forged copy of the sheet of Sở Nội vụ gives its D14 777777 for 12.
 */
export const FORGED_SHEET = 'xl/worksheets/sheet4.xml';

/** The sample's parts, packed again, with `edit` applied to the sheet of Sở Nội vụ. */
export function sampleParts(edit: (xml: string) => string = (x) => x): Packed[] {
  return unzipParts(readFileSync(SAMPLE)).map(({ name, data }) =>
    pack(name, name === FORGED_SHEET ? edit(data.toString('utf8')) : data),
  );
}
const forged = (xml: string) => xml.replace('<c r="D14" s="20"><v>12</v></c>', '<c r="D14" s="20"><v>777777</v></c>');

/**
 * A second end record hidden in the comment, whose directory lists the same parts except the
 * sheet of Sở Nội vụ, which it takes from a forged copy (D14 = 777777) also in the comment.
 */
export function hiddenDirectory(): Buffer {
  const honest = sampleParts();
  const { offsets, cdStart } = zipOf(honest);
  const cd = Buffer.concat(honest.map((p) => centralRecord(p, offsets.get(p.name)!)));
  const commentAt = cdStart + cd.length + 22;
  const fake = sampleParts(forged).find((p) => p.name === FORGED_SHEET)!;
  const fakeLocal = localRecord(fake);
  const hiddenCd = Buffer.concat(
    honest.map((p) =>
      p.name === FORGED_SHEET ? centralRecord(fake, commentAt) : centralRecord(p, offsets.get(p.name)!),
    ),
  );
  const comment = Buffer.concat([
    fakeLocal,
    hiddenCd,
    endRecord(honest.length, hiddenCd.length, commentAt + fakeLocal.length),
  ]);
  return zipOf(honest, comment).bytes;
}

/** The directory says one compressed size for the sheet, its local header another. */
function sizeMismatch(): Buffer {
  const zip = zipOf(sampleParts());
  const bytes = Buffer.from(zip.bytes);
  const at = bytes.indexOf(Buffer.from(FORGED_SHEET), zip.cdStart) - 46;
  bytes.writeUInt32LE(bytes.readUInt32LE(at + 20) + 7, at + 20);
  return bytes;
}

/** The end record says the directory is 46 bytes longer than it is. */
function directorySizeWrong(): Buffer {
  const bytes = Buffer.from(zipOf(sampleParts()).bytes);
  const end = bytes.length - 22;
  bytes.writeUInt32LE(bytes.readUInt32LE(end + 12) + 46, end + 12);
  return bytes;
}

/** The sheet twice under one name, the second one forged: readers keep the first or the last. */
function duplicateName(): Buffer {
  const fake = sampleParts(forged).find((p) => p.name === FORGED_SHEET)!;
  return zipOf([...sampleParts(), fake]).bytes;
}

/**
 * A stored picture whose bytes hold a whole second entry (the forged sheet under another name);
 * the directory lists both, so one entry lies inside the other.
 */
function overlapping(): Buffer {
  const all = sampleParts();
  const fake = { ...sampleParts(forged).find((p) => p.name === FORGED_SHEET)!, name: 'xl/worksheets/sheet9.xml' };
  const inner = localRecord(fake);
  const picture = pack('xl/media/anh.bin', inner, true);
  const { bytes, offsets, cdStart } = zipOf([...all, picture]);
  const pictureData = offsets.get('xl/media/anh.bin')! + 30 + picture.name.length;
  const cd = Buffer.concat([
    ...[...all, picture].map((p) => centralRecord(p, offsets.get(p.name)!)),
    centralRecord(fake, pictureData),
  ]);
  return Buffer.concat([bytes.subarray(0, cdStart), cd, endRecord(all.length + 2, cd.length, cdStart)]);
}

/** The parts with one renamed (the workbook's relationships still find it under its own name). */
function renamed(from: string, to: string): Buffer {
  return zipOf(sampleParts().map((p) => (p.name === from ? { ...p, name: to } : p))).bytes;
}

/** The parts and one more. */
function withPart(name: string): Buffer {
  return zipOf([...sampleParts(), pack(name, 'x')]).bytes;
}

/** Each zip two readers would read differently and, written by hand, what its message says is wrong. */
export const ZIP_TRICKS: readonly { file: string; bytes: () => Buffer; why: string }[] = [
  {
    file: 'hai-ban-ghi-cuoi.xlsx',
    bytes: hiddenDirectory,
    why: 'có hai bản ghi cuối của tệp nén (một bản ẩn trong phần chú thích)',
  },
  {
    file: 'lech-kich-thuoc.xlsx',
    bytes: sizeMismatch,
    why: 'đầu mục "xl/worksheets/sheet4.xml" khai báo kích thước khác danh mục tệp nén',
  },
  {
    file: 'lech-danh-muc.xlsx',
    bytes: directorySizeWrong,
    why: 'danh mục tệp nén không nằm ngay trước bản ghi cuối',
  },
  { file: 'trung-ten.xlsx', bytes: duplicateName, why: 'hai mục cùng tên "xl/worksheets/sheet4.xml"' },
  { file: 'chong-nhau.xlsx', bytes: overlapping, why: 'mục "xl/worksheets/sheet9.xml" chồng lên mục khác' },
  {
    file: 'ten-tuyet-doi.xlsx',
    bytes: () => renamed('xl/worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml'),
    why: 'tên mục "/xl/worksheets/sheet1.xml" là đường dẫn tuyệt đối',
  },
  { file: 'ra-ngoai.xlsx', bytes: () => withPart('../evil'), why: 'tên mục "../evil" trỏ ra ngoài tệp nén' },
  { file: 'o-dia.xlsx', bytes: () => withPart('C:\\evil.xml'), why: 'tên mục "C:\\evil.xml" là đường dẫn tuyệt đối' },
  {
    file: 'gach-nguoc.xlsx',
    bytes: () => withPart('xl\\..\\..\\evil.xml'),
    why: 'tên mục "xl\\..\\..\\evil.xml" có dấu "\\"',
  },
];

/** A formula at the agency's D14 with `cached` as its stored result (the formula's XML escaped). */
const formulaD14 = (formula: string, cached: number, style = ' s="20"') =>
  `<c r="D14"${style}><f>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</f><v>${cached}</v></c>`;

/** The stale and uncomputable formulas at D14 (D15 holds 14), and what validate says at the cell. */
const FORMULAS: readonly { file: string; formula: string; cached: number; says: string; computes: boolean }[] = [
  {
    file: 'cong-thuc-cu.xlsx',
    formula: 'SUM(D15,6)',
    cached: 5,
    says: 'Ô D14 (chỉ tiêu 1.1.1): có công thức =SUM(D15,6), kết quả lưu trong tệp là 5 nhưng tính lại được 20; đã dùng 20.',
    computes: true,
  },
  {
    file: 'cong-thuc-now.xlsx',
    formula: 'NOW()',
    cached: 20,
    says: 'Ô D14 (chỉ tiêu 1.1.1): công thức =NOW() dùng hàm NOW, cho kết quả khác nhau mỗi lần tính, nên không có một số liệu xác định; hãy nhập số thay cho công thức.',
    computes: false,
  },
  {
    file: 'cong-thuc-indirect.xlsx',
    formula: 'INDIRECT("D15")',
    cached: 14,
    says: 'Ô D14 (chỉ tiêu 1.1.1): công thức =INDIRECT("D15") dùng hàm INDIRECT (tham chiếu gián tiếp), chương trình không tính lại được; hãy nhập số thay cho công thức.',
    computes: false,
  },
  {
    file: 'cong-thuc-trang-khac.xlsx',
    formula: "'Sở Nội vụ'!D14",
    cached: 12,
    says: "Ô D14 (chỉ tiêu 1.1.1): công thức ='Sở Nội vụ'!D14 lấy số liệu từ trang hoặc tệp khác; mỗi đơn vị báo cáo số liệu của chính mình; hãy nhập số thay cho công thức.",
    computes: false,
  },
];

/** Sở Nội vụ's 4.1.4.4 (D76) as the number 0,142 under the number format `format`. */
async function rateFormatted(format: string): Promise<Buffer> {
  const z = await sample();
  let styles = await z.file('xl/styles.xml')!.async('string');
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
  const code = format.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  styles = styles
    .replace(/<numFmts count="(\d+)">/, (_m, n) => `<numFmts count="${Number(n) + 1}">`)
    .replace('</numFmts>', `<numFmt numFmtId="200" formatCode="${code}"/></numFmts>`)
    .replace(/<cellXfs count="\d+"/, `<cellXfs count="${xfs + 1}"`)
    .replace(
      '</cellXfs>',
      '<xf numFmtId="200" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf></cellXfs>',
    );
  z.file('xl/styles.xml', styles);
  const sheet = await z.file(FORGED_SHEET)!.async('string');
  const cell = /<c r="D76"[^>]*>[\s\S]*?<\/c>/.exec(sheet);
  if (!cell) throw new Error('the sample changed: D76 of Sở Nội vụ is not where this corpus expects it');
  z.file(FORGED_SHEET, sheet.replace(cell[0], `<c r="D76" s="${xfs}"><v>0.142</v></c>`));
  return zipped(z);
}

/** The agency's sheet with no `r` on any cell (and D14 holding 20): cells are numbered by their place. */
async function withoutReferences(): Promise<Buffer> {
  const z = await withD14('<c r="D14" s="20"><v>20</v></c>');
  const xml = await z.file(SHEET)!.async('string');
  z.file(SHEET, xml.replace(/<c r="[A-Z]+\d+"/g, '<c'));
  return zipped(z);
}

/** The agency's D14 in an agency file written by split, as `cell` (the cell's XML without its style). */
async function agencyWithD14(agencyFile: string, cell: (style: string) => string): Promise<JSZip> {
  const z = await JSZip.loadAsync(readFileSync(agencyFile));
  for (const name of Object.keys(z.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await z.file(name)!.async('string');
    const m = /<c r="D14"( s="\d+")?><v>14<\/v><\/c>/.exec(xml);
    if (m) {
      z.file(name, xml.replace(m[0], cell(m[1] ?? '')));
      return z;
    }
  }
  throw new Error('the agency file changed: D14 is not where this corpus expects it');
}

/** Files an agency sends back (see AgencyCorpusFile). */
export const AGENCY_CORPUS: readonly AgencyCorpusFile[] = [
  {
    family: 'DOCTYPE',
    file: 'don-vi-doctype.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async (f) => zipped(await withDoctype(await agencyWithD14(f, (s) => `<c r="D14"${s}><v>20</v></c>`), LAUGHS)),
  },
  {
    family: 'chuỗi trong ô có phiên âm',
    file: 'don-vi-phien-am.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async (f) =>
      zipped(
        await agencyWithD14(
          f,
          (s) => `<c r="D14"${s} t="inlineStr"><is><t>20</t><rPh sb="0" eb="2"><t>ニジュウ</t></rPh></is></c>`,
        ),
      ),
  },
  {
    family: 'NaN và vô hạn',
    file: 'don-vi-nan.xlsx',
    outcome: { total: TOTAL_111.without, validate: `Ô D14 (chỉ tiêu 1.1.1): "NaN" không phải là số` },
    make: async (f) => zipped(await agencyWithD14(f, (s) => `<c r="D14"${s}><v>NaN</v></c>`)),
  },
  {
    family: 'kiểu định dạng lạ',
    file: 'don-vi-kieu-la.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async (f) => {
      const z = await agencyWithD14(f, (s) => `<c r="D14"${s}><v>20</v></c>`);
      let styles = await z.file('xl/styles.xml')!.async('string');
      styles = styles.replace(/<patternFill patternType="none"\s*\/>/, '<patternFill patternType="undefined"/>');
      z.file('xl/styles.xml', styles);
      return zipped(z);
    },
  },
  ...FORMULAS.map((f): AgencyCorpusFile => ({
    family: 'công thức',
    file: `don-vi-${f.file}`,
    outcome: f.computes
      ? { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` }
      : { total: TOTAL_111.without, validate: 'Ô D14 (chỉ tiêu 1.1.1)' },
    make: async (file) => zipped(await agencyWithD14(file, (s) => formulaD14(f.formula, f.cached, s))),
  })),
];

/** The corpus (see the file's comment for the figures). */
export const CORPUS: readonly CorpusFile[] = [
  {
    family: 'số có khoảng trắng',
    file: 'hai-so.xlsx',
    outcome: {
      total: TOTAL_111.without,
      validate: `Ô D14 (chỉ tiêu 1.1.1): "30 45" có khoảng trắng giữa các chữ số`,
    },
    make: async () => zipped(await withD14(inline('30 45'))),
  },
  {
    family: 'số có khoảng trắng',
    file: 'xuong-dong.xlsx',
    outcome: {
      total: TOTAL_111.without,
      validate: `Ô D14 (chỉ tiêu 1.1.1): "12 34" có dấu xuống dòng giữa các chữ số`,
    },
    make: async () => zipped(await withD14(inline('12\n34'))),
  },
  {
    family: 'số có khoảng trắng',
    file: 'chu-sau-so.xlsx',
    outcome: { total: TOTAL_111.without, validate: `Ô D14 (chỉ tiêu 1.1.1): "1234abc" không phải là số` },
    make: async () => zipped(await withD14('<c r="D14" s="20"><v>1234abc</v></c>')),
  },
  {
    family: 'NaN và vô hạn',
    file: 'nan.xlsx',
    outcome: { total: TOTAL_111.without, validate: `Ô D14 (chỉ tiêu 1.1.1): "NaN" không phải là số` },
    make: async () => zipped(await withD14('<c r="D14" s="20"><v>NaN</v></c>')),
  },
  {
    family: 'NaN và vô hạn',
    file: 'inf.xlsx',
    outcome: { total: TOTAL_111.without, validate: `Ô D14 (chỉ tiêu 1.1.1): "INF" không phải là số` },
    make: async () => zipped(await withD14('<c r="D14" s="20"><v>INF</v></c>')),
  },
  {
    family: 'NaN và vô hạn',
    file: 'vo-han.xlsx',
    outcome: { total: TOTAL_111.without, validate: `Ô D14 (chỉ tiêu 1.1.1): "1e999" không phải là số` },
    make: async () => zipped(await withD14('<c r="D14" s="20"><v>1e999</v></c>')),
  },
  {
    family: 'kiểu định dạng lạ',
    file: 'kieu-la.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async () => zipped(await oddStyles(await withD14('<c r="D14" s="20"><v>20</v></c>'))),
  },
  {
    family: 'chuỗi trong ô có phiên âm',
    file: 'phien-am.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `Ô D14 (chỉ tiêu 1.1.1): "20" được nhập dạng chữ` },
    make: async () =>
      zipped(
        await withD14(
          '<c r="D14" s="20" t="inlineStr"><is><t>20</t><rPh sb="0" eb="2"><t>ニジュウ</t></rPh><phoneticPr fontId="0"/></is></c>',
        ),
      ),
  },
  {
    family: 'chuỗi trong ô có phiên âm',
    file: 'phien-am-nhieu-doan.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `Ô D14 (chỉ tiêu 1.1.1): "20" được nhập dạng chữ` },
    make: async () =>
      zipped(
        await withD14(
          '<c r="D14" s="20" t="inlineStr"><is><r><t>2</t></r><r><t>0</t></r><rPh sb="0" eb="1"><t>ニ</t></rPh></is></c>',
        ),
      ),
  },
  {
    family: 'DOCTYPE',
    file: 'doctype.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async () => zipped(await withDoctype(await withD14('<c r="D14" s="20"><v>20</v></c>'), '<!DOCTYPE x>')),
  },
  {
    family: 'DOCTYPE',
    file: 'doctype-thuc-the.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async () => zipped(await withDoctype(await withD14('<c r="D14" s="20"><v>20</v></c>'), LAUGHS)),
  },
  {
    family: 'DOCTYPE',
    file: 'doctype-dung-thuc-the.xlsx',
    outcome: { refused: 'nội dung bên trong bị hỏng' },
    make: async () => {
      const z = await withDoctype(await withD14('<c r="D14" s="20"><v>20</v></c>'), LAUGHS);
      const strings = await z.file('xl/sharedStrings.xml')!.async('string');
      z.file('xl/sharedStrings.xml', strings.replace(/<t>([^<]*)<\/t>/, '<t>$1&lol3;</t>'));
      return zipped(z);
    },
  },
  {
    family: 'tên tệp',
    file: 'Sở Nội vụ – bản cuối (1).xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi` },
    make: async () => zipped(await withD14('<c r="D14" s="20"><v>20</v></c>')),
  },
  ...ZIP_TRICKS.map((t): CorpusFile => ({
    family: 'tệp nén hai cách đọc',
    file: t.file,
    outcome: { refused: `bị hỏng (${t.why})` },
    make: async () => t.bytes(),
  })),
  ...FORMULAS.map((f): CorpusFile => ({
    family: 'công thức',
    file: f.file,
    outcome: { total: f.computes ? TOTAL_111.with20 : TOTAL_111.without, validate: f.says },
    make: async () => zipped(await withD14(formulaD14(f.formula, f.cached))),
  })),
  {
    family: 'định dạng phần trăm',
    file: 'phan-tram-thoat.xlsx',
    outcome: {
      total: TOTAL_111.unchanged,
      validate: 'Sở Nội vụ (0 lỗi, 8 cảnh báo)',
      figures: { '4.1.4.4': 0.142 },
      route: 'Sở Nội vụ',
    },
    make: () => rateFormatted('0.000\\%'),
  },
  {
    family: 'định dạng phần trăm',
    file: 'phan-tram-ngoac.xlsx',
    outcome: {
      total: TOTAL_111.unchanged,
      validate: 'Sở Nội vụ (0 lỗi, 8 cảnh báo)',
      figures: { '4.1.4.4': 0.142 },
      route: 'Sở Nội vụ',
    },
    make: () => rateFormatted('0.000"%"'),
  },
  {
    family: 'định dạng phần trăm',
    file: 'phan-tram.xlsx',
    outcome: {
      total: TOTAL_111.unchanged,
      validate: 'Sở Nội vụ (0 lỗi, 8 cảnh báo)',
      figures: { '4.1.4.4': 14.2 },
      route: 'Sở Nội vụ',
    },
    make: () => rateFormatted('0.000%'),
  },
  {
    family: 'ô không ghi địa chỉ',
    file: 'khong-dia-chi.xlsx',
    outcome: { total: TOTAL_111.with20, validate: `${AGENCY} (0 lỗi, 7 cảnh báo)` },
    make: withoutReferences,
  },
];
