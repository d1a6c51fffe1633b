/**
 * Runs the real build/Code.js in a sandbox that holds only the Apps Script fakes: no require,
 * process, module or timers, as in Apps Script's V8 runtime.
 */
import { parse } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { FakeGas, fakeGas } from './fakes/gas';

const CODE = join(__dirname, '..', 'build', 'Code.js');
const EXPECTED_MENU = [
  'Thiết lập kỳ báo cáo',
  'Tạo biểu mẫu cho các đơn vị',
  'Nhập tệp Excel của đơn vị',
  'Kiểm tra trang hiện tại',
  'Kiểm tra tất cả đơn vị',
  'Đánh dấu đã gửi báo cáo',
  'Tổng hợp số liệu',
  'Soạn dự thảo báo cáo (Google Docs)',
  'Hướng dẫn sử dụng',
];

function sandbox(fake: FakeGas = fakeGas()) {
  if (!existsSync(CODE)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first)');
  const ctx = vm.createContext({ ...fake.globals, console: { log() {}, error() {}, warn() {} } });
  vm.runInContext(readFileSync(CODE, 'utf8'), ctx, { filename: 'Code.js' });
  const call = (fn: string, ...args: unknown[]) => (ctx[fn] as (...a: unknown[]) => unknown)(...args);
  return { fake, ctx, call };
}

describe('build/Code.js', () => {
  const source = existsSync(CODE) ? readFileSync(CODE, 'utf8') : '';

  it('is an ES2020 script Apps Script can run, with no module loader', () => {
    expect(() => parse(source, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(source).not.toMatch(/\brequire\(/);
    expect(Buffer.byteLength(source)).toBeLessThan(300 * 1024);
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
    call('menuSetup');
    const setup = fake.ui.alerts.pop()!;
    expect(setup.title).toBe('Đã tạo trang Thiết lập');
    expect(setup.message).toContain('vi_VN');
    expect(fake.ss.locale).toBe('vi_VN');
    call('menuGenerateForms');
    const generated = fake.ui.alerts.pop()!;
    expect(generated.title).toBe('Đã tạo biểu mẫu');
    expect(generated.message).toMatch(/^Đã tạo mới \d+ trang/);
    call('menuValidateAll');
    expect(fake.ss.active!.name).toBe('Kết quả kiểm tra');
    expect(fake.ss.toasts.pop()).toMatch(/chưa gửi/);
    const tab = fake.ss.sheets.find((s) => s.name === 'Sở Nội vụ')!;
    fake.ss.active = tab;
    call('menuValidateCurrent');
    expect(fake.ui.alerts.pop()!.title).toMatch(/^Kiểm tra: \d+ lỗi/); // an empty form lacks required figures
    call('menuMarkSubmitted');
    expect(fake.ui.alerts.pop()!.title).toBe('Chưa thể đánh dấu đã gửi');
    expect(tab.valueAt('C6')).toBe('Chưa gửi');
    call('menuConsolidate');
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
  });

  it('tells a second consolidator to wait while the document is locked', () => {
    const { fake, call } = sandbox();
    call('menuSetup');
    fake.lock.busy = true;
    call('menuConsolidate');
    expect(fake.ui.alerts.pop()!.message).toContain('Một người khác đang chạy "Tổng hợp số liệu"');
    expect(fake.ss.sheets.map((s) => s.name)).not.toContain('Tổng hợp');
  });

  it("tells an agency's staff that consolidator actions are not theirs", () => {
    const { fake, call } = sandbox();
    call('menuSetup');
    call('menuGenerateForms');
    fake.ss.me = 'nhaplieu@example.gov.vn';
    call('menuConsolidate');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Báo cáo CCHC: không có quyền');
    expect(a.message).toContain('Kiểm tra trang hiện tại');
  });

  it('turns an unexpected failure into a Vietnamese message, not a stack trace', () => {
    const { fake, call } = sandbox();
    call('menuSetup');
    fake.ss.insertSheet = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    call('menuGenerateForms');
    const a = fake.ui.alerts.pop()!;
    expect(a.title).toBe('Báo cáo CCHC: có lỗi');
    expect(a.message).toContain('Không hoàn thành được thao tác: Service Spreadsheets timed out');
    expect(fake.lock.held).toBe(false);
  });
});
