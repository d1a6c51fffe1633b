/**
 * The consolidated workbook reads like the report: Vietnamese rule names on "Kết quả kiểm tra",
 * vertical agencies (ngành dọc) marked as reported apart on "Chi tiết theo đơn vị" and their
 * totals in a block of their own on "Tổng hợp", names never clipped.
 */
import { consolidate } from '../../../src/core/figures/consolidate';
import {
  detailSheetPlan,
  summaryRows,
  summarySheetPlan,
  validationSheetPlan,
} from '../../../src/core/figures/output-sheets';
import { isoDate } from '../../../src/core/primitives/dates';
import { validateAgency } from '../../../src/core/checks/validate';
import { previousFromSheet } from '../../../src/core/report/previous';
import { buildProvinceReport } from '../../../src/core/report/province';
import { plainText } from '../../../src/core/report/model';
import { rateFrom } from '../../../src/core/catalog/rate';
import { formatPercent } from '../../../src/core/primitives/numbers';
import { PlanCell, SheetPlan } from '../../../src/core/sheet/plan';
import { CLEAN_SO, SO, catalog, settingsFor, snapshotOf, tabFor, hoSoBlock } from '../../helpers';

const LONG_NAME = 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh';
const settings = settingsFor([
  SO(LONG_NAME),
  SO('Sở Y tế'),
  { name: 'Công an tỉnh', type: 'nganh_doc' },
  { name: 'Bảo hiểm xã hội tỉnh', type: 'nganh_doc' },
  { name: 'Cục Thuế tỉnh', type: 'nganh_doc' },
]);
const sent = { status: 'Đã gửi', sentOn: new Date(2026, 8, 18) };
const tabs = [
  tabFor(settings, LONG_NAME, { ...sent, values: CLEAN_SO }),
  // "10" typed as text: a number-as-text warning.
  tabFor(settings, 'Sở Y tế', {
    ...sent,
    values: { ...CLEAN_SO, '1.1.1': '10', '3.4.b.1': 2, '3.4.b.2': 1, '3.4.b': 3, '3.4.c': 117, '3.4.c.1': 117 },
  }),
  tabFor(settings, 'Công an tỉnh', { ...sent, values: hoSoBlock(500, 480, 470, { carried: 0, online: 100 }) }),
  tabFor(settings, 'Bảo hiểm xã hội tỉnh', { ...sent, values: hoSoBlock(300, 290, 261, { carried: 50, online: 50 }) }),
  tabFor(settings, 'Cục Thuế tỉnh', { status: 'Chưa gửi' }),
];
const results = tabs.map((t) =>
  validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
);
const summary = consolidate(catalog, settings, results);
const STAMP = '30/09/2026 08:00';

const text = (c: PlanCell | undefined): string => {
  const v = c?.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return 'link' in v ? v.link.text : '';
  return String(v);
};
const rowIndex = (plan: SheetPlan, col: number, value: string, from = 0): number =>
  plan.rows.findIndex((r, i) => i >= from && text(r[col]) === value);

describe('Kết quả kiểm tra', () => {
  const plan = validationSheetPlan(settings, results, STAMP);
  const all = plan.rows.flatMap((r) => r.map(text));

  it('names each finding’s rule in Vietnamese, never by its English id', () => {
    const header = rowIndex(plan, 5, 'Nội dung');
    expect(plan.rows[header]!.map(text)).toEqual([
      'STT',
      'Đơn vị',
      'Ô',
      'Chỉ tiêu',
      'Mức độ',
      'Nội dung',
      'Loại vấn đề',
    ]);
    const finding = plan.rows.find((r) => text(r[1]) === 'Sở Y tế' && text(r[3]) === '1.1.1')!;
    expect(text(finding[6])).toBe('Số nhập dạng chữ');
    expect(all.some((t) => t.includes('number-as-text'))).toBe(false);
  });

  it('gives the Trang column room for the longest sheet name on one line (a link is never wrapped in LibreOffice)', () => {
    const longest = Math.max(...settings.agencies.map((a) => a.sheet.length));
    // Seven pixels a character of 12 pt Times at the least.
    expect(plan.columnWidths[2]).toBeGreaterThanOrEqual(7 * longest);
  });

  it('lists the province’s own findings, linked to their row on Tổng hợp', () => {
    const summaryPlan = summarySheetPlan(summary, STAMP);
    const rows = summaryRows(summaryPlan);
    const withProvince = validationSheetPlan(settings, results, STAMP, {
      findings: [{ code: '3.4.1', message: 'Số hồ sơ giải quyết đúng hạn lớn hơn số hồ sơ đã giải quyết.' }],
      rows,
    });
    const title = withProvince.rows.findIndex((r) => text(r[0]).startsWith('SỐ LIỆU TOÀN TỈNH CẦN XEM LẠI'));
    expect(text(withProvince.rows[title]![0])).toContain('1 VẤN ĐỀ');
    const line = withProvince.rows[title + 2]!;
    expect(line.map(text)).toEqual([
      '1',
      'Toàn tỉnh (trang Tổng hợp)',
      `D${rows.get('3.4.1')}`,
      '3.4.1',
      'Cảnh báo',
      'Số hồ sơ giải quyết đúng hạn lớn hơn số hồ sơ đã giải quyết.',
      'Số liệu tổng hợp không nhất quán',
    ]);
    expect(line[2]!.v).toEqual({
      link: { text: `D${rows.get('3.4.1')}`, sheet: 'Tổng hợp', a1: `D${rows.get('3.4.1')}` },
    });
    // The row the link points at is 3.4.1's on Tổng hợp.
    expect(text(summaryPlan.rows[rows.get('3.4.1')! - 1]![0])).toBe('3.4.1');
    // Without findings of the province the section is not there.
    expect(plan.rows.some((r) => text(r[0]).startsWith('SỐ LIỆU TOÀN TỈNH'))).toBe(false);
  });
});

describe('Chi tiết theo đơn vị', () => {
  const plan = detailSheetPlan(summary);
  const header = rowIndex(plan, 0, 'Mã');
  const column = (name: string) => plan.rows[header]!.findIndex((c) => text(c) === name);

  it('marks the vertical agencies as reported apart, not as consolidated', () => {
    const status = plan.rows[header + 1]!;
    expect(text(status[1])).toBe('Tình trạng');
    expect(text(status[column('Công an tỉnh')])).toBe('Báo cáo riêng (ngành dọc)');
    expect(text(status[column('Bảo hiểm xã hội tỉnh')])).toBe('Báo cáo riêng (ngành dọc)');
    expect(text(status[column('Cục Thuế tỉnh')])).toBe('Không tổng hợp: Chưa gửi báo cáo');
    expect(text(status[column('Sở Y tế')])).toBe('Được tổng hợp');
    expect(text(plan.rows[1]![0])).toBe(
      'Mỗi cột là số liệu một đơn vị đã nhập; cột "Toàn tỉnh" không gồm cơ quan ngành dọc.',
    );
  });

  it('sizes every agency’s column for the longest name, which wraps (it is no link) and is never cut', () => {
    const name = plan.rows[header]![column(LONG_NAME)]!;
    expect(name.v).toBe(LONG_NAME);
    expect(name.s?.wrap).toBe(true);
    // 57 characters in at most three lines of bold 12 pt text (7 px a character or more): 19 a line.
    const widths = plan.columnWidths.slice(4);
    expect(widths[0]).toBeGreaterThanOrEqual(19 * 7);
    // One width for all (one call in Google Sheets, however many agencies).
    expect(new Set(widths).size).toBe(1);
    // The link to each tab has its own row; a tab that is not there has none.
    const links = plan.rows[header + 2]!;
    expect(text(links[1])).toBe('Trang của đơn vị');
    expect(links[column('Sở Y tế')]!.v).toEqual({ link: { text: 'Mở trang', sheet: 'Sở Y tế' } });
  });
});

describe('Tổng hợp', () => {
  const plan = summarySheetPlan(summary, STAMP);
  const title = rowIndex(plan, 1, 'Cơ quan ngành dọc (không tính vào số liệu chung của tỉnh)');
  const block = plan.rows.slice(title + 3).filter((r) => text(r[0]) !== '');
  const row = (code: string) => block.find((r) => text(r[0]) === code);

  it('gives the vertical agencies’ hồ sơ a block of their own, summed over them alone', () => {
    expect(title).toBeGreaterThan(0);
    expect(text(plan.rows[title + 1]![1])).toBe(
      'Số liệu của 2/3 cơ quan: Công an tỉnh, Bảo hiểm xã hội tỉnh, Cục Thuế tỉnh; chưa có số liệu của Cục Thuế tỉnh.',
    );
    expect(plan.rows[title + 2]!.map(text)).toEqual(['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu', 'Ghi chú']);
    // Công an 500 + BHXH 300 received; 480 + 290 resolved, 470 + 261 on time; 20 + 10 pending.
    expect(row('3.4.a')![3]!.v).toBe(800);
    expect(row('3.4.a.1')![3]!.v).toBe(50);
    expect(row('3.4.b')![3]!.v).toBe(770);
    expect(row('3.4.b.1')![3]!.v).toBe(731);
    expect(row('3.4.b.2')![3]!.v).toBe(39);
    expect(row('3.4.c')![3]!.v).toBe(30);
    // The on-time rate, named for them: 731 / 770 = 94,935…%, a fraction under a % format.
    expect(text(row('3.4.1')![1])).toBe('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    expect(row('3.4.1')![3]!.v as number).toBeCloseTo(731 / 770, 12);
    expect(text(row('3.4.1')![4])).toBe(
      'Tính từ 731/770 hồ sơ của 2/3 đơn vị (cơ quan ngành dọc); thiếu: Cục Thuế tỉnh',
    );
    // The commune rate is nobody's here.
    expect(row('3.4.3')).toBeUndefined();
  });

  it('keeps the province’s own table without them, and a later period reads only that table', () => {
    const provinceRow = plan.rows.find((r) => text(r[0]) === '3.4.1')!;
    // Two sở: 100 + 2 on time of 110 + 3 resolved.
    expect(provinceRow[3]!.v as number).toBeCloseTo(102 / 113, 12);
    const read = previousFromSheet(catalog, snapshotOf(plan), 'trang "Kỳ trước"');
    if (!read.ok) throw new Error(read.problem);
    expect(read.previous.values.get('3.4.1')).toBeCloseTo((100 * 102) / 113, 9);
  });
});

describe('one rate definition', () => {
  it('ranks the agencies’ on-time rates with the catalog’s rate', () => {
    const model = buildProvinceReport({ catalog, summary, today: isoDate(2026, 9, 30), stamp: STAMP });
    const all = model.blocks.map((b) => plainText(b)).join('\n');
    // Sở Y tế: 2 of 3 on time = 66,67%.
    const catalogs = formatPercent(rateFrom(catalog.formula('3.4.1')!, 2, 3)!);
    expect(catalogs).toBe('66,67%');
    expect(all).toContain(`Sở Y tế (${catalogs})`);
  });
});
