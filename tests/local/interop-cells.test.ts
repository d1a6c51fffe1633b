/**
 * What another program may leave in a cell, read the way Sheets would or reported, never guessed:
 * a stale cached ratio (LibreOffice once stored 0.001 where the counts give 100 %), a formula with
 * no stored result, typed numbers that admit two readings.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../../src/core/use-cases';
import { readTabs, validateTabs } from '../../src/core/checks/tabs';
import { consolidate, summaryJson } from '../../src/core/figures/consolidate';
import { evaluateFormula } from '../../src/core/form/formulas';
import { parseTypedNumber } from '../../src/core/primitives/numbers';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { catalog, NOW } from '../gas/setup';
import { FIXTURES } from '../paths';

const sample = readFileSync(join(FIXTURES, 'interop', 'sample.xlsx'));

async function readBuffer(buf: Buffer | ArrayBuffer) {
  const wb = await XlsxWorkbook.fromBuffer(buf, () => NOW);
  const loaded = loadSettings(wb);
  if (!loaded.ok) throw new Error('settings');
  const results = validateTabs(catalog, loaded.settings, readTabs(wb, loaded.settings), wb.today());
  return {
    findings: results.map((r) => r.findings.map((f) => [f.sheet, f.cell, f.rule])),
    summary: summaryJson(consolidate(catalog, loaded.settings, results)),
  };
}

/** The sample with its cells changed by excelts, written as is (no results recomputed by us). */
async function edited(edit: (ws: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(sample);
  edit(book.getWorksheet('Văn phòng UBND tỉnh')!);
  return readBuffer(Buffer.from(await book.xlsx.writeBuffer()));
}

const rowOf = (ws: ExcelJS.Worksheet, code: string) =>
  [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === code)!;

/** Findings at every cell but `cell` (that cell's typed value is replaced by the edit). */
const elsewhere = <F extends readonly unknown[]>(findings: readonly F[], cell: string) =>
  findings.filter((f) => f[1] !== cell);

describe('cells as other programs leave them', () => {
  it('a stale cached ratio is recomputed from its counts: no false ratio-mismatch, same figures', async () => {
    const original = await readBuffer(sample);
    const stale = await edited((ws) => {
      for (const code of ['3.4.1', '3.3.3', '7.8.4']) {
        const cell = ws.getCell(rowOf(ws, code), 4);
        cell.value = { formula: cell.formula!, result: 0.001 } as ExcelJS.CellFormulaValue;
      }
    });
    expect(stale).toEqual(original);
  });

  it('formulas with no stored result: computed when we can, reported at the cell when we cannot', async () => {
    const original = await readBuffer(sample);
    const r = await edited((ws) => {
      for (const code of ['3.4.1', '3.3.3']) {
        const cell = ws.getCell(rowOf(ws, code), 4);
        cell.value = { formula: cell.formula! } as ExcelJS.CellFormulaValue;
      }
      ws.getCell(rowOf(ws, '2.2'), 4).value = { formula: 'VLOOKUP(1,A1:B2,2)' } as ExcelJS.CellFormulaValue;
    });
    // The same findings plus one at the cell (findings are listed by cell, so it may come first);
    // whatever was said of the typed value the formula replaced at D20 goes with it.
    const expected = [
      ...elsewhere(original.findings[0], 'D20'),
      ['Văn phòng UBND tỉnh', 'D20', 'formula-uncomputable'],
    ];
    expect(r.findings[0]).toHaveLength(expected.length);
    expect(r.findings[0]).toEqual(expect.arrayContaining(expected));
  });

  it('a cached result of a formula we cannot compute is not used: the cell is reported as without one', async () => {
    const original = await readBuffer(sample);
    const r = await edited((ws) => {
      ws.getCell(rowOf(ws, '2.2'), 4).value = { formula: 'VLOOKUP(1,A1:B2,2)', result: 1 } as ExcelJS.CellFormulaValue;
    });
    const expected = [
      ...elsewhere(original.findings[0], 'D20'),
      ['Văn phòng UBND tỉnh', 'D20', 'formula-uncomputable'],
    ];
    expect(r.findings[0]).toHaveLength(expected.length);
    expect(r.findings[0]).toEqual(expect.arrayContaining(expected));
  });

  it('reads "0.050" in a per-cent row, and "0.050" as a count, as ambiguous', () => {
    expect(parseTypedNumber('0.050', 'percent')).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(parseTypedNumber('0.05', 'percent')).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(parseTypedNumber('12.500', 'percent')).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(parseTypedNumber('0.050', 'count')).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(parseTypedNumber('0,5%', 'percent')).toEqual({ ok: true, value: 0.5 });
    expect(parseTypedNumber('1.949', 'count')).toEqual({ ok: true, value: 1949 });
  });

  it('evaluates formulas as Sheets does: N() of text is 0, text in arithmetic #VALUE!, x/0 #DIV/0!', () => {
    const grid: Record<string, number | string> = { D1: 3, D2: 4, D3: 'abc', D4: '' };
    const at = (row: number, col: number) => (col === 4 ? (grid[`D${row}`] ?? '') : '');
    expect(evaluateFormula('IF(N(D2)>0,D1/D2,"")', at)).toBe(0.75);
    expect(evaluateFormula('IF(N(D3)>0,D1/D3,"")', at)).toBe('');
    expect(evaluateFormula('IF(N(D2)>0,D3/D2,"")', at)).toBe('#VALUE!');
    expect(evaluateFormula('IFERROR(D1/D4)', at)).toBe('');
    expect(evaluateFormula('D1/D4', at)).toBe('#DIV/0!');
    expect(evaluateFormula('IF(N(D2)>0,(D2-D1)/D2,"")', at)).toBe(0.25);
    expect(evaluateFormula("'Sở Nội vụ'!D1", at)).toBeNull();
    expect(evaluateFormula('VLOOKUP(1,D1:D2,1)', at)).toBeNull();
  });
});
