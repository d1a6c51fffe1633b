/**
 * A document as data: paragraphs of styled runs and tables, in the layout of Nghị định 30/2020.
 * The Google Docs writer and the .docx writer both render exactly this.
 */

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** A placeholder the consolidator must fill or check: highlighted in yellow. */
  readonly highlight?: boolean;
  readonly size?: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Para {
  readonly kind: 'para';
  readonly runs: readonly Run[];
  readonly align: Align;
  /** Points. */
  readonly size: number;
  readonly firstLineIndent?: boolean;
  readonly spaceAfter?: number;
  readonly pageBreakBefore?: boolean;
  /**
   * Starts a new section on a new page whose pages are numbered from 1, with no number on its
   * first page: Nghị định 30 numbers each appendix on its own. A writer that cannot make sections
   * starts a new page (gas/docs.ts says why).
   */
  readonly newSection?: boolean;
  /** On the same page as the next block (the closing sentence with the signer block). */
  readonly keepWithNext?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Relative column widths (they are scaled to the text width). */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly (readonly Para[])[])[];
  readonly borders: boolean;
  /** Leading rows repeated on each page and shaded. */
  readonly headerRows: number;
}

export type Block = Para | TableBlock;

export interface ReportModel {
  readonly fileName: string;
  readonly font: 'Times New Roman';
  /** Millimetres; A4 portrait. */
  readonly page: {
    readonly widthMm: 210;
    readonly heightMm: 297;
    readonly marginsMm: { top: number; bottom: number; left: number; right: number };
  };
  /** Page numbers centred in the top margin, none on the first page of each section (newSection). */
  readonly pageNumbersFromSecondPage: true;
  readonly blocks: readonly Block[];
}

export const BODY_SIZE = 14;

export function para(runs: Run[] | string, opts: Partial<Omit<Para, 'kind' | 'runs'>> = {}): Para {
  return {
    kind: 'para',
    runs: typeof runs === 'string' ? [{ text: runs }] : runs,
    align: opts.align ?? 'justify',
    size: opts.size ?? BODY_SIZE,
    firstLineIndent: opts.firstLineIndent,
    spaceAfter: opts.spaceAfter ?? 6,
    pageBreakBefore: opts.pageBreakBefore,
    newSection: opts.newSection,
    keepWithNext: opts.keepWithNext,
  };
}

/** Plain text of a block, for tests and for the Docs writer's single insert per paragraph. */
export function plainText(b: Block): string {
  if (b.kind === 'para') return b.runs.map((r) => r.text).join('');
  return b.rows.map((row) => row.map((cell) => cell.map(plainText).join('\n')).join('\t')).join('\n');
}
