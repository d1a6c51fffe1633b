/**
 * How a sheet plan prints on A4: orientation, fit to the page width where the text stays
 * readable, and row heights for wrapped text. Pure arithmetic on the plan (column widths in
 * Sheets pixels, 96 per inch), so the .xlsx writer applies it and tests check it without a printer.
 */
import { PlanCell, SheetPlan } from './plan';

/** Body text of every sheet, in points. */
export const FONT_PT = 12;
/** The smallest printed text a reader should get, in points. */
export const MIN_PRINTED_PT = 8;
/** Page margins, inches: narrow left and right, room for the page number at the bottom. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;

const PX_PER_INCH = 96;
const A4_INCHES = { short: 210 / 25.4, long: 297 / 25.4 };
/** Printable width of an A4 page at 100 %, in pixels. */
export const PRINTABLE_PX = {
  portrait: Math.floor((A4_INCHES.short - MARGINS.left - MARGINS.right) * PX_PER_INCH),
  landscape: Math.floor((A4_INCHES.long - MARGINS.left - MARGINS.right) * PX_PER_INCH),
};

export interface PrintLayout {
  readonly orientation: 'portrait' | 'landscape';
  /** One page wide (as many long as needed), or null: printed at `scale` across several pages. */
  readonly fitToWidth: boolean;
  /** The print scale in per cent: the fitted scale (≤ 100) or the fixed one across pages. */
  readonly scale: number;
  /** The printed size of the body text at that scale, in points. */
  readonly printedPt: number;
}

/**
 * Portrait when the table fits it at nine points or more, else landscape; one page wide when the
 * text then stays at 8 pt or more, else across pages at the scale that keeps 8 pt (with the label
 * columns repeated, see SheetPlan.print).
 */
export function printLayout(plan: Pick<SheetPlan, 'columnWidths'>): PrintLayout {
  const total = plan.columnWidths.reduce((a, b) => a + b, 0);
  const fit = (page: number) => Math.min(100, Math.floor((100 * page) / total));
  const minScale = Math.ceil((100 * MIN_PRINTED_PT) / FONT_PT);
  const portrait = fit(PRINTABLE_PX.portrait);
  if ((portrait * FONT_PT) / 100 >= 9) return layout('portrait', true, portrait);
  const landscape = fit(PRINTABLE_PX.landscape);
  if (landscape >= minScale) return layout('landscape', true, landscape);
  return layout('landscape', false, minScale);
}

function layout(orientation: 'portrait' | 'landscape', fitToWidth: boolean, scale: number): PrintLayout {
  return { orientation, fitToWidth, scale, printedPt: (FONT_PT * scale) / 100 };
}

/**
 * Advance of a Times New Roman 12 pt character, in pixels: generous (the average of Vietnamese
 * text is nearer 5,5), so an estimate errs towards a taller row, never an overprinted one.
 */
const CHAR_PX = 6;
/** The same for bold text, wider still (a bold header of capitals, "ĐBQH và HĐND", runs to 8). */
const BOLD_CHAR_PX = 7.5;
/** Cell padding left and right, pixels. */
const PADDING_PX = 8;
/** Height of one line of 12 pt text, points (Excel's default row for this font). */
export const LINE_PT = 15.75;

/** Lines a wrapped text takes in a column this wide (explicit line breaks kept). */
export function wrappedLines(text: string, widthPx: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((widthPx - PADDING_PX) / (bold ? BOLD_CHAR_PX : CHAR_PX)));
  return text.split('\n').reduce((n, part) => n + lineCount(part, perLine), 0);
}

/** Greedy word wrap, as a spreadsheet does: a word longer than a line is broken. */
function lineCount(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let len = word.length;
    const need = used ? used + 1 + len : len;
    if (need <= perLine) {
      used = need;
      continue;
    }
    if (used) lines++;
    while (len > perLine) {
      lines++;
      len -= perLine;
    }
    used = len;
  }
  return lines;
}

/**
 * Row heights in points, null where one line fits (the default height): a wrapped text that needs
 * more lines gets them, so a printed label never runs over the next row.
 */
export function rowHeights(plan: Pick<SheetPlan, 'rows' | 'columnWidths'>): (number | null)[] {
  return plan.rows.map((cells) => {
    const lines = Math.max(1, ...cells.map((c, i) => cellLines(c, plan.columnWidths[i] ?? 100)));
    return lines > 1 ? lines * LINE_PT : null;
  });
}

/**
 * The narrowest column (in steps of 10 px, from `minPx`) in which every text takes at most
 * `maxLines` wrapped lines; 1 for a link, which LibreOffice never wraps (a hyperlink cell shows
 * one line, cut at the column's edge, whatever its wrap setting).
 */
export function columnWidthFor(texts: readonly string[], maxLines: number, minPx: number, bold = false): number {
  let px = minPx;
  while (texts.some((t) => wrappedLines(t, px, bold) > maxLines)) px += 10;
  return px;
}

/** Pixels per character of a column width as .xlsx stores it, and the width of a column that sets none. */
export const XLSX_CHAR_PX = 7;
const XLSX_DEFAULT_CHARS = 9;

/**
 * The height in points a row of a file needs for the wrapped texts in it (each with its column's
 * width in characters, when the file sets one); null when one line does.
 */
export function wrappedRowHeight(texts: readonly { text: string; widthChars: number | undefined }[]): number | null {
  const lines = Math.max(
    1,
    ...texts.map((t) => wrappedLines(t.text, (t.widthChars ?? XLSX_DEFAULT_CHARS) * XLSX_CHAR_PX)),
  );
  return lines > 1 ? lines * LINE_PT : null;
}

function cellLines(c: PlanCell, widthPx: number): number {
  if (!c.s?.wrap) return 1;
  const v = c.v;
  const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'link' in v ? v.link.text : '';
  return text ? wrappedLines(text, widthPx, c.s.bold) : 1;
}
