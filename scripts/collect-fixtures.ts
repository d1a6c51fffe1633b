/**
 * Step 1 of scripts/make-collect-fixtures.sh: writes the empty province workbook, the split
 * files of the agencies filled by openpyxl and LibreOffice, and what to type into them (by cell)
 * for scripts/collect-fixtures.py. Run only to remake the committed fixtures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTemplates } from '../src/core/use-cases';
import { catalogFor } from '../src/core/catalog/versions';
import { CellInput } from '../src/core/sheet/plan';
import { settingsPlan } from '../src/core/settings';
import { agencyFilePlan } from '../src/core/agency-files/split';
import { FreeTextField, STATUS_DRAFT, STATUS_SENT, agencyTabPlan } from '../src/core/form/template';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { FILLED_BY, FIXTURE_CLOCK, fixtureProvince } from '../tests/fixtures/collect/fixture';
import { runContext } from '../src/core/settings/run-context';

async function main(): Promise<void> {
  const [outDir, workDir] = process.argv.slice(2);
  const { settings, fills } = fixtureProvince();
  const catalog = catalogFor(settings);
  const province = XlsxWorkbook.create(FIXTURE_CLOCK);
  province.create(settingsPlan(settings));
  generateTemplates(province, runContext(settings));
  mkdirSync(outDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(outDir, 'province.xlsx'), await province.toBuffer());

  const jobs = [];
  for (const tool of ['openpyxl', 'libreoffice'] as const) {
    const fill = fills[FILLED_BY[tool]];
    const file = agencyFilePlan(catalog, settings, fill.agency);
    const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
    wb.create(file.plan);
    const blank = join(workDir, `${tool}-blank.xlsx`);
    writeFileSync(blank, await wb.toBuffer());
    const { layout } = agencyTabPlan(catalog, settings, fill.agency);
    const cells: Record<string, unknown> = {};
    const plain = (v: CellInput) => (v !== null && typeof v === 'object' ? null : v);
    for (const [code, v] of fill.values) {
      const row = layout.codeRows.get(code);
      if (row && plain(v) !== null) cells[`D${row}`] = plain(v);
    }
    cells[layout.headerCells.status] = fill.sent ? STATUS_SENT : STATUS_DRAFT;
    if (fill.sentOn) cells[layout.headerCells.sentOn] = { date: fill.sentOn };
    cells[layout.headerCells.preparer] = fill.preparer;
    cells[layout.headerCells.phone] = fill.phone;
    for (const k of Object.keys(layout.freeTextCells) as FreeTextField[])
      if (fill.freeText[k]) cells[layout.freeTextCells[k]] = fill.freeText[k];
    jobs.push({ tool, blank, sheet: fill.agency.sheet, cells, out: join(workDir, `${tool}-filled.xlsx`) });
  }
  writeFileSync(join(workDir, 'jobs.json'), JSON.stringify(jobs, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
