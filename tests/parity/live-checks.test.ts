/** The .xlsx that `template` and `split` write carries the same live checks as the Google Sheet. */
import JSZip from 'jszip';
import { generateTemplates } from '../../src/core/use-cases';
import { settingsPlan } from '../../src/core/settings';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { province } from '../gas/setup';
import { runContext } from '../../src/core/settings/run-context';

/** (sqref, formula) of every conditional-format rule of one worksheet of a saved .xlsx. */
async function xlsxRules(buf: Buffer, sheetName: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  const out: string[] = [];
  for (const m of xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g))
    for (const f of m[2].matchAll(/<formula>([^<]*)<\/formula>/g))
      out.push(
        `${m[1]} ${f[1]
          .replace(/&gt;/g, '>')
          .replace(/&lt;/g, '<')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')}`,
      );
  return out.sort();
}

describe('live checks in the .xlsx', () => {
  it('are the Google Sheet rules, range for range and formula for formula', async () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    const xlsx = XlsxWorkbook.create();
    xlsx.create(settingsPlan(settings));
    generateTemplates(xlsx, runContext(settings));
    const buf = await xlsx.toBuffer();
    for (const agency of settings.agencies.slice(0, 3)) {
      const sheet = fake.ss.sheet(agency.sheet);
      // The same range rules: one block per rule, its ranges one sqref, the same formula.
      const a1 = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;
      const inSheets = sheet.conditionalRules
        .map(
          (r) =>
            `${r.ranges.map((g) => (g.rows === 1 ? a1(g.row, g.col) : `${a1(g.row, g.col)}:${a1(g.row + g.rows - 1, g.col)}`)).join(' ')} ${r.formula.slice(1)}`,
        )
        .sort();
      expect(inSheets.length).toBeGreaterThan(10);
      expect(inSheets.length).toBeLessThanOrEqual(60);
      expect(await xlsxRules(buf, agency.sheet)).toEqual(inSheets);
    }
  });
});
