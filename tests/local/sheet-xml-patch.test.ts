/**
 * The cell patch on XML other writers produce: prefixed elements, cells and rows without
 * references, shared formulas, rows to add; read back through the streaming reader.
 */
import { NewCell, patchSheetXml } from '../../src/local/sheet-xml-patch';
import { readWorkbookParts } from '../../src/local/xlsx-snapshots';
import { FormulaValue } from '../../src/core/form/formulas';

const enc = (s: string) => new TextEncoder().encode(s);

/** Reads one sheet's XML as the core would (a workbook of that one sheet). */
async function read(sheet: string) {
  const parts: Record<string, string> = {
    'xl/workbook.xml':
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="T" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  const source = (path: string) =>
    parts[path] === undefined
      ? null
      : (async function* () {
          yield enc(parts[path]);
        })();
  const {
    snapshots: [snap],
  } = await readWorkbookParts(source, 't.xlsx', { sheetCells: 1e5, totalCells: 1e6 });
  return snap;
}

const SHEET = `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="3" width="20"/></x:cols>
<x:sheetData>
<x:row r="1" spans="1:3"><x:c r="A1" s="2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="C1"><x:f t="shared" ref="C1:C3" si="0">A1+B1</x:f><x:v>3</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2"><x:v>10</x:v></x:c><x:c r="B2"><x:v>20</x:v></x:c><x:c r="C2"><x:f t="shared" si="0"/><x:v>30</x:v></x:c></x:row>
<x:row><x:c r="A3"><x:v>5</x:v></x:c><x:c r="C3"><x:f t="shared" si="0"/><x:v>5</x:v></x:c><x:c r="D3"><x:f>SUM(A1:A3)</x:f><x:v>16</x:v></x:c></x:row>
<!-- a comment with <x:row r="99"> inside -->
<x:row r="7" ht="30" customHeight="1"/>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E1:F1"/></x:mergeCells></x:worksheet>`;

function patch(
  cells: [string, NewCell][],
  results: [string, FormulaValue | null][] = [],
  heights: [number, number][] = [],
) {
  const before = new Map<string, string>([
    ['C1', 'A1+B1'],
    ['C2', 'A2+B2'],
    ['C3', 'A3+B3'],
    ['D3', 'SUM(A1:A3)'],
  ]);
  return patchSheetXml(SHEET, {
    cells: new Map(cells),
    results: new Map(results),
    minHeights: new Map(heights),
    formulaOf: (ref) => before.get(ref) ?? null,
  });
}

describe('patching a sheet', () => {
  it('writes values where told, keeps styles, adds rows and cells in order, leaves the rest', async () => {
    const xml = patch(
      [
        ['A2', { value: 7 }],
        ['E2', { value: 'mới' }],
        ['B5', { value: '=1+1' }],
        ['A7', { value: true }],
        ['A1', { value: null }],
      ],
      [['D3', 25]],
      [[5, 45]],
    );
    const snap = await read(xml);
    expect(snap.values.slice(0, 7).map((r) => r.slice(0, 5))).toEqual([
      ['', 2, 3, '', ''],
      [7, 20, 30, '', 'mới'],
      [5, '', 5, 25, ''],
      ['', '', '', '', ''],
      ['', '=1+1', '', '', ''],
      ['', '', '', '', ''],
      [true, '', '', '', ''],
    ]);
    // The emptied A1 keeps its style; the comment and the merged range are untouched.
    expect(xml).toContain('<x:c r="A1" s="2"/>');
    expect(xml).toContain('<!-- a comment with <x:row r="99"> inside -->');
    expect(xml).toContain('<x:mergeCell ref="E1:F1"/>');
    // D3 kept its formula as written, with its new result.
    expect(xml).toContain('<x:c r="D3"><x:f>SUM(A1:A3)</x:f><x:v>25</x:v></x:c>');
    expect(snap.cells?.get('B5')).toBeUndefined(); // text that looks like a formula stays text
    expect(xml).toMatch(/<x:row r="5" ht="45" customHeight="1">/);
    // An edited row loses its "spans" hint; an untouched one keeps its bytes.
    expect(xml).not.toContain('spans="1:3"><x:c r="A1" s="2"/>');
  });

  it('rewriting a shared formula master turns the rest of its group into plain formulas', async () => {
    const xml = patch(
      [['C1', { formula: 'A1*B1', result: 2 }]],
      [
        ['C2', 200],
        ['C3', 5],
      ],
    );
    const snap = await read(xml);
    expect(snap.cells?.get('C1')).toEqual({ kind: 'formula', formula: 'A1*B1', cached: true });
    expect(snap.cells?.get('C2')).toEqual({ kind: 'formula', formula: 'A2+B2', cached: true });
    expect(snap.cells?.get('C3')).toEqual({ kind: 'formula', formula: 'A3+B3', cached: true });
    expect(xml).not.toContain('t="shared"');
    expect(snap.values[1][2]).toBe(200);
  });

  it('a row that only needs height changes only its height', () => {
    const xml = patch([], [], [[7, 60]]);
    expect(xml).toContain('<x:row r="7" ht="60" customHeight="1"></x:row>');
    expect(xml.replace(/<x:row r="7"[^>]*>(<\/x:row>)?/, '')).toBe(
      SHEET.replace('<x:row r="7" ht="30" customHeight="1"/>', ''),
    );
  });
});
