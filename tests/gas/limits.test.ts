/**
 * Google's size limits: 10 million cells per spreadsheet, blank cells of each new 1000×26 tab
 * included; the add-on trims its tabs so that a 190-agency province stays far below.
 */
import { consolidateWorkbook, generateTemplates, validateAll } from '../../src/core/use-cases';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { CELL_LIMIT, FakeSheet, fakeGas } from '../fakes/gas';
import { catalog, gasWorkbook, province } from './setup';
import { runContext } from '../../src/core/settings/run-context';

/** The last row and column holding anything (a value, formula or note), read off the fake. */
function usedExtent(sheet: FakeSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [k, c] of sheet.cells) {
    if (c.value === '' && !c.formula && !c.note) continue;
    const [r, col] = k.split(',').map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, col);
  }
  return { rows, cols };
}

describe("Google's cell limit", () => {
  it('keeps a 190-agency province, its results and summaries under 2 million cells, each tab cut to what it uses', () => {
    const provincial = 20; // the sample's provincial agencies (its default)
    const { fake, wb, settings } = province({ provincial, communes: 190 - provincial });
    expect(settings.agencies).toHaveLength(190);
    let out = generateTemplates(wb, runContext(settings));
    let runs = 1;
    while (out.remaining.length) {
      out = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
      runs++;
    }
    for (const f of sampleProvince({ provincial, communes: 190 - provincial }).fills.slice(0, 3))
      writeFill(gasWorkbook(fake).wb, catalog, settings, f);
    validateAll(gasWorkbook(fake).wb, runContext(settings));
    consolidateWorkbook(gasWorkbook(fake).wb, runContext(settings));
    const made = fake.ss.sheets.filter((s) => s.name !== 'Sheet1' && s.name !== 'Thiết lập');
    expect(made.length).toBeGreaterThanOrEqual(190 + 3);
    for (const s of made) {
      const used = usedExtent(s);
      expect({ sheet: s.name, rows: s.maxRows, cols: s.maxCols }).toEqual({ sheet: s.name, ...used });
    }
    expect(fake.ss.cellCount()).toBeLessThan(2_000_000);
    if (process.env.CELLS) console.log(`${made.length} tabs, ${fake.ss.cellCount()} cells`);
    // Untrimmed, the agency tabs alone would be 190 × 1000 × 26 = 4.94 million cells.
    expect(runs).toBeLessThan(20);
  });

  it('trims a tab written cell by cell with one call for its rows and one for its columns; a copy keeps its size', () => {
    const { fake, wb, settings } = province({ provincial: 6, communes: 6 });
    generateTemplates(wb, runContext(settings));
    // Tabs written cell by cell: the departments and one scratch tab, which the six communes copy.
    const written = fake.calls.of('Range.setBackgrounds');
    expect(written).toBeLessThanOrEqual(settings.agencies.length - 6 + 1);
    expect(fake.calls.of('Sheet.deleteRows')).toBe(written);
    expect(fake.calls.of('Sheet.deleteColumns')).toBe(written);
    for (const a of settings.agencies) {
      const s = fake.ss.sheet(a.sheet);
      expect({ sheet: s.name, rows: s.maxRows, cols: s.maxCols }).toEqual({ sheet: s.name, ...usedExtent(s) });
    }
  });

  it('is enforced by the fake, counting the blank cells of every new 1000×26 tab', () => {
    const { ss } = fakeGas();
    const fit = Math.floor(CELL_LIMIT / (1000 * 26)) - 1; // Sheet1 is there already
    for (let i = 0; i < fit; i++) ss.insertSheet(`T${i}`);
    expect(ss.cellCount()).toBe((fit + 1) * 26_000);
    expect(() => ss.insertSheet('one more')).toThrow('above the limit of 10000000 cells');
    ss.sheet('T0').deleteRows(11, 990);
    expect(() => ss.insertSheet('one more')).not.toThrow();
  });
});
