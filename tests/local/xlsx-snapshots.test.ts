/**
 * The streaming reader (xlsx-snapshots.ts) against the full excelts load: the same snapshots,
 * cell for cell, on every workbook the tests hold (ours, LibreOffice's, openpyxl's, the hostile
 * ones) and on hand-written XML that exercises what other writers do (shared formulas, inline
 * and rich strings, dates, merges, cells without references, prefixed elements).
 */
import JSZip from 'jszip';
import { lstatSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SheetSnapshot } from '../../src/core/sheet/grid';
import { FileError } from '../../src/local/file-problems';
import { guardedSnapshots, guardedWorkbook } from '../../src/local/xlsx-guard';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { writeHostileFiles } from '../../scripts/hostile-files';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { settingsPlan } from '../../src/core/settings';
import { generateTemplates, consolidateWorkbook } from '../../src/core/use-cases';
import { runContext } from '../../src/core/settings/run-context';
import { catalogFor } from '../../src/core/catalog/versions';
import { FIXTURES } from '../paths';

type Outcome = { sheets: unknown[] } | { refused: string };

/** What the full load gives: every worksheet's snapshot, or the refusal's kind and words. */
async function fullLoad(buf: Uint8Array): Promise<Outcome> {
  try {
    const wb = await guardedWorkbook(buf, 'f.xlsx');
    return { sheets: wb.sheetNames().map((n) => comparable(wb.read(n)!)) };
  } catch (e) {
    if (e instanceof FileError) return { refused: `${e.code}: ${e.detail}` };
    throw e;
  }
}

async function streamed(buf: Uint8Array): Promise<Outcome> {
  try {
    const book = await guardedSnapshots(buf, 'f.xlsx');
    return { sheets: book.sheetNames().map((n) => comparable(book.read(n)!)) };
  } catch (e) {
    if (e instanceof FileError) return { refused: `${e.code}: ${e.detail}` };
    throw e;
  }
}

/** A snapshot as plain data; a format only where it can matter (a number's). */
function comparable(s: SheetSnapshot) {
  return {
    name: s.name,
    isProtected: s.isProtected,
    values: s.values.map((row) => row.map((v) => (v instanceof Date ? `date ${v.toString()}` : v))),
    formats: s.values.map((row, r) => row.map((v, c) => (typeof v === 'number' ? s.formats[r][c] : ''))),
    cells: [...(s.cells ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

async function expectSame(buf: Uint8Array, label: string) {
  const [a, b] = [await fullLoad(buf), await streamed(buf)];
  expect({ label, ...b }).toEqual({ label, ...a });
  return a;
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xlsxFiles(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );
}

/** A workbook as another writer might zip it: two sheets (the second empty), strings and styles. */
async function workbookZip(sheet: string, strings: string, styles: string, date1904 = false): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Sở &amp; ngành" sheetId="1" r:id="rId1"/><sheet name="Trống" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheet);
  zip.file(
    'xl/worksheets/sheet2.xml',
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
  );
  zip.file('xl/sharedStrings.xml', strings);
  zip.file('xl/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('streaming reader reads what the full load reads', () => {
  it('on every workbook among the test fixtures (ours, LibreOffice-saved, openpyxl-saved)', async () => {
    const files = xlsxFiles(FIXTURES);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const out = await expectSame(readFileSync(f), f);
      expect('sheets' in out && out.sheets.length).toBeTruthy();
    }
  }, 60_000);

  it('on a filled province workbook and its consolidated summary', async () => {
    const clock = () => new Date('2026-09-25T03:00:00Z');
    const { settings, fills } = sampleProvince({ provincial: 4, communes: 4 });
    const wb = XlsxWorkbook.create(clock);
    wb.create(settingsPlan(settings));
    const ctx = runContext(settings);
    generateTemplates(wb, ctx);
    for (const f of fills) writeFill(wb, catalogFor(settings), settings, f);
    await expectSame(await wb.toBytes(), 'filled');
    consolidateWorkbook(wb, ctx);
    await expectSame(await wb.toBytes(), 'consolidated');
  }, 60_000);

  it('on every hostile file, refusing the same ones with the same words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-stream-'));
    const hostile = await writeHostileFiles(dir);
    // Devices and FIFOs among them are refused before any byte is read (src/cli/files.ts).
    const regular = hostile.filter((h) => lstatSync(join(dir, h.file)).isFile());
    expect(regular.length).toBeGreaterThanOrEqual(8);
    for (const h of regular) await expectSame(readFileSync(join(dir, h.file)), h.file);
  }, 60_000);

  it('on what other writers put in a sheet', async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Tr&#432;&#7901;ng _x0041_ &amp; co</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2"><x:v>12.5</x:v></x:c><x:c r="B2" s="1"><x:v>45900</x:v></x:c><x:c r="C2" s="2"><x:v>0.25</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c><x:c r="E2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="F2" t="d"><x:v>2026-03-31T00:00:00</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:f t="shared" ref="A3:A5" si="0">B3+$C$2*D$2</x:f><x:v>3</x:v></x:c><x:c r="B3"><x:v>1</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4"><x:f t="shared" si="0"/><x:v>4</x:v></x:c><x:c><x:v>7</x:v></x:c><x:c s="3"/></x:row>
<x:row r="5"><x:c r="A5"><x:f t="shared" si="0"/></x:c><x:c r="B5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="C5"><x:f>SUM(A3:A4)</x:f></x:c></x:row>
<x:row r="6" ht="30" customHeight="1"/>
<x:row r="7"><x:c r="A7" t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>run</x:t></x:r></x:is></x:c><x:c r="H7" s="3"/></x:row>
<x:row r="9"><x:c r="B9" s="0"/><x:c r="C9"><x:v>9</x:v></x:c></x:row>
</x:sheetData>
<x:sheetProtection sheet="true"/>
<x:mergeCells count="2"><x:mergeCell ref="D4:E5"/><x:mergeCell ref="A11:B12"/></x:mergeCells>
</x:worksheet>`;
    const strings = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><t xml:space="preserve"> Sở Nội vụ </t></si>
<si><r><t>Số </t></r><r><rPr><b/></rPr><t>hồ sơ</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>
</sst>`;
    const styles = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10"/><xf numFmtId="3"/></cellXfs>
</styleSheet>`;
    for (const date1904 of [false, true]) {
      const buf = await workbookZip(sheet, strings, styles, date1904);
      const out = await expectSame(buf, `date1904 ${date1904}`);
      // Not only equal but as a reader expects: the facts the core acts on.
      const [first] = (out as { sheets: ReturnType<typeof comparable>[] }).sheets;
      expect(first.name).toBe('Sở & ngành');
      expect(first.values[0]).toEqual([' Sở Nội vụ ', 'Số hồ sơ', 'Trường A & co', '', '', '', '', '']);
      expect(first.isProtected).toBe(true);
      expect(new Map(first.cells).get('A5')).toEqual({ kind: 'formula', formula: 'B5+$C$2*D$2', cached: false });
      expect(new Map(first.cells).get('E5')).toEqual({ kind: 'merged', range: 'D4:E5', anchor: false });
    }
  });

  it('refuses a sheet beyond any report with the words the full load gives', async () => {
    const rows = Array.from(
      { length: 50_001 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="D${r + 1}"><v>2</v></c></row>`,
    );
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const buf = await workbookZip(sheet, '<sst/>', '<styleSheet/>');
    const out = await expectSame(buf, 'too many cells');
    expect(out).toEqual({ refused: expect.stringContaining('trang "Sở & ngành" dùng tới 50.001 dòng × 4 cột') });
  });
});
