/**
 * The draft use case through the Apps Script adapter: an agency's own report (its cost does not
 * grow with the province), the previous period's "Tổng hợp" copied in as "Kỳ trước", and who may
 * draft which agency's report from the menu.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { generateTemplates, draftReport } from '../../src/core/use-cases';
import { periodOf } from '../../src/core/periods';
import { detailSheetPlan, summarySheetPlan } from '../../src/core/figures/output-sheets';
import { Summary, summaryJson } from '../../src/core/figures/consolidate';
import { previousFromJson } from '../../src/core/report/previous';
import { comparedCodes } from '../../src/core/report/comparison';
import { plainText } from '../../src/core/report/model';

import { AgencyFill, writeFill } from '../../src/demo/sample';
import { Settings } from '../../src/core/settings';
import { DocsWriter } from '../../src/gas/docs';
import { Calls, FakeDocument, fakeDocumentApp, fakeGas } from '../fakes/gas';
import { catalog, gasWorkbook, province } from './setup';
import { runContext } from '../../src/core/settings/run-context';

function filled(communes: number, only?: AgencyFill) {
  const { fake, wb, settings, fills } = province({ communes, mistakeShare: 0 });
  generateTemplates(wb, runContext(settings));
  for (const f of only ? [only] : fills) writeFill(wb, catalog, settings, f);
  fake.calls.reset();
  return { fake, settings, fills };
}

function draftAndWrite(fake: ReturnType<typeof fakeGas>, settings: Settings, agencyIndex?: number) {
  const docCalls = new Calls();
  const docs: FakeDocument[] = [];
  const draft = draftReport(gasWorkbook(fake).wb, runContext(settings), {
    agency: agencyIndex === undefined ? undefined : settings.agencies[agencyIndex],
  });
  if (!draft.ok) return { draft, docs, calls: fake.calls.total() };
  new DocsWriter(fakeDocumentApp(docCalls, docs) as never).write(draft.model);
  return { draft, docs, calls: fake.calls.total() + docCalls.total() };
}

describe("an agency's own report through the Apps Script adapter", () => {
  it('costs the same service calls in a province of 10 agencies as in one of 46', () => {
    const small = filled(4);
    // The same figures on the first agency's tab in both provinces: only the number of agencies differs.
    const large = filled(40, small.fills[0]);
    const a = draftAndWrite(small.fake, small.settings, 0);
    const b = draftAndWrite(large.fake, large.settings, 0);
    expect(a.draft.ok && b.draft.ok).toBe(true);
    expect(b.calls).toBe(a.calls);
    const text = b.docs[0].body.map((n) => n.text).join('\n');
    expect(text).toContain('KT. CHÁNH VĂN PHÒNG'); // the sample's first agency is Văn phòng UBND tỉnh
    expect(text).toContain(
      'THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI VĂN PHÒNG UBND TỈNH',
    );
  });
});

describe('the previous period copied in as "Kỳ trước"', () => {
  /** Last year's "Tổng hợp" of the same province (same figures: nothing changed), copied and renamed. */
  function copyLastYear(fake: ReturnType<typeof fakeGas>, settings: Settings, issuer = settings.issuingBody) {
    const now = draftReport(gasWorkbook(fake).wb, runContext(settings));
    if (!now.ok || now.kind !== 'province') throw new Error('no summary');
    const last: Settings = {
      ...settings,
      issuingBody: issuer,
      period: periodOf(settings.period.id, settings.period.year - 1),
    };
    const plan = summarySheetPlan({ ...now.summary, settings: last }, '05/10/2025 08:00');
    gasWorkbook(fake).wb.create({ ...plan, name: 'Kỳ trước' });
    fake.calls.reset();
  }

  it('adds the comparison and the column to the Google Doc', () => {
    const { fake, settings } = filled(4);
    copyLastYear(fake, settings);
    const { draft, docs } = draftAndWrite(fake, settings);
    expect(draft.ok).toBe(true);
    const text = docs[0].body.map((n) => n.text).join('\n');
    expect(text).toContain(
      `So với cùng kỳ năm ${settings.period.year - 1}, tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành không thay đổi`,
    );
    const table = docs[0].body.find((n) => n.cells?.[0]?.[1] === 'Chỉ tiêu thống kê')!;
    expect(table.cells![0]).toEqual(['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu', 'Kỳ trước', 'Ghi chú']);
  });

  it('with a copy of "Chi tiết theo đơn vị" too, compares like with like, in the same words as the CLI', () => {
    const { fake, settings } = filled(4);
    const now = draftReport(gasWorkbook(fake).wb, runContext(settings));
    if (!now.ok || now.kind !== 'province') throw new Error('no summary');
    // Last year: the same figures, but the first commune's report was not consolidated.
    const commune = settings.agencies.find((a) => a.type === 'xa')!.name;
    const last: Summary = {
      ...now.summary,
      settings: { ...settings, period: periodOf(settings.period.id, settings.period.year - 1) },
      submission: now.summary.submission.map((e) =>
        e.agency.name === commune ? { ...e, included: false, excludedReason: 'Chưa gửi báo cáo' } : e,
      ),
    };
    const wb = gasWorkbook(fake).wb;
    wb.create({ ...summarySheetPlan(last, '05/10/2025 08:00'), name: 'Kỳ trước' });
    wb.create({ ...detailSheetPlan(last), name: 'Kỳ trước - Chi tiết' });
    const inBook = draftAndWrite(fake, settings);
    expect(inBook.draft.ok).toBe(true);
    const docText = inBook.docs[0].body.map((n) => n.text).join('\n');
    // The CLI's path: `report --previous` with the JSON of `consolidate --json` of the same summary.
    const json = JSON.stringify(summaryJson(last, comparedCodes(catalog)));
    const viaJson = draftReport(wb, runContext(settings), {
      previous: previousFromJson(catalog, json, 'tệp "ky-truoc.json"'),
    });
    if (!viaJson.ok) throw new Error(viaJson.problem);
    const said = (text: string) => text.split('\n').filter((l) => l.startsWith('So với cùng kỳ năm'));
    const lines = said(docText);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(said(viaJson.model.blocks.map(plainText).join('\n')));
    const both = now.summary.submission.filter((e) => e.included && e.agency.type !== 'nganh_doc').length - 1;
    expect(lines[0]).toMatch(
      new RegExp(
        `^So với cùng kỳ năm ${settings.period.year - 1}, trên cùng ${both} cơ quan, đơn vị có số liệu ở cả hai kỳ, số hồ sơ tiếp nhận không thay đổi \\([\\d.]+ hồ sơ\\)`,
      ),
    );
  });

  it("refuses another province's copy, saying whose it is", () => {
    const { fake, settings } = filled(4);
    copyLastYear(fake, settings, 'Ủy ban nhân dân tỉnh Trà Vinh');
    const { draft, docs } = draftAndWrite(fake, settings);
    expect(draft.ok).toBe(false);
    expect(!draft.ok && draft.problem).toContain('(trang "Kỳ trước") là của "Ủy ban nhân dân tỉnh Trà Vinh"');
    expect(docs).toHaveLength(0);
  });
});

describe('the menu item "Soạn báo cáo của đơn vị (Google Docs)"', () => {
  const CODE = join(__dirname, '..', '..', 'build', 'Code.js');

  function sandbox() {
    if (!existsSync(CODE)) throw new Error('build/Code.js is missing: run `npm run build` (npm test does it first)');
    const fake = fakeGas();
    const ctx = vm.createContext({ ...fake.globals, console: { log() {}, error() {}, warn() {} } });
    vm.runInContext(readFileSync(CODE, 'utf8'), ctx, { filename: 'Code.js' });
    const call = (fn: string) => (ctx[fn] as () => unknown)();
    call('menuSetupSettings');
    call('menuGenerateTemplates');
    fake.ui.alerts.length = 0;
    return { fake, call };
  }

  it("lets an agency's staff draft their own tab's report, and no other's", () => {
    const { fake, call } = sandbox();
    const own = fake.ss.sheets.find((s) => s.name === 'Sở Nội vụ')!;
    // Generating the forms with the staff's email in the settings makes them an editor of the input area.
    own.protections.find((p) => p.range)!.editors.push('nhaplieu@example.gov.vn');
    fake.ss.share('nhaplieu@example.gov.vn');
    fake.ss.me = 'nhaplieu@example.gov.vn';
    fake.ss.active = own;
    call('menuDraftAgencyReport');
    expect(fake.docs).toHaveLength(1);
    expect(fake.docs[0].name).toMatch(/^Dự thảo Báo cáo CCHC .* - Sở Nội vụ - /);
    expect(fake.ui.dialogs.pop()).toContain('Mở dự thảo báo cáo');

    fake.ss.active = fake.ss.sheets.find((s) => s.name === 'Sở Tài chính')!;
    call('menuDraftAgencyReport');
    expect(fake.docs).toHaveLength(1);
    const refused = fake.ui.alerts.pop()!;
    expect(refused.title).toBe('Báo cáo CCHC: không có quyền');
    expect(refused.message).toContain('chỉ soạn được báo cáo từ trang của đơn vị mình');
  });

  it('lets the consolidator draft any agency, and asks for an agency tab elsewhere', () => {
    const { fake, call } = sandbox();
    fake.ss.active = fake.ss.sheets.find((s) => s.name === 'Sở Tài chính')!;
    call('menuDraftAgencyReport');
    expect(fake.docs[0].name).toMatch(/ - Sở Tài chính - /);
    fake.ss.active = fake.ss.sheets.find((s) => s.name === 'Thiết lập')!;
    call('menuDraftAgencyReport');
    expect(fake.docs).toHaveLength(1);
    expect(fake.ui.alerts.pop()!.message).toContain('không phải trang của đơn vị nào');
  });
});
