/**
 * The parts of a report that Nghị định 30/2020 (Phụ lục I) fixes, whoever issues it: the header
 * table (parent and issuing body, number, motto, place and date), the title, the closing table
 * (Nơi nhận, signer), the appendix titles. The province's and an agency's report share them.
 */
import { IsoDate, formatLongDate } from '../primitives/dates';
import { squish, upper } from '../primitives/text';
import { Block, Para, ReportModel, Run, TableBlock, para } from './model';
import { todo } from './figures';
import { isBodyName } from './issuers';

/** Who issues the report and who signs it (report/issuers.ts builds one by the kind of issuing body). */
export interface Issuer {
  /** The body above the issuer ("UBND tỉnh Trà Vinh" above "Sở Nội vụ"); empty for none. */
  readonly parentBody: string;
  /** The issuer's name as sentences write it ("Sở Nội vụ", "UBND xã Long Hòa"). */
  readonly issuingBody: string;
  /**
   * "/BC-UBND", "15/BC-SNV"; the number is filled in when the report is issued. Null: the symbol
   * is not known, and the draft shows a highlighted placeholder after "/BC-", never an empty one.
   */
  readonly docNumber: string | null;
  readonly place: string;
  readonly date: IsoDate;
  /** Leave the day for the signer ("ngày      tháng 3 năm 2020"), as the seeds do. */
  readonly dayBlank?: boolean;
  /**
   * The issuing body as the header writes it, when it differs from one line of issuingBody: a
   * committee is "ỦY BAN NHÂN DÂN" over "XÃ AN LONG", with no parent body (ND 30).
   */
  readonly headerLines?: readonly string[];
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"; empty when the head signs. */
  readonly authority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
}

/** "ngày 05 tháng 3 năm 2026", or with the day left blank for the signer: "ngày      tháng 3 năm 2026". */
export function issueDate(issuer: Pick<Issuer, 'date' | 'dayBlank'>): string {
  return issuer.dayBlank ? formatLongDate(issuer.date).replace(/^ngày \d\d/, 'ngày     ') : formatLongDate(issuer.date);
}

/** "Cải cách thể chế" -> "cải cách thể chế" inside a sentence; a body's own name keeps its capitals. */
export function lowerFirst(text: string): string {
  return isBodyName(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

const NBSP = '\u00a0';
const UNITS = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu', 'khu vực'];
const UNIT_FORMS = UNITS.flatMap((u) => [u, u.charAt(0).toLocaleUpperCase('vi') + u.slice(1), upper(u)]);
/** A unit's level and its name: "tỉnh Vĩnh Long", "PHƯỜNG 1", "khu vực XIX" (names are capitalised words or numbers). */
const PLACE = new RegExp(
  `(^|[^\\p{L}])(${UNIT_FORMS.join('|')})[ \\t]+(\\p{Lu}[\\p{L}\\p{M}]*|\\d+)((?:[ \\t]+(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+))*)`,
  'gu',
);

/**
 * Line breaks never split a place name: the spaces inside "tỉnh Vĩnh Long" (the level with the
 * name) and "Việt Nam" become non-breaking, so a long header line breaks between other words
 * ("CÔNG AN / TỈNH VĨNH LONG", never "CÔNG AN TỈNH VĨNH / LONG").
 */
export function keepPlaceNames(text: string): string {
  return text
    .replace(
      PLACE,
      (_m, lead: string, unit: string, first: string, rest: string) =>
        `${lead}${unit.replace(/ /g, NBSP)}${NBSP}${first}${rest.replace(/[ \t]+/g, NBSP)}`,
    )
    .replace(/(Việt|VIỆT) (Nam|NAM)/g, `$1${NBSP}$2`);
}

/** "Số:       /BC-UBND", "Số: 15/BC-SNV", or "Số:       /BC-" and a highlighted placeholder for an unknown symbol. */
function docNumberRuns(docNumber: string | null): Run[] {
  const n = squish(docNumber ?? '');
  if (!n) return [{ text: 'Số:       /BC-' }, todo('ký hiệu')];
  return [{ text: n.startsWith('/') ? `Số:       ${n}` : `Số: ${n}` }];
}

const small = (
  text: string | Run[],
  opts: { bold?: boolean; italic?: boolean; size?: number; spaceAfter?: number } = {},
): Para =>
  para(
    (typeof text === 'string' ? [{ text }] : text).map((r) => ({
      ...r,
      bold: r.bold ?? opts.bold,
      italic: r.italic ?? opts.italic,
      size: opts.size ?? 13,
    })),
    { align: 'center', size: opts.size ?? 13, spaceAfter: opts.spaceAfter ?? 0 },
  );

export function headerTable(issuer: Issuer): TableBlock {
  const left: Para[] = [];
  if (issuer.parentBody) left.push(small(upper(keepPlaceNames(issuer.parentBody))));
  for (const line of issuer.headerLines ?? [issuer.issuingBody])
    left.push(small(upper(keepPlaceNames(line)), { bold: true }));
  left.push(small('________', { spaceAfter: 6 }));
  left.push(small(docNumberRuns(issuer.docNumber)));
  const right: Para[] = [
    small('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
    small('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }),
    small('_____________________', { spaceAfter: 6 }),
    small(`${squish(issuer.place).replace(/ /g, NBSP)}, ${issueDate(issuer)}`, { italic: true, size: 14 }),
  ];
  return { kind: 'table', widths: [37, 63], rows: [[left, right]], borders: false, headerRows: 0 };
}

/** Header, a blank line, "BÁO CÁO" and the subject with its short rule. */
export function opening(blocks: Block[], issuer: Issuer, subject: string): void {
  blocks.push(headerTable(issuer));
  blocks.push(para('', { align: 'center', spaceAfter: 6 }));
  blocks.push(para([{ text: 'BÁO CÁO', bold: true }], { align: 'center', spaceAfter: 0 }));
  blocks.push(para([{ text: subject, bold: true }], { align: 'center', spaceAfter: 0 }));
  blocks.push(para([{ text: '________________' }], { align: 'center', spaceAfter: 12, size: 12 }));
}

export function footerTable(issuer: Issuer): TableBlock {
  const left: Para[] = [
    para([{ text: 'Nơi nhận:', bold: true, italic: true, size: 12 }], { align: 'left', size: 12, spaceAfter: 0 }),
    ...issuer.recipients.map((r) => para([{ text: `- ${r}`, size: 11 }], { align: 'left', size: 11, spaceAfter: 0 })),
  ];
  const right: Para[] = [];
  if (issuer.authority)
    right.push(para([{ text: upper(issuer.authority), bold: true }], { align: 'center', spaceAfter: 0 }));
  right.push(
    para([{ text: upper(issuer.signerTitle || 'CHỨC VỤ NGƯỜI KÝ'), bold: true, highlight: !issuer.signerTitle }], {
      align: 'center',
      spaceAfter: 0,
    }),
  );
  for (let i = 0; i < 4; i++) right.push(para('', { align: 'center', spaceAfter: 0 }));
  right.push(
    para([issuer.signerName ? { text: issuer.signerName, bold: true } : todo('Họ và tên người ký')], {
      align: 'center',
      spaceAfter: 0,
    }),
  );
  return { kind: 'table', widths: [50, 50], rows: [[left, right]], borders: false, headerRows: 0 };
}

/**
 * The closing sentence and the signer block, kept on one page: a signature alone on a page, or
 * one split from the text it signs, is what Nghị định 30 layouts avoid.
 */
export function closing(blocks: Block[], issuer: Issuer): void {
  const last = blocks[blocks.length - 1];
  if (last?.kind === 'para') blocks[blocks.length - 1] = { ...last, keepWithNext: true };
  blocks.push(footerTable(issuer));
}

/** "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)"; an unknown symbol a placeholder, as in "Số:". */
export function attachedTo(issuer: Issuer): Run[] {
  const n = squish(issuer.docNumber ?? '');
  const after = ` ${issueDate(issuer)} của ${keepPlaceNames(issuer.issuingBody)})`;
  if (!n) return [{ text: '(Kèm theo Báo cáo số       /BC-' }, todo('ký hiệu'), { text: after }];
  return [{ text: `(Kèm theo Báo cáo số ${n.startsWith('/') ? `      ${n}` : n}${after}` }];
}

/**
 * A period's word and its numeral kept on one line with a no-break space: "QUÝ I", "NĂM 2026",
 * "tháng 6" (a title never breaks "…QUÝ / I NĂM 2026").
 */
export function keepNumeralsTogether(text: string): string {
  return text.replace(/(^|\s)(quý|tháng|năm)\s+(?=[IVX\d]+(?=$|[\s,.;:)]))/giu, '$1$2\u00a0');
}

/** An appendix starts its own section: a new page, numbered from 1 (Nghị định 30). */
export function appendixTitle(blocks: Block[], issuer: Issuer, label: string, title: string): void {
  blocks.push(para([{ text: label, bold: true }], { align: 'center', newSection: true, spaceAfter: 0 }));
  blocks.push(para([{ text: keepNumeralsTogether(title), bold: true }], { align: 'center', spaceAfter: 0 }));
  blocks.push(
    para(
      attachedTo(issuer).map((r) => ({ ...r, italic: true })),
      { align: 'center', spaceAfter: 12 },
    ),
  );
}

export const cellPara = (
  text: string,
  opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; highlight?: boolean; italic?: boolean } = {},
): Para[] => [
  para([{ text, bold: opts.bold, size: 12, highlight: opts.highlight, italic: opts.italic }], {
    align: opts.align ?? 'left',
    size: 12,
    spaceAfter: 0,
  }),
];

/** The decree's page: A4 portrait, margins 20/20/30/15 mm, Times New Roman, numbers from page 2. */
export function document(fileName: string, blocks: Block[]): ReportModel {
  return {
    fileName,
    font: 'Times New Roman',
    page: { widthMm: 210, heightMm: 297, marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } },
    pageNumbersFromSecondPage: true,
    blocks,
  };
}
