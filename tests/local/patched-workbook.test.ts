/**
 * collect's writer (patched-workbook.ts: only the written cells of the province workbook change)
 * against the spreadsheet model it replaces (XlsxWorkbook): the same agencies' files collected
 * into the same province workbook, saved by us, by LibreOffice and by openpyxl, read back the
 * same, every sheet, every cell. And what the patch leaves alone stays byte for byte.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IncomingFile } from '../../src/core/agency-files/collect';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { catalogFor } from '../../src/core/catalog/versions';
import { SheetSnapshot, parseA1 } from '../../src/core/sheet/grid';
import { Settings } from '../../src/core/settings';
import { parseAgencyTab } from '../../src/core/form/parse';
import { collectFiles } from '../../src/core/use-cases';
import { runContext } from '../../src/core/settings/run-context';
import { loadSettings } from '../../src/core/use-cases';
import { writeFill } from '../../src/demo/sample';
import { guardedGrids, guardedPatchable, guardedSnapshots, guardedWorkbook } from '../../src/local/xlsx-guard';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FIXTURE_CLOCK, fixtureProvince } from '../fixtures/collect/fixture';
import { FIXTURES } from '../paths';

const { fills } = fixtureProvince();
const COLLECT = join(FIXTURES, 'collect');
const ODD_TEXT = '=SUM(A1:A9) không phải công thức; _x0041_ giữ nguyên & <b>. '.repeat(12).trim();

/** Settings of a province workbook. */
function settingsOf(wb: Parameters<typeof loadSettings>[0]): Settings {
  const loaded = loadSettings(wb);
  if (!loaded.ok) throw new Error('no settings');
  return loaded.settings;
}

/**
 * The agencies' files for a province: the first two made by LibreOffice and openpyxl (committed
 * fixtures, our own province only), the others by our writer with the sample's figures, the last
 * with a long answer holding text that looks like a formula and an XML escape.
 */
async function agencyFiles(province: Uint8Array, withFixtures: boolean): Promise<IncomingFile[]> {
  const s = settingsOf(await guardedSnapshots(province, 'p.xlsx'));
  const files: IncomingFile[] = [];
  if (withFixtures)
    for (const name of ['libreoffice.xlsx', 'openpyxl.xlsx'])
      files.push(await guardedGrids(name, readFileSync(join(COLLECT, name))));
  const last = Math.min(3, s.agencies.length - 1);
  for (const i of withFixtures ? [0, last] : [...new Set([0, 1, 2, last])].filter((n) => n <= last)) {
    const agency = s.agencies[i];
    const one = XlsxWorkbook.create(FIXTURE_CLOCK);
    const c = catalogFor(s);
    one.create(agencyFilePlan(c, s, agency).plan);
    writeFill(one, c, s, { ...fills[i], agency });
    if (i === last) {
      const free = Object.values(parseAgencyTab(c, one.read(agency.sheet)!).freeTextCells)[0]!;
      one.writeCells(agency.sheet, free, [[ODD_TEXT]]);
    }
    files.push(await guardedGrids(`f${i}.xlsx`, await one.toBytes()));
  }
  return files;
}

function comparable(s: SheetSnapshot) {
  return {
    name: s.name,
    values: s.values.map((row) => row.map((v) => (v instanceof Date ? `date ${v.toString()}` : v))),
    // "General" is no format: the model writes it as none, a patch keeps the input's own word for it.
    formats: s.values.map((row, r) =>
      row.map((v, c) => (typeof v === 'number' ? s.formats[r][c].replace(/^General$/i, '') : '')),
    ),
    cells: [...(s.cells ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

async function readBack(bytes: Uint8Array) {
  const book = await guardedSnapshots(bytes, 'out.xlsx');
  return book.sheetNames().map((n) => comparable(book.read(n)!));
}

async function bothWays(province: Uint8Array, files: IncomingFile[]) {
  const model = await guardedWorkbook(province, 'p.xlsx', FIXTURE_CLOCK);
  const patched = await guardedPatchable(province, 'p.xlsx', FIXTURE_CLOCK);
  const a = collectFiles(model, runContext(settingsOf(model)), files, { today: model.today() });
  const b = collectFiles(patched, runContext(settingsOf(patched)), files, { today: patched.today() });
  return { a, b, modelBytes: await model.toBytes(), patchedBytes: await patched.toBytes() };
}

describe("collect's writer changes only what it writes, and reads back as the model's", () => {
  it.each([
    ['ours', join(COLLECT, 'province.xlsx')],
    ['saved by LibreOffice', join(FIXTURES, 'interop', 'template.libreoffice.xlsx')],
    ['saved by openpyxl', join(FIXTURES, 'interop', 'template.openpyxl.xlsx')],
  ])(
    'province workbook %s',
    async (_label, path) => {
      const province = readFileSync(path);
      const files = await agencyFiles(province, _label === 'ours');
      const { a, b, modelBytes, patchedBytes } = await bothWays(province, files);
      expect(b).toEqual(a);
      const written = a.written.length;
      expect(written).toBe(files.length);
      expect(written).toBeGreaterThanOrEqual(2);
      expect(await readBack(patchedBytes)).toEqual(await readBack(modelBytes));

      // Every part but the sheets written is the input's, byte for byte.
      const before = await JSZip.loadAsync(province);
      const after = await JSZip.loadAsync(patchedBytes);
      expect(Object.keys(after.files).sort()).toEqual(Object.keys(before.files).sort());
      let changed = 0;
      for (const name of Object.keys(before.files)) {
        const same = (await before.file(name)?.async('base64')) === (await after.file(name)?.async('base64'));
        if (!same) changed++;
        if (!same) expect(name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
      }
      expect(changed).toBe(new Set(a.written).size);
    },
    60_000,
  );

  it('a long answer raises its row as the model does, and text stays text', async () => {
    const province = readFileSync(join(COLLECT, 'province.xlsx'));
    const { b, patchedBytes, modelBytes } = await bothWays(province, await agencyFiles(province, true));
    const settings = settingsOf(await guardedSnapshots(province, 'p.xlsx'));
    const catalog = catalogFor(settings);
    const sheet = settings.agencies[3].sheet;
    expect(b.written).toContain(sheet);
    const patched = await guardedSnapshots(patchedBytes, 'out.xlsx');
    const free = Object.values(parseAgencyTab(catalog, patched.read(sheet)!).freeTextCells)[0]!;
    const { row, col } = parseA1(free);
    expect(patched.read(sheet)!.values[row - 1][col - 1]).toBe(ODD_TEXT);
    expect(patched.read(sheet)!.cells?.get(free)).toBeUndefined(); // not a formula
    const height = async (bytes: Uint8Array) =>
      (await XlsxWorkbook.fromBuffer(Buffer.from(bytes))).book.getWorksheet(sheet)!.getRow(row).height;
    expect(await height(patchedBytes)).toBeGreaterThan(15);
    expect(await height(patchedBytes)).toBe(await height(modelBytes));
  }, 60_000);
});
