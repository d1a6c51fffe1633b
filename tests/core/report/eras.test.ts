/**
 * A draft speaks the words of its period: who is on the book (sở and UBND cấp huyện before
 * 01/07/2025, sở and UBND cấp xã after), which guidance it cites, and how online services are named
 * (mức độ 3, 4 until Nghị định 42/2022 took effect on 01/08/2022; toàn trình, một phần after).
 */
import { validateAgency } from '../../../src/core/checks/validate';
import { catalogFor } from '../../../src/core/catalog/versions';
import { consolidate } from '../../../src/core/figures/consolidate';
import { formRows } from '../../../src/core/form/row-modes';
import { PeriodId } from '../../../src/core/periods';
import { isoDate } from '../../../src/core/primitives/dates';
import { Run, plainText } from '../../../src/core/report/model';
import { buildProvinceReport } from '../../../src/core/report/province';
import { ExampleAgency, exampleSettings } from '../../../src/core/settings';
import { travinhExample } from '../../../src/core/settings/example-agencies';
import { CLEAN_SO, tabFor } from '../../helpers';

const VINH_LONG: ExampleAgency[] = [
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', type: 'so' },
  { name: 'Sở Nội vụ', type: 'so' },
  { name: 'Sở Tư pháp', type: 'so' },
  { name: 'UBND phường Phú Khương', type: 'xa' },
  { name: 'UBND xã Giao Long', type: 'xa' },
];

/** A province draft where the first `sending` agencies sent clean figures and the others nothing. */
function draftOf(period: PeriodId, year: number, agencies: readonly ExampleAgency[], sending: number) {
  const settings = exampleSettings(period, year, agencies);
  const catalog = catalogFor(settings);
  const today = isoDate(year, 3, 18);
  const results = settings.agencies.map((a, i) => {
    if (i >= sending) return validateAgency(catalog, settings, a, null, { today, isProtected: null });
    const tab = tabFor(settings, a.name, { status: 'Đã gửi', sentOn: new Date(year, 2, 5), values: CLEAN_SO });
    return validateAgency(catalog, settings, a, tab.report(), { today, isProtected: true });
  });
  const summary = consolidate(catalog, settings, results);
  const model = buildProvinceReport({ catalog, summary, today, stamp: `18/03/${year} 08:00` });
  const runs = model.blocks.flatMap((b) => (b.kind === 'para' ? b.runs : []));
  return { settings, catalog, summary, text: model.blocks.map(plainText).join('\n'), runs };
}

describe('a province book before 01/07/2025: sở and UBND cấp huyện (Trà Vinh, quý I/2020)', () => {
  // The first 28 of the 2020 list (sở and districts) send; no commune is on the book.
  const d = draftOf('Q1', 2020, travinhExample(), 28);

  it('never waits for the commune rate 3.4.3, which no tab is asked', () => {
    expect(d.settings.agencies.some((a) => a.type === 'xa')).toBe(false);
    expect(d.text).not.toContain('3.4.3]');
    expect(d.text).not.toContain('tại UBND cấp xã');
    expect(d.text).toContain(
      'Tỷ lệ hồ sơ giải quyết đúng hạn: tại các sở, ngành đạt 90,91%; tại UBND cấp huyện đạt 90,91%;',
    );
    // Section III weighs the district rate against the target, as it does the sở's.
    expect(d.text).toContain('; tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp huyện đạt 90,91%, thấp hơn mục tiêu 95');
    // Its appendix row says so, with no figure and no highlight.
    const r = d.summary.indicators.get('3.4.3')!;
    expect([r.value, r.note, r.flagged]).toEqual([null, 'Không áp dụng', false]);
  });

  it('names the tier that is on the book in its coverage notes: UBND cấp huyện, never cấp xã', () => {
    expect(d.summary.indicators.get('1.1.1')!.note).toContain('(sở, ban, ngành và UBND cấp huyện)');
    expect(d.summary.indicators.get('3.4.a')!.note).toContain(
      '(sở, ban, ngành và UBND cấp huyện; cơ quan ngành dọc báo cáo riêng)',
    );
    for (const r of d.summary.indicators.values())
      expect([r.ind.code, r.note]).not.toEqual([r.ind.code, expect.stringMatching(/cấp xã\)/)]);
    // Leaders of a sở and of a district disciplined: both tiers are on the book and asked.
    expect(d.text).toContain('lãnh đạo cấp sở, ngành và UBND cấp huyện');
  });

  it('cites Công văn 6459 and speaks of "mức độ 3, 4"', () => {
    expect(d.text).toContain(
      'Thực hiện Công văn số 6459/BNV-CCHC ngày 07/12/2020 của Bộ Nội vụ về việc hướng dẫn báo cáo cải cách hành chính, Ủy ban nhân dân tỉnh Trà Vinh báo cáo',
    );
    expect(d.text).toContain('thủ tục mức độ 3, 4');
    expect(d.text).toContain('tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 đạt');
    expect(d.text).not.toMatch(/toàn trình|một phần đạt/);
  });

  it('asks a district its own leaders appointed (5.3.4) and a sở not', () => {
    const mode = (name: string, code: string) =>
      formRows(
        d.catalog,
        d.settings,
        d.settings.agencies.find((a) => a.name === name)!,
      ).find((r) => r.ind.code === code)?.mode.kind;
    expect(mode('UBND huyện Càng Long', '5.3.4')).toBe('input');
    expect(mode('Sở Tư pháp', '5.3.4')).toBe('not-applicable');
    expect(mode('UBND huyện Càng Long', '5.3.2')).toBe('not-applicable');
    expect(mode('UBND huyện Càng Long', '5.4.2')).toBe('input');
  });
});

describe('a draft for quý I/2021: the 2021 guidance and its words', () => {
  const d = draftOf('Q1', 2021, travinhExample(), 5);

  it('keeps Công văn 6459 and "mức độ 3, 4"', () => {
    expect(d.settings.guidance).toBe(
      'Công văn số 6459/BNV-CCHC ngày 07/12/2020 của Bộ Nội vụ về việc hướng dẫn báo cáo cải cách hành chính',
    );
    expect(d.text).toContain('Thực hiện Công văn số 6459/BNV-CCHC');
    expect(d.text).toContain(
      'cung cấp [chưa có số liệu của Văn phòng Ủy ban nhân dân tỉnh: 3.5.2] thủ tục mức độ 3, 4;',
    );
    expect(d.text).toContain('thủ tục hành chính trực tuyến mức độ 3 và');
    expect(d.catalog.must('7.8.4').name).toBe('Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4');
  });
});

describe("a draft for quý I/2026: the two-level book and today's words", () => {
  const d = draftOf('Q1', 2026, VINH_LONG, 4);

  it('leaves the guidance to be named, highlighted, and cites no older document', () => {
    expect(d.settings.guidance).toBe('');
    expect(d.text).toContain(
      'Thực hiện [văn bản hướng dẫn của Bộ Nội vụ: số, ngày, trích yếu], Ủy ban nhân dân tỉnh Vĩnh Long báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 như sau:',
    );
    const placeholder = d.runs.find((r: Run) => r.text === '[văn bản hướng dẫn của Bộ Nội vụ: số, ngày, trích yếu]');
    expect(placeholder?.highlight).toBe(true);
    expect(d.text).not.toContain('6459');
  });

  it('speaks of online services "toàn trình" and "một phần", never "mức độ 3" or "mức độ 4"', () => {
    expect(d.text).not.toMatch(/mức độ [34]/);
    expect(d.text).toContain('tỷ lệ hồ sơ xử lý trực tuyến một phần đạt');
    expect(d.text).toContain(', toàn trình đạt');
    expect(d.text).toContain('thủ tục trực tuyến toàn trình và một phần;');
    for (const r of d.catalog.rows) expect(r.name).not.toMatch(/mức độ/);
  });

  it("asks the agencies by the 10th of the period's last month, before the province's own due date (20/03)", () => {
    expect(d.settings.deadline).toBe('2026-03-10');
    expect(d.text).toContain('(hạn 10/03/2026)');
  });

  it('names sở and UBND cấp xã in its coverage notes, and the commune rate has its figure', () => {
    expect(d.summary.indicators.get('1.1.1')!.note).toContain('(sở, ban, ngành và UBND cấp xã)');
    expect(d.text).toContain('tại UBND cấp xã đạt 90,91%');
    expect(d.text).not.toContain('UBND cấp huyện');
  });

  it("asks a sở neither a district's leaders (5.3.4, gone) nor the province's (5.4.1, Sở Nội vụ's)", () => {
    const rows = (name: string) =>
      new Map(
        formRows(
          d.catalog,
          d.settings,
          d.settings.agencies.find((a) => a.name === name)!,
        ).map((r) => [r.ind.code, r.mode]),
      );
    expect(rows('Sở Tư pháp').has('5.3.4')).toBe(false);
    expect(rows('Sở Tư pháp').get('5.4.1')).toEqual({ kind: 'owned-by', owner: 'Sở Nội vụ' });
    expect(rows('UBND xã Giao Long').get('5.4.1')).toEqual({ kind: 'owned-by', owner: 'Sở Nội vụ' });
    expect(rows('Sở Nội vụ').get('5.4.1')?.kind).toBe('input');
    expect(d.settings.owners['5.4.1']).toBe('Sở Nội vụ');
  });
});
