/**
 * Marking sent with no authorization: the onEdit(e) simple trigger, tried as the "Done
 * when" says, on the fake: the owner generates the forms before sharing, then shares; each agency
 * types, marks sent with and without errors, and nothing in that path needs authorization.
 */
import { generateTemplates } from '../../src/core/use-cases';
import { agencyTabPlan } from '../../src/core/form/template';
import { onEdit } from '../../src/gas/on-edit';
import { AgencyFill, sampleProvince } from '../../src/demo/sample';
import { Settings, readSettings, settingsPlan } from '../../src/core/settings';
import { FakeGas, FakeSheet } from '../fakes/gas';
import { NOW, catalog, gasWorkbook, shareWithAgencies } from './setup';
import { runContext } from '../../src/core/settings/run-context';

/**
 * What the agency types: the sample's figures for every row it is asked (no row left blank). A
 * yes/no row is answered from its dropdown, as Sheets offers no other way in.
 */
function typeFigures(sheet: FakeSheet, settings: Settings, fill: AgencyFill): void {
  const { plan, layout } = agencyTabPlan(catalog, settings, fill.agency);
  for (const [code, row] of layout.codeRows) {
    // What the sample's agency answers; a row it does not answer keeps what the form put there.
    let typed = fill.values.has(code) ? fill.values.get(code) : plan.rows[row - 1]?.[3]?.v;
    const choices = sheet.cell(`D${row}`).validation?.args[0];
    if (Array.isArray(choices)) typed = (choices as string[]).find((c) => c === typed || c.startsWith(`${typed} - `));
    if ((typeof typed === 'number' || typeof typed === 'string') && sheet.canEdit(sheet.ss.me, `D${row}`))
      sheet.edit(`D${row}`, typed);
  }
  sheet.edit(layout.headerCells.preparer, 'Nguyễn Văn A');
  sheet.edit(layout.headerCells.phone, '0912345678');
}

/** The first row the agency types a count into (the first rows asked may be computed). */
function firstInput(sheet: FakeSheet, settings: Settings, fill: AgencyFill): number {
  const { layout } = agencyTabPlan(catalog, settings, fill.agency);
  const rows = [...layout.codeRows]
    .filter(([code, r]) => typeof fill.values.get(code) === 'number' && sheet.canEdit(fill.agency.emails[0]!, `D${r}`))
    .map(([, r]) => r);
  return Math.min(...rows);
}

/**
 * A mistake a clerk can actually type (Sheets refuses text, negatives and fractions at typing): a
 * part bigger than its whole, e.g. more hồ sơ settled on time than settled. The first such pair
 * the agency types, with the part's cell, the figure it holds and one more than the whole.
 */
function partOverWhole(sheet: FakeSheet, settings: Settings, fill: AgencyFill) {
  const { layout } = agencyTabPlan(catalog, settings, fill.agency);
  const typedCell = (code: string) => {
    const row = layout.codeRows.get(code);
    const cell = row ? `D${row}` : null;
    return cell && fill.values.has(code) && sheet.canEdit(fill.agency.emails[0]!, cell) ? cell : null;
  };
  for (const ind of catalog.rows) {
    const cell = typedCell(ind.code);
    if (!cell || ind.kind !== 'count') continue;
    for (const rel of ind.relations) {
      const terms = rel.terms.map(typedCell);
      if (rel.op !== '<=' || rel.severity !== 'error' || terms.some((t) => !t)) continue;
      const whole = terms.reduce((n, t) => n + (sheet.valueAt(t!) as number), 0);
      return { cell, good: sheet.valueAt(cell) as number, bad: whole + 1 };
    }
  }
  throw new Error(`${fill.agency.name} types no part of a whole`);
}

/**
 * The trigger as Apps Script runs it for a user who never authorized the script: the bundle's
 * globals are the fake's, and the fake refuses every service that needs authorization.
 */
function trigger(fake: FakeGas, e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, { SpreadsheetApp: fake.globals.SpreadsheetApp, Utilities: fake.globals.Utilities });
  try {
    fake.asSimpleTrigger(() => onEdit(e));
  } finally {
    delete g.SpreadsheetApp;
    delete g.Utilities;
  }
}

beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

/** Twenty agencies, each with its own staff email (the sample leaves some without). */
function twentyAgencies() {
  const { fake, wb } = gasWorkbook();
  fake.ss.locale = 'vi_VN'; // a Vietnamese province's spreadsheet: "12,5%" and "1.949" read as numbers
  const sample = sampleProvince({ provincial: 10, communes: 10, mistakeShare: 0, notSentShare: 1 });
  const agencies = sample.settings.agencies.map((a, i) =>
    a.emails.length ? a : { ...a, emails: [`donvi${i}@example.gov.vn`] },
  );
  wb.create(settingsPlan({ ...sample.settings, agencies }));
  const read = readSettings(wb.read('Thiết lập')!.values);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const settings = read.settings;
  const fills = sample.fills.map((f, i) => ({ ...f, agency: settings.agencies[i]! }));
  const p = { fake, wb, settings, fills };
  let out = generateTemplates(p.wb, runContext(p.settings)); // before sharing, as README says
  while (out.remaining.length) out = generateTemplates(p.wb, runContext(p.settings));
  shareWithAgencies(p.fake, p.settings, 'colleague@example.gov.vn');
  return p;
}

describe('marking sent by choosing "Đã gửi" (onEdit simple trigger, no authorization)', () => {
  it('20 agencies, forms made before sharing: each types, is refused with the reason, fixes, and is stamped', () => {
    const { fake, settings, fills } = twentyAgencies();
    expect(settings.agencies).toHaveLength(20);
    const staffed = fills.filter((f) => f.agency.emails.length);
    expect(staffed).toHaveLength(20);
    for (const fill of staffed) {
      const agency = fill.agency;
      const sheet = fake.ss.sheet(agency.sheet);
      const { layout } = agencyTabPlan(catalog, settings, agency);
      const status = layout.headerCells.status;
      const sentOn = layout.headerCells.sentOn;
      fake.ss.me = agency.emails[0];
      typeFigures(sheet, settings, fill);
      // A mistake Sheets lets through: a part bigger than its whole, coloured as typed.
      const mistake = partOverWhole(sheet, settings, fill);
      trigger(fake, sheet.edit(mistake.cell, mistake.bad));
      expect(sheet.valueAt(mistake.cell)).toBe(mistake.bad);
      expect(sheet.flaggedCells()).toContain(mistake.cell);
      fake.calls.reset();
      trigger(fake, sheet.edit(status, 'Đã gửi'));
      expect(sheet.valueAt(status)).toBe('Chưa gửi');
      expect(sheet.valueAt(sentOn)).toBe('');
      expect(sheet.cell(status).note).toContain('Chưa gửi được');
      expect(sheet.cell(status).note).toContain(mistake.cell);
      expect(fake.ss.toasts.at(-1)).toMatch(/^Chưa gửi được: còn \d+ lỗi/);
      // Fixed: stamped with today's date in the spreadsheet's time zone (NOW is 25/09/2026 10:00).
      sheet.edit(mistake.cell, mistake.good);
      expect(sheet.flaggedCells()).not.toContain(mistake.cell);
      trigger(fake, sheet.edit(status, 'Đã gửi'));
      expect(sheet.valueAt(status)).toBe('Đã gửi');
      expect(sheet.dateAt(sentOn)).toBe('2026-09-25');
      expect(sheet.cell(status).note).not.toContain('Chưa gửi được');
      expect(fake.ss.toasts.at(-1)).toContain('Đã ghi ngày gửi 25/09/2026');
      // Choosing "Đã gửi" again the next day keeps the date it was sent.
      jest.setSystemTime(new Date('2026-09-26T03:00:00Z'));
      trigger(fake, sheet.edit(status, 'Đã gửi'));
      expect(sheet.dateAt(sentOn)).toBe('2026-09-25');
      jest.setSystemTime(NOW);
    }
    // Nothing in that path asked for a dialog, a document, a lock or a scope.
    expect(fake.ui.alerts).toHaveLength(0);
    expect(fake.ui.dialogs).toHaveLength(0);
  });

  it('makes no service call for any other edit: it looks at the event object only', () => {
    const { fake, settings, fills } = twentyAgencies();
    const fill = fills.find((f) => f.agency.emails.length)!;
    const sheet = fake.ss.sheet(fill.agency.sheet);
    const { layout } = agencyTabPlan(catalog, settings, fill.agency);
    fake.ss.me = fill.agency.emails[0];
    fake.calls.reset();
    const row = firstInput(sheet, settings, fill);
    trigger(fake, sheet.edit(`D${row}`, 12));
    trigger(fake, sheet.edit(layout.headerCells.preparer, 'Trần Thị B'));
    trigger(fake, sheet.edit(layout.headerCells.status, 'Chưa gửi'));
    onEdit(undefined); // run from the editor by hand
    expect(fake.calls.total()).toBe(0);
  });

  it('checks a "Đã gửi" pasted with other cells as if it had been chosen, and keeps a date already stamped', () => {
    const { fake, settings, fills } = twentyAgencies();
    const fill = fills.find((f) => f.agency.emails.length)!;
    const sheet = fake.ss.sheet(fill.agency.sheet);
    const { layout } = agencyTabPlan(catalog, settings, fill.agency);
    const { status, sentOn } = layout.headerCells;
    fake.ss.me = fill.agency.emails[0];
    typeFigures(sheet, settings, fill);
    const mistake = partOverWhole(sheet, settings, fill);
    sheet.edit(mistake.cell, mistake.bad);
    // Status and preparer pasted together from last quarter's file (C6:C8 holds status, date, preparer).
    trigger(fake, sheet.paste(status, [['Đã gửi'], [''], ['Nguyễn Văn A']]));
    expect(sheet.valueAt(status)).toBe('Chưa gửi');
    expect(sheet.cell(status).note).toContain(mistake.cell);
    expect(sheet.cell(layout.headerCells.preparer).note ?? '').toBe(''); // the note is on the status cell only
    sheet.edit(mistake.cell, mistake.good);
    trigger(fake, sheet.paste(status, [['Đã gửi'], ['']]));
    expect(sheet.dateAt(sentOn)).toBe('2026-09-25');
    // Pasted again the next day over a dated report: the date it was sent stays.
    jest.setSystemTime(new Date('2026-09-26T03:00:00Z'));
    trigger(fake, sheet.paste(status, [['Đã gửi']]));
    expect(sheet.dateAt(sentOn)).toBe('2026-09-25');
    jest.setSystemTime(NOW);
  });

  it('costs one call for a paste that does not touch the status cell, and writes nothing', () => {
    const { fake, settings, fills } = twentyAgencies();
    const fill = fills.find((f) => f.agency.emails.length)!;
    const sheet = fake.ss.sheet(fill.agency.sheet);
    fake.ss.me = fill.agency.emails[0];
    const row = firstInput(sheet, settings, fill);
    fake.calls.reset();
    trigger(fake, sheet.paste(`D${row}`, [[5], [6]]));
    expect(fake.calls.byMethod()).toEqual({ 'Range.getA1Notation': 1 });
  });

  it('leaves "Đã gửi" typed outside the status cell alone', () => {
    const { fake, settings, fills } = twentyAgencies();
    const fill = fills.find((f) => f.agency.emails.length)!;
    const sheet = fake.ss.sheet(fill.agency.sheet);
    const { layout } = agencyTabPlan(catalog, settings, fill.agency);
    fake.ss.me = fill.agency.emails[0];
    const cell = layout.freeTextCells.highlights;
    trigger(fake, sheet.edit(cell, 'Đã gửi'));
    expect(sheet.valueAt(cell)).toBe('Đã gửi');
    expect(sheet.valueAt(layout.headerCells.status)).toBe('Chưa gửi');
    expect(fake.ss.toasts).toHaveLength(0);
  });

  it('keeps every tab closed to all but its agency and the consolidators, and no agency renames or deletes a tab', () => {
    const { fake, settings, fills } = twentyAgencies();
    const [mine, their] = fills.filter((f) => f.agency.emails.length);
    const theirs = their.agency;
    const sheet = fake.ss.sheet(theirs.sheet);
    const { layout } = agencyTabPlan(catalog, settings, theirs);
    const value = `D${firstInput(sheet, settings, their)}`;
    for (const who of [mine.agency.emails[0], 'colleague@example.gov.vn'])
      for (const a1 of ['A12', 'C3', 'C4', 'C5', layout.headerCells.status, value])
        expect(sheet.canEdit(who, a1)).toBe(false);
    expect(sheet.canEdit(theirs.emails[0], value)).toBe(true);
    expect(sheet.canEdit(theirs.emails[0], 'C3')).toBe(false); // its own agency name is fixed too
    expect(sheet.canEdit(fake.ss.owner, value)).toBe(true);
    for (const agency of settings.agencies.filter((a) => a.emails.length)) {
      fake.ss.me = agency.emails[0];
      // Every tab the add-on made (the spreadsheet's own blank Sheet1 is not one).
      for (const tab of fake.ss.sheets.filter((t) => t.name !== 'Sheet1')) {
        expect(() => tab.setName(`${tab.name} (đổi)`)).toThrow('protected');
        expect(() => fake.ss.deleteSheet(tab as never)).toThrow('protected');
      }
    }
  });
});

describe('typing into a value cell, as Sheets takes it', () => {
  /** One agency's tab, its clerk signed in, the sample's figures typed. */
  function clerk() {
    const { fake, settings, fills } = twentyAgencies();
    const fill = fills[0];
    const sheet = fake.ss.sheet(fill.agency.sheet);
    fake.ss.me = fill.agency.emails[0];
    typeFigures(sheet, settings, fill);
    const { layout } = agencyTabPlan(catalog, settings, fill.agency);
    const cellOf = (code: string) => `D${layout.codeRows.get(code)}`;
    return { fake, settings, fill, sheet, layout, cellOf };
  }

  it('refuses text, a negative or a fraction in a count with the help text, and keeps the figure', () => {
    const { sheet, settings, fill } = clerk();
    const count = `D${firstInput(sheet, settings, fill)}`;
    const before = sheet.valueAt(count);
    expect(typeof before).toBe('number');
    for (const typed of [-3, 'abc', '2,5', 2.5, '2,5 hồ sơ', 'không có'])
      expect(() => sheet.edit(count, typed)).toThrow(
        'Nhập số nguyên không âm (0, 1, 2…), ví dụ 1.949; không nhập chữ, số âm hay số thập phân. Không phát sinh thì nhập 0.',
      );
    expect(sheet.valueAt(count)).toBe(before);
    // What a clerk types the Vietnamese way is taken as a number.
    sheet.edit(count, '1.949');
    expect(sheet.valueAt(count)).toBe(1949);
    sheet.edit(count, 0);
    expect(sheet.valueAt(count)).toBe(0);
    sheet.edit(count, ''); // clearing is never refused
    expect(sheet.valueAt(count)).toBe('');
  });

  it('refuses a rate over 100% or in words, takes 12,5%, and offers only the two statuses', () => {
    const { sheet, layout, cellOf } = clerk();
    // 7.8.3: the share of hồ sơ handled online, typed by the agency when it has no counts.
    const rate = cellOf('7.8.3');
    expect(() => sheet.edit(rate, '150%')).toThrow('Nhập tỷ lệ từ 0% đến 100%, ví dụ 12,5%; không nhập chữ.');
    expect(() => sheet.edit(rate, 'gần hết')).toThrow('Nhập tỷ lệ từ 0% đến 100%');
    sheet.edit(rate, '12,5%');
    expect(sheet.valueAt(rate)).toBe(0.125);
    expect(() => sheet.edit(layout.headerCells.status, 'Xong')).toThrow('Chọn một giá trị trong danh sách.');
    expect(sheet.valueAt(layout.headerCells.status)).toBe('Chưa gửi');
    expect(() => sheet.edit(layout.headerCells.sentOn, 'hôm qua')).toThrow('Nhập ngày dạng dd/mm/yyyy');
    sheet.edit(layout.headerCells.sentOn, '24/09/2026');
    expect(sheet.dateAt(layout.headerCells.sentOn)).toBe('2026-09-24');
  });

  it('takes a figure that disagrees with another and colours it, so the clerk is never blocked mid-form', () => {
    const { sheet, settings, fill } = clerk();
    const mistake = partOverWhole(sheet, settings, fill);
    expect(sheet.flaggedCells()).toEqual([]);
    sheet.edit(mistake.cell, mistake.bad);
    expect(sheet.valueAt(mistake.cell)).toBe(mistake.bad);
    expect(sheet.flaggedCells()).toEqual([mistake.cell]);
  });

  it('does not check what a script writes: validation is for what a user types', () => {
    const { fake, sheet, settings, fill } = clerk();
    const count = `D${firstInput(sheet, settings, fill)}`;
    fake.ss.me = fake.ss.owner;
    sheet.getRange(count).setValues([[-3]]);
    expect(sheet.valueAt(count)).toBe(-3);
  });
});
