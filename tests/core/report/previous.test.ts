/** Comparing with a previous summary: reading it (JSON or a "Tổng hợp" sheet), refusing the wrong one, the sentences and the column. */
import { consolidate, summaryJson } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { detailSheetPlan, summarySheetPlan } from '../../../src/core/figures/output-sheets';
import { buildProvinceReport } from '../../../src/core/report/province';
import { Block, ReportModel, plainText } from '../../../src/core/report/model';
import {
  PreviousSummary,
  checkPrevious,
  previousFromJson,
  previousFromSheet,
  withDetail,
} from '../../../src/core/report/previous';
import { comparedCodes } from '../../../src/core/report/comparison';
import { Settings } from '../../../src/core/settings';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, snapshotOf, tabFor, hoSoBlock } from '../../helpers';
import { periodOf } from '../../../src/core/periods';

const today = isoDate(2026, 10, 5);
const textOf = (m: ReportModel) => m.blocks.map((b: Block) => plainText(b)).join('\n');

/** A province's summary for a period, from one department's figures. */
function summaryOf(settings: Settings, values: Record<string, number>) {
  const tab = tabFor(settings, 'Sở Nội vụ', { status: 'Đã gửi', sentOn: new Date(2026, 0, 2), values });
  const results = [
    validateAgency(catalog, settings, tab.agency, tab.report(), { today, isProtected: true }),
    validateAgency(catalog, settings, settings.agencies[1], null, { today, isProtected: null }),
  ];
  return consolidate(catalog, settings, results);
}

const agencies = [SO('Sở Nội vụ'), XA('UBND xã An Phú')];
const q3 = settingsFor(agencies, { issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh', includeErrors: true });
const q3LastYear: Settings = {
  ...q3,
  period: periodOf('Q3', 2025, { from: isoDate(2025, 6, 15), to: isoDate(2025, 9, 14) }),
};
const now = summaryOf(q3, {
  '3.4.a': 17445,
  '3.4.a.1': 618,
  '3.4.a.2': 16827,
  '3.4.b': 16331,
  '3.4.b.1': 16300,
  '3.4.b.2': 31,
  '3.4.c': 1114,
  '3.4.c.1': 1100,
  '3.4.c.2': 14,
});
const before = summaryOf(q3LastYear, {
  '3.4.a': 16000,
  '3.4.a.1': 500,
  '3.4.a.2': 15500,
  '3.4.b': 16500,
  '3.4.b.1': 16170,
  '3.4.b.2': 330,
  '3.4.c': 0,
  '3.4.c.1': 0,
  '3.4.c.2': 0,
});

function fromJson(summary: typeof before, edit: (j: Record<string, unknown>) => void = () => {}) {
  const json = JSON.parse(JSON.stringify(summaryJson(summary))) as Record<string, unknown>;
  edit(json);
  return previousFromJson(catalog, JSON.stringify(json), 'tệp "ky-truoc.json"');
}

function previous(read: ReturnType<typeof fromJson>): PreviousSummary {
  if (!read.ok) throw new Error(read.problem);
  return read.previous;
}

describe('a previous summary', () => {
  it('is read from the JSON of consolidate --json', () => {
    const p = previous(fromJson(before));
    expect(p).toMatchObject({ issuer: 'Ủy ban nhân dân tỉnh Trà Vinh', period: 'Q3', year: 2025, to: '2025-09-14' });
    expect(p.values.get('3.4.a')).toBe(16000);
    expect(p.values.get('3.4.1')).toBeCloseTo(98, 6);
    expect(checkPrevious(p, q3)).toBeNull();
  });

  it('is read back from a "Tổng hợp" sheet with the same figures as its JSON', () => {
    const read = previousFromSheet(
      catalog,
      snapshotOf(summarySheetPlan(before, '05/10/2025 08:00')),
      'trang "Kỳ trước"',
    );
    const p = previous(read);
    const j = previous(fromJson(before));
    expect(p).toMatchObject({ issuer: j.issuer, period: 'Q3', year: 2025, from: j.from, to: j.to });
    expect(p.values.get('3.4.1')).toBeCloseTo(j.values.get('3.4.1')!, 9);
    for (const code of ['1.1.1', '7.8.4']) expect(p.values.get(code)).toBe(j.values.get(code));
    // The sheet shows the official form only: supporting rows such as the hồ sơ counts are not on it.
    expect(p.values.has('3.4.a')).toBe(false);
    const text = textOf(buildProvinceReport({ catalog, summary: now, today, stamp: 'x', previous: p }));
    expect(text).toContain(
      'So với cùng kỳ năm 2025, tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành tăng 1,81 điểm phần trăm (từ 98% lên 99,81%; kỳ này 1/2 đơn vị, kỳ trước 1/2 đơn vị).',
    );
  });

  it('is checked like any input: a negative count, a rate over 100 and 1e308 are named, not compared', () => {
    const read = fromJson(before, (j) => {
      const ind = j.indicators as Record<string, { value: number }>;
      ind['3.4.a'].value = -5;
      ind['3.4.1'].value = 250;
      ind['3.4.b'].value = 1e308;
    });
    expect(read.ok).toBe(false);
    const problem = !read.ok ? read.problem : '';
    expect(problem).toMatch(/^tệp "ky-truoc.json" có số liệu không dùng được để so sánh/);
    expect(problem).toContain('chỉ tiêu 3.4.a: -5 là số âm');
    expect(problem).toContain('chỉ tiêu 3.4.1: tỷ lệ 250% vượt 100%');
    expect(problem).toContain('chỉ tiêu 3.4.b: 1.00e+308 quá lớn');
    expect(problem).not.toMatch(/Infinity|NaN/);
    // JSON's 1e999 is Infinity once parsed: refused the same way.
    const inf = previousFromJson(
      catalog,
      JSON.stringify(summaryJson(before)).replace('"value":16000', '"value":1e999'),
      'tệp "ky-truoc.json"',
    );
    expect(!inf.ok && inf.problem).toContain('chỉ tiêu 3.4.a: vô hạn quá lớn');
  });

  it('rejects what is not a summary, in Vietnamese, naming the file', () => {
    const garbage = previousFromJson(catalog, '{"period": {"id": "Q9"}}', 'tệp "x.json"');
    expect(garbage.ok).toBe(false);
    expect(!garbage.ok && garbage.problem).toMatch(
      /^tệp "x.json" không phải số liệu tổng hợp do lệnh "consolidate --json" tạo ra \(mục period\.id\)/,
    );
    const notJson = previousFromJson(catalog, 'Tổng hợp', 'tệp "x.json"');
    expect(!notJson.ok && notJson.problem).toContain('không phải tệp JSON hợp lệ');
    const sheet = previousFromSheet(
      catalog,
      { name: 'Kỳ trước', values: [['a', 'b']], formats: [], isProtected: null },
      'trang "Kỳ trước"',
    );
    expect(!sheet.ok && sheet.problem).toContain('không phải trang "Tổng hợp" của tiện ích');
  });

  it("refuses another province's summary", () => {
    const other = previous(
      fromJson(before, (j) => ((j.issuer as { body: string }).body = 'Ủy ban nhân dân tỉnh Vĩnh Long')),
    );
    expect(checkPrevious(other, q3)).toBe(
      'Số liệu kỳ trước (tệp "ky-truoc.json") là của "Ủy ban nhân dân tỉnh Vĩnh Long", không phải của "Ủy ban nhân dân tỉnh Trà Vinh". Cần số liệu tổng hợp của quý II năm 2026 (kỳ trước) hoặc quý III năm 2025 (cùng kỳ năm trước) của chính cơ quan này.',
    );
    // "UBND" and "Ủy ban nhân dân" name the same body.
    const abbreviated = previous(fromJson(before, (j) => ((j.issuer as { body: string }).body = 'UBND tỉnh Trà Vinh')));
    expect(checkPrevious(abbreviated, q3)).toBeNull();
    // A file from before the issuer was recorded is judged by its agencies.
    const unnamed = previous(
      fromJson(before, (j) => {
        delete j.issuer;
        (j.submission as { agency: string }[]).forEach((s, i) => (s.agency = `Sở khác ${i}`));
      }),
    );
    expect(checkPrevious(unnamed, q3)).toContain('không có đơn vị nào trùng với danh sách đơn vị trên trang Thiết lập');
  });

  it('refuses a period of another length: 6 months are not compared with a quarter', () => {
    const h1: Settings = {
      ...q3,
      period: periodOf('H1', 2026, { from: isoDate(2025, 12, 15), to: isoDate(2026, 6, 14) }),
    };
    const p = previous(fromJson(summaryOf(q3LastYear, { '3.4.a': 1 })));
    expect(checkPrevious(p, h1)).toBe(
      'Số liệu kỳ trước (tệp "ky-truoc.json") là của quý III năm 2025, không so sánh được với 6 tháng đầu năm 2026: hai kỳ dài ngắn khác nhau. Cần số liệu của 6 tháng đầu năm 2025 (cùng kỳ năm trước).',
    );
  });

  it('refuses the same period and a later one', () => {
    expect(checkPrevious(previous(fromJson(now)), q3)).toContain('là của chính kỳ này (quý III năm 2026)');
    const q4: Settings = {
      ...q3,
      period: periodOf('Q4', 2026, { from: isoDate(2026, 9, 15), to: isoDate(2026, 12, 14) }),
    };
    const later = previous(fromJson(summaryOf(q4, { '3.4.a': 1 }), (j) => j));
    expect(checkPrevious(later, q3)).toBe(
      'Số liệu kỳ trước (tệp "ky-truoc.json") là của quý IV năm 2026, không phải kỳ liền trước hay cùng kỳ năm trước của quý III năm 2026. Cần số liệu tổng hợp của quý II năm 2026 (kỳ trước) hoặc quý III năm 2025 (cùng kỳ năm trước) của chính cơ quan này.',
    );
  });
});

describe('the report with a previous summary', () => {
  const withPrevious = buildProvinceReport({
    catalog,
    summary: now,
    today,
    stamp: 'x',
    previous: previous(fromJson(before)),
  });
  const without = buildProvinceReport({ catalog, summary: now, today, stamp: 'x' });
  const lastTable = (m: ReportModel) => {
    const t = m.blocks[m.blocks.length - 1];
    if (t.kind !== 'table') throw new Error('no table');
    return t;
  };

  it('says how the headline figures moved, with vi-VN figures', () => {
    const text = textOf(withPrevious);
    expect(text).toContain(
      'So với cùng kỳ năm 2025, số hồ sơ tiếp nhận tăng 1.445 hồ sơ (9,03%; kỳ này 1/2 đơn vị, kỳ trước 1/2 đơn vị); số hồ sơ đã giải quyết giảm 169 hồ sơ (1,02%; kỳ này 1/2 đơn vị, kỳ trước 1/2 đơn vị); tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành tăng 1,81 điểm phần trăm (từ 98% lên 99,81%; kỳ này 1/2 đơn vị, kỳ trước 1/2 đơn vị).',
    );
    expect(text).not.toMatch(/NaN|undefined|null|\[chưa có số liệu: 3\.4\.a\]/);
  });

  it('states the change of a rate as the difference of the two rates printed', () => {
    // Last year 97,4951% prints 97,50% and this year 99,8102% prints 99,81%: a reader subtracts 2,31.
    const lastYear = previous(
      fromJson(before, (j) => {
        (j.indicators as Record<string, { value: number | null }>)['3.4.1']!.value = 97.4951;
      }),
    );
    const text = textOf(buildProvinceReport({ catalog, summary: now, today, stamp: 'x', previous: lastYear }));
    expect(text).toContain('tăng 2,31 điểm phần trăm (từ 97,50% lên 99,81%;');
  });

  it('adds a "Kỳ trước" column to Phụ lục II, next to this period', () => {
    const t = lastTable(withPrevious);
    expect(t.rows[0].map((c) => plainText(c[0]))).toEqual([
      'STT',
      'Chỉ tiêu thống kê',
      'Đơn vị tính',
      'Số liệu',
      'Kỳ trước',
      'Ghi chú',
    ]);
    const row = t.rows.find((r) => plainText(r[0][0]) === '3.4.1.')!.map((c) => plainText(c[0]));
    expect(row.slice(3, 5)).toEqual(['99,81%', '98%']);
    expect(textOf(withPrevious)).toContain(
      '(Cột “Kỳ trước”: số liệu cùng kỳ năm 2025, tổng hợp từ 1/2 cơ quan, đơn vị)',
    );
  });

  it('names the period when it is not the same period last year', () => {
    const q2: Settings = {
      ...q3,
      period: periodOf('Q2', 2026, { from: isoDate(2026, 3, 15), to: isoDate(2026, 6, 14) }),
    };
    const p = previous(fromJson(summaryOf(q2, { '3.4.a': 17000 })));
    const text = textOf(buildProvinceReport({ catalog, summary: now, today, stamp: 'x', previous: p }));
    expect(text).toContain(
      'So với quý II năm 2026, số hồ sơ tiếp nhận tăng 445 hồ sơ (2,62%; kỳ này 1/2 đơn vị, kỳ trước 1/2 đơn vị).',
    );
  });

  it('has neither comparison nor column, nor any trace of them, without one', () => {
    const text = textOf(without);
    expect(text).not.toMatch(/So với|Kỳ trước|cùng kỳ/);
    expect(lastTable(without).rows[0]).toHaveLength(5);
  });
});

/** One agency's hồ sơ block, consistent: received = carried + new = resolved + pending. */

describe('comparing like with like when the agencies reporting changed', () => {
  const five = [SO('Sở Nội vụ'), SO('Sở Tư pháp'), SO('Sở Y tế'), XA('UBND xã An Phú'), XA('UBND xã Long Hòa')];
  const thisYear = settingsFor(five, { issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh', includeErrors: true });
  const lastYear: Settings = { ...thisYear, period: periodOf('Q3', 2025) };
  /** A summary where only the agencies given figures sent their report. */
  function province(settings: Settings, sent: Record<string, Record<string, number>>) {
    const results = settings.agencies.map((a) => {
      const values = sent[a.name];
      if (!values) return validateAgency(catalog, settings, a, null, { today, isProtected: null });
      const tab = tabFor(settings, a.name, { status: 'Đã gửi', sentOn: new Date(2025, 8, 20), values });
      return validateAgency(catalog, settings, tab.agency, tab.report(), { today, isProtected: true });
    });
    return consolidate(catalog, settings, results);
  }
  // Last year 4 of 5 reported, among them Sở Tư pháp and Sở Y tế with most of the hồ sơ; this year
  // 3 of 5, only Sở Nội vụ and xã An Phú in both.
  const then = province(lastYear, {
    'Sở Nội vụ': hoSoBlock(1000, 900, 880),
    'Sở Tư pháp': hoSoBlock(5000, 4000, 3000),
    'Sở Y tế': hoSoBlock(2000, 1800, 1700),
    'UBND xã An Phú': hoSoBlock(200, 150, 148),
  });
  const now5 = province(thisYear, {
    'Sở Nội vụ': hoSoBlock(1100, 1000, 991),
    'UBND xã An Phú': hoSoBlock(180, 160, 153),
    'UBND xã Long Hòa': hoSoBlock(400, 300, 300),
  });
  const draft = (p: PreviousSummary) =>
    textOf(buildProvinceReport({ catalog, summary: now5, today, stamp: 'x', previous: p }));
  const json = (edit: (j: Record<string, unknown>) => void = () => {}, codes = comparedCodes(catalog)) => {
    const j = JSON.parse(JSON.stringify(summaryJson(then, codes))) as Record<string, unknown>;
    edit(j);
    return previousFromJson(catalog, JSON.stringify(j), 'tệp "q3-2025.json"');
  };

  it('compares over the agencies in both periods, rates recomputed from their counts, and says so', () => {
    const text = draft(previous(json()));
    // Sở Nội vụ and xã An Phú: 1.000 + 200 hồ sơ then, 1.100 + 180 now; the sở's rate 880/900 then,
    // 991/1.000 now; the commune's 148/150 then, 153/160 now.
    expect(text).toContain(
      'So với cùng kỳ năm 2025, trên cùng 2 cơ quan, đơn vị có số liệu ở cả hai kỳ, số hồ sơ tiếp nhận tăng 80 hồ sơ (6,67%; từ 1.200 lên 1.280 hồ sơ); số hồ sơ đã giải quyết tăng 110 hồ sơ (10,48%; từ 1.050 lên 1.160 hồ sơ); tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành tăng 1,32 điểm phần trăm (từ 97,78% lên 99,10%); tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã giảm 3,04 điểm phần trăm (từ 98,67% xuống 95,63%).',
    );
    // The column keeps last year's consolidated figures, and says over how many agencies.
    expect(text).toContain('(Cột “Kỳ trước”: số liệu cùng kỳ năm 2025, tổng hợp từ 4/5 cơ quan, đơn vị)');
  });

  it('reads the same per-agency figures from the workbook\'s "Chi tiết theo đơn vị" sheet', () => {
    const sheet = previous(
      withDetail(
        catalog,
        previousFromSheet(catalog, snapshotOf(summarySheetPlan(then, '05/10/2025 08:00')), 'tệp "q3.xlsx"'),
        snapshotOf(detailSheetPlan(then)),
        'trang "Chi tiết theo đơn vị"',
      ),
    );
    const paragraph = (t: string) => t.split('\n').find((l) => l.startsWith('So với cùng kỳ năm 2025, trên cùng'));
    expect(paragraph(draft(sheet))).toBe(paragraph(draft(previous(json()))));
  });

  it('states both coverages beside every change when the file has no per-agency figures (an older JSON)', () => {
    const text = draft(previous(json(() => {}, [])));
    expect(text).toContain(
      'So với cùng kỳ năm 2025, số hồ sơ tiếp nhận giảm 6.520 hồ sơ (79,51%; kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị); số hồ sơ đã giải quyết giảm 5.390 hồ sơ (78,69%; kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị); tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành tăng 15,82 điểm phần trăm (từ 83,28% lên 99,10%; kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị); tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã giảm 0,19 điểm phần trăm (từ 98,67% xuống 98,48%; kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị).',
    );
  });

  it('says "tăng từ 0 lên …" against a near-zero base, never a percentage of it', () => {
    const zero = previous(
      json((j) => {
        const ind = j.indicators as Record<string, { value: number }>;
        ind['3.4.a'].value = 0;
        ind['3.4.b'].value = 3;
      }, []),
    );
    const text = draft(zero);
    expect(text).toContain(
      'So với cùng kỳ năm 2025, số hồ sơ tiếp nhận tăng từ 0 lên 1.680 hồ sơ (kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị); số hồ sơ đã giải quyết tăng từ 3 lên 1.460 hồ sơ (kỳ này 3/5 đơn vị, kỳ trước 4/5 đơn vị);',
    );
    expect(text).not.toMatch(/e\+|Infinity|NaN/);
  });

  it('asks the consolidator when no agency reported in both periods', () => {
    const none = previous(
      json((j) => (j.submission as { agency: string }[]).forEach((e) => (e.agency = `${e.agency} cũ`))),
    );
    expect(draft(none)).toContain(
      'So với cùng kỳ năm 2025: [không so sánh được: không có cơ quan, đơn vị nào có số liệu được tổng hợp ở cả hai kỳ]',
    );
  });

  it('refuses a file that claims a later period, a year out of range, or half a hồ sơ, naming it', () => {
    const q1of2027 = previous(
      json((j) => Object.assign(j.period as object, { id: 'Q1', year: 2027, from: '2026-12-15', to: '2027-03-14' })),
    );
    expect(checkPrevious(q1of2027, thisYear)).toBe(
      'Số liệu kỳ trước (tệp "q3-2025.json") là của quý I năm 2027, không phải kỳ liền trước hay cùng kỳ năm trước của quý III năm 2026. Cần số liệu tổng hợp của quý II năm 2026 (kỳ trước) hoặc quý III năm 2025 (cùng kỳ năm trước) của chính cơ quan này.',
    );
    // Quý I/2025 ends earlier too, but is neither the quarter before nor the same quarter last year.
    const q1of2025 = previous(
      json((j) => Object.assign(j.period as object, { id: 'Q1', year: 2025, from: '2024-12-15', to: '2025-03-14' })),
    );
    expect(checkPrevious(q1of2025, thisYear)).toContain('là của quý I năm 2025, không phải kỳ liền trước');
    const year = (y: number) => json((j) => Object.assign(j.period as object, { year: y }));
    expect(year(99999)).toEqual({
      ok: false,
      problem:
        'tệp "q3-2025.json" ghi kỳ báo cáo không dùng được: năm 99999 không phải năm báo cáo (từ 2015 đến 2100). Hãy tạo lại tệp từ sổ tổng hợp kỳ trước (lệnh consolidate --json) thay vì sửa tay.',
    });
    expect(!year(-5).ok && (year(-5) as { problem: string }).problem).toContain('năm -5 không phải năm báo cáo');
    const half = json((j) => ((j.indicators as Record<string, { value: number }>)['3.4.a'].value = 0.5));
    expect(!half.ok && half.problem).toBe(
      'tệp "q3-2025.json" có số liệu không dùng được để so sánh: chỉ tiêu 3.4.a: 0,5 không phải số nguyên. Hãy tạo lại tệp từ sổ tổng hợp kỳ trước (lệnh consolidate --json) thay vì sửa tay, hoặc sửa các số đó.',
    );
    // A tiny figure once printed "(1,0638999999999999e+306%)" in the draft: it is no count of hồ sơ.
    const tiny = json((j) => ((j.indicators as Record<string, { value: number }>)['3.4.a'].value = 1e-302));
    expect(!tiny.ok && tiny.problem).toContain('chỉ tiêu 3.4.a: 0,000000… (gần bằng 0) không phải số nguyên');
    // An agency's own figure is checked the same way, and named with its agency.
    const agencyHalf = json((j) => {
      const nv = (j.submission as { agency: string; figures: Record<string, number> }[]).find(
        (e) => e.agency === 'Sở Nội vụ',
      )!;
      nv.figures['3.4.b'] = 900.5;
    });
    expect(!agencyHalf.ok && agencyHalf.problem).toContain('Sở Nội vụ, chỉ tiêu 3.4.b: 900,5 không phải số nguyên');
  });
});
