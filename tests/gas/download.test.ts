/**
 * The download dialog's server side, on the real build/Code.js: what it costs in service calls
 * and what it refuses. The dialog itself (building the .xlsx files in the browser) is run in
 * Chromium by tests/dialog/dialogs.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { generateTemplates } from '../../src/core/use-cases';
import { fromWire } from '../../src/core/agency-files/wire';
import { DownloadAnswer } from '../../src/core/agency-files/split';
import { fakeHtmlServiceWithFiles, transport } from '../fakes/html';
import { province } from './setup';
import { runContext } from '../../src/core/settings/run-context';

const BUILD = join(__dirname, '..', '..', 'build');
const CODE = readFileSync(join(BUILD, 'Code.js'), 'utf8');

function setUp(provincial: number, communes: number) {
  const p = province({ provincial, communes, notSentShare: 0, mistakeShare: 0 });
  generateTemplates(p.wb, runContext(p.settings));
  const files = { download: '<p>download</p>' };
  const globals = { ...p.fake.globals, HtmlService: fakeHtmlServiceWithFiles(p.fake.calls, files) };
  const server = vm.createContext({ ...globals, console: { log() {}, error() {}, warn() {} } });
  vm.runInContext(CODE, server, { filename: 'Code.js' });
  p.fake.calls.reset();
  const grids = () => transport((server.agencyFormGrids as () => DownloadAnswer)(), 'return value') as DownloadAnswer;
  return { ...p, server, grids };
}

describe('agencyFormGrids (the download dialog asks the script for the tabs)', () => {
  it('sends the settings sheet and every agency tab, reading each tab once and writing nothing', () => {
    const counts: Record<string, number>[] = [];
    for (const [provincial, communes] of [
      [3, 3],
      [6, 4],
    ]) {
      const { fake, settings, grids } = setUp(provincial, communes);
      const answer = grids();
      if (!answer.ok) throw new Error(answer.problem);
      const wire = fromWire(answer.grids);
      if (!wire.ok) throw new Error(wire.problem);
      expect(wire.files[0].sheets.map((s) => s.name)).toEqual(['Thiết lập', ...settings.agencies.map((a) => a.sheet)]);
      expect(fake.calls.of('Range.setValues')).toBe(0);
      counts.push(fake.calls.byMethod());
    }
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const [six, ten] = counts;
    // Four more agencies cost four times one tab's calls: find it, its data range, its values,
    // its number formats and its merged ranges (the same read as every other action's).
    const perTab = (total(ten) - total(six)) / 4;
    expect(perTab).toBe(5);
    expect(ten['Range.getValues']).toBe(11); // the settings sheet and ten tabs, once each
    // The rest is per run: the spreadsheet, the permission check, the time zone and date.
    expect(total(six) - 7 * perTab).toBeLessThanOrEqual(8);
  });

  it("gives agency staff no other agency's figures, and reads nothing for them", () => {
    const { fake, grids } = setUp(3, 3);
    fake.ss.me = 'nhaplieu@example.gov.vn';
    const answer = grids();
    expect(answer).toEqual({
      ok: false,
      problem: 'Chỉ người tổng hợp (người sửa được trang Thiết lập) mới tải được biểu mẫu của các đơn vị.',
    });
    expect(fake.calls.reads()).toBe(0);
  });

  it('opens the dialog from the menu only when the settings are readable', () => {
    const ok = setUp(3, 3);
    (ok.server.menuDownloadAgencyForms as () => void)();
    expect(ok.fake.calls.of('HtmlService.createHtmlOutputFromFile')).toBe(1);
    expect(ok.fake.ui.dialogs.pop()).toContain('download');

    const broken = setUp(3, 3);
    broken.fake.ss.deleteSheet(broken.fake.ss.getSheetByName('Thiết lập')!);
    (broken.server.menuDownloadAgencyForms as () => void)();
    expect(broken.fake.calls.of('HtmlService.createHtmlOutputFromFile')).toBe(0);
    expect(broken.fake.ui.alerts.pop()!.title).toBe('Chưa thể tải biểu mẫu');
  });
});
