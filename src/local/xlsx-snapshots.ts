/**
 * Reads an .xlsx straight into the core's sheet snapshots, one XML part at a time, without
 * building a spreadsheet model: what validate and collect need (values, formats, formulas, merges,
 * protection) at a fraction of the memory. An excelts workbook keeps a styled object per cell
 * (about 1 KB each); a snapshot keeps the value. The snapshots are the ones `snapshotOf`
 * (xlsx-cells.ts) makes from a fully loaded workbook, cell for cell: tests/local/xlsx-snapshots
 * compares both on every workbook the tests hold. No Node imports: the import dialog bundles it.
 *
 * Parts come from a PartSource: xlsx-guard.ts gives one that has checked the zip's directory and
 * holds each part to its declared size as it inflates, so nothing here trusts the file's sizes.
 */
import { SaxParser } from '@cj-tech-master/excelts/xml';
import {
  CellFact,
  RawCell,
  SheetSnapshot,
  a1,
  a1Range,
  columnLetter,
  mergedCellFacts,
  parseA1,
} from '../core/sheet/grid';
import { formatNumber } from '../core/primitives/numbers';
import { FileError } from './file-problems';

/** What a file may hold before it is refused: rows × columns of its used ranges, shared strings. */
export interface CellLimits {
  readonly sheetCells: number;
  readonly totalCells: number;
  readonly sharedStrings?: number;
}

/** A part's bytes by its path in the zip ("xl/workbook.xml"), as chunks; null when there is none. */
export type PartSource = (path: string) => AsyncIterable<Uint8Array> | null;

/**
 * Every worksheet of the file in workbook order, and where each sheet and the styles live in the
 * zip (for a writer that patches them); or a FileError worded for the user.
 */
export async function readWorkbookParts(
  source: PartSource,
  shown: string,
  limits: CellLimits,
): Promise<{ snapshots: SheetSnapshot[]; sheetParts: Map<string, string>; stylesPart: string }> {
  const parse: Parse = async (path, on) => {
    const chunks = source(path);
    if (chunks) await parseXml(chunks, on, shown);
    return chunks !== null;
  };
  const book = await readBook(parse, shown);
  const strings = await readStrings(parse, book.sharedStrings, limits.sharedStrings ?? Infinity, shown);
  const numFmts = await readNumFmts(parse, book.styles);
  const snapshots: SheetSnapshot[] = [];
  const sheetParts = new Map<string, string>();
  const budget = new CellBudget(shown, limits);
  for (const sheet of book.sheets) {
    const cells = new SheetCells(strings, numFmts, book.date1904, limits.sheetCells, shown);
    if (!(await parse(sheet.path, cells.handlers()))) continue;
    const { rows, cols } = cells.usedRange();
    budget.take(sheet.name, rows, cols, cells.overflowed);
    snapshots.push(cells.snapshot(sheet.name));
    sheetParts.set(sheet.name, sheet.path);
  }
  return { snapshots, sheetParts, stylesPart: book.styles };
}

/** A file whose inside a reader could not read; the reader's own words are English, so they are not shown. */
export function damaged(shown: string): never {
  throw new FileError('not-xlsx', shown, 'nội dung bên trong bị hỏng');
}

/**
 * The used ranges of a file's sheets against the limits, sheet by sheet: refuses the sheet beyond
 * any report, or the file whose sheets together are. Both readers (this one and the full model's
 * guard) count through here, so both refuse with the same words.
 */
export class CellBudget {
  private total = 0;

  constructor(
    private readonly shown: string,
    private readonly limits: CellLimits,
  ) {}

  /** `overflowed`: the reader stopped keeping cells, more than the limit having come. */
  take(sheet: string, rows: number, cols: number, overflowed = false): void {
    const { shown, limits } = this;
    const cells = rows * Math.max(cols, 1);
    if (cells > limits.sheetCells || overflowed)
      throw new FileError(
        'too-many-cells',
        shown,
        `trang "${sheet}" dùng tới ${formatNumber(rows)} dòng × ${formatNumber(cols)} cột (tối đa ${formatNumber(limits.sheetCells)} ô một trang)`,
      );
    this.total += cells;
    if (this.total > limits.totalCells)
      throw new FileError(
        'too-many-cells',
        shown,
        `${formatNumber(this.total)} ô (tối đa ${formatNumber(limits.totalCells)})`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// XML events

interface Handlers {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}
type Parse = (path: string, on: Handlers) => Promise<boolean>;

/** Element names without their namespace prefix ("x:row" is "row"), as HAN Cell files write them. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Feeds a part to the SAX parser chunk by chunk as it inflates: no part is ever one whole string. */
async function parseXml(chunks: AsyncIterable<Uint8Array>, on: Handlers, shown: string): Promise<void> {
  // Invalid XML characters are skipped, as excelts does when it loads a workbook.
  const parser = new SaxParser({ position: false, invalidCharHandling: 'skip' });
  let failed = false;
  parser.on('error', () => (failed = true));
  parser.on('opentag', (tag) => on.open(local(tag.name), tag.attributes));
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close!(local(tag.name)));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failed) break;
    }
    if (!failed) {
      parser.write(decoder.decode());
      parser.close();
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    failed = true;
  }
  if (failed) damaged(shown);
}

// ---------------------------------------------------------------------------------------------
// The workbook: its sheets in order, where each lives, and the shared parts

interface BookParts {
  readonly sheets: readonly { name: string; path: string }[];
  readonly sharedStrings: string;
  readonly styles: string;
  readonly date1904: boolean;
}

const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;

async function readBook(parse: Parse, shown: string): Promise<BookParts> {
  const targets = new Map<string, { type: string; path: string }>();
  await parse('xl/_rels/workbook.xml.rels', {
    open(name, a) {
      const type = REL_TYPE.exec(a.Type ?? '')?.[1];
      if (name === 'Relationship' && type && a.Id && a.Target) targets.set(a.Id, { type, path: partPath(a.Target) });
    },
  });
  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  const found = await parse('xl/workbook.xml', {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rel = targets.get(a['r:id'] ?? relId(a) ?? '');
      if (rel?.type === 'worksheet' && a.name !== undefined) sheets.push({ name: a.name, path: rel.path });
    },
  });
  if (!found) damaged(shown);
  const of = (type: string, fallback: string) => [...targets.values()].find((t) => t.type === type)?.path ?? fallback;
  return {
    sheets,
    sharedStrings: of('sharedStrings', 'xl/sharedStrings.xml'),
    styles: of('styles', 'xl/styles.xml'),
    date1904,
  };
}

/** The relationship id under whatever prefix the file gave the relationships namespace. */
function relId(a: Record<string, string>): string | undefined {
  const key = Object.keys(a).find((k) => k.endsWith(':id'));
  return key ? a[key] : undefined;
}

/** A relationship target ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml") as a zip path. */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p) parts.push(p);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Shared strings and number formats

/** OOXML's _xHHHH_ escapes (ISO/IEC 29500 §22.4.2.4), except characters XML cannot hold. */
function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (m, hex: string) => {
    const code = parseInt(hex, 16);
    const invalid =
      code <= 0x08 ||
      code === 0x0b ||
      code === 0x0c ||
      (code >= 0x0e && code <= 0x1f) ||
      code === 0x7f ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code >= 0xfffe;
    return invalid ? m : String.fromCharCode(code);
  });
}

/**
 * Collects the text of `<t>` elements: directly under the element (plain text) or in its
 * `<r>` runs (rich text), never in `<rPh>` phonetic hints.
 */
class TextRuns {
  private plain: string | null = null;
  private runs: string[] | null = null;
  private t: string | null = null;
  private inRun = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 'r') this.inRun = true;
    else if (name === 't' && !this.phonetic) this.t = '';
  }
  text(text: string): void {
    if (this.t !== null) this.t += text;
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 'r') this.inRun = false;
    else if (name === 't' && this.t !== null) {
      const t = decodeEscapes(this.t);
      if (this.inRun) (this.runs ??= []).push(t);
      else this.plain = t;
      this.t = null;
    }
  }
  /** The text, or null when no `<t>` held any. */
  value(): string | null {
    return this.plain ?? this.runs?.join('') ?? null;
  }
}

/** A document type declaration, with its internal subset if any (XML 1.0 §2.8). */
const DOCTYPE = /<!DOCTYPE\b(?:[^[>]|\[[\s\S]*?\]\s*)*>/i;
/** An entity reference other than XML's own five and character references. */
const DECLARED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)[A-Za-z_][\w.:-]*;/;

/** Where a part's document type declaration starts (one before its root element), or -1. */
function doctypeStart(xml: string): number {
  const start = xml.search(/<!DOCTYPE\b/i);
  const root = /<[A-Za-z_]/.exec(xml);
  return start >= 0 && !(root && root.index < start) ? start : -1;
}

/** Whether the part (or its beginning, up to its root element) declares a document type. */
export function hasDoctype(xml: string): boolean {
  return doctypeStart(xml) >= 0;
}

/**
 * The part without its document type declaration: no program that writes .xlsx writes one,
 * openpyxl refuses it, and its entities can be built to expand a hundred bytes into gigabytes.
 * Null when the part cannot do without it (it uses the entities it declares, or the declaration
 * never ends): such a part is damaged for every purpose.
 */
export function withoutDoctype(xml: string): string | null {
  const start = doctypeStart(xml);
  if (start < 0) return xml;
  const m = DOCTYPE.exec(xml.slice(start));
  if (!m) return null;
  const body = xml.slice(start + m[0].length);
  return DECLARED_ENTITY.test(body) ? null : xml.slice(0, start) + body;
}

/** A phonetic run or its properties (§18.4.6, §18.4.3), under whatever prefix the file gives them. */
const PHONETIC =
  /<([\w.-]+:)?rPh\b[^>]*?(?:\/>|>[\s\S]*?<\/([\w.-]+:)?rPh\s*>)|<([\w.-]+:)?phoneticPr\b[^>]*?(?:\/>|>[\s\S]*?<\/([\w.-]+:)?phoneticPr\s*>)/g;
const INLINE_STRING = /<([\w.-]+:)?is\b[^>]*>[\s\S]*?<\/\1?is\s*>/g;

/**
 * A sheet's XML with every inline string's phonetic hints left out: the text TextRuns reads
 * (never the hint), and the only form excelts 10.2.0 loads (it adds a hint's text to the value,
 * or fails on the cell and the whole file is called damaged). The full-model commands load
 * sheets through this, so every command reads `<is><t>Sở</t><rPh><t>…</t></rPh></is>` as "Sở".
 */
export function withoutPhoneticHints(xml: string): string {
  if (!/rPh|phoneticPr/.test(xml)) return xml;
  return xml.replace(INLINE_STRING, (is) => is.replace(PHONETIC, ''));
}

async function readStrings(parse: Parse, path: string, most: number, shown: string): Promise<string[] | null> {
  const strings: string[] = [];
  let si: TextRuns | null = null;
  const found = await parse(path, {
    open(name) {
      if (name === 'si' && strings.length >= most)
        throw new FileError('too-large', shown, `bảng chữ dùng chung (sharedStrings) có hơn ${formatNumber(most)} mục`);
      if (name === 'si') si = new TextRuns();
      else si?.open(name);
    },
    text: (t) => si?.text(t),
    close(name) {
      if (name === 'si' && si) {
        strings.push(si.value() ?? '');
        si = null;
      } else si?.close(name);
    },
  });
  // A file without the part reads each string cell as its index, as excelts does.
  return found ? strings : null;
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that excelts names; 0 is General (''). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format code of each cell style (index = the cell's `s`). */
async function readNumFmts(parse: Parse, path: string): Promise<string[]> {
  const custom = new Map<number, string>();
  const styles: string[] = [];
  let inCellXfs = false;
  await parse(path, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = parseInt(a.numFmtId ?? '0', 10) || 0;
        styles.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? '') : '');
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/**
 * Whether a number format shows dates: its first section has date letters and no text "@".
 * excelts' own test (isDateFmt, not exported), so both readers turn the same numbers into dates.
 */
function isDateFormat(format: string): boolean {
  const first = firstSection(format).replace(/\[[^\]]*\]|"[^"]*"/g, '');
  return !first.includes('@') && /[ymdhMsb]/.test(first);
}

function firstSection(format: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    else if (ch === ';' && !quoted && !bracket) return format.slice(0, i);
  }
  return format;
}

/** A serial date as the day it names, at local midnight (what the core reads from a date cell). */
function serialDay(serial: number, date1904: boolean): Date {
  return calendarDay(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}
/** A file's date (a UTC instant) as the calendar day it names, at local midnight, as getValues gives it. */
export function calendarDay(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

// ---------------------------------------------------------------------------------------------
// One worksheet

interface Cell {
  readonly row: number;
  readonly col: number;
  readonly value: RawCell;
  readonly format: string;
  readonly fact?: CellFact;
}

/** The cell being read: its attributes and the text of its children. */
interface OpenCell {
  row: number;
  col: number;
  type: string;
  style: number | null;
  formula: string | null;
  shareType: string | undefined;
  shareRef: string | undefined;
  shareId: string | undefined;
  value: string | null;
  inline: TextRuns | null;
}

/** The number syntax of an .xlsx `<v>` (xsd:double, without INF and NaN, which no spreadsheet stores). */
const NUMBER_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * Whether a number cell's `<v>` is one number a spreadsheet can hold: "1e999" has the syntax
 * but no double holds it (read, it would be Infinity), so it is text like "NaN" and "1234abc".
 */
export function isNumberText(v: string): boolean {
  return NUMBER_TEXT.test(v) && Number.isFinite(Number(v));
}

class SheetCells {
  private readonly cells: Cell[] = [];
  private readonly merges: string[] = [];
  private readonly sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  /** Array formulas spanning several cells: the range and the master's formula. */
  private readonly arrays: { range: string; formula: string }[] = [];
  private isProtected = false;
  private lastRow = 0;
  /** Per row: the last column holding a cell, and whether any cell there counts as used. */
  private readonly rowEnds = new Map<number, { end: number; used: boolean }>();
  private row = 0;
  /** The column of the row's previous cell (0 before its first), kept or not. */
  private prevCol = 0;
  private cell: OpenCell | null = null;
  private child: 'f' | 'v' | 'is' | null = null;

  constructor(
    private readonly strings: string[] | null,
    private readonly numFmts: readonly string[],
    private readonly date1904: boolean,
    /** Cells kept at most; past it only the used range is counted, for the refusal's words. */
    private readonly maxCells: number,
    private readonly shown: string,
  ) {}

  handlers(): Handlers {
    return {
      open: (name, a) => this.open(name, a),
      text: (t) => this.text(t),
      close: (name) => this.close(name),
    };
  }

  /** Whether more cells came than the used range of any report holds (they were not kept). */
  overflowed = false;

  private open(name: string, a: Record<string, string>): void {
    const cell = this.cell;
    if (cell) {
      if (name === 'f') {
        this.child = 'f';
        cell.formula ??= '';
        cell.shareType = a.t;
        cell.shareRef = a.ref;
        cell.shareId = a.si;
      } else if (name === 'v') this.child = 'v';
      else if (name === 'is') {
        this.child = 'is';
        cell.inline = new TextRuns();
      } else if (this.child === 'is') cell.inline?.open(name);
      return;
    }
    switch (name) {
      case 'row':
        this.row = a.r ? parseInt(a.r, 10) : this.row + 1;
        this.prevCol = 0;
        this.lastRow = Math.max(this.lastRow, this.row);
        return;
      case 'c': {
        const at = a.r ? parseA1(a.r.toUpperCase()) : null;
        // A cell without a reference (the format allows it) is the one after the row's previous cell,
        // or column A when it is the row's first: as Excel and excelts number it.
        const col = at ? at.col : this.prevCol + 1;
        this.prevCol = col;
        const row = at ? at.row : this.row;
        this.cell = {
          row,
          col,
          type: a.t ?? 'n',
          style: a.s ? parseInt(a.s, 10) : null,
          formula: null,
          shareType: undefined,
          shareRef: undefined,
          shareId: undefined,
          value: null,
          inline: null,
        };
        return;
      }
      case 'mergeCell':
        if (a.ref) this.merges.push(normalRange(a.ref));
        return;
      case 'sheetProtection':
        // Present and not removed means protected (see isProtected in xlsx-cells.ts).
        this.isProtected = true;
        return;
    }
  }

  private text(text: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.child === 'f') cell.formula += text;
    else if (this.child === 'v') cell.value = (cell.value ?? '') + text;
    else if (this.child === 'is') cell.inline?.text(text);
  }

  private close(name: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (name === 'c') {
      this.cell = null;
      this.child = null;
      this.finish(cell, cell.col);
    } else if (name === 'f' || name === 'v' || name === 'is') this.child = null;
    else if (this.child === 'is') cell.inline?.close(name);
  }

  /** A cell read to its end, kept as excelts would load it (an empty unstyled cell is dropped). */
  private finish(c: OpenCell, col: number): void {
    const row = c.row;
    const format = c.style !== null ? (this.numFmts[c.style] ?? '') : '';
    if (c.formula || c.shareType) {
      const formula = this.formulaText(c, col);
      const cached = c.value ? this.cachedResult(c.type, c.value, format) : null;
      this.note(row, col, true);
      // A shared formula whose master is missing keeps an empty text: a formula all the same, never
      // its stored result read as a typed figure. An array formula over several cells marks them all.
      const spread = c.shareType === 'array' && c.shareRef ? normalRange(c.shareRef) : null;
      const array = spread?.includes(':') ? spread : undefined;
      if (array) this.arrays.push({ range: array, formula });
      const fact: CellFact = { kind: 'formula', formula, cached: cached !== null, ...(array ? { array } : {}) };
      this.keep({ row, col, value: cached ?? '', format, fact });
      return;
    }
    // An inline string's runs are decoded already; a value in <v> is decoded by its type.
    const inline = c.type === 'inlineStr' && c.value === null ? (c.inline?.value() ?? null) : null;
    if (c.value === null && !inline) {
      // No value: a styled cell widens its row's range only (excelts keeps it as an empty cell),
      // an unstyled one (or style 0) is dropped.
      if (!c.style) return;
      this.note(row, col, false);
      // Its number format is kept (excelts keeps it too): what collect writes there is read by it.
      if (format && this.blankFormats.length < this.maxCells) this.blankFormats.push({ row, col, format });
      return;
    }
    this.note(row, col, true);
    this.keep({ row, col, value: inline ?? this.plainValue(c.type, c.value!, format), format });
  }

  /** Empty styled cells with a number format: the format only (never counted as cells kept). */
  private readonly blankFormats: { row: number; col: number; format: string }[] = [];

  private keep(cell: Cell): void {
    if (this.cells.length < this.maxCells) this.cells.push(cell);
    else this.overflowed = true;
  }

  /** The formula without "=", a shared formula's slave translated from its master. */
  private formulaText(c: OpenCell, col: number): string {
    const own = (c.formula ?? '').replace(/^=/, '');
    if (c.shareType !== 'shared' || c.shareId === undefined) return own;
    if (c.shareRef) {
      this.sharedMasters.set(c.shareId, { formula: own, row: c.row, col });
      return own;
    }
    if (own) return own;
    const master = this.sharedMasters.get(c.shareId);
    return master?.formula ? slideFormula(master.formula, master.row - c.row, master.col - col) : '';
  }

  private cachedResult(type: string, v: string, format: string): RawCell {
    if (type === 'str' || type === 'e') return v;
    if (type === 'b') return parseInt(v, 10) !== 0;
    return this.numberValue(v, format);
  }

  /**
   * A number cell's `<v>`: a number only when it is all one (excelts' parseFloat would read
   * "1234abc" as 1234 and "NaN" as a figure); anything else is kept as the text the file holds, so
   * the form's reader reports it at the cell, as it does a number typed with letters.
   */
  private numberValue(v: string, format: string): RawCell {
    if (!isNumberText(v)) return v;
    const n = Number(v);
    return isDateFormat(format) ? serialDay(n, this.date1904) : n;
  }

  private plainValue(type: string, v: string, format: string): RawCell {
    switch (type) {
      case 's': {
        const index = parseInt(v, 10);
        if (!this.strings) return index;
        const s = this.strings[index];
        if (s === undefined) damaged(this.shown);
        return s;
      }
      case 'str':
      case 'e':
        return v;
      case 'inlineStr':
        return decodeEscapes(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'd':
        return calendarDay(new Date(v));
      default:
        return this.numberValue(v, format);
    }
  }

  private note(row: number, col: number, used: boolean): void {
    const r = this.rowEnds.get(row);
    this.rowEnds.set(row, { end: Math.max(r?.end ?? 0, col), used: (r?.used ?? false) || used });
    this.lastRow = Math.max(this.lastRow, row);
  }

  /**
   * The used range as excelts counts it: rows up to the last `<row>` or merged cell; columns up
   * to the last cell (styled blanks too) of any row holding a value, a formula or a merged cell.
   */
  usedRange(): { rows: number; cols: number } {
    if (!this.mergesNoted) {
      this.mergesNoted = true;
      for (const range of this.merges) {
        // excelts creates the top-left cell (maybe empty) and turns every other cell into a merged one.
        const { row, col, rows, cols } = parseA1(range);
        this.note(row, col + cols - 1, cols > 1);
        for (let r = row + 1; r < row + rows; r++) this.note(r, col + cols - 1, true);
      }
    }
    let cols = 0;
    for (const r of this.rowEnds.values()) if (r.used) cols = Math.max(cols, r.end);
    return { rows: this.lastRow, cols };
  }
  private mergesNoted = false;

  snapshot(name: string): SheetSnapshot {
    const { rows, cols } = this.usedRange();
    const width = Math.max(cols, 1);
    const values: RawCell[][] = Array.from({ length: rows }, () => new Array<RawCell>(width).fill(''));
    const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill(''));
    const facts = new Map<string, CellFact>();
    for (const c of this.blankFormats) if (c.row <= rows && c.col <= width) formats[c.row - 1][c.col - 1] = c.format;
    for (const c of this.cells) {
      if (c.row > rows || c.col > width) continue;
      values[c.row - 1][c.col - 1] = c.value;
      formats[c.row - 1][c.col - 1] = c.format;
      if (c.fact) facts.set(a1(c.row, c.col), c.fact);
    }
    // The other cells of a multi-cell array formula hold only its stored results: formulas too.
    for (const { range, formula } of this.arrays)
      for (const ref of arrayCells(range, rows, width))
        if (!facts.has(ref)) facts.set(ref, { kind: 'formula', formula, cached: true, array: range });
    // A merged range shows its top-left value only (Sheets reads covered cells blank).
    const occupied = new Set<string>();
    for (const [ref, fact] of mergedCellFacts(this.merges)) {
      // Overlapping merged ranges: excelts refuses the file, and so do we.
      if (occupied.has(ref)) damaged(this.shown);
      occupied.add(ref);
      const { row, col } = parseA1(ref);
      if (row > rows || col > width) continue;
      facts.set(ref, fact);
      if (fact.kind === 'merged' && !fact.anchor) values[row - 1][col - 1] = '';
    }
    return { name, values, formats, isProtected: this.isProtected, cells: facts };
  }
}

/** The cells of a range inside the used range (rows × width), as A1 references. */
export function arrayCells(range: string, rows: number, width: number): string[] {
  const { row, col, rows: h, cols: w } = parseA1(range);
  const out: string[] = [];
  for (let r = row; r < Math.min(row + h, rows + 1); r++)
    for (let c = col; c < Math.min(col + w, width + 1); c++) out.push(a1(r, c));
  return out;
}

/** A merged range as the file gives it ("a1:c3", "$B$2") in the core's form ("A1:C3", "B2"). */
function normalRange(ref: string): string {
  const [from, to = from] = ref.toUpperCase().replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return a1Range(row, col, Math.abs(b.row - a.row) + 1, Math.abs(b.col - a.col) + 1);
}

/**
 * A shared formula's master text moved to a slave cell: relative references shift by the
 * distance from the master, absolute ones ($) stay. The same rewrite excelts makes (its
 * slideFormula), so both readers see the same formula.
 */
function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (match, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
      if (!m) return match;
      const letters = m[2].toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match; // a name, not a cell
      let col = letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      let row = parseInt(m[4], 10);
      if (!m[1]) col -= dCol;
      if (!m[3]) row -= dRow;
      return `${sheet ?? ''}${m[1] ?? ''}${columnLetter(col)}${m[3] ?? ''}${row}`;
    },
  );
}
