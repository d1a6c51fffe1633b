import {
  consolidate,
  provinceCoverage,
  sentLate,
  sentOnTime,
  submissionNote,
  submissionRemark,
  summaryJson,
} from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, tabFor, hoSoBlock } from '../../helpers';

/** A consistent hồ sơ block: nothing carried over, nothing pending late. */
const staff = (assigned: number, base?: number) => ({
  '4.2.1': assigned,
  '4.2.2': assigned,
  ...(base ? { '4.2.5.base': base } : {}),
});
const tasks = (planned: number) => ({ '1.1.1': planned, '1.1.2': planned });

// Deadline: 21/09/2026, a week after the 14/09 cut-off (set here; the default is 10/09).
const settings = settingsFor(
  [
    SO('Văn phòng UBND tỉnh'),
    SO('Sở Nội vụ'),
    SO('Sở Khoa học và Công nghệ'),
    SO('Sở Y tế'),
    XA('UBND xã An Phú'),
    XA('UBND xã Bình Hòa'),
    SO('Sở Tư pháp'),
  ],
  { deadline: isoDate(2026, 9, 21) },
);
const sent = (d: number) => ({ status: 'Đã gửi', sentOn: new Date(2026, 8, d) });

const tabs = [
  tabFor(settings, 'Văn phòng UBND tỉnh', {
    ...sent(18),
    values: {
      ...tasks(10),
      ...hoSoBlock(100, 100, 95),
      ...staff(28, 32),
      '1.2': 1,
      '7.8.4.a': 50,
      '7.8.4.b': 100,
      '3.1.3': 1640,
      '3.1.3.1': 1342,
      '3.1.3.3': 298,
    },
  }),
  tabFor(settings, 'Sở Nội vụ', {
    ...sent(21),
    values: {
      ...tasks(20),
      ...hoSoBlock(210, 200, 190),
      ...staff(45, 50),
      '1.2': 0,
      '7.8.4.a': 30,
      '7.8.4.b': 100,
      '4.1.1': 14,
    },
  }),
  tabFor(settings, 'Sở Khoa học và Công nghệ', {
    ...sent(25),
    values: { ...tasks(5), ...hoSoBlock(30, 30, 30), ...staff(20), '1.2': 1, '7.8.4': '90%' },
  }),
  tabFor(settings, 'Sở Y tế', {
    ...sent(20),
    values: { ...tasks(7), ...hoSoBlock(200, 200, 180), ...staff(60), '1.2': 'Có', '3.4.4': '90%', '3.1.3': 50 },
  }),
  tabFor(settings, 'UBND xã An Phú', {
    ...sent(22),
    values: { ...tasks(3), ...hoSoBlock(50, 50, 45), ...staff(21), '1.2': 0, '3.4.4': '80%' },
  }),
  tabFor(settings, 'UBND xã Bình Hòa', {
    status: 'Chưa gửi',
    values: { ...tasks(99), ...hoSoBlock(999, 999, 999), ...staff(22) },
  }),
  tabFor(settings, 'Sở Tư pháp', {
    ...sent(19),
    values: { ...tasks(1000), ...hoSoBlock(10, 10, 10), ...staff(30), '2.3': -1 },
  }),
];
const today = isoDate(2026, 9, 30);
const results = tabs.map((t) => validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: true }));
const summary = consolidate(catalog, settings, results);
const ind = (code: string) => summary.indicators.get(code)!;

describe('consolidation', () => {
  it('includes only submitted tabs without errors, and says why the others are out', () => {
    expect(summary.submission.filter((e) => !e.included).map((e) => [e.agency.name, e.excludedReason])).toEqual([
      ['UBND xã Bình Hòa', 'Chưa gửi báo cáo'],
      ['Sở Tư pháp', 'Còn 1 lỗi'],
    ]);
  });

  it('sums counts over the included agencies (10 + 20 + 5 + 7 + 3)', () => {
    expect(ind('1.1.1').value).toBe(45);
    // Coverage is out of the 7 agencies asked; the two left out are named.
    expect(ind('1.1.1').note).toBe(
      'Tổng của 5/7 đơn vị (sở, ban, ngành và UBND cấp xã); thiếu: UBND xã Bình Hòa, Sở Tư pháp',
    );
  });

  it('recomputes a rate from summed counts, not the mean of the rates', () => {
    // 3.4.1 covers provincial agencies: (95 + 190 + 30 + 180) / (100 + 200 + 30 + 200) = 495 / 530.
    expect(ind('3.4.1').value).toBeCloseTo((100 * 495) / 530, 10);
    expect(ind('3.4.1').method).toBe('ratio');
    // Asked of the 5 sở; Sở Tư pháp's tab has an error and is out.
    expect(ind('3.4.1').note).toBe(
      'Tính từ 495/530 hồ sơ của 4/5 đơn vị (sở, ban, ngành; cơ quan ngành dọc báo cáo riêng); thiếu: Sở Tư pháp',
    );
    // The mean of the four agencies' own rates (95, 95, 100, 90) would be 95%.
    expect(ind('3.4.1').value).not.toBeCloseTo(95, 1);
    // Communes have their own rate: 45/50.
    expect(ind('3.4.3').value).toBeCloseTo(90, 10);
  });

  it('leaves a percent-only agency out of a ratio and names it', () => {
    expect(ind('7.8.4').value).toBeCloseTo(40, 10); // (50 + 30) / (100 + 100)
    expect(ind('7.8.4').leftOut).toEqual(['Sở Khoa học và Công nghệ']);
    expect(ind('7.8.4').note).toContain('không tính Sở Khoa học và Công nghệ');
  });

  it('falls back to a labelled mean when no agency gave counts', () => {
    expect(ind('3.4.4').value).toBeCloseTo(85, 10);
    expect(ind('3.4.4').method).toBe('mean');
    expect(ind('3.4.4').note).toBe('Trung bình cộng tỷ lệ của 2 đơn vị (không có số liệu chi tiết để tính chính xác)');
  });

  it('derives the staff reduction since 2015 from summed bases: (82 − 73) / 82', () => {
    expect(ind('4.2.5').value).toBeCloseTo((100 * 9) / 82, 10);
    expect(ind('4.2.5').contributors).toEqual(['Văn phòng UBND tỉnh', 'Sở Nội vụ']);
  });

  it('takes owner rows from the designated agency only, listing figures typed elsewhere', () => {
    expect(ind('3.1.3').value).toBe(1640);
    expect(ind('3.1.3').note).toBe('Theo số liệu của Văn phòng UBND tỉnh; bỏ qua số liệu do Sở Y tế tự ghi');
    expect(ind('4.1.1').value).toBe(14);
  });

  it('leaves a missing owner figure blank and flags it', () => {
    expect(ind('7.1').value).toBeNull();
    expect(ind('7.1').flagged).toBe(true);
    expect(ind('7.1').note).toBe('Chưa có số liệu của Sở Khoa học và Công nghệ');
  });

  it('counts coded answers per agency: Có 3/7, Không 2/7 of the 7 asked', () => {
    expect(ind('1.2').distribution).toEqual({ Không: 2, Có: 3 });
    expect(ind('1.2').value).toBe(1);
    expect(ind('1.2').note).toBe('Có: 3/7 đơn vị; Không: 2/7 đơn vị; thiếu: UBND xã Bình Hòa, Sở Tư pháp');
  });

  it('records who reported, when, and how late, against the 21/09 deadline', () => {
    const json = summaryJson(summary) as {
      submission: { agency: string; submitted: boolean; date: string | null; daysLate: number | null }[];
    };
    expect(json.submission.map((e) => [e.agency, e.submitted, e.date, e.daysLate])).toEqual([
      ['Văn phòng UBND tỉnh', true, '2026-09-18', 0],
      ['Sở Nội vụ', true, '2026-09-21', 0],
      ['Sở Khoa học và Công nghệ', true, '2026-09-25', 4],
      ['Sở Y tế', true, '2026-09-20', 0],
      ['UBND xã An Phú', true, '2026-09-22', 1],
      ['UBND xã Bình Hòa', false, null, null],
      ['Sở Tư pháp', true, '2026-09-19', 0],
    ]);
  });

  it('writes JSON percentages as numbers from 0 to 100', () => {
    const json = summaryJson(summary) as {
      indicators: Record<string, { value: number | null; contributors: number; distribution?: object }>;
    };
    expect(json.indicators['3.4.3'].value).toBeCloseTo(90, 10);
    expect(json.indicators['1.2'].distribution).toEqual({ Không: 2, Có: 3 });
    expect(json.indicators['7.1'].value).toBeNull();
    expect(json.indicators['1.1.1'].contributors).toBe(5);
  });

  it('includes tabs with errors when the settings ask for it', () => {
    const all = consolidate(catalog, { ...settings, includeErrors: true }, results);
    expect(all.indicators.get('1.1.1')!.value).toBe(1045);
  });
});

describe("what a document's appendix says of a row: only what is particular to it", () => {
  it('says nothing of a sum every consolidated agency gave: the coverage is at the head of the appendix', () => {
    expect(ind('1.1.1').remark).toBe('');
    expect(provinceCoverage(summary)).toEqual({
      used: 5,
      of: 7,
      missing: ['UBND xã Bình Hòa', 'Sở Tư pháp'],
      verticalApart: false,
    });
  });

  it('names the owner, never the figures others typed there', () => {
    expect(ind('3.1.3').remark).toBe('Do Văn phòng UBND tỉnh cung cấp');
    expect(ind('7.1').remark).toBe('Chưa có số liệu của Sở Khoa học và Công nghệ');
  });

  it("gives a rate's counts, and the consolidated agencies that left it blank or gave only a rate", () => {
    expect(ind('3.4.1').remark).toBe('Tính từ 495/530 hồ sơ');
    expect(ind('7.8.4').remark).toBe(
      'Tính từ 80/200 hồ sơ; chưa có số liệu của Sở Y tế, UBND xã An Phú; không tính Sở Khoa học và Công nghệ (chỉ ghi tỷ lệ, không có số liệu chi tiết)',
    );
    expect(ind('3.4.4').remark).toBe(
      'Trung bình cộng tỷ lệ của 2 đơn vị (không có số liệu chi tiết để tính chính xác); chưa có số liệu của Văn phòng UBND tỉnh, Sở Nội vụ, Sở Khoa học và Công nghệ',
    );
  });

  it('counts coded answers out of the consolidated agencies', () => {
    expect(ind('1.2').remark).toBe('Có: 3/5 đơn vị; Không: 2/5 đơn vị');
  });
});

describe('a submission, in a document and in the workbook', () => {
  const entry = (name: string) => summary.submission.find((e) => e.agency.name === name)!;

  it('notes in a document only whether it came on time, never the check result', () => {
    expect(submissionRemark(entry('Sở Khoa học và Công nghệ'))).toBe('Gửi muộn 4 ngày');
    expect(submissionRemark(entry('Sở Nội vụ'))).toBe('Đúng hạn'); // on the deadline day itself
    expect(submissionRemark(entry('Sở Tư pháp'))).toBe('Đúng hạn');
    expect(submissionRemark(entry('UBND xã Bình Hòa'))).toBe('');
  });

  it('keeps the check result in the workbook', () => {
    expect(submissionNote(entry('Sở Tư pháp'))).toBe('Đúng hạn; Còn 1 lỗi, chưa tổng hợp');
    expect(submissionNote(entry('UBND xã Bình Hòa'))).toBe('Chưa gửi');
  });

  it('counts on time and late by one definition: 4 on time, 2 late, of 6 sent', () => {
    expect(summary.submission.filter(sentOnTime).map((e) => e.agency.name)).toEqual([
      'Văn phòng UBND tỉnh',
      'Sở Nội vụ',
      'Sở Y tế',
      'Sở Tư pháp',
    ]);
    expect(summary.submission.filter(sentLate).map((e) => e.agency.name)).toEqual([
      'Sở Khoa học và Công nghệ',
      'UBND xã An Phú',
    ]);
  });
});
