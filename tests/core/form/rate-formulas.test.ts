/**
 * The form's own rate formulas and the engine agree: a rate the sheet shows is the rate the
 * engine reports, in Sheets and in the .xlsx; a count typed as text ("3.626") never makes the
 * sheet print another figure (it printed 0,09% for 90% when LibreOffice read "3.626" as 3,626):
 * the rate cell stays blank and the count cell gets a warning saying so.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { generateTemplates } from '../../../src/core/use-cases';
import { isoDate } from '../../../src/core/primitives/dates';
import { parseAgencyTab } from '../../../src/core/form/parse';
import { agencyFigures } from '../../../src/core/report/figures';
import { agencyTabPlan } from '../../../src/core/form/template';
import { validateAgency } from '../../../src/core/checks/validate';
import { WorkbookPort } from '../../../src/core/workbook';
import { XlsxWorkbook } from '../../../src/local/xlsx-workbook';
import { catalog, gasWorkbook, province } from '../../gas/setup';
import { runContext } from '../../../src/core/settings/run-context';

const { fake, wb: gas, settings } = province({ provincial: 1, communes: 0 });
const agency = settings.agencies[0]!;
const { layout } = agencyTabPlan(catalog, settings, agency);
const cell = (code: string) => `D${layout.codeRows.get(code)!}`;
const RATE = '7.6.2.1';
const [NUM, DEN] = ['7.6.2.1.a', '7.6.2'];

/** What the engine makes of the tab: its findings and the agency's own 7.6.2.1. */
function engine(wb: WorkbookPort) {
  const report = parseAgencyTab(catalog, wb.read(agency.sheet)!);
  const result = validateAgency(catalog, settings, agency, report, { today: isoDate(2026, 9, 25), isProtected: true });
  const figure = agencyFigures(catalog, settings, agency, report).get(RATE)!;
  const messages = new Map(result.findings.map((f) => [f.cell, f.message]));
  return { findings: result.findings.map((f) => [f.rule, f.cell]), messages, rate: figure.value };
}

describe('the rate formula of the form and the engine', () => {
  beforeAll(() => generateTemplates(gas, runContext(settings)));

  it('is a formula of the form, from the two counts', () => {
    const formula = fake.ss.sheet(agency.sheet).cell(cell(RATE)).formula!;
    expect(formula).toContain(cell(NUM));
    expect(formula).toContain(cell(DEN));
  });

  it('in Sheets: counts typed as text blank the rate and are warnings; typed as numbers, sheet and engine agree', () => {
    const tab = fake.ss.sheet(agency.sheet);
    tab.type(cell(NUM), '3.626');
    tab.type(cell(DEN), '4.029');
    expect(tab.valueAt(cell(RATE))).toBe(''); // not 3,626 / 4 029 = 0,09%
    const asText = engine(gasWorkbook(fake).wb);
    expect(asText.findings).toEqual(
      expect.arrayContaining([
        ['number-as-text', cell(NUM)],
        ['number-as-text', cell(DEN)],
      ]),
    );
    expect(asText.rate).toBeCloseTo((100 * 3626) / 4029, 9); // 89,9975…%: the counts read the Vietnamese way
    // The warning names the cell, says it is text and what was understood, the rate left blank, and the fix.
    expect(asText.messages.get(cell(NUM))).toBe(
      `Ô ${cell(NUM)} (chỉ tiêu ${NUM}): "3.626" được nhập dạng chữ (văn bản), không phải dạng số. Chương trình hiểu là 3.626, nhưng bảng tính không cộng, không tính được với ô này nên tỷ lệ ở chỉ tiêu ${RATE} để trống. Hãy gõ lại 3626 (không có dấu chấm, không có dấu ' ở đầu) vào ô.`,
    );

    tab.type(cell(NUM), 3626);
    tab.type(cell(DEN), 4029);
    const shown = tab.valueAt(cell(RATE)) as number;
    expect(shown).toBeCloseTo(3626 / 4029, 12);
    const asNumbers = engine(gasWorkbook(fake).wb);
    expect(asNumbers.findings.filter(([rule]) => rule === 'number-as-text')).toEqual([]);
    expect(asNumbers.rate).toBeCloseTo(100 * shown, 9);
  });

  it('in the .xlsx: the stored result is blank for text counts and the engine’s figure for numbers', async () => {
    const stored = async (num: string | number, den: string | number) => {
      const wb = XlsxWorkbook.create();
      wb.create(agencyTabPlan(catalog, settings, agency).plan);
      wb.writeCells(agency.sheet, cell(NUM), [[num]]);
      wb.writeCells(agency.sheet, cell(DEN), [[den]]);
      const buf = await wb.toBuffer();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(buf as unknown as ArrayBuffer);
      const v = book.getWorksheet(agency.sheet)!.getCell(cell(RATE)).value as ExcelJS.CellFormulaValue;
      return { result: v.result, formula: v.formula, engine: engine(await XlsxWorkbook.fromBuffer(buf)) };
    };
    const text = await stored('3.626', '4.029');
    expect(text.formula).toMatch(/^IFERROR\(N\(D\d+\)\/N\(D\d+\)\/NOT\(ISTEXT\(D\d+\)\),""\)$/);
    expect(text.result ?? '').toBe('');
    expect(text.engine.findings).toEqual(expect.arrayContaining([['number-as-text', cell(NUM)]]));
    const numbers = await stored(3626, 4029);
    expect(numbers.result).toBeCloseTo(3626 / 4029, 12);
    expect(numbers.engine.rate).toBeCloseTo(100 * (numbers.result as number), 9);
  });
});
