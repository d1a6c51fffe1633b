import { consolidateWorkbook, generateTemplates, markSubmitted, validateAll } from '../../src/core/use-cases';
import { COLORS } from '../../src/core/sheet/plan';
import { summaryJson } from '../../src/core/figures/consolidate';
import { writeFill } from '../../src/demo/sample';
import { readSettings } from '../../src/core/settings';
import { FakeRange, FakeSpreadsheet } from '../fakes/gas';
import { catalog, gasWorkbook, province, shareWithAgencies } from './setup';
import { runContext } from '../../src/core/settings/run-context';

function filled(opts: Parameters<typeof province>[0] = {}) {
  const p = province(opts);
  generateTemplates(p.wb, runContext(p.settings));
  for (const f of p.fills) writeFill(p.wb, catalog, p.settings, f);
  p.fake.calls.reset();
  return { ...p, wb: gasWorkbook(p.fake).wb }; // the next menu run starts afresh
}

/** Everything a user typed or the template wrote, except backgrounds (validation's marks). */
function contentOf(ss: FakeSpreadsheet, sheets: string[]): string {
  return JSON.stringify(
    sheets.map((n) =>
      [...ss.sheet(n).cells].map(([k, c]) => [k, c.value, c.formula, c.note, c.format, c.bold, c.validation?.criteria]),
    ),
  );
}

describe('"Kiểm tra tất cả đơn vị" through Apps Script', () => {
  it('writes a status line per agency and a linked line per finding', () => {
    const { fake, wb, settings } = filled({ mistakeShare: 1 });
    const results = validateAll(wb, runContext(settings));
    const sheet = fake.ss.sheet('Kết quả kiểm tra');
    expect(sheet.valueAt('A4')).toBe('STT');
    const names = settings.agencies.map((_, i) => sheet.valueAt(`B${5 + i}`));
    expect(names).toEqual(settings.agencies.map((a) => a.name));
    const withErrors = results.find((r) => r.errors)!;
    const row = 5 + settings.agencies.indexOf(withErrors.agency);
    expect(sheet.valueAt(`D${row}`)).toBe('Có lỗi');
    // Links are rich text, not HYPERLINK formulas, so no locale can break them.
    const agencyGid = fake.ss.sheet(withErrors.agency.sheet).id;
    expect(sheet.cell(`C${row}`).formula).toBeNull();
    expect(sheet.cell(`C${row}`).link).toBe(`#gid=${agencyGid}`);
    expect(sheet.valueAt(`C${row}`)).toBe(withErrors.agency.sheet);
    const first = results.flatMap((r) => r.findings).find((f) => f.cell && f.rule !== 'sheet-missing')!;
    const gid = fake.ss.sheet(first.sheet).id;
    const findingCell = [...sheet.cells].find(([, c]) => c.link?.endsWith(`range=${first.cell}`))![1];
    expect(findingCell.link).toBe(`#gid=${gid}&range=${first.cell}`);
    expect(findingCell.value).toBe(first.cell);
    expect([...sheet.cells].filter(([, c]) => c.formula)).toEqual([]);
  });

  it("marks the cells with findings, clears last run's marks, and changes no value, formula or note", () => {
    const { fake, wb, settings } = filled({ mistakeShare: 0 });
    const tabs = settings.agencies.map((a) => a.sheet);
    const sheet = fake.ss.sheet(tabs[1]);
    const cellOf = (code: string) =>
      `D${12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === code)!}`;
    sheet.type(cellOf('2.3'), '-4');
    const before = contentOf(fake.ss, tabs);
    validateAll(wb, runContext(settings));
    expect(sheet.cell(cellOf('2.3')).background).toBe(COLORS.error);
    expect(contentOf(fake.ss, tabs)).toBe(before);
    sheet.type(cellOf('2.3'), 4);
    validateAll(wb, runContext(settings));
    expect(sheet.cell(cellOf('2.3')).background).toBe(COLORS.input);
  });

  it('reads each agency tab at most twice', () => {
    const { fake, wb, settings } = filled();
    validateAll(wb, runContext(settings));
    expect(fake.calls.reads()).toBeLessThanOrEqual(2 * settings.agencies.length);
  });

  it('gives a finding, not an exception, for a deleted tab; the other tabs are still checked', () => {
    const { fake, wb, settings } = filled({ mistakeShare: 0 });
    fake.ss.sheets = fake.ss.sheets.filter((s) => s.name !== settings.agencies[2].sheet);
    const results = validateAll(wb, runContext(settings));
    expect(fake.ss.sheet('Kết quả kiểm tra').valueAt('D7')).toBe('Không tìm thấy trang');
    expect(results[2].status).toBe('sheet-missing');
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(0);
  });
});

describe("an agency's own staff on a protected tab", () => {
  it('can check their tab and mark it sent; marks touch only the cells they may edit', () => {
    const { fake, settings } = filled({ mistakeShare: 0, notSentShare: 1 });
    const agency = settings.agencies.find((a) => a.emails.length)!;
    shareWithAgencies(fake, settings);
    fake.ss.me = agency.emails[0];
    const wb = gasWorkbook(fake).wb;
    const sheet = fake.ss.sheet(agency.sheet);
    const row = 12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === '2.3')!;
    sheet.type(`D${row}`, -1);
    const checked = markSubmitted(wb, runContext(settings), agency);
    expect(checked.ok).toBe(false);
    expect(sheet.cell(`D${row}`).background).toBe(COLORS.error);
    sheet.type(`D${row}`, 1);
    const sent = markSubmitted(gasWorkbook(fake).wb, runContext(settings), agency);
    expect(sent.ok).toBe(true);
    expect(sheet.valueAt('C6')).toBe('Đã gửi');
    expect(sheet.cell(`D${row}`).background).toBe(COLORS.input);
  });

  it("cannot write into another agency's tab", () => {
    const { fake, settings } = filled({ mistakeShare: 0 });
    const [mine, theirs] = settings.agencies.filter((a) => a.emails.length);
    shareWithAgencies(fake, settings);
    fake.ss.me = mine.emails[0];
    const wb = gasWorkbook(fake).wb;
    expect(() => wb.writeCells(theirs.sheet, 'C6', [['Đã gửi']])).toThrow('protected cell');
  });
});

describe('"Đánh dấu đã gửi báo cáo" through Apps Script', () => {
  it('refuses a tab with errors and lists them, leaving the status as it was', () => {
    const { fake, wb, settings } = filled({ mistakeShare: 0, notSentShare: 1 });
    const agency = settings.agencies[0];
    const sheet = fake.ss.sheet(agency.sheet);
    sheet.type('D14', 'nhiều lắm');
    const out = markSubmitted(wb, runContext(settings), agency);
    expect(out.ok).toBe(false);
    expect(out.result.findings.some((f) => f.cell === 'D14' && f.severity === 'error')).toBe(true);
    expect(sheet.valueAt('C6')).toBe('Chưa gửi');
  });

  it("marks a clean tab as sent today, in the spreadsheet's time zone", () => {
    const { fake, wb, settings } = filled({ mistakeShare: 0, notSentShare: 1 });
    const agency = settings.agencies[1];
    const out = markSubmitted(wb, runContext(settings), agency);
    expect(out.ok).toBe(true);
    const sheet = fake.ss.sheet(agency.sheet);
    expect(sheet.valueAt('C6')).toBe('Đã gửi');
    expect(sheet.dateAt('C7')).toBe('2026-09-25');
  });

  it('mends a tab marked "Đã gửi" with no date (the automatic check did not run): checked, then dated', () => {
    const { fake, settings } = filled({ mistakeShare: 0, notSentShare: 1 });
    const agency = settings.agencies[2];
    const sheet = fake.ss.sheet(agency.sheet);
    // The agency chose "Đã gửi" where Apps Script is turned off: the status changed, nothing else.
    sheet.type('C6', 'Đã gửi');
    const flagged = validateAll(gasWorkbook(fake).wb, runContext(settings))[2];
    expect(flagged.findings.map((f) => [f.cell, f.severity])).toContainEqual(['C7', 'error']);
    expect(flagged.findings.find((f) => f.cell === 'C7')!.message).toContain('chưa có ngày gửi');
    const out = markSubmitted(gasWorkbook(fake).wb, runContext(settings), agency);
    expect(out.ok).toBe(true);
    expect(out.result.findings.filter((f) => f.cell === 'C7')).toEqual([]);
    expect(sheet.valueAt('C6')).toBe('Đã gửi');
    expect(sheet.dateAt('C7')).toBe('2026-09-25');
    expect(sheet.cell('C7').background).toBe(COLORS.input);
    const again = validateAll(gasWorkbook(fake).wb, runContext(settings))[2];
    expect(again.findings.filter((f) => f.cell === 'C7')).toEqual([]);
    // With a real mistake as well, it refuses for that mistake and leaves the status as the agency set it.
    sheet.type('C6', 'Đã gửi');
    sheet.type('C7', '');
    sheet.type('D14', 'nhiều lắm');
    const refused = markSubmitted(gasWorkbook(fake).wb, runContext(settings), agency);
    expect(refused.ok).toBe(false);
    expect(refused.result.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['D14']);
  });

  it.each([
    ['America/Bogota', '2026-09-24'], // 22:00 the day before
    ['Asia/Tokyo', '2026-09-25'],
  ])('in a spreadsheet set to %s, writes and reads dates in its own zone', (zone, today) => {
    const { fake, settings } = filled({ mistakeShare: 0, notSentShare: 1 });
    const before = settings.deadline;
    fake.ss.timeZone = zone; // changed after setup: the wall-clock dates in the sheet stay
    const wb = gasWorkbook(fake).wb;
    const reread = readSettings(wb.read('Thiết lập')!.values);
    expect(reread.ok && reread.settings.deadline).toBe(before);
    const agency = settings.agencies[1];
    const out = markSubmitted(wb, runContext(settings), agency);
    expect(out.ok && out.date).toBe(today);
    expect(fake.ss.sheet(agency.sheet).dateAt('C7')).toBe(today);
    const again = validateAll(gasWorkbook(fake).wb, runContext(settings));
    expect(again[1].report!.sentOn.date).toBe(today);
  });
});

describe('"Tổng hợp số liệu" through Apps Script', () => {
  it('writes the summary, the per-agency detail and the submission table, consolidator-only', () => {
    const { fake, wb, settings } = filled();
    const summary = consolidateWorkbook(wb, runContext(settings));
    for (const name of ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra']) {
      const sheet = fake.ss.sheet(name);
      expect(sheet.protections).toHaveLength(1);
      expect(sheet.protections[0].editors).toEqual([fake.ss.owner]);
    }
    const sub = fake.ss.sheet('Tình hình gửi báo cáo');
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4'].map((c) => sub.valueAt(c))).toEqual([
      'STT',
      'Đơn vị',
      'Có gửi báo cáo',
      'Không gửi báo cáo',
      'Ngày gửi',
      'Ghi chú',
    ]);
    const total = 5 + settings.agencies.length;
    expect(sub.valueAt(`B${total}`)).toBe('Tổng cộng');
    expect(sub.valueAt(`C${total}`)).toBe(summary.submission.filter((e) => e.submitted).length);
    const detail = fake.ss.sheet('Chi tiết theo đơn vị');
    expect(detail.valueAt('D3')).toBe('Toàn tỉnh');
    expect(detail.valueAt('E3')).toBe(settings.agencies[0].name);
  });

  it('gives an identical summary on a second run and leaves agency tabs byte-identical', () => {
    const { fake, wb, settings } = filled();
    const tabs = settings.agencies.map((a) => a.sheet);
    const before = JSON.stringify(tabs.map((n) => [...fake.ss.sheet(n).cells]));
    const first = JSON.stringify(summaryJson(consolidateWorkbook(wb, runContext(settings))));
    const summaryCells = JSON.stringify([...fake.ss.sheet('Tổng hợp').cells]);
    const second = JSON.stringify(summaryJson(consolidateWorkbook(wb, runContext(settings))));
    expect(second).toBe(first);
    expect(JSON.stringify([...fake.ss.sheet('Tổng hợp').cells])).toBe(summaryCells);
    expect(JSON.stringify(tabs.map((n) => [...fake.ss.sheet(n).cells]))).toBe(before);
    expect(fake.ss.sheets.filter((s) => s.name === 'Tổng hợp')).toHaveLength(1);
  });

  it('writes the outputs with a number of calls that does not depend on the number of agencies', () => {
    const writes = (communes: number) => {
      const { fake, wb, settings } = filled({ communes });
      consolidateWorkbook(wb, runContext(settings));
      const c = fake.calls.byMethod();
      const perTab = [
        'Spreadsheet.getSheetByName',
        'Sheet.getSheetId',
        'Sheet.getDataRange',
        'Range.getValues',
        'Range.getNumberFormats',
        'Range.getMergedRanges',
        'Sheet.getProtections',
        // Each agency tab's validation and live checks, put back (a paste may have replaced them).
        'Sheet.getRange',
        'Range.setDataValidations',
        'Sheet.getRangeList',
        'RangeList.getRanges',
        'Sheet.setConditionalFormatRules',
      ];
      return {
        total: fake.calls.total(),
        perTab: perTab.reduce((n, k) => n + (c[k] ?? 0), 0),
        // A new sheet is widened or cut to its columns: one call either way.
        widen: (c['Sheet.insertColumnsAfter'] ?? 0) + (c['Sheet.deleteColumns'] ?? 0),
        agencies: settings.agencies.length,
        sheets: c['Spreadsheet.insertSheet'] ?? 0,
      };
    };
    const small = writes(4);
    const large = writes(24);
    // Everything beyond the per-tab reads and rules is the same for 10 and for 30 agencies, except that
    // a new sheet is widened or cut to its columns: one call per output sheet at most.
    expect(large.total - large.perTab - large.widen).toBe(small.total - small.perTab - small.widen);
    expect(large.widen).toBeLessThanOrEqual(large.sheets);
    // At most two reads (values and formats) per agency tab.
    const reads = filled({ communes: 24 });
    consolidateWorkbook(reads.wb, runContext(reads.settings));
    expect(reads.fake.calls.reads()).toBeLessThanOrEqual(2 * reads.settings.agencies.length);
    // Per extra agency tab: find it, read values, formats and merged ranges, its id (for links), its
    // protection (7); then its validation (range, one write) and live checks (ranges, one write) (5).
    expect((large.perTab - small.perTab) / (large.agencies - small.agencies)).toBe(12);
  });

  it('leaves the previous outputs intact when a run dies half-way, and cleans up on the next run', () => {
    const { fake, wb, settings } = filled();
    consolidateWorkbook(wb, runContext(settings));
    const detailBefore = JSON.stringify([...fake.ss.sheet('Chi tiết theo đơn vị').cells]);
    const setValues = FakeRange.prototype.setValues;
    const dying = jest.spyOn(FakeRange.prototype, 'setValues').mockImplementation(function (this: FakeRange, v) {
      if (this.sheet.name === 'Chi tiết theo đơn vị (đang ghi)') throw new Error('Exceeded maximum execution time');
      return setValues.call(this, v);
    });
    expect(() => consolidateWorkbook(gasWorkbook(fake).wb, runContext(settings))).toThrow(
      'Exceeded maximum execution time',
    );
    dying.mockRestore();
    expect(JSON.stringify([...fake.ss.sheet('Chi tiết theo đơn vị').cells])).toBe(detailBefore);
    expect(fake.ss.sheets.map((s) => s.name)).toContain('Chi tiết theo đơn vị (đang ghi)');
    consolidateWorkbook(gasWorkbook(fake).wb, runContext(settings));
    expect(fake.ss.sheets.filter((s) => s.name.endsWith('(đang ghi)'))).toEqual([]);
    expect(JSON.stringify([...fake.ss.sheet('Chi tiết theo đơn vị').cells])).toBe(detailBefore);
  });

  it('never lets text from a sheet become a formula in the outputs', () => {
    const { fake, wb, settings } = filled({ mistakeShare: 0 });
    const evil = {
      ...settings,
      agencies: settings.agencies.map((a, i) => (i === 0 ? { ...a, name: '=IMPORTXML("http://x","//a")' } : a)),
    };
    const sheet = fake.ss.sheet(settings.agencies[1].sheet);
    const row = 12 + [...Array(200).keys()].find((i) => sheet.valueAt(`A${12 + i}`) === '2.1')!;
    sheet.type(`D${row}`, '+cmd|calc');
    consolidateWorkbook(wb, runContext(evil));
    for (const name of ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra']) {
      const formulas = [...fake.ss.sheet(name).cells.values()].map((c) => c.formula).filter((f): f is string => !!f);
      expect(formulas.every((f) => f.startsWith('=HYPERLINK('))).toBe(true);
    }
    const sub = fake.ss.sheet('Tình hình gửi báo cáo');
    expect(sub.valueAt('B5')).toBe('=IMPORTXML("http://x","//a")');
  });
});
