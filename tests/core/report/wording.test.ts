/**
 * Wording a consolidator signs (issue 29): zeros in words, lists naming only what happened, coded
 * answers as sentences, proposals by addressee, count lines kept per agency, the consistency the
 * draft checks before it prints, and the province's draft read as a whole. Expected sentences are
 * written by hand.
 */
import { IndicatorResult, Summary, consolidate } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { Figures, codedSentence, sentence } from '../../../src/core/report/figures';
import { addressedUpward, asTask } from '../../../src/core/report/assessment';
import { draftFindings } from '../../../src/core/report/consistency';
import { sentOnTime } from '../../../src/core/figures/consolidate';
import { mergeSaid } from '../../../src/core/report/merge-text';
import { buildProvinceReport } from '../../../src/core/report/province';
import { Block, ReportModel, Run, plainText } from '../../../src/core/report/model';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, tabFor } from '../../helpers';

const textOf = (m: ReportModel) => m.blocks.map((b: Block) => plainText(b)).join('\n');
const joined = (runs: readonly Run[] | null) => (runs ?? []).map((r) => r.text).join('');
const figs = (values: Record<string, number | null>, texts: Record<string, string> = {}): Figures =>
  new Map(Object.entries(values).map(([k, v]) => [k, { value: v, text: v === null ? null : (texts[k] ?? String(v)) }]));

describe('zeros and lists in sentences', () => {
  const RECRUITED =
    '⟨Tuyển dụng ::{a} công chức qua thi tuyển, xét tuyển|{b} công chức theo trường hợp đặc biệt||Chưa tuyển dụng công chức⟩.';

  it('names only the items that happened, joined "x, y và z"', () => {
    expect(joined(sentence(figs({ a: 0, b: 3 }), RECRUITED))).toBe('Tuyển dụng 3 công chức theo trường hợp đặc biệt.');
    expect(
      joined(
        sentence(
          figs({ a: 4, b: 0, c: 6, d: 28 }),
          'Về kỷ luật, ⟨có ::{a} x|{b} y|{c} z|{d} w||không có ai⟩ bị kỷ luật.',
        ),
      ),
    ).toBe('Về kỷ luật, có 4 x, 6 z và 28 w bị kỷ luật.');
  });

  it('says a zero in words instead of "0"', () => {
    expect(joined(sentence(figs({ a: 0, b: 0 }), RECRUITED))).toBe('Chưa tuyển dụng công chức.');
  });

  it('keeps a missing figure as its placeholder, never drops it as if 0', () => {
    expect(joined(sentence(figs({ a: null, b: 0 }), RECRUITED))).toBe(
      'Tuyển dụng [chưa có số liệu] công chức qua thi tuyển, xét tuyển.',
    );
  });

  it('writes an all-zero sentence in an agency report too (it is a figure, not a missing one)', () => {
    expect(joined(sentence(figs({ a: 0, b: 0 }), RECRUITED, {}, { keep: false }))).toBe('Chưa tuyển dụng công chức.');
  });
});

describe('coded answers read as sentences', () => {
  it('writes what was done, not "…: Hoàn thành"', () => {
    const f = figs({ '7.1': 1, '7.2': 2, '7.3': 1, '7.5': 0 }, { '7.2': 'Đến 100% UBND cấp xã' });
    expect(joined(codedSentence(f, ['7.1', '7.2', '7.3', '7.5']))).toBe(
      'Đã hoàn thành cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0; đã xây dựng, vận hành Hệ thống họp trực tuyến liên thông đến 100% UBND cấp xã; đang triển khai kết nối Hệ thống thông tin báo cáo với Hệ thống thông tin báo cáo quốc gia; chưa triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP).',
    );
    expect(joined(codedSentence(figs({ '1.2': 0 }), ['1.2'], 'Trong kỳ, đơn vị '))).toBe(
      'Trong kỳ, đơn vị chưa tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp.',
    );
  });
});

describe('what agencies wrote, merged', () => {
  it('never merges a line with a count across agencies unless word for word, and then says it is each one’s', () => {
    const merged = mergeSaid([
      { agency: 'Sở A', text: 'Giải quyết dứt điểm 05 kiến nghị của người dân' },
      { agency: 'Sở B', text: 'Giải quyết dứt điểm 07 kiến nghị của người dân' },
      { agency: 'Sở C', text: 'Giải quyết dứt điểm 05 kiến nghị của người dân.' },
      { agency: 'Sở D', text: 'Triển khai ký số trên 95% văn bản đi' },
      { agency: 'Sở E', text: 'Triển khai ký số trên 95% văn bản đi' },
    ]);
    expect(merged).toEqual([
      { text: 'Giải quyết dứt điểm 05 kiến nghị của người dân', agencies: ['Sở A', 'Sở C'], each: true },
      { text: 'Triển khai ký số trên 95% văn bản đi', agencies: ['Sở D', 'Sở E'] },
      { text: 'Giải quyết dứt điểm 07 kiến nghị của người dân', agencies: ['Sở B'] },
    ]);
  });
});

describe('proposals by addressee', () => {
  it('carries upward only what names a central body or rule', () => {
    expect(addressedUpward('Đề nghị Bộ Nội vụ tổ chức tập huấn nghiệp vụ cải cách hành chính')).toBe(true);
    expect(addressedUpward('Đề nghị sửa đổi Nghị định số 61/2018/NĐ-CP cho phù hợp')).toBe(true);
    expect(addressedUpward('Đề nghị các Bộ, ngành Trung ương sớm ban hành hướng dẫn')).toBe(true);
    expect(addressedUpward('Đề nghị Sở Khoa học và Công nghệ nâng cấp đường truyền')).toBe(false);
    expect(addressedUpward('Trang bị thêm máy tính cho Bộ phận một cửa')).toBe(false);
  });

  it('writes a request to the province as the province’s own task', () => {
    expect(asTask('Đề nghị Sở Khoa học và Công nghệ nâng cấp đường truyền')).toBe(
      'Chỉ đạo Sở Khoa học và Công nghệ nâng cấp đường truyền',
    );
    expect(asTask('Đề nghị UBND tỉnh quan tâm bố trí kinh phí số hóa hồ sơ')).toBe('Bố trí kinh phí số hóa hồ sơ');
    expect(asTask('Đề nghị tổ chức tập huấn sử dụng Cổng dịch vụ công')).toBe(
      'Tổ chức tập huấn sử dụng Cổng dịch vụ công',
    );
  });
});

describe('consistency before printing', () => {
  const result = (code: string, value: number | null): IndicatorResult =>
    ({ ind: catalog.must(code), value }) as unknown as IndicatorResult;
  const summaryOf = (values: Record<string, number | null>): Summary =>
    ({
      indicators: new Map(Object.entries(values).map(([k, v]) => [k, result(k, v)])),
      vertical: new Map(),
      submission: [],
    }) as unknown as Summary;

  it('finds two figures about the same procedures that differ, and parts above their whole', () => {
    const found = draftFindings(summaryOf({ '3.1.3': 700, '3.5.1': 600, '3.5.2': 684, '7.8.1': 762, '7.8.2': 305 }));
    expect(found.map((f) => f.code).sort()).toEqual(['khong-khop', 'vuot-tong']);
    expect(found.find((f) => f.code === 'khong-khop')!.message).toBe(
      'Số liệu không khớp: “Số TTHC cung cấp dịch vụ công trực tuyến toàn trình và một phần trên Cổng DVC” (3.5.2: 684) khác “Tổng số TTHC cung cấp dịch vụ công trực tuyến một phần” (7.8.1: 762) + “Tổng số TTHC cung cấp dịch vụ công trực tuyến toàn trình” (7.8.2: 305) = 1.067. Thống nhất số liệu trước khi ban hành.',
    );
    expect(found.filter((f) => f.code === 'vuot-tong').map((f) => f.message)).toContain(
      'Số liệu mâu thuẫn: “Tổng số TTHC cung cấp dịch vụ công trực tuyến một phần” (7.8.1: 762) lớn hơn “Tổng số TTHC đang có hiệu lực” (3.1.3: 700). Kiểm tra lại với đơn vị cung cấp trước khi ban hành.',
    );
  });

  it('finds on-time above settled', () => {
    const found = draftFindings(summaryOf({ '3.4.b': 100, '3.4.b.1': 120, '3.4.b.2': 0 }));
    expect(found.map((f) => f.message)).toEqual([
      'Số liệu không khớp: “Số hồ sơ đã giải quyết” (3.4.b: 100) khác “Trong đó: Giải quyết trước hạn và đúng hạn” (3.4.b.1: 120) + “Trong đó: Giải quyết quá hạn” (3.4.b.2: 0) = 120. Thống nhất số liệu trước khi ban hành.',
    ]);
  });

  it('is quiet when the figures agree or are missing', () => {
    expect(draftFindings(summaryOf({ '3.1.3': 1640, '3.5.2': 1567, '7.8.1': 762, '7.8.2': 805 }))).toEqual([]);
    expect(draftFindings(summaryOf({ '3.5.2': 684, '7.8.1': null, '7.8.2': 805 }))).toEqual([]);
  });
});

describe("the province's draft, read as a consolidator reads it", () => {
  const settings = settingsFor(
    [
      SO('Sở A'),
      SO('Sở B'),
      XA('UBND xã C'),
      XA('UBND xã D'),
      { name: 'Thuế tỉnh', type: 'nganh_doc' },
      { name: 'Bảo hiểm xã hội tỉnh', type: 'nganh_doc' },
    ],
    // Partial tabs: their figures are taken as they are (the unfilled rows are not what is tested).
    {
      issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh',
      onlineTarget: 50,
      includeErrors: true,
      deadline: isoDate(2026, 9, 21),
    },
  );
  const ask = 'Đề nghị Sở Khoa học và Công nghệ nâng cấp đường truyền';
  const tabs: Record<string, Parameters<typeof tabFor>[2]> = {
    // On time, dialogue held, a figure of its own, a request to another department.
    'Sở A': {
      status: 'Đã gửi',
      sentOn: new Date(2026, 8, 10),
      values: { '1.2': 1, '1.1.3': 0, '3.4.a.2': 100, '3.4.a.3': 60 },
      freeText: { highlights: 'Giải quyết dứt điểm 05 kiến nghị', proposals: ask },
    },
    // Sent with no date: neither on time nor late.
    'Sở B': {
      status: 'Đã gửi',
      values: { '1.2': 0, '1.1.3': 0, '3.4.a.2': 100, '3.4.a.3': 60 },
      freeText: { highlights: 'Giải quyết dứt điểm 05 kiến nghị', proposals: 'Đề nghị Bộ Nội vụ tập huấn' },
    },
    'UBND xã C': { status: 'Đã gửi', sentOn: new Date(2026, 8, 12), values: { '1.2': 1, '1.1.3': 0 } },
    // UBND xã D never sent.
    'Thuế tỉnh': {
      status: 'Đã gửi',
      sentOn: new Date(2026, 8, 10),
      freeText: { difficulties: 'Đường truyền chập chờn', proposals: 'Đề nghị Bộ Tài chính nâng cấp phần mềm' },
    },
    'Bảo hiểm xã hội tỉnh': { status: 'Đã gửi', sentOn: new Date(2026, 8, 10) },
  };
  const results = settings.agencies.map((a) => {
    const input = tabs[a.name];
    const report = input ? tabFor(settings, a.name, input).report() : null;
    return validateAgency(catalog, settings, a, report, { today: isoDate(2026, 9, 30), isProtected: true });
  });
  const summary = consolidate(catalog, settings, results);
  const model = buildProvinceReport({ catalog, summary, today: isoDate(2026, 10, 1), stamp: 'x' });
  const text = textOf(model);

  it('states coverage out of the province’s own agencies, with why, and no check result', () => {
    expect(text).toContain(
      'Báo cáo tổng hợp số liệu của 3/4 cơ quan, đơn vị (sở, ban, ngành và UBND cấp xã); chưa có số liệu của 1 cơ quan, đơn vị: UBND xã D (chưa gửi báo cáo). Kết quả giải quyết thủ tục hành chính của 2 cơ quan ngành dọc được báo cáo riêng tại mục II.2, không tính vào số liệu chung của tỉnh.',
    );
    // The body (Phụ lục I's notes are the appendix's).
    expect(text.slice(0, text.indexOf('Trên đây là báo cáo'))).not.toMatch(/lỗi|chưa tổng hợp|Không tìm thấy trang/);
  });

  it('says what a count of agencies is out of', () => {
    expect(text).toContain(
      'Trong số 3 cơ quan, đơn vị được tổng hợp số liệu, có 2 cơ quan, đơn vị đã tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp.',
    );
    expect(text).toContain('Các cơ quan, đơn vị chưa ban hành văn bản chỉ đạo, điều hành mới về cải cách hành chính.');
  });

  it('counts on time as Phụ lục I marks it, and flags the report sent without a date', () => {
    expect(text).toContain('Có 5/6 cơ quan, đơn vị đã gửi báo cáo, trong đó 4 cơ quan, đơn vị gửi đúng hạn');
    expect(summary.submission.filter(sentOnTime).map((e) => e.agency.name)).toEqual([
      'Sở A',
      'UBND xã C',
      'Thuế tỉnh',
      'Bảo hiểm xã hội tỉnh',
    ]);
    const note = model.blocks
      .flatMap((b) => (b.kind === 'para' ? b.runs : []))
      .find((r) => r.text.startsWith('[Cần kiểm tra: Đã gửi báo cáo nhưng chưa ghi ngày gửi: Sở B'));
    expect(note?.highlight).toBe(true);
  });

  it('compares the online target with the share of hồ sơ filed online', () => {
    expect(text).toContain('tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 60% (mục tiêu 50%)');
  });

  it('keeps the vertical agencies out of the lists, and a figure of one agency per agency', () => {
    expect(text).not.toContain('Đường truyền chập chờn');
    expect(text).not.toContain('Bộ Tài chính');
    expect(text).toContain('- Giải quyết dứt điểm 05 kiến nghị (mỗi đơn vị: Sở A, Sở B).');
  });

  it('carries upward only proposals to central bodies; a request to a department is a task of section IV', () => {
    const iv = text.slice(text.indexOf('IV. PHƯƠNG HƯỚNG'), text.indexOf('V. KIẾN NGHỊ'));
    const v = text.slice(text.indexOf('V. KIẾN NGHỊ'), text.indexOf('Trên đây là báo cáo'));
    expect(iv).toContain('- Chỉ đạo Sở Khoa học và Công nghệ nâng cấp đường truyền.');
    expect(v).toContain('- Đề nghị Bộ Nội vụ tập huấn (Sở B).');
    expect(v).not.toContain('Sở Khoa học và Công nghệ');
  });
});
