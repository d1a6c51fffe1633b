/** The Apps Script adapter and the .xlsx adapter give the same results from the same data. */
import { consolidate, summaryJson } from '../src/core/consolidate';
import { generateTemplates, readTabs, validateTabs } from '../src/core/app';
import { sampleProvince, writeFill } from '../src/core/sample';
import { settingsPlan } from '../src/core/settings';
import { WorkbookPort } from '../src/core/workbook';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { catalog, gasWorkbook, NOW } from './gas/setup';

async function run(
  make: () => Promise<WorkbookPort> | WorkbookPort,
  reload?: (wb: WorkbookPort) => Promise<WorkbookPort>,
  edit?: (wb: WorkbookPort, sheet: string, rowOf: (code: string) => number) => void,
) {
  const { settings, fills } = sampleProvince(catalog, { provincial: 8, communes: 12, mistakeShare: 0.5 });
  let wb = await make();
  wb.create(settingsPlan(catalog, settings));
  generateTemplates(wb, catalog, settings);
  for (const f of fills) writeFill(wb, catalog, settings, f);
  if (edit) {
    const sheet = settings.agencies[0].sheet;
    const values = wb.read(sheet)!.values;
    edit(wb, sheet, (code) => values.findIndex((row) => row[0] === code) + 1);
  }
  if (reload) wb = await reload(wb);
  const results = validateTabs(catalog, settings, readTabs(wb, settings), wb.today());
  return {
    findings: results.map((r) => [r.agency.name, r.status, r.findings.map((f) => [f.rule, f.cell, f.message])]),
    summary: summaryJson(consolidate(catalog, settings, results)),
  };
}

describe('Apps Script and .xlsx parity', () => {
  it('validates and consolidates the same workbook to the same findings and figures', async () => {
    const gas = await run(() => gasWorkbook().wb);
    const xlsx = await run(
      () => XlsxWorkbook.create(() => NOW),
      async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer(), () => NOW),
    );
    expect(xlsx.findings).toEqual(gas.findings);
    expect(xlsx.summary).toEqual(gas.summary);
    expect(gas.findings.some(([, status]) => status === 'Có lỗi')).toBe(true);
  });

  it('reads a merged value cell as the same finding in both', async () => {
    const merge =
      (range: (wb: WorkbookPort, sheet: string, a1: string) => void) =>
      (wb: WorkbookPort, sheet: string, rowOf: (code: string) => number) =>
        range(wb, sheet, `D${rowOf('3.4.c.1')}:D${rowOf('3.4.c.2')}`);
    const fake = gasWorkbook();
    const gas = await run(
      () => fake.wb,
      undefined,
      merge((_, sheet, a1) => fake.fake.ss.getSheetByName(sheet)!.getRange(a1).merge()),
    );
    const xlsx = await run(
      () => XlsxWorkbook.create(() => NOW),
      async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer(), () => NOW),
      merge((wb, sheet, a1) => (wb as XlsxWorkbook).book.getWorksheet(sheet)!.mergeCells(a1)),
    );
    expect(xlsx.findings).toEqual(gas.findings);
    expect(xlsx.summary).toEqual(gas.summary);
    const merged = (gas.findings[0][2] as string[][]).filter(([rule]) => rule === 'merged-cell');
    expect(merged.map(([, cell]) => cell)).toHaveLength(2);
  });
});
