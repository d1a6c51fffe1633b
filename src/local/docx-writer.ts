/**
 * Renders the report model as .docx with the `docx` package: A4, the decree's margins, Times New
 * Roman, page numbers centred in the top margin from page 2 on; each appendix (a block that starts
 * a new section) is a section of its own, numbered from 1 with no number on its first page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Align, Block, Para, ReportModel, TableBlock } from '../core/report/model';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const FIRST_LINE_INDENT_MM = 12.7;

/** Rounded, not floored as docx's helper does: A4 is 11906 × 16838 twips in every Word file. */
function convertMillimetersToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

function paragraph(p: Para, font: string): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align],
    indent: p.firstLineIndent ? { firstLine: convertMillimetersToTwip(FIRST_LINE_INDENT_MM) } : undefined,
    spacing: { after: (p.spaceAfter ?? 0) * 20, line: 276 },
    pageBreakBefore: p.pageBreakBefore,
    keepNext: p.keepWithNext,
    children: p.runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.italic,
          size: (r.size ?? p.size) * 2,
          font,
          highlight: r.highlight ? 'yellow' : undefined,
        }),
    ),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(t: TableBlock, font: string, textWidthTwip: number): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * textWidthTwip));
  const border = t.borders ? LINE : NONE;
  return new Table({
    width: { size: textWidthTwip, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: t.rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i < t.headerRows,
          cantSplit: true,
          children: row.map(
            (cell, j) =>
              new TableCell({
                width: { size: widths[j], type: WidthType.DXA },
                shading: i < t.headerRows ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
                children: cell.length ? cell.map((p) => paragraph(p, font)) : [new Paragraph('')],
              }),
          ),
        }),
    ),
  });
}

/** The model's blocks cut where a new section starts (an appendix). */
function sectionsOf(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'para' && b.newSection && out[out.length - 1].length) out.push([]);
    out[out.length - 1].push(b);
  }
  return out;
}

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const m = model.page.marginsMm;
  const textWidth = convertMillimetersToTwip(model.page.widthMm - m.left - m.right);
  const doc = new Document({
    creator: 'Báo cáo CCHC',
    title: model.fileName,
    styles: { default: { document: { run: { font: model.font, size: 28 } } } },
    // A section starts on a new page (docx's default section type, "next page"), so the block that
    // opens it needs no page break of its own.
    sections: sectionsOf(model.blocks).map((blocks) => ({
      properties: {
        titlePage: model.pageNumbersFromSecondPage,
        page: {
          pageNumbers: { start: 1 },
          size: {
            width: convertMillimetersToTwip(model.page.widthMm),
            height: convertMillimetersToTwip(model.page.heightMm),
          },
          margin: {
            top: convertMillimetersToTwip(m.top),
            bottom: convertMillimetersToTwip(m.bottom),
            left: convertMillimetersToTwip(m.left),
            right: convertMillimetersToTwip(m.right),
            header: convertMillimetersToTwip(10),
          },
        },
      },
      headers: {
        default: new Header({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ children: [PageNumber.CURRENT], font: model.font, size: 26 })],
            }),
          ],
        }),
        first: new Header({ children: [new Paragraph('')] }),
      },
      children: blocks.map((b: Block) =>
        b.kind === 'para' ? paragraph(b, model.font) : table(b, model.font, textWidth),
      ),
    })),
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
