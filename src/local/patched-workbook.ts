/**
 * The province workbook as `collect` changes it: read into snapshots (xlsx-snapshots.ts), the
 * agencies' cells written as edits, and saved by rewriting only the cells that changed in only
 * the sheets that changed (sheet-xml-patch.ts); every other part of the file is copied as it was.
 * A 190-agency workbook never becomes a spreadsheet model (about 300 MB), and whatever program
 * last saved the file, what it wrote elsewhere stays exactly as it wrote it.
 *
 * Each formula of a changed sheet gets the result it now computes, as XlsxWorkbook stores them,
 * so a reader that does not recalculate sees the right figure.
 *
 * The copy is a clean package all the same: a part holding a document type declaration (no
 * program that writes .xlsx writes one; openpyxl refuses it, and its entities can be built to
 * expand a hundred-byte part into gigabytes) is written without it, and a file whose parts use
 * the entities it declares is refused as damaged, never copied.
 */
import { editZip, BufferReader } from '@cj-tech-master/excelts/archive';
import { FormulaValue, dateSerial, ooxmlFormula, sheetEvaluator } from '../core/form/formulas';
import { parts } from '../core/primitives/dates';
import { CellFact, RawCell, SheetSnapshot, a1, parseA1 } from '../core/sheet/grid';
import { CellInput } from '../core/sheet/plan';
import { wrappedRowHeight } from '../core/sheet/print';
import { CellWriter } from '../core/workbook';
import { NewCell, cellStyles, columnWidths, patchSheetXml, wrappingStyles } from './sheet-xml-patch';
import { SnapshotWorkbook } from './snapshot-workbook';
import { PartSource, damaged, hasDoctype, isNumberText, withoutDoctype } from './xlsx-snapshots';
import { normaliseStylesXml } from './xlsx-styles';

export class PatchedWorkbook extends SnapshotWorkbook implements CellWriter {
  /** Per sheet (lower-cased name), the cells written, by A1 reference. */
  private readonly edits = new Map<string, Map<string, NewCell>>();

  constructor(
    private readonly buf: Uint8Array,
    private readonly source: PartSource,
    snapshots: readonly SheetSnapshot[],
    private readonly sheetParts: ReadonlyMap<string, string>,
    private readonly stylesPart: string,
    /** The file as the user named it, for a refusal. */
    private readonly shown: string,
    clock: () => Date = () => new Date(),
  ) {
    super(snapshots, clock);
  }

  writeCells(name: string, range: string, cells: CellInput[][]): void {
    const key = name.toLowerCase();
    const sheet = this.byName.get(key);
    if (!sheet) throw new Error(`Không tìm thấy trang "${name}".`);
    const { row, col } = parseA1(range);
    const edits = this.edits.get(key) ?? new Map<string, NewCell>();
    this.edits.set(key, edits);
    const facts = new Map(sheet.cells ?? []);
    const values = sheet.values.map((r) => [...r]);
    const formats = sheet.formats.map((r) => [...r]);
    const width = Math.max(values[0]?.length ?? 0, col + Math.max(...cells.map((l) => l.length)) - 1);
    const height = Math.max(values.length, row + cells.length - 1);
    while (values.length < height) values.push([]);
    while (formats.length < height) formats.push([]);
    for (const r of [...values, ...formats]) while (r.length < width) r.push('');
    cells.forEach((line, i) =>
      line.forEach((v, j) => {
        const ref = a1(row + i, col + j);
        const cell = newCell(v);
        edits.set(ref, cell);
        if ('formula' in cell) facts.set(ref, { kind: 'formula', formula: cell.formula, cached: false });
        else if (facts.get(ref)?.kind === 'formula') facts.delete(ref);
        values[row + i - 1][col + j - 1] = snapshotValue(v);
      }),
    );
    this.byName.set(key, { ...sheet, values, formats, cells: facts });
  }

  /** The workbook as .xlsx bytes: changed sheets patched, every other part copied as it was. */
  async toBytes(): Promise<Uint8Array> {
    const editor = await editZip(new BufferReader(this.buf));
    const edited = new Set([...this.edits.keys()].map((key) => this.sheetParts.get(this.byName.get(key)!.name)));
    const sheets = new Set(this.sheetParts.values());
    // A clean package: each part copied as it was unless it holds what no reader should meet.
    for (const { path } of editor.getEntries()) {
      if (!XML_PART.test(path) || edited.has(path)) continue;
      if (path !== this.stylesPart && !sheets.has(path) && !(await this.declaresDoctype(path))) continue;
      const raw = await this.raw(path);
      const clean = this.clean(path, raw);
      if (clean !== raw) editor.set(path, new TextEncoder().encode(clean));
    }
    const wrapping = this.edits.size ? wrappingStyles(await this.text(this.stylesPart)) : new Set<number>();
    for (const [key, edits] of this.edits) {
      const sheet = this.byName.get(key)!;
      const path = this.sheetParts.get(sheet.name)!;
      const xml = await this.text(path);
      const results = formulaResults(sheet);
      // Edited formulas carry their result in the edit itself.
      for (const [ref, cell] of edits)
        if ('formula' in cell) edits.set(ref, { formula: cell.formula, result: results.get(ref) ?? null });
      for (const ref of edits.keys()) results.delete(ref);
      const minHeights = rowHeights(xml, sheet, edits, wrapping);
      let patched: string;
      try {
        patched = patchSheetXml(xml, {
          cells: edits,
          results,
          minHeights,
          formulaOf: (ref) => {
            const f = sheet.cells?.get(ref);
            return f?.kind === 'formula' ? f.formula : null;
          },
        });
      } catch {
        damaged(this.shown); // XML the reader took but the patch cannot place a cell in
      }
      editor.set(path, new TextEncoder().encode(patched));
    }
    return editor.bytes();
  }

  /** A part's XML as the package holds it. */
  private async raw(path: string): Promise<string> {
    const chunks = this.source(path);
    if (!chunks) throw new Error(`missing part ${path}`);
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const c of chunks) text += decoder.decode(c, { stream: true });
    return text + decoder.decode();
  }

  /** A part's XML made clean (see the class comment). */
  private async text(path: string): Promise<string> {
    return this.clean(path, await this.raw(path));
  }

  /**
   * The part without a document type declaration; the styles with values the schema allows
   * (xlsx-styles.ts); a sheet's number cells that hold no number ("NaN", "1e999") as the text
   * they hold, as every reader of ours reads them.
   */
  private clean(path: string, xml: string): string {
    const plain = withoutDoctype(xml);
    if (plain === null) damaged(this.shown);
    if (path === this.stylesPart) return normaliseStylesXml(plain);
    if ([...this.sheetParts.values()].includes(path)) return numbersAsText(plain);
    return plain;
  }

  /** Whether the part's prolog (read no further than its root element) holds a DOCTYPE. */
  private async declaresDoctype(path: string): Promise<boolean> {
    const chunks = this.source(path);
    if (!chunks) return false;
    const decoder = new TextDecoder('utf-8');
    let head = '';
    for await (const c of chunks) {
      head += decoder.decode(c, { stream: true });
      if (/<[A-Za-z_]/.test(head) || head.length > 1 << 20) break;
    }
    return hasDoctype(head);
  }
}

/** Parts read as XML (the rest, images and such, are copied as bytes). */
const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * A number cell (no type, or t="n") whose `<v>` holds no number written as the inline string it
 * is read as; a formula's cached result that is no number left out (readers recalculate).
 */
function numbersAsText(xml: string): string {
  const cell =
    /<(([\w.-]+:)?)c\b([^>]*?)>(\s*)((?:<\1f\b[^>]*\/>|<\1f\b[^>]*>[^<]*<\/\1f>)\s*)?<\1v>([^<]*)<\/\1v>(\s*)<\/\1c>/g;
  return xml.replace(
    cell,
    (whole, p: string, _p, attrs: string, s1: string, formula: string | undefined, v: string, s2: string) => {
      const type = /\st\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? 'n';
      if (type !== 'n' || isNumberText(v)) return whole;
      if (formula) return `<${p}c${attrs}>${s1}${formula}${s2}</${p}c>`;
      const text = v.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      const rest = attrs.replace(/\st\s*=\s*["'][^"']*["']/, '');
      return `<${p}c${rest} t="inlineStr">${s1}<${p}is><${p}t${space}>${text}</${p}t></${p}is>${s2}</${p}c>`;
    },
  );
}

function newCell(v: CellInput): NewCell {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if ('formula' in v) return { formula: ooxmlFormula(v.formula), result: null };
  if ('date' in v) {
    const { y, m, d } = parts(v.date);
    return { value: dateSerial(y, m - 1, d) };
  }
  throw new Error('a link cannot be written into a patched workbook');
}

/** The value the core reads back from such a cell (as a re-read file would give it). */
function snapshotValue(v: CellInput): RawCell {
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('date' in v) {
    const { y, m, d } = parts(v.date);
    return new Date(y, m - 1, d);
  }
  return ''; // a formula's value is its result, computed on save
}

/** Every formula of the sheet with the result it computes from the sheet's values now. */
function formulaResults(sheet: SheetSnapshot): Map<string, FormulaValue | null> {
  const facts = sheet.cells ?? new Map<string, CellFact>();
  const resultAt = sheetEvaluator(
    (row, col) => {
      const fact = facts.get(a1(row, col));
      return fact?.kind === 'formula' ? fact.formula : null;
    },
    (row, col) => sheet.values[row - 1]?.[col - 1] ?? '',
  );
  const results = new Map<string, FormulaValue | null>();
  for (const [ref, fact] of facts)
    if (fact.kind === 'formula') {
      const { row, col } = parseA1(ref);
      results.set(ref, resultAt(row, col));
    }
  return results;
}

/** Rows given wrapped text get the lines it needs, as Sheets does by itself (XlsxWorkbook.writeCells too). */
function rowHeights(
  xml: string,
  sheet: SheetSnapshot,
  edits: ReadonlyMap<string, NewCell>,
  wrapping: ReadonlySet<number>,
): Map<number, number> {
  const rows = new Set([...edits.keys()].map((ref) => parseA1(ref).row));
  const styles = cellStyles(xml, rows);
  const widths = columnWidths(xml);
  const heights = new Map<number, number>();
  for (const r of rows) {
    const texts: { text: string; widthChars: number | undefined }[] = [];
    (sheet.values[r - 1] ?? []).forEach((v, i) => {
      const style = styles.get(a1(r, i + 1));
      if (typeof v === 'string' && v && style !== undefined && wrapping.has(style))
        texts.push({ text: v, widthChars: widths.get(i + 1) });
    });
    const height = wrappedRowHeight(texts);
    if (height) heights.set(r, height);
  }
  return heights;
}
