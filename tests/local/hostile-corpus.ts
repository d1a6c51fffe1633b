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
 * Files that are no workbook at all, zip bombs and devices come from scripts/hostile-files.ts.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../paths';

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
  /** Read by every command; 1.1.1 sums to `total`; validate says `validate` (a hand-written fragment). */
  | { readonly total: number; readonly validate: string };

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
];
