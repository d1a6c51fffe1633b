/**
 * Pasting as agencies do: figures copied from Excel or last period's file with Ctrl+V bring the
 * source's formatting, validation and conditional formats and drop the tab's own; the
 * consolidator's runs put them back, one write of each per tab and no protection touched.
 */
import { consolidateWorkbook, generateTemplates, validateAll } from '../../src/core/use-cases';
import { agencyTabPlan } from '../../src/core/form/template';
import { writeFill } from '../../src/demo/sample';
import { runContext } from '../../src/core/settings/run-context';
import { Settings } from '../../src/core/settings';
import { FakeGas, FakeSheet } from '../fakes/gas';
import { catalog, gasWorkbook, province, shareWithAgencies } from './setup';

/** A province whose agencies have typed their figures, shared, in a vi_VN spreadsheet. */
function typed() {
  const p = province({ mistakeShare: 0, notSentShare: 1 });
  p.fake.ss.locale = 'vi_VN';
  generateTemplates(p.wb, runContext(p.settings));
  for (const f of p.fills) writeFill(p.wb, catalog, p.settings, f);
  shareWithAgencies(p.fake, p.settings);
  return p;
}

/** A part and the whole it may not exceed, both typed by this agency (the first such pair). */
function partOf(fake: FakeGas, settings: Settings, staffed: number) {
  const agency = settings.agencies.filter((a) => a.emails.length)[staffed];
  const sheet = fake.ss.sheet(agency.sheet);
  const { layout } = agencyTabPlan(catalog, settings, agency);
  const typedCell = (code: string) => {
    const row = layout.codeRows.get(code);
    return row && typeof sheet.valueAt(`D${row}`) === 'number' && sheet.canEdit(agency.emails[0], `D${row}`)
      ? `D${row}`
      : null;
  };
  for (const ind of catalog.rows)
    for (const rel of ind.relations) {
      const cell = typedCell(ind.code);
      const terms = rel.terms.map(typedCell);
      if (!cell || ind.kind !== 'count' || rel.op !== '<=' || rel.severity !== 'error' || terms.some((t) => !t))
        continue;
      return { sheet, cell, bad: terms.reduce((n, t) => n + (sheet.valueAt(t!) as number), 0) + 1, layout, agency };
    }
  throw new Error(`${agency.name} types no part of a whole`);
}

/** Last period's figures, kept by the agency on a sheet of its own: plain numbers, two decimals, yellow. */
function lastPeriod(fake: FakeGas): FakeSheet {
  const src = fake.ss.insertSheet('Kỳ trước') as unknown as FakeSheet;
  for (const row of [1, 2, 3]) Object.assign(src.cellAt(row, 1, true), { format: '0.00', background: '#ffff00' });
  return src;
}

/**
 * The writes of validation and conditional formats a run made, and whether it left every agency
 * tab's protections as they were (the same objects, the same editors).
 */
function watch(fake: FakeGas, settings: Settings) {
  const tabs = settings.agencies.map((a) => fake.ss.sheet(a.sheet));
  const before = tabs.map((t) => t.protections.map((p) => [p, [...p.editors]] as const));
  fake.calls.reset();
  return () => ({
    validations: fake.calls.of('Range.setDataValidations'),
    checks: fake.calls.of('Sheet.setConditionalFormatRules'),
    protectionsKept: tabs.every(
      (t, i) =>
        t.protections.length === before[i].length &&
        t.protections.every((p, j) => p === before[i][j][0] && p.editors.join() === before[i][j][1].join()),
    ),
  });
}

describe('a block pasted with Ctrl+V over an agency tab', () => {
  it('drops the tab\'s rules until "Kiểm tra tất cả đơn vị" puts them back, with the status dropdown', () => {
    const { fake, settings } = typed();
    const src = lastPeriod(fake);
    const { sheet, cell, bad, layout, agency } = partOf(fake, settings, 0);
    const { status } = layout.headerCells;
    fake.ss.me = agency.emails[0];
    // Typed, the wrong part turns red at once; pasted with formats, it does not.
    sheet.edit(cell, bad);
    expect(sheet.flaggedCells()).toContain(cell);
    const below = `D${Number(cell.slice(1)) + 1}`;
    sheet.paste(cell, [[bad], [sheet.valueAt(below) as number]], { from: { sheet: src, topLeft: 'A1' } });
    expect(sheet.valueAt(cell)).toBe(bad);
    expect(sheet.flaggedCells()).not.toContain(cell);
    expect(sheet.cell(cell).validation).toBeNull();
    expect(sheet.cell(cell).format).toBe('0.00');
    expect(() => sheet.edit(cell, -3)).not.toThrow(); // nothing refuses a negative now
    sheet.edit(cell, bad);
    // The status pasted from a plain cell: its dropdown is gone, any word goes in.
    sheet.paste(status, [['Chưa gửi']]);
    expect(sheet.cell(status).validation).toBeNull();
    expect(() => sheet.edit(status, 'Chưa xong')).not.toThrow();
    sheet.edit(status, 'Chưa gửi');

    fake.ss.me = fake.ss.owner;
    const n = settings.agencies.length;
    const calls = watch(fake, settings);
    validateAll(gasWorkbook(fake).wb, runContext(settings));
    // One write of validation and one of conditional formats per tab (and the results sheet's
    // own validation, as it is written again); no protection made again.
    expect(calls()).toEqual({ validations: n + 1, checks: n, protectionsKept: true });
    expect(sheet.flaggedCells()).toContain(cell);
    expect(sheet.cell(status).validation?.args[0]).toEqual(['Chưa gửi', 'Đã gửi']);
    fake.ss.me = agency.emails[0];
    expect(() => sheet.edit(status, 'Chưa xong')).toThrow('Chọn một giá trị trong danh sách.');
    expect(() => sheet.edit(cell, -3)).toThrow('Nhập số nguyên không âm');
    expect(sheet.valueAt(cell)).toBe(bad);
  });

  it("keeps the tab's rules when pasted as values only (Ctrl+Shift+V), and does not refuse what is pasted", () => {
    const { fake, settings } = typed();
    const src = lastPeriod(fake);
    const { sheet, cell, bad, agency } = partOf(fake, settings, 1);
    fake.ss.me = agency.emails[0];
    const rule = sheet.cell(cell).validation;
    sheet.paste(cell, [[bad]], { valuesOnly: true, from: { sheet: src, topLeft: 'A1' } });
    expect(sheet.flaggedCells()).toContain(cell);
    expect(sheet.cell(cell).validation).toBe(rule);
    sheet.paste(cell, [[-3]], { valuesOnly: true }); // a paste bypasses validation; the check still sees it
    expect(sheet.valueAt(cell)).toBe(-3);
    expect(sheet.flaggedCells()).toContain(cell);
  });

  it('is mended by "Tổng hợp" and by "Tạo biểu mẫu", even on tabs it leaves unchanged', () => {
    const { fake, settings } = typed();
    const n = settings.agencies.length;
    const { sheet, cell, bad, layout, agency } = partOf(fake, settings, 2);
    const { status } = layout.headerCells;
    const pasteOver = () => {
      fake.ss.me = agency.emails[0];
      sheet.paste(cell, [[bad]]);
      sheet.paste(status, [['Chưa gửi']]);
      expect(sheet.flaggedCells()).not.toContain(cell);
      fake.ss.me = fake.ss.owner;
      return watch(fake, settings);
    };
    let calls = pasteOver();
    consolidateWorkbook(gasWorkbook(fake).wb, runContext(settings));
    // Beside the tabs, the four output sheets are written again, each with its validation.
    expect(calls()).toEqual({ validations: n + 4, checks: n, protectionsKept: true });
    expect(sheet.flaggedCells()).toContain(cell);
    expect(sheet.cell(status).validation?.criteria).toBe('VALUE_IN_LIST');

    calls = pasteOver();
    const out = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(out.unchanged).toHaveLength(n);
    expect(out.reprotected).toEqual([]);
    expect(calls()).toEqual({ validations: n, checks: n, protectionsKept: true });
    expect(sheet.flaggedCells()).toContain(cell);
    expect(sheet.cell(status).validation?.criteria).toBe('VALUE_IN_LIST');
  });
});
