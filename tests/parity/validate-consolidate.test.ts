/** The Apps Script adapter and the .xlsx adapter give the same results from the same data. */
import { consolidate, summaryJson } from '../../src/core/figures/consolidate';
import { generateTemplates, draftReport } from '../../src/core/use-cases';
import { readTabs, validateTabs } from '../../src/core/checks/tabs';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { Agency, settingsPlan } from '../../src/core/settings';
import { isoDate } from '../../src/core/primitives/dates';
import { summarySheetPlan } from '../../src/core/figures/output-sheets';
import { periodOf } from '../../src/core/periods';
import { plainText } from '../../src/core/report/model';
import { WorkbookPort } from '../../src/core/workbook';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { catalog, gasWorkbook, NOW } from '../gas/setup';
import { runContext } from '../../src/core/settings/run-context';

async function run(
  make: () => Promise<WorkbookPort> | WorkbookPort,
  reload?: (wb: WorkbookPort) => Promise<WorkbookPort>,
  edit?: (wb: WorkbookPort, sheet: string, rowOf: (code: string) => number) => void,
) {
  const { settings, fills } = sampleProvince({ provincial: 8, communes: 12, mistakeShare: 0.5 });
  let wb = await make();
  wb.create(settingsPlan(settings));
  generateTemplates(wb, runContext(settings));
  for (const f of fills) writeFill(wb, catalog, settings, f);
  if (edit) {
    const sheet = settings.agencies[0].sheet;
    const values = wb.read(sheet)!.values;
    edit(wb, sheet, (code) => values.findIndex((row) => row[0] === code) + 1);
  }
  // Last year's "Tổng hợp" copied in as "Kỳ trước", for the draft's comparison.
  const lastYear = { ...settings, period: periodOf(settings.period.id, settings.period.year - 1) };
  const before = consolidate(catalog, lastYear, validateTabs(catalog, lastYear, readTabs(wb, lastYear), wb.today()));
  wb.create({ ...summarySheetPlan(before, '05/10/2025 08:00'), name: 'Kỳ trước' });
  if (reload) wb = await reload(wb);
  const results = validateTabs(catalog, settings, readTabs(wb, settings), wb.today());
  const draft = (agency?: Agency) => {
    const d = draftReport(wb, runContext(settings), { agency, today: isoDate(2026, 10, 5) });
    if (!d.ok) throw new Error(d.problem);
    return d.model.blocks.map(plainText);
  };
  return {
    findings: results.map((r) => [r.agency.name, r.status, r.findings.map((f) => [f.rule, f.cell, f.message])]),
    summary: summaryJson(consolidate(catalog, settings, results)),
    drafts: [draft(), draft(settings.agencies[0]), draft(settings.agencies[settings.agencies.length - 1])],
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
    // The same drafts, the province's with its comparison to "Kỳ trước", and two agencies' own.
    expect(xlsx.drafts).toEqual(gas.drafts);
    expect(gas.drafts[0].join('\n')).toContain('So với cùng kỳ năm 2025');
    expect(gas.findings.some(([, status]) => status === 'errors')).toBe(true);
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
