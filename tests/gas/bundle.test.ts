/**
 * Runs the real build/Code.js in a sandbox that holds only the Apps Script fakes: no require,
 * process, module or timers, as in Apps Script's V8 runtime.
 */
import { parse } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { FakeGas, fakeGas } from '../fakes/gas';
import { CODE_JS } from '../paths';
import { SCRATCH_PREFIX } from '../../src/gas/form-copies';

const CODE = CODE_JS;
const EXPECTED_MENU = [
  'Thiết lập kỳ báo cáo',
  'Tạo biểu mẫu cho các đơn vị',
  'Tải biểu mẫu của các đơn vị (.xlsx)',
  'Nhập tệp Excel của đơn vị',
  'Kiểm tra trang hiện tại',
  'Kiểm tra tất cả đơn vị',
  'Soạn báo cáo của đơn vị (Google Docs)',
  'Tổng hợp số liệu',
  'Soạn dự thảo báo cáo (Google Docs)',
  'Hướng dẫn sử dụng',
];

function sandbox(fake: FakeGas = fakeGas(), clock?: () => number) {
  if (!existsSync(CODE)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first)');
  // The run's clock, when a test sets it: Date.now() as the bundle sees it.
  const tick = clock;
  const Clock =
    tick &&
    class extends Date {
      static override now(): number {
        return tick();
      }
    };
  const ctx = vm.createContext({
    ...fake.globals,
    ...(Clock ? { Date: Clock } : {}),
    console: { log() {}, error() {}, warn() {} },
  });
  vm.runInContext(readFileSync(CODE, 'utf8'), ctx, { filename: 'Code.js' });
  const call = (fn: string, ...args: unknown[]) => (ctx[fn] as (...a: unknown[]) => unknown)(...args);
  return { fake, ctx, call };
}

describe('build/Code.js', () => {
  const source = existsSync(CODE) ? readFileSync(CODE, 'utf8') : '';

  it('is an ES2020 script Apps Script can run, with no module loader', () => {
    expect(() => parse(source, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(source).not.toMatch(/\brequire\(/);
    expect(Buffer.byteLength(source)).toBeLessThanOrEqual(300 * 1024); // issue 18: evaluated on every execution
  });

  it('declares onOpen and every menu handler as real top-level functions', () => {
    const { fake, ctx, call } = sandbox();
    call('onOpen', { authMode: 'LIMITED' });
    const [menu] = fake.ui.menus;
    expect(menu.title).toBe('Báo cáo CCHC');
    expect(menu.items.filter(Boolean).map((i) => i!.label)).toEqual(EXPECTED_MENU);
    for (const item of menu.items.filter(Boolean)) {
      expect(source).toMatch(new RegExp(`^function ${item!.fn}\\(`, 'm'));
      expect(typeof ctx[item!.fn]).toBe('function');
    }
    expect(source).toMatch(/^function onInstall\(/m);
  });

  it('in AuthMode.NONE builds an add-on menu and touches nothing else', () => {
    const { fake, call } = sandbox();
    call('onInstall', { authMode: 'NONE' });
    expect(fake.ui.menus[0].addon).toBe(true);
    const touched = Object.keys(fake.calls.byMethod()).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k));
    expect(touched).toEqual([]);
  });

  it('runs every menu item end to end, answering in Vietnamese', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    const setup = fake.ui.alerts.pop()!;
    expect(setup.title).toBe('Đã tạo trang Thiết lập');
    expect(setup.message).toContain('vi_VN');
    expect(fake.ss.locale).toBe('vi_VN');
    call('menuGenerateTemplates');
    const generated = fake.ui.alerts.pop()!;
    expect(generated.title).toBe('Đã tạo biểu mẫu');
    expect(generated.message).toMatch(/^Đã tạo mới \d+ trang/);
    // The example's communes share a form: copies of one scratch tab, which is gone.
    const made = Number(/^Đã tạo mới (\d+) trang/.exec(generated.message)![1]);
    expect(fake.calls.of('Range.setBackgrounds')).toBeLessThan(made);
    expect(fake.ss.sheets.filter((s) => s.name.startsWith(SCRATCH_PREFIX))).toEqual([]);
    call('menuValidateAll');
    expect(fake.ss.active!.name).toBe('Kết quả kiểm tra');
    expect(fake.ss.toasts.pop()).toMatch(/chưa gửi/);
    const tab = fake.ss.sheets.find((s) => s.name === 'Sở Nội vụ')!;
    fake.ss.active = tab;
    call('menuValidateOne');
    expect(fake.ui.alerts.pop()!.title).toMatch(/^Kiểm tra: \d+ lỗi/); // an empty form lacks required figures
    call('menuMarkSubmitted');
    expect(fake.ui.alerts.pop()!.title).toBe('Chưa thể đánh dấu đã gửi');
    expect(tab.valueAt('C6')).toBe('Chưa gửi');
    call('menuConsolidateWorkbook');
    expect(fake.ui.alerts.pop()!.title).toBe('Đã tổng hợp số liệu');
    call('menuDraftReport');
    expect(fake.docs).toHaveLength(1);
    expect(fake.docs[0].saved).toBe(true);
    expect(fake.docs[0].name).toMatch(
      /^Dự thảo Báo cáo CCHC Quý (I|II|III|IV) năm \d{4} - \d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    expect(fake.ui.dialogs.pop()).toContain('https://docs.google.com/document/d/doc1/edit');
    call('menuHelp');
    expect(fake.ui.dialogs.pop()).toContain('Đơn vị tổng hợp');
    expect(fake.ui.alerts.every((a) => !/Error|undefined|TypeError/.test(a.message))).toBe(true);
    // No alert or dialog was shown while the document lock was held.
    expect(fake.ui.underLock).toEqual([]);
    expect(fake.lock.held).toBe(false);
  });

  it('removes the blank starter sheet on the first setup, and keeps one that holds anything', () => {
    const blank = sandbox();
    blank.call('menuSetupSettings');
    expect(blank.fake.ss.sheets.map((s) => s.name)).toEqual(['Thiết lập']);
    expect(blank.fake.ui.alerts.pop()!.message).toContain('Đã xóa trang trống "Sheet1"');
    const used = sandbox();
    used.fake.ss.sheet('Sheet1').type('B2', 'ghi chú của người tổng hợp');
    used.call('menuSetupSettings');
    expect(used.fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Thiết lập']);
    expect(used.fake.ss.sheet('Sheet1').valueAt('B2')).toBe('ghi chú của người tổng hợp');
  });

  it('writes no locale-dependent formula: the vi_VN spreadsheet computes every rate', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    expect(fake.ss.locale).toBe('vi_VN');
    call('menuGenerateTemplates'); // the fake throws on a "," separator in a vi_VN formula
    const formulas = fake.ss.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula).filter(Boolean));
    expect(formulas.length).toBeGreaterThan(0);
    // The rates, and on each agency tab the "Số ô cần sửa" count of its live checks (=0+(…>0)+…).
    const [counts, rates] = [
      formulas.filter((f) => f!.startsWith('=0+')),
      formulas.filter((f) => !f!.startsWith('=0+')),
    ];
    expect(counts.length).toBe(fake.ss.sheets.filter((s) => s.conditionalRules.length).length);
    for (const f of counts) expect(f).not.toMatch(/[,;.]/);
    for (const f of rates)
      expect(f).toMatch(
        /^=IFERROR\((N\([A-Z]+\d+\)|\(N\([A-Z]+\d+\)-N\([A-Z]+\d+\)\))\/N\([A-Z]+\d+\)\/NOT\(ISTEXT\([A-Z]+\d+\)\)\)$/,
      );
    const tab = fake.ss.sheet('Sở Nội vụ');
    // A plain ratio (not a reduction): typing its counts makes Sheets compute the rate.
    const rate = [...tab.cells].find(([, c]) => c.formula && !c.formula.includes('-'));
    expect(rate).toBeDefined();
    const [num, den] = /IFERROR\(N\(([A-Z]+\d+)\)\/N\(([A-Z]+\d+)\)/.exec(rate![1].formula!)!.slice(1);
    tab.type(num, 3);
    tab.type(den, 4);
    const [r, c] = rate![0].split(',').map(Number);
    expect(tab.getRange(r, c).getValues()[0][0]).toBe(0.75);
    // The same old formula would be refused.
    expect(() => tab.getRange(1, tab.maxCols).setValues([['=IF(N(D15)>0,D14/D15,"")']])).toThrow('#ERROR!');
  });

  it('keeps deadlines and sent dates in a spreadsheet set to another time zone', () => {
    const fake = fakeGas();
    fake.ss.timeZone = 'America/Bogota';
    const { call } = sandbox(fake);
    call('menuSetupSettings');
    expect(fake.ss.timeZone).toBe('Asia/Ho_Chi_Minh'); // set beside the locale
    fake.ss.timeZone = 'Asia/Tokyo'; // someone changes it later: the adapter still reads the sheet's own dates
    const settings = fake.ss.sheet('Thiết lập');
    const dates = [...settings.cells.keys()]
      .map((k) => k.split(',').map(Number))
      .map(([r, c]) => settings.dateAt(`${String.fromCharCode(64 + c)}${r}`))
      .filter(Boolean);
    expect(dates.length).toBeGreaterThan(0);
    call('menuSetupSettings');
    const ok = fake.ui.alerts.pop()!;
    expect(ok.title).toBe('Thiết lập hợp lệ');
    const dmy = (iso: string) => iso.split('-').reverse().join('/');
    const shown = ok.message.match(/\d\d\/\d\d\/\d{4}/g)!;
    expect(shown.length).toBeGreaterThanOrEqual(3); // cut-offs and deadline
    for (const d of shown) expect(dates.map((x) => dmy(x!))).toContain(d);
  });

  it('needs only the sheet scopes for agency staff; the Docs scope is asked for when drafting', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    // Granular consent: this user left Google Docs unticked.
    fake.granted.delete('https://www.googleapis.com/auth/documents');
    fake.ss.active = fake.ss.sheet('Sở Nội vụ');
    call('menuValidateOne');
    expect(fake.ui.alerts.pop()!.title).toMatch(/^Kiểm tra: \d+ lỗi/);
    call('menuMarkSubmitted');
    expect(fake.ui.alerts.pop()!.title).toBe('Chưa thể đánh dấu đã gửi');
    call('menuValidateAll');
    expect(fake.calls.of('DocumentApp.create')).toBe(0);
    expect(() => call('menuDraftReport')).toThrow('Authorization is required');
    expect(fake.docs).toHaveLength(0);
    expect(fake.lock.held).toBe(false);
    fake.granted.add('https://www.googleapis.com/auth/documents');
    call('menuDraftReport');
    expect(fake.docs).toHaveLength(1);
  });

  it('lets a second consolidator, added to the Thiết lập protection, run the whole cycle', () => {
    const { fake, call } = sandbox();
    const B = 'tonghop2@example.gov.vn';
    fake.ss.sharedWith.push(B, 'nhaplieu@example.gov.vn');
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    call('menuValidateAll');
    // The owner adds B to the Thiết lập protection, as README says.
    fake.ss.sheet('Thiết lập').protections[0].editors.push(B);
    fake.ss.me = B;
    call('menuValidateAll'); // B cannot mark agency tabs protected before B was a consolidator…
    const refused = fake.ui.alerts.pop()!;
    expect(refused.title).toBe('Báo cáo CCHC: không có quyền');
    expect(refused.message).toContain('chạy lại "Tạo biểu mẫu cho các đơn vị"');
    expect(refused.message).toContain(fake.ss.owner);
    fake.ss.me = fake.ss.owner;
    call('menuGenerateTemplates'); // …until the owner runs "Tạo biểu mẫu" again: every protection now lists B
    expect(fake.ui.alerts.pop()!.title).toBe('Đã tạo biểu mẫu');
    const tab = fake.ss.sheet('Sở Nội vụ');
    expect(tab.protections.every((p) => p.editors.includes(B))).toBe(true);
    expect(tab.protections.some((p) => p.editors.includes('nhaplieu@example.gov.vn'))).toBe(false);
    fake.ss.me = B;
    fake.ui.alerts.length = 0;
    call('menuGenerateTemplates');
    call('menuValidateAll');
    call('menuConsolidateWorkbook');
    call('menuDraftReport');
    expect(fake.ui.alerts.map((a) => a.title)).toEqual(['Đã tạo biểu mẫu', 'Đã tổng hợp số liệu']);
    expect(fake.docs).toHaveLength(1);
    expect(fake.ss.sheet('Tổng hợp').protections[0].editors).toContain(B);
    // Someone who is only an editor of the spreadsheet is told what to do.
    fake.ss.me = 'nhaplieu@example.gov.vn';
    call('menuConsolidateWorkbook');
    expect(fake.ui.alerts.pop()!.message).toContain('bảo vệ của trang Thiết lập');
    expect(fake.ui.underLock).toEqual([]);
  });

  it('tells the consolidator how many tabs are left when the protection check runs out of time, and goes on next run', () => {
    const fake = fakeGas();
    /** Calls on protections: a slow day makes each take seconds; the rest are taken as instant. */
    const protectionCalls = () =>
      Object.entries(fake.calls.byMethod())
        .filter(([k]) => /^Protection\.|getProtections/.test(k))
        .reduce((n, [, v]) => n + v, 0);
    let secondsPerCall = 0; // a normal day first; then each protection call takes 5 s
    let t = 0;
    let seen = 0;
    const { call } = sandbox(fake, () => {
      t += (protectionCalls() - seen) * secondsPerCall * 1000;
      seen = protectionCalls();
      return t;
    });
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    const tabs = fake.ss.sheets.filter((s) => s.protections.some((p) => p.range)).length;
    expect(tabs).toBeGreaterThan(5);
    secondsPerCall = 5;
    fake.calls.reset();
    seen = 0;
    call('menuGenerateTemplates');
    const cut = fake.ui.alerts.pop()!;
    const checked = fake.calls.of('Protection.isWarningOnly') / 2;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(tabs);
    expect(cut.title).toBe('Tạo biểu mẫu: chưa xong, chạy lại để tiếp tục');
    expect(cut.message).toContain(
      `Còn ${tabs - checked} trang chưa được tạo hoặc chưa được kiểm tra bảo vệ do giới hạn thời gian chạy của Google. Hãy chọn lại "Tạo biểu mẫu cho các đơn vị" để làm tiếp từ chỗ đã dừng`,
    );
    secondsPerCall = 0;
    fake.calls.reset();
    seen = 0;
    call('menuGenerateTemplates');
    expect(fake.ui.alerts.pop()!.title).toBe('Đã tạo biểu mẫu');
    expect(fake.calls.of('Protection.isWarningOnly') / 2).toBe(tabs - checked); // the rest, none twice
  });

  it('tells the consolidator which tab it closed again after someone switched it to "Show a warning"', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    fake.ss
      .sheet('Sở Nội vụ')
      .protections.find((p) => p.range)!
      .byHand({ warningOnly: true });
    fake.ui.alerts.length = 0;
    call('menuGenerateTemplates');
    const done = fake.ui.alerts.pop()!;
    expect(done.title).toBe('Đã tạo biểu mẫu');
    expect(done.message).toContain(
      'Đã bảo vệ lại 1 trang mà bảo vệ đã bị gỡ hoặc bị đổi bằng tay (chuyển sang "Hiển thị cảnh báo", cho cả tổ chức sửa, hoặc cho thêm người sửa): Sở Nội vụ.',
    );
    expect(fake.ss.sheet('Sở Nội vụ').protections.some((p) => p.isWarningOnly())).toBe(false);
  });

  it('removes a half-made protection and says so when access comes from a Google Group', () => {
    const fake = fakeGas();
    fake.ss.owner = 'so-noi-vu@example.gov.vn';
    fake.ss.me = 'chuyenvien@example.gov.vn';
    fake.ss.sharedWith = ['so-noi-vu@example.gov.vn', 'cchc-group@example.gov.vn'];
    fake.ss.groups.set('cchc-group@example.gov.vn', ['chuyenvien@example.gov.vn', 'khac@example.gov.vn']);
    const { call } = sandbox(fake);
    call('menuSetupSettings');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Đã tạo trang Thiết lập');
    expect(a.message).toContain('Chưa bảo vệ được các trang sau');
    expect(a.message).toContain('nhóm Google');
    // Not left looking protected while every group member can edit it.
    expect(fake.ss.sheet('Thiết lập').protections).toEqual([]);
  });

  it('tells a second consolidator to wait while the document is locked', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    fake.lock.busy = true;
    call('menuConsolidateWorkbook');
    expect(fake.ui.alerts.pop()!.message).toContain('Một người khác đang chạy "Tổng hợp số liệu"');
    expect(fake.ss.sheets.map((s) => s.name)).not.toContain('Tổng hợp');
  });

  it("tells an agency's staff that consolidator actions are not theirs", () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    fake.ss.me = 'nhaplieu@example.gov.vn';
    call('menuConsolidateWorkbook');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Báo cáo CCHC: không có quyền');
    expect(a.message).toContain('bạn không cần dùng menu');
    expect(a.message).toContain('chọn "Đã gửi" ở ô Trạng thái báo cáo');
  });

  it('has an onEdit simple trigger whose common path makes no service call', () => {
    const { fake, call } = sandbox();
    const range = fake.ss.sheet('Sheet1').getRange('B2');
    fake.calls.reset();
    fake.asSimpleTrigger(() => call('onEdit', { source: fake.ss, range, value: '12' }));
    fake.asSimpleTrigger(() => call('onEdit', { source: fake.ss, range, value: 'x', oldValue: 'y' }));
    expect(fake.calls.total()).toBe(0);
    // A paste (no e.value, no e.oldValue) away from the status cell: one call to see where it is.
    const block = fake.ss.sheet('Sheet1').getRange('D20:E30');
    fake.calls.reset();
    fake.asSimpleTrigger(() => call('onEdit', { source: fake.ss, range: block }));
    expect(fake.calls.total()).toBe(1);
  });

  it('turns an unexpected failure into a Vietnamese message, not a stack trace', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    fake.ss.insertSheet = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    call('menuGenerateTemplates');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Báo cáo CCHC: Google phản hồi chậm');
    expect(a.message).toContain('hãy chạy lại thao tác này để làm tiếp');
    expect(a.message).not.toContain('timed out');
    expect(fake.lock.held).toBe(false);
  });

  it('names any other failure in Vietnamese, with the technical detail only in brackets', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    fake.ss.insertSheet = () => {
      throw new Error('Something unexpected');
    };
    call('menuGenerateTemplates');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Báo cáo CCHC: có lỗi');
    expect(a.message).toContain('Không hoàn thành được thao tác (chi tiết kỹ thuật: Something unexpected).');
    expect(fake.lock.held).toBe(false);
  });
});
