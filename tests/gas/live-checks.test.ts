import { generateTemplates, validateAll } from '../../src/core/use-cases';
import { COLORS } from '../../src/core/sheet/plan';
import { RuleId } from '../../src/core/checks/rules';
import { FakeSheet } from '../fakes/gas';
import { gasWorkbook, province } from './setup';
import { runContext } from '../../src/core/settings/run-context';

const COVERED: RuleId[] = ['not-number', 'negative', 'fractional-count', 'percent-range', 'relation', 'ratio-mismatch'];

function codeCell(sheet: FakeSheet, code: string): string {
  const i = [...Array(300).keys()].find((k) => sheet.valueAt(`A${12 + k}`) === code);
  if (i === undefined) throw new Error(`test: ${code} not on ${sheet.name}`);
  return `D${12 + i}`;
}

describe('live checks on the agency tabs (conditional formatting)', () => {
  it('are written as few range rules, one setConditionalFormatRules per agency tab, ranges from one getRangeList', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    const tabs = settings.agencies.length;
    // One per tab, and one per scratch tab a shared form was copied from (deleted at the end).
    const scratch = fake.calls.of('Spreadsheet.deleteSheet');
    expect(fake.calls.of('Sheet.setConditionalFormatRules')).toBe(tabs + scratch);
    // Live checks and editable cells: one each per tab; borders: one per tab written cell by cell.
    expect(fake.calls.of('Sheet.getRangeList')).toBe(2 * tabs + scratch + fake.calls.of('RangeList.setBorder'));
    for (const { sheet: name } of settings.agencies) {
      const rules = fake.ss.sheet(name).conditionalRules;
      expect(rules.length).toBeGreaterThan(10);
      expect(rules.length).toBeLessThanOrEqual(60);
    }
    const sheet = fake.ss.sheet(settings.agencies[0].sheet);
    // Range rules: the "negative" rule covers every value cell of the tab, not one cell.
    const negative = sheet.conditionalRules.find((r) => /^=D\d+<0$/.test(r.formula))!;
    expect(negative.ranges.reduce((n, g) => n + g.rows, 0)).toBeGreaterThan(50);
    for (const r of sheet.conditionalRules) {
      expect(r.formula).toMatch(/^=[^,;.]+$/); // no argument separator, no decimal point
      expect([COLORS.error, COLORS.warning]).toContain(r.background);
    }
    expect(sheet.flaggedCells()).toEqual([]); // a blank form is not red
    expect([sheet.valueAt('D3'), sheet.valueAt('E3')]).toEqual(['Số ô cần sửa:', 0]);
  });

  it('are added to a tab made before them by the next "Tạo biểu mẫu", with its counter, figures kept', () => {
    const { fake, wb, settings } = province();
    // What an older version left: tabs without conditional formats or the counter, and
    // fingerprints made by it (here: another protection key), so the next run looks at every tab.
    const older = wb;
    older.protectionKey = () => 'v1';
    generateTemplates(older, runContext(settings));
    const sheet = fake.ss.sheet(settings.agencies[1].sheet);
    for (const s of fake.ss.sheets) s.conditionalRules = [];
    sheet.type('D3', '');
    sheet.type('E3', '');
    const cell = codeCell(sheet, '1.1.2');
    sheet.type(codeCell(sheet, '1.1.1'), 4);
    sheet.type(cell, 9); // more tasks done than planned
    generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(sheet.conditionalRules.length).toBeGreaterThan(10);
    expect(sheet.flaggedCells()).toEqual([cell]);
    expect([sheet.valueAt('D3'), sheet.valueAt('E3')]).toEqual(['Số ô cần sửa:', 1]);
    expect(sheet.valueAt(cell)).toBe(9);
  });

  it('colour, in the sheet, exactly the cells validate reports for the same typed figures', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    const agency = settings.agencies[0];
    const sheet = fake.ss.sheet(agency.sheet);
    const typed: Record<string, unknown> = {
      '1.1.1': 10,
      '1.1.2': 12, // more than 1.1.1
      '1.1.3': -2, // negative
      '2.1': 3.5, // not a whole number
      '3.4.a': 120,
      '3.4.a.1': 20,
      '3.4.a.2': 90, // 3.4.a is not 3.4.a.1 + 3.4.a.2
      '3.4.b': 110,
      '3.4.b.1': 100,
      '3.4.b.2': 10,
      '3.4.1': 0.9, // 90% typed over the formula, the counts give 90,91%
      '3.3.3': 1.5, // 150%
      '4.2.1': 'hai mươi tám', // text
    };
    for (const [code, v] of Object.entries(typed)) sheet.getRange(codeCell(sheet, code)).setValues([[v]]);
    const result = validateAll(wb, runContext(settings)).find((r) => r.agency.name === agency.name)!;
    const byValidate = new Set(result.findings.filter((f) => COVERED.includes(f.rule)).map((f) => f.cell));
    expect(byValidate.size).toBeGreaterThanOrEqual(7);
    expect(new Set(sheet.flaggedCells())).toEqual(byValidate);
    expect(sheet.valueAt('E3')).toBe(byValidate.size); // "Số ô cần sửa", computed by the sheet
  });

  it("colour only where the formula, shifted from the range's top-left cell, is TRUE (a 1 does not colour)", () => {
    const { fake } = province();
    const sheet = fake.ss.insertSheet('Nháp') as unknown as FakeSheet;
    const rule = (formula: string, a1s: string[]) =>
      fake.globals.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(COLORS.error)
        .setRanges(a1s.map((a) => sheet.getRange(a)))
        .build();
    for (const [a, v] of [
      ['H12', 5],
      ['H13', -1],
      ['H14', 'mười'],
      ['H16', -2],
    ] as const)
      sheet.type(a, v);
    // One rule over two ranges: H13 and H16 are below 0, each read relative to its own cell.
    sheet.setConditionalFormatRules([rule('=H12<0', ['H12:H14', 'H16'])]);
    expect(sheet.flaggedCells()).toEqual(['H13', 'H16']);
    // `$` fixes a reference: every cell reads H13.
    sheet.setConditionalFormatRules([rule('=$H$13<0', ['H12:H14'])]);
    expect(sheet.flaggedCells()).toEqual(['H12', 'H13', 'H14']);
    // The former 0/1 form: 1 for the text cell, which Google does not promise to colour; the fake does not.
    sheet.setConditionalFormatRules([rule('=ISTEXT(H12)*(LEN(H12)>0)', ['H12:H14'])]);
    expect(sheet.flaggedCells()).toEqual([]);
    sheet.setConditionalFormatRules([rule('=(ISTEXT(H12)*(LEN(H12)>0))>0', ['H12:H14'])]);
    expect(sheet.flaggedCells()).toEqual(['H14']);
  });

  it('show a doubtful figure yellow, and red once it is also wrong', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    const sheet = fake.ss.sheet(settings.agencies[0].sheet);
    const [planned, present] = [codeCell(sheet, '4.2.1'), codeCell(sheet, '4.2.2')];
    sheet.type(planned, 10);
    sheet.type(present, 12); // more staff present than allotted: a warning in the catalog
    expect([...sheet.colouredCells()]).toEqual([[present, COLORS.warning]]);
    expect(sheet.valueAt('E3')).toBe(0); // the counter counts cells to fix, not doubts
    sheet.type(present, 12.5); // and not a whole number: an error
    expect([...sheet.colouredCells()]).toEqual([[present, COLORS.error]]);
    expect(sheet.valueAt('E3')).toBe(1);
  });

  it('refuse a rule formula without "=" and rules of another sheet, as Sheets does', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    const [a, b] = settings.agencies.map((x) => fake.ss.sheet(x.sheet));
    const builder = () => fake.globals.SpreadsheetApp.newConditionalFormatRule();
    expect(() => builder().whenFormulaSatisfied('D12<0')).toThrow();
    const foreign = builder()
      .whenFormulaSatisfied('=D12<0')
      .setRanges([b.getRange('D12')])
      .build();
    expect(() => a.setConditionalFormatRules([foreign])).toThrow();
    // In vi_VN (set by Thiết lập kỳ báo cáo) a "," between arguments or a decimal point is a parse error.
    fake.ss.setSpreadsheetLocale('vi_VN');
    const own = (formula: string) =>
      builder()
        .whenFormulaSatisfied(formula)
        .setRanges([a.getRange('D12')])
        .build();
    expect(() => a.setConditionalFormatRules([own('=IF(D12<0,1,0)')])).toThrow(/uses ";"/);
    expect(() => a.setConditionalFormatRules([own('=D12>0.5')])).toThrow(/decimal point/);
    expect(() => a.setConditionalFormatRules([own('=(D12<0)+(D12<>INT(D12))')])).not.toThrow();
  });
});
