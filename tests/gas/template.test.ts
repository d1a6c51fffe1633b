import { generateTemplates, validateAll } from '../../src/core/use-cases';
import { catalogFor } from '../../src/core/catalog/versions';
import { isoDate } from '../../src/core/primitives/dates';
import { COLORS } from '../../src/core/sheet/plan';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { modelSeconds } from '../../bench/latency';
import { TEMPLATE_BUDGET_MS } from '../../src/gas/handlers';
import { readSettings } from '../../src/core/settings';
import { NOW, catalog, gasWorkbook, province, shareWithAgencies } from './setup';
import { GasWorkbook } from '../../src/gas/sheets';
import { periodOf } from '../../src/core/periods';
import { runContext } from '../../src/core/settings/run-context';

describe('"Tạo biểu mẫu cho các đơn vị" through Apps Script', () => {
  it('creates one protected tab per agency, laid out like the appendix', () => {
    const { fake, wb, settings } = province();
    const out = generateTemplates(wb, runContext(settings));
    expect(out.created).toEqual(settings.agencies.map((a) => a.sheet));
    const yte = fake.ss.sheet('Sở Tài chính');
    expect(yte.valueAt('B3')).toBe('Đơn vị báo cáo:');
    expect(yte.valueAt('C3')).toBe('Sở Tài chính');
    expect(yte.valueAt('C6')).toBe('Chưa gửi');
    expect(['A11', 'B11', 'C11', 'D11', 'E11'].map((c) => yte.valueAt(c))).toEqual([
      'STT',
      'Chỉ tiêu thống kê',
      'Đơn vị tính',
      'Số liệu',
      'Ghi chú',
    ]);
    // Codes stay text ("2.1", not the number 2.1) so the parser can find them.
    expect(yte.valueAt('A12')).toBe('1');
    const codes = [...Array(200).keys()].map((i) => yte.valueAt(`A${12 + i}`)).filter((v) => v !== '');
    expect(codes).toContain('3.4.a.1');
    expect(codes).toContain('2.1');
    expect(yte.cell('A12').bold).toBe(true);
    expect(yte.cell('B12').background).toBe(COLORS.group);
  });

  it("lets only the agency's emails and the consolidator edit, and only the value cells", () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    // Shared after the forms were made, as README says: the protections must not follow the sharing.
    shareWithAgencies(fake, settings, 'colleague@example.gov.vn');
    const [agency, other] = settings.agencies.filter((a) => a.emails.length);
    const sheet = fake.ss.sheet(agency.sheet);
    const valueRow = 12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === '1.1.1')!;
    const own = agency.emails[0];
    expect(sheet.canEdit(own, `D${valueRow}`)).toBe(true); // its figures
    expect(sheet.canEdit(own, `E${valueRow}`)).toBe(true); // its notes
    expect(sheet.canEdit(own, 'C6')).toBe(true); // status block
    expect(sheet.canEdit(own, `B${valueRow}`)).toBe(false); // indicator names are locked
    expect(sheet.canEdit(own, 'D12')).toBe(false); // group rows are locked
    expect(sheet.canEdit(own, 'C3')).toBe(false); // the agency's name
    // Another agency is an editor of the spreadsheet, yet can change nothing here.
    expect(sheet.canEdit(other.emails[0], `D${valueRow}`)).toBe(false);
    expect(sheet.canEdit('colleague@example.gov.vn', `D${valueRow}`)).toBe(false);
    expect(sheet.canEdit(fake.ss.owner, `B${valueRow}`)).toBe(true); // the consolidator
    expect(fake.ss.sheet('Thiết lập').canEdit(own, 'B5')).toBe(false);
  });

  it('closes each tab with one change of its editor lists per protection when the sharing came first', () => {
    const { fake, settings } = province();
    // The other order of README's steps: the owner shares first, then makes the forms (a new run).
    shareWithAgencies(fake, settings, 'colleague@example.gov.vn');
    const { wb } = gasWorkbook(fake);
    fake.calls.reset();
    generateTemplates(wb, runContext(settings));
    const tabs = settings.agencies.length;
    // Two protections a tab (the sheet, the value cells); the sharing already lists everyone, so
    // each protection needs only the removal of the people who must not edit it.
    const editorChanges = fake.calls.of('Protection.addEditors') + fake.calls.of('Protection.removeEditors');
    expect(editorChanges).toBeLessThanOrEqual(2 * tabs + 1); // + Thiết lập's own
    const [agency, other] = settings.agencies.filter((a) => a.emails.length);
    const sheet = fake.ss.sheet(agency.sheet);
    const valueRow = 12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === '1.1.1')!;
    expect(sheet.canEdit(agency.emails[0], `D${valueRow}`)).toBe(true);
    expect(sheet.canEdit(other.emails[0], `D${valueRow}`)).toBe(false);
    expect(sheet.canEdit('colleague@example.gov.vn', `D${valueRow}`)).toBe(false);
    expect(sheet.canEdit(agency.emails[0], `B${valueRow}`)).toBe(false);
    // Shared later with someone new: every protection has its own list, none follows the sharing.
    fake.ss.share('nguoi.moi@example.gov.vn');
    expect(sheet.canEdit('nguoi.moi@example.gov.vn', `D${valueRow}`)).toBe(false);
    expect(sheet.canEdit('nguoi.moi@example.gov.vn', 'C3')).toBe(false);
  });

  it('protects again a tab whose protection still mirrors the sharing (made before v2), whatever the order of sharing', () => {
    const { fake, settings } = province();
    // What the previous version left when the owner generated before sharing: protections whose
    // editors were never set, and fingerprints made without "v2".
    const before = gasWorkbook(fake).wb;
    before.protectionKey = () => fake.ss.owner;
    generateTemplates(before, runContext(settings));
    const tabs = fake.ss.sheets.filter((s) => s.name !== 'Thiết lập');
    for (const t of tabs) for (const p of t.protections) p.mirror();
    shareWithAgencies(fake, settings, 'colleague@example.gov.vn');
    const [agency, other] = settings.agencies.filter((a) => a.emails.length);
    const sheet = fake.ss.sheet(agency.sheet);
    expect(sheet.canEdit('colleague@example.gov.vn', 'C3')).toBe(true); // the hole
    const out = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(out.unchanged).toHaveLength(settings.agencies.length); // no row added…
    expect(tabs.every((t) => t.protections.every((p) => p.explicit))).toBe(true); // …but every tab protected again
    expect(sheet.canEdit('colleague@example.gov.vn', 'C3')).toBe(false);
    expect(sheet.canEdit('colleague@example.gov.vn', 'A12')).toBe(false);
    expect(sheet.canEdit(other.emails[0], 'C6')).toBe(false);
    expect(sheet.canEdit(agency.emails[0], 'C6')).toBe(true);
  });

  it('protects again a tab someone reset or unprotected after it was made, though nothing else changed', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    shareWithAgencies(fake, settings, 'colleague@example.gov.vn');
    const [agency, other] = settings.agencies.filter((a) => a.emails.length);
    const reset = fake.ss.sheet(agency.sheet);
    for (const p of reset.protections) p.mirror(); // back to following the sharing
    const bare = fake.ss.sheet(other.sheet);
    bare.protections.splice(0); // protection removed by hand
    expect(reset.canEdit('colleague@example.gov.vn', 'C3')).toBe(true);
    expect(bare.canEdit('colleague@example.gov.vn', 'A12')).toBe(true);
    const out = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(out.reprotected.sort()).toEqual([agency.sheet, other.sheet].sort());
    for (const sheet of [reset, bare]) {
      expect(sheet.canEdit('colleague@example.gov.vn', 'C3')).toBe(false);
      expect(sheet.canEdit('colleague@example.gov.vn', 'D14')).toBe(false);
    }
    expect(reset.canEdit(agency.emails[0], 'C6')).toBe(true);
    expect(reset.canEdit(other.emails[0], 'C6')).toBe(false);
    // The other tabs held: nothing to do for them.
    expect(out.unchanged).toHaveLength(settings.agencies.length);
  });

  it('keeps each tab closed to other agencies when the owner shares while it runs', () => {
    const { fake, settings } = province({ provincial: 8, communes: 8 });
    // A slow run (the clock moves 10 s each time it is read, about once a tab); the owner shares
    // the spreadsheet with every agency after the 4th tab.
    let clock = NOW.getTime();
    const run = new GasWorkbook(
      fake.ss as never,
      fake.globals.SpreadsheetApp as never,
      fake.globals.PropertiesService.getDocumentProperties() as never,
      fake.globals.Utilities as never,
      () => new Date((clock += 10_000)),
    );
    const out = generateTemplates(run, runContext(settings), {
      progress: (done) => {
        if (done === 4) shareWithAgencies(fake, settings);
      },
    });
    expect(out.created).toHaveLength(16);
    const open = (name: string) => {
      const sheet = fake.ss.sheet(name);
      const strangers = settings.agencies.filter((a) => a.sheet !== name).flatMap((a) => a.emails);
      return strangers.some((e) => sheet.canEdit(e, 'C6') || sheet.canEdit(e, 'C3'));
    };
    const left = settings.agencies.filter((a) => open(a.sheet)).map((a) => a.sheet);
    // Tabs made within 30 s of the sharing may still list the people just shared …
    expect(left.length).toBeLessThanOrEqual(4);
    // … and the next "Tạo biểu mẫu" finds them, and only them, and closes them.
    const again = generateTemplates(gasWorkbook(fake).wb, runContext(settings));
    expect(again.reprotected.sort()).toEqual([...left].sort());
    expect(settings.agencies.filter((a) => open(a.sheet))).toEqual([]);
  });

  it('says so when an agency has no email, instead of failing silently', () => {
    const { wb, settings } = province();
    const out = generateTemplates(wb, runContext(settings));
    const noEmail = settings.agencies.filter((a) => !a.emails.length).map((a) => a.sheet);
    expect(out.protection.map((p) => p.sheet)).toEqual(noEmail);
    expect(out.protection[0].note).toContain('chưa có email');
  });

  // 20 calls to build and protect a tab, 2 to cut it to its rows and columns (Google's cell limit) and 3
  // for the live checks (issue 18): getRangeList, getRanges, setConditionalFormatRules.
  it('builds a tab in at most 25 calls, however many indicators it has', () => {
    const small = province({ provincial: 2, communes: 0 });
    generateTemplates(small.wb, runContext(small.settings));
    const two = small.fake.calls.total();
    const big = province({ provincial: 3, communes: 0 });
    generateTemplates(big.wb, runContext(big.settings));
    const perTab = big.fake.calls.total() - two;
    expect(perTab).toBeLessThanOrEqual(25);
    // No call per cell or per row: one of each whole-range write per tab.
    expect(big.fake.calls.of('Range.setValues')).toBe(3);
    expect(big.fake.calls.of('Range.setBackgrounds')).toBe(3);
  });

  it('keeps every typed value, note and free text when run again, and duplicates nothing', () => {
    const { fake, wb, settings, fills } = province();
    generateTemplates(wb, runContext(settings));
    for (const f of fills) writeFill(wb, catalog, settings, f);
    const sheet = fake.ss.sheet('Sở Tài chính');
    sheet.type('E20', 'ghi chú của đơn vị');
    const before = JSON.stringify([...sheet.cells]);
    const count = fake.ss.sheets.length;
    const out = generateTemplates(wb, runContext(settings));
    expect(out.created).toEqual([]);
    expect(out.unchanged).toHaveLength(settings.agencies.length);
    expect(fake.ss.sheets).toHaveLength(count);
    expect(JSON.stringify([...sheet.cells])).toBe(before);
  });

  it('adds rows a tab lacks (after a catalog or settings change) without touching the rest', () => {
    const { fake, wb, settings, fills } = province();
    const withoutSection2 = { ...settings, disabled: ['2'] };
    generateTemplates(wb, runContext(withoutSection2));
    writeFill(
      wb,
      catalog,
      withoutSection2,
      fills.find((f) => f.agency.sheet === 'Sở Tài chính')!,
    );
    const sheet = fake.ss.sheet('Sở Tài chính');
    const before = sheet.valueAt('A20');
    const out = generateTemplates(wb, runContext(settings));
    expect(out.upgraded.find((u) => u.sheet === 'Sở Tài chính')!.added).toEqual([
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
    ]);
    const codes = [...Array(200).keys()].map((i) => sheet.valueAt(`A${12 + i}`));
    expect(codes.indexOf('2')).toBe(codes.indexOf('1.2') + 1);
    expect(codes.filter((c) => c === '3.4.a')).toHaveLength(1);
    expect(sheet.valueAt(`A${20 + 6}`)).toBe(before);
  });

  it('reports a deleted or renamed tab instead of recreating it over data, and keeps orphans', () => {
    const { fake, wb, settings } = province();
    generateTemplates(wb, runContext(settings));
    fake.ss.sheet('Sở Tài chính').name = 'Y tế (cũ)';
    const out = generateTemplates(
      wb,
      runContext({
        ...settings,
        agencies: settings.agencies.filter((a) => a.sheet !== 'Sở Tư pháp'),
      }),
    );
    expect(out.vanished).toEqual([{ agency: 'Sở Tài chính', sheet: 'Sở Tài chính', renamedTo: 'Y tế (cũ)' }]);
    expect(out.orphaned).toEqual(['Sở Tư pháp']);
    expect(fake.ss.sheets.map((s) => s.name)).not.toContain('Sở Tài chính');
  });

  it("stops before Apps Script's time limit and continues on the next run", () => {
    const { wb, settings } = province();
    let t = 0;
    const first = generateTemplates(wb, runContext(settings), { now: () => (t += 1000), budgetMs: 4500 });
    expect(first.created.length).toBeGreaterThan(0);
    expect(first.remaining.length).toBeGreaterThan(0);
    const second = generateTemplates(wb, runContext(settings));
    expect(second.created).toEqual(first.remaining.map((n) => settings.agencies.find((a) => a.name === n)!.sheet));
  });

  it('finishes 190 agencies in three clicks on a slow day: missing tabs first, unchanged tabs skipped', () => {
    const { fake, settings } = province({ provincial: 20, communes: 170 });
    expect(settings.agencies).toHaveLength(190);
    // The latency model, made 2.5 times slower: real Apps Script has slow days.
    const SLOW = 2.5;
    /** One menu click: a fresh GasWorkbook whose clock is the modelled Apps Script time of its calls. */
    const click = () => {
      fake.calls.reset();
      const out = generateTemplates(gasWorkbook(fake).wb, runContext(settings), {
        budgetMs: TEMPLATE_BUDGET_MS,
        now: () => SLOW * modelSeconds(fake.calls.byMethod(), 0) * 1000,
      });
      return { out, seconds: SLOW * modelSeconds(fake.calls.byMethod(), 0) };
    };
    /** Clicks until done; every click must progress, and it must end within `max` clicks. */
    const untilDone = (max: number) => {
      let left = Infinity;
      for (let clicks = 1; ; clicks++) {
        const run = click();
        expect(run.seconds).toBeLessThan(6 * 60); // never killed by Apps Script's limit
        expect(run.out.remaining.length).toBeLessThan(left);
        left = run.out.remaining.length;
        if (!left) return clicks;
        expect(clicks).toBeLessThan(max);
      }
    };
    expect(untilDone(3)).toBeGreaterThan(1); // 190 tabs do not fit one run on a slow day
    expect(fake.ss.sheets.filter((s) => s.protections.length)).toHaveLength(191);
    const idle = click();
    expect(idle.out.unchanged).toHaveLength(190);
    // Nothing changed: no tab is re-protected; each tab's protection is only checked, in 8 calls
    // (a consolidator may have removed, reset or loosened one by hand), and its validation and
    // live checks are put back (a paste may have replaced them) in 7: its values read (2), one
    // write of validation (2) and one of conditional formats (3). One run is enough.
    expect(idle.out.reprotected).toEqual([]);
    expect(fake.calls.of('Sheet.getProtections') + fake.calls.of('Protection.getEditors')).toBeLessThanOrEqual(
      4 * 190 + 2,
    );
    expect(fake.calls.of('Protection.isWarningOnly') + fake.calls.of('Protection.canDomainEdit')).toBe(4 * 190);
    expect(fake.calls.of('Range.getNumberFormats')).toBe(0);
    expect(fake.calls.of('Range.setDataValidations')).toBe(190);
    expect(fake.calls.of('Sheet.setConditionalFormatRules')).toBe(190);
    expect(fake.calls.total()).toBeLessThanOrEqual(16 * 190 + 30); // and one name per tab, to list them
    expect(idle.seconds).toBeLessThan(4 * 60);
    // A new consolidator changes every protection: each click still progresses and the work ends.
    fake.ss.sheet('Thiết lập').protections[0].editors.push('colleague@example.gov.vn');
    untilDone(4);
    const tab = fake.ss.sheet(settings.agencies[189].sheet);
    expect(tab.protections.every((p) => p.editors.includes('colleague@example.gov.vn'))).toBe(true);
  });
});

describe('a form made before 01/07/2025, used for a later period', () => {
  it('is relabelled in place by "Tạo biểu mẫu": the two-level names and stamp, the figures kept', () => {
    const { fake, wb } = gasWorkbook();
    const sample = sampleProvince({ provincial: 3, communes: 1, period: 'Q2', year: 2025 });
    const before = sample.settings;
    expect(catalogFor(before).version).toBe('BNV-6459-2021-ND42');
    generateTemplates(wb, runContext(before));
    const agency = before.agencies[0];
    writeFill(wb, catalogFor(before), before, sample.fills[0]);
    const sheet = fake.ss.sheet(agency.sheet);
    const rowOf = (code: string) => 1 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${1 + i}`) === code)!;
    const typed = sheet.valueAt(`D${rowOf('5.4.2')}`);
    expect(sheet.valueAt(`B${rowOf('5.4.2')}`)).toBe('Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật');

    const after = {
      ...before,
      period: periodOf('Q3', 2025, { from: isoDate(2025, 6, 15), to: isoDate(2025, 9, 14) }),
    };
    expect(validateAll(wb, runContext(after), { mark: false })[0].findings.map((f) => f.rule)).toContain(
      'catalog-version',
    );
    const out = generateTemplates(wb, runContext(after));
    expect(out.relabeled).toEqual(before.agencies.map((a) => a.sheet));
    expect(sheet.valueAt(`B${rowOf('5.4.2')}`)).toBe('Số lãnh đạo cấp sở, ngành bị kỷ luật');
    expect(sheet.valueAt(`D${rowOf('5.4.2')}`)).toEqual(typed);
    expect(String(sheet.valueAt('B2'))).toMatch(
      /^\(Mẫu BNV-6459-2021-2CAP; số liệu từ 15\/06\/2025 đến 14\/09\/2025\)/,
    );
    const again = validateAll(wb, runContext(after), { mark: false })[0].findings;
    expect(again.map((f) => f.rule)).not.toContain('catalog-version');
    // The district row it still holds is named for what it is, not as a typing slip.
    const retired = again.find((f) => f.indicator === '3.1.3.2');
    expect(retired?.message).toContain('không còn trong biểu mẫu của kỳ này');
  });
});

describe('a new deadline on Thiết lập', () => {
  it('is flagged at each tab\'s "Hạn gửi báo cáo" cell, then written there by "Tạo biểu mẫu", figures kept', () => {
    const { fake, wb, settings, fills } = province({ provincial: 3, communes: 1 });
    generateTemplates(wb, runContext(settings));
    for (const f of fills) writeFill(wb, catalog, settings, f);
    const tab = fake.ss.sheet(settings.agencies[0].sheet);
    expect(tab.valueAt('B5')).toBe('Hạn gửi báo cáo:');
    const typed = [...Array(150).keys()].map((i) => tab.valueAt(`D${12 + i}`));

    // The consolidator moves the deadline from the default 10/09/2026 to 05/09/2026 on Thiết lập.
    const setup = fake.ss.sheet('Thiết lập');
    const row = 1 + [...Array(40).keys()].find((i) => setup.valueAt(`A${i + 1}`) === 'Hạn gửi báo cáo')!;
    wb.writeCells('Thiết lập', `B${row}`, [[{ date: isoDate(2026, 9, 5) }]]);
    const read = readSettings(wb.read('Thiết lập')!.values);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const moved = read.settings;

    const stale = validateAll(wb, runContext(moved), { mark: false }).flatMap((r) =>
      r.findings.filter((f) => f.rule === 'deadline-stale'),
    );
    expect(stale.map((f) => [f.sheet, f.cell, f.severity])).toEqual(
      settings.agencies.map((a) => [a.sheet, 'C5', 'warning']),
    );
    expect(stale[0].message).toContain('10/09/2026');
    expect(stale[0].message).toContain('05/09/2026');

    fake.calls.reset();
    const out = generateTemplates(wb, runContext(moved));
    expect(out.retimed).toEqual(settings.agencies.map((a) => a.sheet));
    expect(out.unchanged).toEqual(settings.agencies.map((a) => a.sheet));
    // Only the header: no tab is re-protected or rebuilt.
    expect(fake.calls.of('Sheet.protect') + fake.calls.of('Range.protect')).toBe(0);
    // One read of the values and a write per stale cell (here the deadline and the stamp), the 8
    // calls that check the tab is still protected (per protection: find it, warning-only, domain,
    // editors) and the 5 that put back its validation and live checks: 21 calls a tab, fewer than
    // building one.
    expect(fake.calls.total()).toBeLessThanOrEqual(22 * settings.agencies.length);
    expect(fake.calls.of('Range.setValues')).toBe(2 * settings.agencies.length);
    expect(tab.dateAt('C5')).toBe('2026-09-05');
    expect(String(tab.valueAt('B2'))).toContain('ước tính đến ngày 14/09/2026');
    expect([...Array(150).keys()].map((i) => tab.valueAt(`D${12 + i}`))).toEqual(typed);
    const after = validateAll(wb, runContext(moved), { mark: false }).flatMap((r) => r.findings);
    expect(after.filter((f) => f.rule === 'deadline-stale')).toEqual([]);

    // Nothing changed since: the next run writes no header and reads each tab's values once, only
    // to put its validation and live checks back where its rows are.
    fake.calls.reset();
    const idle = generateTemplates(wb, runContext(moved));
    expect(idle.retimed).toEqual([]);
    expect(fake.calls.of('Range.setValues')).toBe(0);
    expect(fake.calls.reads()).toBe(settings.agencies.length);
  });
});

describe('a protection loosened by hand in the side panel', () => {
  /** Forms made and shared as README says; the first two agencies with an email, and where they type. */
  function made(opts: { domain?: boolean } = {}) {
    const p = province();
    p.fake.ss.domain = opts.domain ?? false;
    generateTemplates(gasWorkbook(p.fake).wb, runContext(p.settings)); // a run of its own, in the domain
    shareWithAgencies(p.fake, p.settings, 'colleague@example.gov.vn');
    const [agency, other] = p.settings.agencies.filter((a) => a.emails.length);
    const sheet = p.fake.ss.sheet(agency.sheet);
    const valueRow = 12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === '1.1.1')!;
    return { ...p, agency, other, sheet, value: `D${valueRow}` };
  }
  /** "Tạo biểu mẫu" run again by the owner, counting its calls. */
  function again(p: ReturnType<typeof made>) {
    p.fake.ss.me = p.fake.ss.owner;
    p.fake.calls.reset();
    return generateTemplates(gasWorkbook(p.fake).wb, runContext(p.settings));
  }

  it('switched to "Show a warning": anyone may type there, and "Tạo biểu mẫu" closes it again and names it', () => {
    const p = made();
    const whole = p.sheet.protections.find((x) => !x.range)!;
    const area = p.sheet.protections.find((x) => x.range)!;
    whole.byHand({ warningOnly: true });
    // As in Google, the warning stops nobody: a colleague confirms it and renames the agency.
    p.fake.ss.me = 'colleague@example.gov.vn';
    expect(() => p.sheet.edit('C3', 'Sở khác')).not.toThrow();
    // The value area turned to a warning too, on another tab: another agency types its figures.
    const second = p.fake.ss.sheet(p.other.sheet);
    second.protections.find((x) => x.range)!.byHand({ warningOnly: true });
    expect(second.canEdit(p.agency.emails[0], p.value)).toBe(true);
    expect(area.isWarningOnly()).toBe(false);

    const out = again(p);
    expect(out.reprotected.sort()).toEqual([p.agency.sheet, p.other.sheet].sort());
    // Only these two tabs are protected again: one sheet and one value-area protection each.
    expect(p.fake.calls.of('Sheet.protect')).toBe(2);
    expect(p.fake.calls.of('Range.protect')).toBe(2);
    for (const tab of [p.sheet, second]) expect(tab.protections.every((x) => !x.isWarningOnly())).toBe(true);
    expect(p.sheet.canEdit('colleague@example.gov.vn', 'C3')).toBe(false);
    expect(second.canEdit(p.agency.emails[0], p.value)).toBe(false);
    expect(second.canEdit(p.other.emails[0], 'C6')).toBe(true);
    // The next run finds every tab closed.
    expect(again(p).reprotected).toEqual([]);
  });

  it('opened to the whole domain: "Tạo biểu mẫu" closes it again and names it', () => {
    const p = made({ domain: true });
    expect(p.sheet.protections.every((x) => !x.domainEdit)).toBe(true); // closed to the domain when made
    // Everyone here is in example.gov.vn, the owner's Workspace domain.
    p.sheet.protections.find((x) => x.range)!.byHand({ domainEdit: true });
    expect(p.sheet.canEdit(p.other.emails[0], p.value)).toBe(true);
    expect(p.sheet.canEdit(p.other.emails[0], 'A12')).toBe(false); // the sheet itself still holds

    const out = again(p);
    expect(out.reprotected).toEqual([p.agency.sheet]);
    expect(p.fake.calls.of('Sheet.protect')).toBe(1);
    expect(p.sheet.protections.every((x) => !x.domainEdit)).toBe(true);
    expect(p.sheet.canEdit(p.other.emails[0], p.value)).toBe(false);
    expect(p.sheet.canEdit(p.agency.emails[0], p.value)).toBe(true);
  });

  it('holds when Thiết lập has an email typed in capitals that Google gives in lower case', () => {
    const { fake, wb, settings } = province();
    // The consolidator types the agency's email with capitals on Thiết lập.
    const first = settings.agencies.find((a) => a.emails.length)!;
    const setup = fake.ss.sheet('Thiết lập');
    const cell = [...Array(200).keys()]
      .flatMap((r) => ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => `${c}${r + 1}`))
      .find((a1) => setup.valueAt(a1) === first.emails[0])!;
    wb.writeCells('Thiết lập', cell, [['Nguoi.Nhap@Example.gov.vn']]);
    const read = readSettings(wb.read('Thiết lập')!.values);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const typed = read.settings;
    const agency = typed.agencies.find((a) => a.sheet === first.sheet)!;
    expect(agency.emails).toEqual(['Nguoi.Nhap@Example.gov.vn']);

    generateTemplates(wb, runContext(typed));
    fake.ss.share('nguoi.nhap@example.gov.vn'); // Google knows the account in lower case
    const sheet = fake.ss.sheet(agency.sheet);
    const editors = sheet.protections.find((x) => x.range)!.getEditors();
    expect(editors.map((u: GoogleAppsScript.Base.User) => u.getEmail())).toContain('nguoi.nhap@example.gov.vn');
    fake.ss.me = 'nguoi.nhap@example.gov.vn';
    expect(() => sheet.edit('C6', 'Đã gửi')).not.toThrow(); // the agency may still type

    fake.ss.me = fake.ss.owner;
    fake.calls.reset();
    const out = generateTemplates(gasWorkbook(fake).wb, runContext(typed));
    expect(out.reprotected).toEqual([]);
    expect(out.unchanged).toHaveLength(typed.agencies.length);
    // Each tab checked in 8 calls, none protected again; plus the Thiết lập protection, read once
    // for the consolidators.
    const n = typed.agencies.length;
    expect(fake.calls.of('Sheet.getProtections')).toBe(2 * n + 1);
    expect(fake.calls.of('Protection.isWarningOnly')).toBe(2 * n);
    expect(fake.calls.of('Protection.canDomainEdit')).toBe(2 * n);
    expect(fake.calls.of('Protection.getEditors')).toBe(2 * n + 1);
    expect(fake.calls.of('Sheet.protect') + fake.calls.of('Range.protect')).toBe(0);
  });
});
