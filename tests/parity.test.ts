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
) {
  const { settings, fills } = sampleProvince({ provincial: 8, communes: 12, mistakeShare: 0.5 });
  let wb = await make();
  wb.create(settingsPlan(settings));
  generateTemplates(wb, catalog, settings);
  for (const f of fills) writeFill(wb, catalog, settings, f);
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
    expect(gas.findings.some(([, status]) => status === 'errors')).toBe(true);
  });
});
