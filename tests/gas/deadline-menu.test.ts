/**
 * A consolidator who moves the deadline on Thiết lập, through the real build/Code.js: the menu's
 * "Tạo biểu mẫu cho các đơn vị" says which tabs it updated, and they show the new deadline; the same
 * for the support contact ("Liên hệ hỗ trợ"), which the help sidebar shows too.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import { fakeGas } from '../fakes/gas';
import { CODE_JS } from '../paths';

const CODE = CODE_JS;

function sandbox() {
  if (!existsSync(CODE)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first)');
  const fake = fakeGas();
  const ctx = vm.createContext({ ...fake.globals, console: { log() {}, error() {}, warn() {} } });
  vm.runInContext(readFileSync(CODE, 'utf8'), ctx, { filename: 'Code.js' });
  return { fake, call: (fn: string) => (ctx[fn] as () => unknown)() };
}

describe('"Tạo biểu mẫu cho các đơn vị" after the deadline moved', () => {
  it('writes the new deadline on every agency tab and says so', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    const setup = fake.ss.sheet('Thiết lập');
    const row = 1 + [...Array(40).keys()].find((i) => setup.valueAt(`A${i + 1}`) === 'Hạn gửi báo cáo')!;
    const old = setup.dateAt(`B${row}`)!; // "yyyy-mm-dd"
    const tab = fake.ss.sheet('Sở Nội vụ');
    expect(tab.dateAt('C5')).toBe(old);

    // The consolidator types a deadline two days later (by hand: no date arithmetic of the code under test).
    const [y, m, d] = old.split('-').map(Number);
    const later = new Date(Date.UTC(y, m - 1, d + 2));
    const typed = `${String(later.getUTCDate()).padStart(2, '0')}/${String(later.getUTCMonth() + 1).padStart(2, '0')}/${later.getUTCFullYear()}`;
    setup.type(`B${row}`, typed);
    call('menuGenerateTemplates');
    const alert = fake.ui.alerts.pop()!;
    expect(alert.message).toContain(`hạn gửi báo cáo ${typed}`);
    expect(alert.message).toContain('Sở Nội vụ');
    expect(tab.dateAt('C5')).toBe(later.toISOString().slice(0, 10));
  });

  it('shows the support contact the consolidator types on Thiết lập on every agency tab and in the help, and its change', () => {
    const { fake, call } = sandbox();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    const setup = fake.ss.sheet('Thiết lập');
    const row = 1 + [...Array(40).keys()].find((i) => setup.valueAt(`A${i + 1}`) === 'Liên hệ hỗ trợ')!;
    const hint = (tab: string) => fake.ss.sheet(tab).valueAt('B10');
    expect(hint('Sở Nội vụ')).not.toContain('liên hệ');

    setup.type(`B${row}`, 'Chị Lan, Phòng CCHC Sở Nội vụ, 0270 3822 111, cchc@vinhlong.gov.vn');
    fake.calls.reset();
    call('menuGenerateTemplates');
    expect(fake.ui.alerts.pop()!.message).toContain('liên hệ hỗ trợ');
    for (const tab of ['Sở Nội vụ', 'Sở Tài chính'])
      expect(hint(tab)).toContain(
        'Cần hỗ trợ, liên hệ: Chị Lan, Phòng CCHC Sở Nội vụ, 0270 3822 111, cchc@vinhlong.gov.vn.',
      );
    // One write to the hint line per tab, and nothing else rewritten: the figures' rows are untouched.
    const tabs = fake.ss.sheets.filter((s) => s.name !== 'Thiết lập').length;
    expect(fake.calls.of('Range.setValues')).toBe(tabs);
    expect(fake.calls.of('Range.getValues')).toBe(tabs + 1); // each tab once, and Thiết lập

    call('menuHelp');
    expect(fake.ui.dialogs.pop()).toContain(
      '<b>Liên hệ hỗ trợ:</b> Chị Lan, Phòng CCHC Sở Nội vụ, 0270 3822 111, cchc@vinhlong.gov.vn',
    );

    setup.type(`B${row}`, '');
    call('menuGenerateTemplates');
    call('menuHelp');
    expect(fake.ui.dialogs.pop()).not.toContain('Liên hệ hỗ trợ');
    expect(hint('Sở Nội vụ')).not.toContain('Cần hỗ trợ');
  });
});
