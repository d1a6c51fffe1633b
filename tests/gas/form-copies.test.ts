/**
 * "Tạo biểu mẫu" makes the tabs that share a form as copies of one scratch tab (form-copies.ts):
 * what an agency and the consolidator see must not tell the two ways apart.
 */
import { generateTemplates, validateAll } from '../../src/core/use-cases';
import { runContext } from '../../src/core/settings/run-context';
import { SCRATCH_PREFIX } from '../../src/gas/form-copies';
import { FakeSheet } from '../fakes/gas/sheet';
import { gasWorkbook, province, shareWithAgencies } from './setup';

/** Everything a person could see or meet on a tab, cell by cell, in plain data. */
function looks(sheet: FakeSheet) {
  const cells = [...sheet.cells]
    .filter(([, c]) => c.value !== '' || c.formula || c.format || c.background || c.note || c.bold || c.wrap)
    .map(([k, c]) => [k, { ...c, validation: c.validation && JSON.stringify(c.validation) }])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return {
    size: [sheet.maxRows, sheet.maxCols],
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    widths: [...sheet.widths].sort(([a], [b]) => a - b),
    merges: sheet.merges,
    cells,
    checks: sheet.conditionalRules.map((r) => [r.formula, r.background, r.ranges.map((x) => x.getA1Notation())]),
    protections: sheet.protections.map((p) => ({
      range: p.range?.getA1Notation() ?? null,
      editors: [...p.editors].sort(),
      unprotected: p.unprotected.map((r) => r.getA1Notation()),
      warning: p.isWarningOnly(),
      domain: p.domainEdit,
    })),
  };
}

describe('tabs made as copies of their form', () => {
  it('look, check and protect exactly as tabs written cell by cell, for fewer calls', () => {
    const copied = province({ provincial: 6, communes: 8 });
    const direct = province({ provincial: 6, communes: 8 });
    const out = generateTemplates(copied.wb, runContext(copied.settings));
    // The same run without the list of tabs to come: every tab written cell by cell.
    const plain = Object.assign(Object.create(direct.wb) as typeof direct.wb, { expectTabs: undefined });
    generateTemplates(plain, runContext(direct.settings));

    expect(out.created).toHaveLength(14);
    expect(copied.fake.calls.of('Range.setBackgrounds')).toBeLessThan(direct.fake.calls.of('Range.setBackgrounds'));
    expect(copied.fake.calls.total()).toBeLessThan(direct.fake.calls.total());
    expect(copied.fake.ss.sheets.map((s) => s.name)).toEqual(direct.fake.ss.sheets.map((s) => s.name));
    for (const a of copied.settings.agencies)
      expect([a.sheet, looks(copied.fake.ss.sheet(a.sheet))]).toEqual([a.sheet, looks(direct.fake.ss.sheet(a.sheet))]);
    // The eight communes share one form: seven of them, at least, were copies.
    expect(copied.fake.calls.of('Range.setBackgrounds')).toBeLessThanOrEqual(14 - 7);
  });

  it('leaves no scratch tab, and each copy carries only its own agency on its value cells', () => {
    const { fake, settings } = province({ provincial: 2, communes: 6 });
    shareWithAgencies(fake, settings);
    generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(fake.ss.sheets.filter((s) => s.name.startsWith(SCRATCH_PREFIX))).toEqual([]);
    const communes = settings.agencies.filter((a) => a.type === 'xa');
    expect(communes.length).toBe(6);
    for (const a of communes) {
      const sheet = fake.ss.sheet(a.sheet);
      expect(sheet.protections).toHaveLength(2);
      // The first value cell (a count in column D) and a label beside it.
      const value = sheet.protections[0].unprotected.map((r) => r.getA1Notation()).find((r) => r.startsWith('D'))!;
      const cell = value.split(':')[0];
      const label = cell.replace('D', 'B');
      const others = settings.agencies.filter((o) => o !== a).flatMap((o) => o.emails);
      for (const e of others) expect([e, sheet.canEdit(e, cell)]).toEqual([e, false]);
      for (const e of a.emails) expect([sheet.canEdit(e, cell), sheet.canEdit(e, label)]).toEqual([true, false]);
    }
  });

  it('deletes the scratch tab a stopped run left, which no command reads as an agency tab', () => {
    const { fake, wb, settings } = province({ provincial: 2, communes: 6 });
    generateTemplates(wb, runContext(settings));
    // Apps Script stopped a run after it made its scratch tab: a copy of a commune's tab is left.
    const commune = settings.agencies.find((a) => a.type === 'xa')!;
    fake.ss.insertSheet(`${SCRATCH_PREFIX}1`, fake.ss.sheets.length, { template: fake.ss.sheet(commune.sheet) });
    fake.ss.deleteSheet(fake.ss.sheet(commune.sheet) as never);

    const checked = validateAll(gasWorkbook(fake).wb, runContext(settings));
    expect(JSON.stringify(checked)).not.toContain(SCRATCH_PREFIX);
    const again = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    // The commune's tab is gone, not "renamed" to the scratch tab that still names it.
    expect(again.vanished).toEqual([{ agency: commune.name, sheet: commune.sheet, renamedTo: null }]);
    expect(fake.ss.sheets.filter((s) => s.name.startsWith(SCRATCH_PREFIX))).toEqual([]);
  });

  it('goes on when Google will not delete a scratch tab (protected by hand), and never reads it as a tab', () => {
    const { fake, wb, settings } = province({ provincial: 1, communes: 5 });
    const stuck = fake.ss.insertSheet(`${SCRATCH_PREFIX}1`);
    const remove = fake.ss.deleteSheet.bind(fake.ss);
    fake.ss.deleteSheet = (s) => {
      if (s === stuck) throw new Error('You are trying to edit a protected cell or object.');
      remove(s);
    };
    const out = generateTemplates(wb, runContext(settings));
    expect(out.created).toHaveLength(6);
    expect(out.orphaned).toEqual([]);
    // The five communes were copies of a second scratch tab, which went; the stuck one stays.
    expect(fake.calls.of('Range.setBackgrounds')).toBe(2);
    expect(fake.ss.sheets.filter((s) => s.name.startsWith(SCRATCH_PREFIX))).toEqual([stuck]);
    expect(gasWorkbook(fake).wb.sheetNames()).not.toContain(stuck.name);
  });
});
