/**
 * Changes some cells of a worksheet's XML and leaves every other byte as it was: what `collect`
 * does to the province workbook (about 3 MB zipped, 300 MB once loaded into a spreadsheet model)
 * without loading it. Cells are found by their reference (or their place, for writers that omit
 * it), whatever prefix the file gives its elements. ECMA-376 Part 1 §18.3.1 (sheetData, row, c,
 * f, v, is) is all this touches.
 */
import { xmlDecode, xmlEncode } from '@cj-tech-master/excelts/xml';
import { FormulaValue } from '../core/form/formulas';
import { a1, parseA1 } from '../core/sheet/grid';

/** What a cell becomes: a value (null: empty, the style kept), or a formula with its result. */
export type NewCell =
  | { readonly value: string | number | boolean | null }
  | { readonly formula: string; readonly result: FormulaValue | null };

export interface SheetPatch {
  /** Cells written anew, by A1 reference. */
  readonly cells: ReadonlyMap<string, NewCell>;
  /** Formula cells kept as they are, with the result they now compute (null: none stored). */
  readonly results: ReadonlyMap<string, FormulaValue | null>;
  /** Rows that need at least this height in points (wrapped text written into them). */
  readonly minHeights: ReadonlyMap<number, number>;
  /** A cell's formula as the file means it (shared formulas translated), for cells leaving a shared group. */
  readonly formulaOf: (ref: string) => string | null;
}

interface Tag {
  readonly start: number;
  readonly end: number; // index after '>'
  readonly name: string; // without prefix
  readonly prefix: string; // "x:" or ""
  readonly kind: 'open' | 'close' | 'empty';
  readonly attrs: string; // the raw attribute text
}

/** The next tag at or after `from` (comments, processing instructions and CDATA skipped). */
function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    if (xml.startsWith('<!--', i)) i = xml.indexOf('<', xml.indexOf('-->', i) + 3);
    else if (xml.startsWith('<![CDATA[', i)) i = xml.indexOf('<', xml.indexOf(']]>', i) + 3);
    else if (xml.startsWith('<?', i)) i = xml.indexOf('<', xml.indexOf('?>', i) + 2);
    else break;
    if (i < 2) return null;
  }
  if (i < 0) return null;
  // Find the closing '>' outside quoted attribute values.
  let j = i + 1;
  let quote = '';
  for (; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') break;
  }
  if (j >= xml.length) throw new Error('unterminated tag');
  const closing = xml[i + 1] === '/';
  const empty = !closing && xml[j - 1] === '/';
  const body = xml.slice(i + (closing ? 2 : 1), empty ? j - 1 : j);
  const m = /^([\w.-]+:)?([\w.-]+)/.exec(body);
  if (!m) throw new Error('bad tag');
  return {
    start: i,
    end: j + 1,
    prefix: m[1] ?? '',
    name: m[2],
    kind: closing ? 'close' : empty ? 'empty' : 'open',
    attrs: body.slice(m[0].length),
  };
}

/** The end of the element whose open tag is `open` (after its close tag). */
function elementEnd(xml: string, open: Tag): number {
  if (open.kind === 'empty') return open.end;
  let depth = 1;
  let at = open.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) throw new Error(`unterminated <${open.name}>`);
    if (t.name === open.name && t.kind === 'open') depth++;
    else if (t.name === open.name && t.kind === 'close' && --depth === 0) return t.end;
    at = t.end;
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? xmlDecode(m[2] ?? m[3]) : undefined;
}

function withoutAttr(attrs: string, name: string): string {
  return attrs.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/**
 * Text as OOXML stores it (ISO/IEC 29500 §22.4.2.4): a literal "_xHHHH_" escaped so that it is
 * not read as a character, and characters XML cannot hold written as _xHHHH_.
 */
function ooxmlText(s: string): string {
  const hex = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  return xmlEncode(s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(NOT_IN_XML, hex));
}

/** Characters XML 1.0 cannot hold (§2.2), except the surrogates JavaScript strings pair. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A cell's XML: its reference, its style kept, what it now holds. */
function cellXml(p: string, ref: string, style: string | undefined, cell: NewCell): string {
  const s = style !== undefined ? ` s="${xmlEncode(style)}"` : '';
  if ('formula' in cell) {
    const f = `<${p}f>${xmlEncode(cell.formula)}</${p}f>`;
    return `<${p}c r="${ref}"${s}${resultType(cell.result)}>${f}${resultXml(p, cell.result)}</${p}c>`;
  }
  const v = cell.value;
  if (v === null || v === '') return style !== undefined ? `<${p}c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number ${v} written to a cell`);
    return `<${p}c r="${ref}"${s}><${p}v>${v}</${p}v></${p}c>`;
  }
  if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  // An inline string: text stays text, whatever it starts with ("=" included).
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${ooxmlText(v)}</${p}t></${p}is></${p}c>`;
}

function resultType(r: FormulaValue | null): string {
  if (typeof r === 'string') return /^#/.test(r) ? ' t="e"' : ' t="str"';
  if (typeof r === 'boolean') return ' t="b"';
  return '';
}

function resultXml(p: string, r: FormulaValue | null): string {
  if (r === null) return '';
  if (typeof r === 'number' && !Number.isFinite(r)) return '';
  const v = typeof r === 'boolean' ? (r ? '1' : '0') : typeof r === 'number' ? String(r) : ooxmlText(r);
  return `<${p}v>${v}</${p}v>`;
}

interface OldCell {
  readonly col: number;
  readonly start: number;
  readonly end: number;
  readonly open: Tag;
}

/** The sheet's XML with the patch applied; throws when the XML is not a worksheet it can read. */
export function patchSheetXml(xml: string, patch: SheetPatch): string {
  const editsByRow = new Map<number, Map<number, NewCell>>();
  for (const [ref, cell] of patch.cells) {
    const { row, col } = parseA1(ref);
    if (!editsByRow.has(row)) editsByRow.set(row, new Map());
    editsByRow.get(row)!.set(col, cell);
  }
  const resultRows = new Set([...patch.results.keys()].map((ref) => parseA1(ref).row));
  const touched = (row: number) => editsByRow.has(row) || resultRows.has(row) || patch.minHeights.has(row);

  const { open: dataOpen, end: dataEnd, inner } = sheetDataContent(xml);
  const p = dataOpen.prefix;

  // Shared formula groups whose master is rewritten: their other cells become plain formulas.
  const brokenGroups = new Set<string>();
  scanCells(inner, (row, cell, content) => {
    const f = formulaTag(content);
    if (f && attr(f.tag.attrs, 't') === 'shared' && attr(f.tag.attrs, 'ref') && editsByRow.get(row)?.has(cell.col)) {
      const si = attr(f.tag.attrs, 'si');
      if (si !== undefined) brokenGroups.add(si);
    }
  });

  const out: string[] = [];
  let at = 0;
  const pendingRows = [...editsByRow.keys()].sort((a, b) => a - b);
  const emitNewRowsBefore = (row: number) => {
    while (pendingRows.length && pendingRows[0] < row) {
      const r = pendingRows.shift()!;
      out.push(newRow(p, r, editsByRow.get(r)!, patch.minHeights.get(r)));
    }
  };
  for (const { row, start, end } of sheetRows(inner)) {
    out.push(inner.slice(at, start));
    emitNewRowsBefore(row);
    if (pendingRows[0] === row) pendingRows.shift();
    const rowXml = inner.slice(start, end);
    out.push(
      touched(row) || brokenGroups.size ? patchRow(rowXml, row, p, patch, editsByRow.get(row), brokenGroups) : rowXml,
    );
    at = end;
  }
  out.push(inner.slice(at));
  emitNewRowsBefore(Infinity);
  const data = `<${p}sheetData${dataOpen.attrs.replace(/\/$/, '')}>${out.join('')}</${p}sheetData>`;
  return xml.slice(0, dataOpen.start) + data + xml.slice(dataEnd);
}

function sheetDataContent(xml: string): { open: Tag; end: number; inner: string } {
  let t = nextTag(xml, 0);
  while (t && t.name !== 'sheetData') t = nextTag(xml, t.end);
  if (!t) throw new Error('no sheetData');
  const end = t.kind === 'empty' ? t.end : elementEnd(xml, t);
  const inner = t.kind === 'empty' ? '' : xml.slice(t.end, xml.lastIndexOf('<', end - 1));
  return { open: t, end, inner };
}

function newRow(p: string, row: number, edits: ReadonlyMap<number, NewCell>, height: number | undefined): string {
  const cells = [...edits.entries()]
    .sort(([a], [b]) => a - b)
    .map(([col, cell]) => cellXml(p, a1(row, col), undefined, cell))
    .join('');
  if (!cells) return '';
  const ht = height ? ` ht="${height}" customHeight="1"` : '';
  return `<${p}row r="${row}"${ht}>${cells}</${p}row>`;
}

/** The `<row>` elements of sheetData's content: number (from `r`, or the one after the last), where. */
function* sheetRows(inner: string): Generator<{ row: number; start: number; end: number; open: Tag }> {
  let prevRow = 0;
  for (let tag = nextTag(inner, 0); tag;) {
    if (tag.name !== 'row' || tag.kind === 'close') {
      tag = nextTag(inner, tag.end);
      continue;
    }
    const end = elementEnd(inner, tag);
    const r = attr(tag.attrs, 'r');
    prevRow = r ? parseInt(r, 10) : prevRow + 1;
    yield { row: prevRow, start: tag.start, end, open: tag };
    tag = nextTag(inner, end);
  }
}

/** Calls `each` for every cell of every row in sheetData's content. */
function scanCells(inner: string, each: (row: number, cell: OldCell, content: string) => void): void {
  for (const { row, start, end, open } of sheetRows(inner)) {
    const rowXml = inner.slice(start, end);
    for (const cell of rowCells(rowXml, open.end - start)) each(row, cell, rowXml.slice(cell.open.end, cell.end));
  }
}

/** The `<c>` elements of a row's XML (from `from`, after the row's open tag). */
function rowCells(rowXml: string, from: number): OldCell[] {
  const cells: OldCell[] = [];
  let prevCol = 0;
  for (let t = nextTag(rowXml, from); t && !(t.name === 'row' && t.kind === 'close');) {
    if (t.name !== 'c' || t.kind === 'close') {
      t = nextTag(rowXml, t.end);
      continue;
    }
    const end = elementEnd(rowXml, t);
    const r = attr(t.attrs, 'r');
    const col = r ? parseA1(r.toUpperCase().replace(/\$/g, '')).col : prevCol + 1;
    prevCol = col;
    cells.push({ col, start: t.start, end, open: t });
    t = nextTag(rowXml, end);
  }
  return cells;
}

/** The `<f>` element of a cell's content, raw. */
function formulaTag(content: string): { tag: Tag; xml: string } | null {
  for (let t = nextTag(content, 0); t; t = nextTag(content, t.end)) {
    if (t.name === 'f' && t.kind !== 'close') {
      const end = elementEnd(content, t);
      return { tag: t, xml: content.slice(t.start, end) };
    }
  }
  return null;
}

function patchRow(
  rowXml: string,
  row: number,
  p: string,
  patch: SheetPatch,
  edits: ReadonlyMap<number, NewCell> | undefined,
  brokenGroups: ReadonlySet<string>,
): string {
  const open = nextTag(rowXml, 0)!;
  const cells = rowCells(rowXml, open.end);
  const pending = new Map(edits ?? []);
  const parts: string[] = [];
  let at = open.end;
  let changed = false;
  const emitEditsBefore = (col: number) => {
    for (const c of [...pending.keys()].sort((a, b) => a - b)) {
      if (c >= col) break;
      parts.push(cellXml(p, a1(row, c), undefined, pending.get(c)!));
      pending.delete(c);
      changed = true;
    }
  };
  for (const cell of cells) {
    parts.push(rowXml.slice(at, cell.start));
    emitEditsBefore(cell.col);
    const ref = a1(row, cell.col);
    const style = attr(cell.open.attrs, 's');
    const content = rowXml.slice(cell.open.end, cell.end);
    const edit = pending.get(cell.col);
    const f = formulaTag(content);
    const si = f ? attr(f.tag.attrs, 'si') : undefined;
    if (edit) {
      pending.delete(cell.col);
      parts.push(cellXml(p, ref, style, edit));
      changed = true;
    } else if (f && si !== undefined && brokenGroups.has(si)) {
      // Its shared group lost its master: the cell keeps its formula as a plain one.
      const formula = patch.formulaOf(ref);
      const result = patch.results.has(ref) ? patch.results.get(ref)! : null;
      parts.push(formula ? cellXml(p, ref, style, { formula, result }) : cellXml(p, ref, style, { value: null }));
      changed = true;
    } else if (f && patch.results.has(ref)) {
      // A kept formula with the result it now computes: its <f> as written, a new <v>.
      const result = patch.results.get(ref)!;
      const attrs = withoutAttr(withoutAttr(cell.open.attrs, 't'), 'r').replace(/\/$/, '');
      parts.push(`<${p}c r="${ref}"${attrs}${resultType(result)}>${f.xml}${resultXml(p, result)}</${p}c>`);
      changed = true;
    } else parts.push(rowXml.slice(cell.start, cell.end));
    at = cell.end;
  }
  const closeAt = rowXml.lastIndexOf('<');
  const tail = open.kind === 'empty' ? '' : rowXml.slice(at, closeAt);
  parts.push(tail);
  emitEditsBefore(Infinity);
  let attrs = open.attrs.replace(/\/$/, '');
  const height = patch.minHeights.get(row);
  const current = Number(attr(attrs, 'ht') ?? 0);
  if (height && current < height) {
    attrs = `${withoutAttr(withoutAttr(attrs, 'ht'), 'customHeight')} ht="${height}" customHeight="1"`;
    changed = true;
  }
  if (!changed) return rowXml;
  // "spans" is an optimisation hint that new cells may contradict (§18.3.1.73): drop it.
  attrs = withoutAttr(attrs, 'spans');
  return `<${p}row${attrs}>${parts.join('')}</${p}row>`;
}

/** The style index (`s`) of every cell in these rows, by A1 reference. */
export function cellStyles(xml: string, rows: ReadonlySet<number>): Map<string, number> {
  const styles = new Map<string, number>();
  const data = sheetDataContent(xml);
  scanCells(data.inner, (row, cell) => {
    const s = rows.has(row) ? attr(cell.open.attrs, 's') : undefined;
    if (s !== undefined) styles.set(a1(row, cell.col), parseInt(s, 10) || 0);
  });
  return styles;
}

/** Column widths (in characters) the sheet sets, by column number. */
export function columnWidths(xml: string): Map<number, number> {
  const widths = new Map<number, number>();
  for (let t = nextTag(xml, 0); t && t.name !== 'sheetData'; t = nextTag(xml, t.end)) {
    if (t.name !== 'col' || t.kind === 'close') continue;
    const min = parseInt(attr(t.attrs, 'min') ?? '', 10);
    const max = parseInt(attr(t.attrs, 'max') ?? '', 10);
    const width = Number(attr(t.attrs, 'width'));
    if (min > 0 && max >= min && max - min < 16384 && Number.isFinite(width))
      for (let c = min; c <= max; c++) widths.set(c, width);
  }
  return widths;
}

/** Which cell styles (index into cellXfs) wrap their text. */
export function wrappingStyles(stylesXml: string): Set<number> {
  const wrapping = new Set<number>();
  let inXfs = false;
  let index = -1;
  for (let t = nextTag(stylesXml, 0); t; t = nextTag(stylesXml, t.end)) {
    if (t.name === 'cellXfs') inXfs = t.kind === 'open';
    else if (inXfs && t.name === 'xf' && t.kind !== 'close') index++;
    else if (inXfs && t.name === 'alignment' && /^(1|true)$/.test(attr(t.attrs, 'wrapText') ?? '')) wrapping.add(index);
  }
  return wrapping;
}
