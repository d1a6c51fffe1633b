/**
 * A province spread over a main spreadsheet and four branch spreadsheets ("sổ nhánh"), through
 * the menu as a consolidator uses it: the same findings, figures and draft as the same province
 * in one spreadsheet; a tab in two spreadsheets refused; a branch that cannot be opened named and
 * the rest consolidated; the agencies of a branch never authorize anything; and the run stays
 * within Apps Script's six minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelSeconds } from '../../bench/latency';
import { ROOT } from '../paths';
import { STATUS_CELL } from '../../src/core/form/template';
import { Settings, readSettings, settingsPlan } from '../../src/core/settings';
import { AgencyFill, sampleProvince, writeFill } from '../../src/demo/sample';
import { openProvince } from '../../src/gas/branches';
import { agencyFormGrids } from '../../src/gas/download';
import { importAgencyGrids } from '../../src/gas/import';
import { fromWire, toWire } from '../../src/core/agency-files/wire';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { isoDate } from '../../src/core/primitives/dates';
import { defaultDeadline, inText, periodOf } from '../../src/core/periods';
import { GasWorkbook } from '../../src/gas/sheets';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import * as menu from '../../src/gas/main';
import { onEdit } from '../../src/gas/on-edit';
import { FakeGas, FakeSpreadsheet, SIMULTANEOUS_EDITORS, SPREADSHEETS_SCOPE, fakeGas } from '../fakes/gas';
import { NOW, catalog, gasWorkbook } from './setup';

// The menu's runs read the clock as Apps Script does (new Date()); the runs compared here stamp their
// outputs ("Kiểm tra lúc …"), so they must see the same minute however slow the machine: only Date
// is frozen, timers run as usual.
jest.useFakeTimers({
  now: NOW,
  doNotFake: [
    'nextTick',
    'setImmediate',
    'clearImmediate',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'hrtime',
    'performance',
  ],
});
afterAll(() => jest.useRealTimers());

const BRANCHES = ['Nhánh 1', 'Nhánh 2', 'Nhánh 3', 'Nhánh 4'];
const sample = sampleProvince({ provincial: 20, communes: 170, mistakeShare: 0.2 });

/** Runs fn with the fake's services as Apps Script's globals. */
function withGlobals<T>(fake: FakeGas, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, fake.globals);
  try {
    return fn();
  } finally {
    for (const k of Object.keys(fake.globals)) delete g[k];
  }
}

/** The consolidator chooses a menu item; the alert it shows, if any. */
function choose(fake: FakeGas, item: keyof typeof menu) {
  const before = fake.ui.alerts.length;
  withGlobals(fake, () => (menu[item] as () => void)());
  return fake.ui.alerts.length > before ? fake.ui.alerts[fake.ui.alerts.length - 1]! : null;
}

function readBack(fake: FakeGas): Settings {
  const { wb } = gasWorkbook(fake);
  const read = readSettings(wb.read('Thiết lập')!.values);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.settings;
}

/** Every agency's clerks typing their figures, each in the spreadsheet that holds its tab. */
function fillAll(fake: FakeGas, settings: Settings, fills: readonly AgencyFill[]) {
  withGlobals(fake, () => {
    const province = openProvince(gasWorkbook(fake).wb, settings);
    for (const f of fills) writeFill(province.wb, catalog, settings, f);
  });
}

/** "Tạo biểu mẫu" until it says it is done (each run stops before Apps Script's limit). */
function generate(fake: FakeGas) {
  for (let i = 0; i < 5; i++) {
    const alert = choose(fake, 'menuGenerateTemplates')!;
    if (!alert.title.includes('chưa xong')) return alert;
  }
  throw new Error('Tạo biểu mẫu never finished');
}

/** The same 190 agencies, all in one spreadsheet. */
function oneSpreadsheet() {
  const fake = fakeGas({ now: () => NOW });
  gasWorkbook(fake).wb.create(settingsPlan(sample.settings));
  generate(fake);
  const settings = readBack(fake);
  fillAll(fake, settings, sample.fills);
  return fake;
}

/**
 * The consolidator's set-up as the guide tells it: four copies of the main spreadsheet made with
 * Tệp → Tạo bản sao, the column "Sổ nhánh" filled (the first 30 agencies stay in the main one,
 * 40 in each branch), and each copy's address on the row "Đường dẫn các sổ nhánh".
 */
function spreadProvince(province = sample, inMain = 30, unfilled: readonly string[] = []) {
  const fake = fakeGas({ now: () => NOW });
  const branches = BRANCHES.map((name) => ({ name, ss: fake.newSpreadsheet(`Báo cáo CCHC - ${name}`) }));
  const settings: Settings = {
    ...province.settings,
    agencies: province.settings.agencies.map((a, i) => ({
      ...a,
      branch: i < inMain ? '' : BRANCHES[(i - inMain) % 4],
    })),
    branchLinks: branches.map((b) => ({ name: b.name, url: b.ss.url })),
  };
  gasWorkbook(fake).wb.create(settingsPlan(settings));
  const alert = generate(fake);
  const read = readBack(fake);
  const fills = province.fills.map((f) => ({ ...f, agency: read.agencies.find((a) => a.name === f.agency.name)! }));
  fillAll(
    fake,
    read,
    fills.filter((f) => !unfilled.includes(f.agency.name)),
  );
  return { fake, branches, settings: read, alert };
}

const valuesOf = (ss: FakeSpreadsheet, name: string) =>
  [...ss.sheet(name).cells].map(([a1, c]) => [a1, c.value]).filter(([, v]) => v !== '' && v !== null);

describe('a 190-agency province over a main spreadsheet and four branches', () => {
  const one = oneSpreadsheet();
  const spread = spreadProvince();
  const { fake, branches, settings } = spread;

  it("makes each agency's form in the branch Thiết lập names, with the branch's own Thiết lập", () => {
    expect(spread.alert.title).toBe('Đã tạo biểu mẫu');
    expect(spread.alert.message).toContain('sổ nhánh "Nhánh 1": 40 đơn vị.');
    for (const b of branches) {
      const own = settings.agencies.filter((a) => a.branch === b.name).map((a) => a.sheet);
      expect(own).toHaveLength(40);
      expect(b.ss.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Thiết lập', ...own]));
      for (const sheet of own) expect(fake.ss.sheets.map((s) => s.name)).not.toContain(sheet);
      // The branch's Thiết lập names itself, and holds no address of the other branches.
      const values = b.ss.sheet('Thiết lập').cells;
      const texts = [...values.values()].map((c) => String(c.value ?? ''));
      expect(texts).toContain(b.name);
      for (const other of branches) expect(texts.some((t) => t.includes(other.ss.id))).toBe(false);
    }
    expect(fake.ss.sheets.map((s) => s.name)).toContain(settings.agencies[0]!.sheet);
  });

  it("keeps every branch under Google's limit of people working on one file at the same time", () => {
    for (const b of branches) {
      const clerks = settings.agencies.filter((a) => a.branch === b.name).flatMap((a) => a.emails);
      expect(clerks.length).toBeLessThan(SIMULTANEOUS_EDITORS);
    }
  });

  it('gives the same findings, figures and draft as one spreadsheet', () => {
    for (const f of [one, fake]) {
      choose(f, 'menuValidateAll');
      choose(f, 'menuConsolidateWorkbook');
      choose(f, 'menuDraftReport');
    }
    for (const sheet of ['Kết quả kiểm tra', 'Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo'])
      expect(valuesOf(fake.ss, sheet)).toEqual(valuesOf(one.ss, sheet));
    expect(valuesOf(fake.ss, 'Kết quả kiểm tra').length).toBeGreaterThan(190);
    for (const b of branches) expect(b.ss.sheets.map((s) => s.name)).not.toContain('Tổng hợp');
    expect(fake.docs).toHaveLength(1);
    expect(JSON.stringify(fake.docs[0]!.body)).toEqual(JSON.stringify(one.docs[0]!.body));
  });

  it('marks a wrong cell in the branch that holds it', () => {
    const agency = settings.agencies.find((a) => a.branch === 'Nhánh 3')!;
    const sheet = branches[2]!.ss.sheet(agency.sheet);
    const alone = one.ss.sheet(agency.sheet);
    const marked = (s: typeof sheet) =>
      [...s.cells].filter(([, c]) => c.background).map(([a1, c]) => [a1, c.background]);
    expect(marked(sheet)).toEqual(marked(alone));
  });

  it('consolidates 190 agencies over four branches within one 6-minute run, as the latency model counts it', () => {
    fake.calls.reset();
    choose(fake, 'menuConsolidateWorkbook');
    const opened = fake.calls.of('SpreadsheetApp.openById');
    expect(opened).toBe(4);
    // One read of values and one of formats per agency tab, whichever spreadsheet holds it.
    expect(fake.calls.of('Range.getValues')).toBeLessThanOrEqual(190 + 10);
    const seconds = modelSeconds(fake.calls.byMethod(), 190 * 150 * 5 * 2);
    expect(seconds).toBeLessThan(6 * 60);
  });
});

/** A smaller province for what can go wrong: 4 agencies in the main spreadsheet, 4 in each branch. */
const small = sampleProvince({ provincial: 6, communes: 14, mistakeShare: 0.2 });
const smallSpread = (unfilled: readonly string[] = []) => spreadProvince(small, 4, unfilled);

describe('what can go wrong with branches', () => {
  it('refuses an agency tab found in two spreadsheets, and counts it nowhere', () => {
    const { fake, branches, settings } = smallSpread();
    const agency = settings.agencies.find((a) => a.branch === 'Nhánh 1')!;
    // Someone copied the commune's tab into the second branch by hand.
    const copy = branches[1]!.ss.insertSheet(agency.sheet) as unknown as { cells: Map<string, unknown> };
    copy.cells = new Map(branches[0]!.ss.sheet(agency.sheet).cells);
    const twice = `Trang "${agency.sheet}" của ${agency.name} có ở cả sổ nhánh "Nhánh 1" và sổ nhánh "Nhánh 2": số liệu của đơn vị chưa được tính, để không tính hai lần. Hãy xóa trang thừa, chỉ giữ trang ở sổ nhánh "Nhánh 1" (cột "Sổ nhánh" trên trang Thiết lập).`;
    const alert = choose(fake, 'menuConsolidateWorkbook')!;
    expect(alert.message).toContain(twice);
    // The list of agencies left out gives the reason, not "tab not found".
    expect(alert.message).toContain(`  • ${agency.name}: Trang của đơn vị có ở hai sổ`);
    expect(alert.message).not.toContain(`${agency.name}: Không tìm thấy trang`);
    const row = [...fake.ss.sheet('Chi tiết theo đơn vị').cells].filter(([, c]) => c.value === agency.name);
    expect(row.length).toBeGreaterThan(0);
    expect(valuesOf(fake.ss, 'Kết quả kiểm tra').some(([, v]) => v === twice)).toBe(true);
    const again = choose(fake, 'menuGenerateTemplates')!;
    expect(again.message).toContain('Chưa tạo hoặc cập nhật biểu mẫu của 1 đơn vị:');
  });

  it('names a branch it cannot open, and consolidates the rest', () => {
    const { fake, branches, settings } = smallSpread();
    // The owner of "Nhánh 2" stopped sharing it with the consolidator; "Nhánh 4" was deleted.
    branches[1]!.ss.owner = 'chu-so-huu-khac@example.gov.vn';
    branches[1]!.ss.sharedWith = [];
    branches[3]!.ss.deleted = true;
    const alert = choose(fake, 'menuConsolidateWorkbook')!;
    expect(alert.title).toBe('Đã tổng hợp số liệu');
    expect(alert.message).toContain('Tổng hợp từ ');
    expect(alert.message).toContain(
      'Không mở được sổ nhánh "Nhánh 2": tài khoản của bạn không có quyền sửa bảng tính này (nhờ chủ sở hữu chia sẻ với bạn quyền Người chỉnh sửa).',
    );
    expect(alert.message).toContain(
      'Không mở được sổ nhánh "Nhánh 4": không tìm thấy bảng tính theo đường dẫn trên trang Thiết lập (bảng tính đã bị xóa, hoặc đường dẫn sai).',
    );
    const lost = settings.agencies.find((a) => a.branch === 'Nhánh 2')!;
    expect(alert.message).toContain(`  • ${lost.name}: Không mở được sổ nhánh`);
    expect(alert.message).not.toContain('Không tìm thấy trang');
    const counted = Number(/Tổng hợp từ (\d+)\/20 /.exec(alert.message)![1]);
    const inOpen = settings.agencies.filter((a) => a.branch !== 'Nhánh 2' && a.branch !== 'Nhánh 4').length;
    expect(counted).toBeLessThanOrEqual(inOpen);
    expect(counted).toBeGreaterThan(0);
  });

  it('skips a branch whose link was pasted on the wrong line, and writes nothing into the spreadsheet it opens', () => {
    const { fake, branches, settings } = smallSpread();
    // The consolidator pasted the address of "Nhánh 2" on the line of "Nhánh 1" too.
    const wrong = settings.branchLinks.map((l) => (l.name === 'Nhánh 1' ? { ...l, url: branches[1]!.ss.url } : l));
    gasWorkbook(fake).wb.replace(settingsPlan({ ...settings, branchLinks: wrong }));
    const skipped =
      'Không mở được sổ nhánh "Nhánh 1": đường dẫn ghi cho "Nhánh 1" trên dòng "Đường dẫn các sổ nhánh" là của sổ nhánh "Nhánh 2" (dòng "Sổ nhánh của tệp này" trên trang Thiết lập của bảng tính đó); hãy dán đúng đường dẫn của mỗi sổ nhánh vào dòng của sổ đó. Các đơn vị có biểu mẫu ở sổ này được coi là chưa có trang.';
    const before = branches[1]!.ss.sheets.map((s) => s.name);
    const made = choose(fake, 'menuGenerateTemplates')!;
    expect(made.message).toContain(skipped);
    // "Nhánh 2" keeps its own name and only its own agencies' tabs.
    expect(branches[1]!.ss.sheets.map((s) => s.name)).toEqual(before);
    const sheet = branches[1]!.ss.sheet('Thiết lập');
    const row = Number([...sheet.cells].find(([, c]) => c.value === 'Sổ nhánh của tệp này')![0].split(',')[0]);
    expect(sheet.cellAt(row, 2).value).toBe('Nhánh 2');
    const alert = choose(fake, 'menuConsolidateWorkbook')!;
    expect(alert.message).toContain(skipped);
    const lost = settings.agencies.find((a) => a.branch === 'Nhánh 1')!;
    expect(alert.message).toContain(`  • ${lost.name}: Không mở được sổ nhánh`);
  });

  it("neither reads nor writes last period's branch pasted on this period's main", () => {
    const { fake, branches, settings } = smallSpread();
    // Next quarter: the consolidator moved the main to the next period but kept last period's links.
    const next =
      settings.period.id === 'Q4' ? periodOf('Q1', settings.period.year + 1) : periodOf('Q4', settings.period.year);
    const moved: Settings = { ...settings, period: next, deadline: defaultDeadline(next.id, next.year) };
    gasWorkbook(fake).wb.replace(settingsPlan(moved));
    const before = branches.map((b) => b.ss.sheets.map((s) => [s.name, valuesOf(b.ss, s.name)]));
    const refused = `Không mở được sổ nhánh "Nhánh 1": bảng tính ở đường dẫn ghi cho "Nhánh 1" là sổ của ${inText(settings.period)}, khác kỳ của sổ chính (${inText(next)}), có thể là sổ của kỳ trước; công cụ không đọc và không ghi gì vào đó.`;
    const made = choose(fake, 'menuGenerateTemplates')!;
    expect(made.message).toContain(refused);
    expect(branches.map((b) => b.ss.sheets.map((s) => [s.name, valuesOf(b.ss, s.name)]))).toEqual(before);
    // Its figures are last period's: none of them is consolidated into this one.
    const alert = choose(fake, 'menuConsolidateWorkbook')!;
    expect(alert.message).toContain(refused);
    const inBranches = settings.agencies.filter((x) => x.branch);
    expect(alert.message).toContain(`  • ${inBranches[0]!.name}: Không mở được sổ nhánh`);
    const counted = Number(/Tổng hợp từ (\d+)\/20 /.exec(alert.message)![1]);
    expect(counted).toBeLessThanOrEqual(settings.agencies.length - inBranches.length);
  });

  it("refuses another province's spreadsheet on a branch line, though it names no branch", () => {
    const { fake, branches, settings } = smallSpread();
    // The link on the line of "Nhánh 2" is a copy of another province's main spreadsheet.
    const other = new GasWorkbook(
      branches[1]!.ss as never,
      fake.globals.SpreadsheetApp as never,
      fake.globals.PropertiesService.getDocumentProperties() as never,
      fake.globals.Utilities as never,
      () => NOW,
    );
    other.replace(settingsPlan({ ...settings, issuingBody: 'UBND tỉnh Khác', thisBranch: '' }));
    const before = branches[1]!.ss.sheets.map((s) => [s.name, valuesOf(branches[1]!.ss, s.name)]);
    const made = choose(fake, 'menuGenerateTemplates')!;
    expect(made.message).toContain(
      `Không mở được sổ nhánh "Nhánh 2": bảng tính ở đường dẫn ghi cho "Nhánh 2" là sổ của UBND tỉnh Khác, không phải của ${settings.issuingBody}; công cụ không đọc và không ghi gì vào đó.`,
    );
    expect(branches[1]!.ss.sheets.map((s) => [s.name, valuesOf(branches[1]!.ss, s.name)])).toEqual(before);
  });

  it('refuses at Tạo biểu mẫu a branch holding more agencies than Thiết lập allows', () => {
    const fake = fakeGas({ now: () => NOW });
    const b = fake.newSpreadsheet();
    const settings: Settings = {
      ...sample.settings,
      agencies: sample.settings.agencies.map((a, i) => ({ ...a, branch: i < 100 ? 'Nhánh 1' : '' })),
      branchLinks: [{ name: 'Nhánh 1', url: b.url }],
    };
    gasWorkbook(fake).wb.create(settingsPlan(settings));
    const alert = choose(fake, 'menuGenerateTemplates')!;
    expect(alert.title).toBe('Sổ nhánh có quá nhiều đơn vị');
    expect(alert.message).toBe(
      'Sổ nhánh "Nhánh 1" có 100 đơn vị, nhiều hơn số tối đa 60 (dòng "Số đơn vị tối đa mỗi sổ nhánh"): Google chỉ cho khoảng 100 người cùng làm việc trên một bảng tính, hãy chuyển bớt đơn vị sang sổ nhánh khác ở cột "Sổ nhánh".',
    );
    expect(b.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('asks for the spreadsheets scope only when Thiết lập names a branch', () => {
    const { fake } = smallSpread();
    fake.granted.delete(SPREADSHEETS_SCOPE);
    expect(() => choose(fake, 'menuConsolidateWorkbook')).toThrow('Authorization is required');
    expect(fake.lock.held).toBe(false);
    // A province in one file: the consolidator unticked the scope and everything works.
    const one = fakeGas({ now: () => NOW });
    gasWorkbook(one).wb.create(settingsPlan(sampleProvince({ provincial: 3, communes: 2 }).settings));
    one.granted.delete(SPREADSHEETS_SCOPE);
    expect(choose(one, 'menuGenerateTemplates')!.title).toBe('Đã tạo biểu mẫu');
    expect(choose(one, 'menuConsolidateWorkbook')!.title).toBe('Đã tổng hợp số liệu');
    expect(one.calls.of('SpreadsheetApp.openById')).toBe(0);
  });

  it('lets a clerk in a branch submit with no authorization at all', () => {
    const { fake, branches, settings } = smallSpread();
    const ss = branches[0]!.ss;
    const agency = settings.agencies.find((a) => a.branch === 'Nhánh 1' && a.emails.length)!;
    ss.share(...agency.emails);
    ss.me = agency.emails[0]!;
    const sheet = ss.sheet(agency.sheet);
    // The clerk chooses "Đã gửi" in the branch's spreadsheet, whose own Thiết lập names it.
    sheet.edit(STATUS_CELL, 'Chưa gửi');
    fake.calls.reset();
    withGlobals(fake, () => fake.asSimpleTrigger(() => onEdit(sheet.edit(STATUS_CELL, 'Đã gửi') as never)));
    expect(ss.toasts.join(' ')).toMatch(/Đã ghi ngày gửi|Chưa gửi được/);
    expect(fake.calls.of('SpreadsheetApp.openById')).toBe(0);
    // Opening another spreadsheet is never possible from a simple trigger.
    expect(() =>
      withGlobals(fake, () => fake.asSimpleTrigger(() => fake.globals.SpreadsheetApp.openById(fake.ss.id))),
    ).toThrow(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SPREADSHEETS_SCOPE}`,
    );
  });
});

describe('the import and download dialogs over branches', () => {
  it("download sends every agency's tab, from whichever spreadsheet holds it", () => {
    const { fake, settings } = smallSpread();
    const answer = withGlobals(fake, () => agencyFormGrids());
    if (!answer.ok) throw new Error(answer.problem);
    const wire = fromWire(answer.grids);
    if (!wire.ok) throw new Error(wire.problem);
    expect(wire.files[0]!.sheets.map((s) => s.name)).toEqual(['Thiết lập', ...settings.agencies.map((a) => a.sheet)]);
  });

  it("import writes an agency's file into its tab in its branch", () => {
    const late = small.fills[6]!; // the seventh agency: the third of the branches, "Nhánh 3"
    const { fake, branches, settings } = smallSpread([late.agency.name]);
    const agency = settings.agencies.find((a) => a.name === late.agency.name)!;
    expect(agency.branch).toBe('Nhánh 3');
    // The agency's own .xlsx, filled offline, as the dialog reads it in the browser.
    const file = new MemoryWorkbook(isoDate(2026, 9, 25));
    file.create(agencyFilePlan(catalog, settings, agency).plan);
    writeFill(file, catalog, settings, { ...late, agency });
    const sheets = file.sheetNames().map((n) => file.read(n)!);
    const before = JSON.stringify([...branches[2]!.ss.sheet(agency.sheet).cells].map(([, c]) => c.value));
    const answer = withGlobals(fake, () => importAgencyGrids(toWire([{ name: 'so-lieu.xlsx', sheets }])));
    expect(answer).toMatchObject({ ok: true, written: 1 });
    const after = JSON.stringify([...branches[2]!.ss.sheet(agency.sheet).cells].map(([, c]) => c.value));
    expect(after).not.toEqual(before);
    expect(fake.ss.sheets.map((s) => s.name)).not.toContain(agency.sheet);
  });
});

describe("the consolidator's guide", () => {
  it("cites Google's limit of people on one file, as the fake counts it", () => {
    const guide = readFileSync(join(ROOT, 'docs/huong-dan-tong-hop.md'), 'utf8').replace(/\s+/g, ' ');
    expect(guide).toContain(`khoảng **${SIMULTANEOUS_EDITORS} người** cùng mở một tệp`);
    expect(guide).toContain('https://support.google.com/docs/answer/2494822');
  });
});
