/**
 * Renders the report model into a new Google Doc with DocumentApp: one insert per paragraph or
 * table, attributes set per paragraph or per table, never per table cell, so the calls do not
 * grow with the number of agencies. Also fills a consolidator's own template.
 */
import { Align, Block, Para, ReportModel, TableBlock } from '../core/report/model';

type Body = GoogleAppsScript.Document.Body;
type DocumentApp = GoogleAppsScript.Document.DocumentApp;

const MM_TO_PT = 72 / 25.4;

function alignment(app: DocumentApp, a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  return {
    left: app.HorizontalAlignment.LEFT,
    center: app.HorizontalAlignment.CENTER,
    right: app.HorizontalAlignment.RIGHT,
    justify: app.HorizontalAlignment.JUSTIFY,
  }[a];
}

function paraAttributes(app: DocumentApp, p: Para, font: string): Record<string, unknown> {
  const A = app.Attribute;
  return {
    [A.FONT_FAMILY]: font,
    [A.FONT_SIZE]: p.size,
    [A.BOLD]: false,
    [A.ITALIC]: false,
    [A.HORIZONTAL_ALIGNMENT]: alignment(app, p.align),
    [A.SPACING_AFTER]: p.spaceAfter ?? 0,
    [A.SPACING_BEFORE]: 0,
    [A.LINE_SPACING]: 1.15,
    [A.INDENT_FIRST_LINE]: p.firstLineIndent ? 12.7 * MM_TO_PT : 0,
    [A.INDENT_START]: 0,
  };
}

/** Bold, italic, size and highlight of each run, as character ranges of the paragraph's text. */
function styleRuns(text: GoogleAppsScript.Document.Text, p: Para): void {
  let at = 0;
  for (const r of p.runs) {
    const end = at + r.text.length - 1;
    if (r.text.length) {
      if (r.bold) text.setBold(at, end, true);
      if (r.italic) text.setItalic(at, end, true);
      if (r.size && r.size !== p.size) text.setFontSize(at, end, r.size);
      if (r.highlight) text.setBackgroundColor(at, end, '#FFFF00');
    }
    at = end + 1;
  }
}

function runsText(p: Para): string {
  return p.runs.map((r) => r.text).join('');
}

export class DocsWriter {
  constructor(private readonly app: DocumentApp) {}

  /** Creates a new Doc from the model; returns its URL. */
  write(model: ReportModel): { url: string; id: string } {
    const doc = this.app.create(model.fileName);
    const body = doc.getBody();
    const m = model.page.marginsMm;
    body
      .setPageWidth(model.page.widthMm * MM_TO_PT)
      .setPageHeight(model.page.heightMm * MM_TO_PT)
      .setMarginTop(m.top * MM_TO_PT)
      .setMarginBottom(m.bottom * MM_TO_PT)
      .setMarginLeft(m.left * MM_TO_PT)
      .setMarginRight(m.right * MM_TO_PT);
    const textWidth = (model.page.widthMm - m.left - m.right) * MM_TO_PT;
    for (const b of model.blocks) this.block(body, b, model.font, textWidth);
    dropLeadingEmptyParagraph(body);
    const url = doc.getUrl();
    const id = doc.getId();
    doc.saveAndClose();
    return { url, id };
  }

  private block(body: Body, b: Block, font: string, textWidth: number): void {
    if (b.kind === 'para') {
      // An appendix numbers its own pages (Nghị định 30), but DocumentApp can neither make a section
      // nor write a page number: Body only appends page breaks, and "a Document typically contains
      // at most one HeaderSection" (developers.google.com/apps-script/reference/document/
      // header-section), with no field for the page number. Even the Docs API's batchUpdate, which
      // can insert a section break and restart its numbering (InsertSectionBreakRequest,
      // UpdateSectionStyleRequest.pageNumberStart), has no request that inserts a page number
      // (developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate). So an
      // appendix starts on a new page, as today, and the consolidator sets the numbers in Docs
      // (Chèn > Số trang) or prints the .docx of the CLI, which has one section per appendix.
      if (b.pageBreakBefore || b.newSection) body.appendPageBreak();
      const p = body.appendParagraph(runsText(b));
      p.setAttributes(paraAttributes(this.app, b, font));
      if (b.runs.some((r) => r.bold || r.italic || r.highlight || r.size)) styleRuns(p.editAsText(), b);
      return;
    }
    this.table(body, b, font, textWidth);
  }

  private table(body: Body, t: TableBlock, font: string, textWidth: number): void {
    const A = this.app.Attribute;
    const firstParas = t.rows.map((row) => row.map((cell) => (cell[0] ? runsText(cell[0]) : '')));
    const table = body.appendTable(firstParas);
    table.setAttributes({
      [A.FONT_FAMILY]: font,
      [A.FONT_SIZE]: t.rows[0]?.[0]?.[0]?.size ?? 12,
      [A.BORDER_WIDTH]: t.borders ? 0.5 : 0,
    });
    const total = t.widths.reduce((a, b) => a + b, 0);
    t.widths.forEach((w, i) => table.setColumnWidth(i, (w / total) * textWidth));
    if (t.rows.length === 1) {
      // Header and signature blocks: two cells of several styled paragraphs each.
      t.rows[0].forEach((cell, j) => {
        const c = table.getCell(0, j);
        cell.forEach((p, k) => {
          const para = k === 0 ? c.getChild(0).asParagraph() : c.appendParagraph(runsText(p));
          para.setAttributes(paraAttributes(this.app, p, font));
          if (p.runs.some((r) => r.bold || r.italic || r.highlight || r.size)) styleRuns(para.editAsText(), p);
        });
      });
      return;
    }
    // Data tables: bold the header rows and rows whose cells are all bold (groups, totals).
    t.rows.forEach((row, i) => {
      const bold = i < t.headerRows || row.every((cell) => cell.every((p) => p.runs.every((r) => r.bold || !r.text)));
      if (bold && (i < t.headerRows || row.some((cell) => cell.some((p) => runsText(p)))))
        table.getRow(i).setAttributes({ [A.BOLD]: true });
    });
  }
}

/**
 * A new Doc starts with one empty paragraph. Drop it once there is content after it; Docs may
 * refuse when a table follows it directly, and a blank first line is then harmless.
 */
function dropLeadingEmptyParagraph(body: Body): void {
  try {
    body.getChild(0).removeFromParent();
  } catch {
    // kept: see above
  }
}

export const TEMPLATE_PATTERN = /\{\{\s*([\w.]+)\s*\}\}/g;

export function docIdFrom(text: string): string | null {
  const m = /\/d\/([\w-]{20,})/.exec(text) ?? /^([\w-]{20,})$/.exec(text.trim());
  return m ? m[1] : null;
}

/**
 * Copies a consolidator's template into a new Doc (the template is only read) and fills its
 * placeholders. Unknown placeholders stay visible and are returned.
 */
export function fillTemplate(
  app: DocumentApp,
  templateId: string,
  fileName: string,
  values: Readonly<Record<string, string>>,
  table: { key: string; rows: string[][] },
): { url: string; unknown: string[] } {
  const source = app.openById(templateId).getBody();
  const doc = app.create(fileName);
  const body = doc.getBody();
  copyPageSetup(source, body);
  const T = app.ElementType;
  for (let i = 0; i < source.getNumChildren(); i++) {
    const el = source.getChild(i).copy();
    const type = el.getType();
    if (type === T.PARAGRAPH) body.appendParagraph(el.asParagraph());
    else if (type === T.TABLE) body.appendTable(el.asTable());
    else if (type === T.LIST_ITEM) body.appendListItem(el.asListItem());
    else if (type === T.PAGE_BREAK) body.appendPageBreak(el.asPageBreak());
    else if (type === T.HORIZONTAL_RULE) body.appendHorizontalRule();
  }
  dropLeadingEmptyParagraph(body);
  const present = new Set([...body.getText().matchAll(TEMPLATE_PATTERN)].map((m) => m[1]));
  const unknown: string[] = [];
  for (const key of present) {
    const pattern = `\\{\\{\\s*${key.replace(/\./g, '\\.')}\\s*\\}\\}`;
    if (key === table.key) {
      const hit = body.findText(pattern);
      if (hit) insertTableAt(app, hit.getElement().getParent().asParagraph(), pattern, table.rows);
    } else if (key in values) body.replaceText(pattern, values[key].replace(/\$/g, '$$$$'));
    else unknown.push(key);
  }
  const url = doc.getUrl();
  doc.saveAndClose();
  return { url, unknown };
}

/** The template's page size and margins, so the draft prints like the template. */
function copyPageSetup(source: Body, body: Body): void {
  body
    .setPageWidth(source.getPageWidth())
    .setPageHeight(source.getPageHeight())
    .setMarginTop(source.getMarginTop())
    .setMarginBottom(source.getMarginBottom())
    .setMarginLeft(source.getMarginLeft())
    .setMarginRight(source.getMarginRight());
}

/**
 * Puts the table where the placeholder's paragraph stands, in the body or inside a table cell.
 * Docs keeps a paragraph at the end of a body or a cell and refuses to remove it, so a
 * placeholder in that last paragraph is emptied instead of removed.
 */
function insertTableAt(
  app: DocumentApp,
  para: GoogleAppsScript.Document.Paragraph,
  pattern: string,
  rows: string[][],
): void {
  const parent = para.getParent();
  const container = parent.getType() === app.ElementType.TABLE_CELL ? parent.asTableCell() : parent.asBody();
  const at = container.getChildIndex(para);
  container.insertTable(at, rows);
  if (at + 1 === container.getNumChildren() - 1) para.replaceText(pattern, '');
  else para.removeFromParent();
}
