/**
 * Which agencies make a province figure (shared/spec/DOMAIN.md, "Which figures make a province
 * figure"): counts of procedures come from one owner, never a sum over tabs.
 */
import { consolidate } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { rowMode } from '../../../src/core/form/row-modes';
import { buildProvinceReport } from '../../../src/core/report/province';
import { plainText } from '../../../src/core/report/model';
import { validateAgency } from '../../../src/core/checks/validate';
import { CLEAN_SO, SO, XA, catalog, settingsFor, tabFor, hoSoBlock } from '../../helpers';

const PROCEDURE_COUNTS = ['3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.3.1', '3.3.2', '3.5.1', '3.5.2', '3.5.3'];

describe('counts of procedures are one province figure from their owner', () => {
  const settings = settingsFor([
    SO('Văn phòng UBND tỉnh'),
    SO('Sở Y tế'),
    XA('UBND xã An Phú'),
    XA('UBND xã Bình Hòa'),
  ]);
  const sent = { status: 'Đã gửi', sentOn: new Date(2026, 8, 18) };

  it('asks them of Văn phòng UBND tỉnh by default and locks them on every other tab', () => {
    for (const code of [...PROCEDURE_COUNTS, '7.8.1', '7.8.2']) {
      expect(settings.owners[code]).toBe('Văn phòng UBND tỉnh');
      for (const agency of settings.agencies) {
        const mode = rowMode(catalog, settings, agency, catalog.must(code));
        expect(mode.kind).toBe(agency.name === 'Văn phòng UBND tỉnh' ? 'input' : 'owned-by');
      }
    }
  });

  it('never adds communes’ copies of the same ~100 procedures to the province figure', () => {
    // Seed 000: 991 procedures publicised; every commune applies the same ~100 commune procedures.
    const tabs = [
      tabFor(settings, 'Văn phòng UBND tỉnh', {
        ...sent,
        values: { ...CLEAN_SO, '3.2.1': 991, '3.2.2': 684, '3.5.1': 1949 },
      }),
      tabFor(settings, 'Sở Y tế', { ...sent, values: { ...CLEAN_SO, '3.2.1': 140 } }),
      tabFor(settings, 'UBND xã An Phú', { ...sent, values: { ...CLEAN_SO, '3.2.1': 102 } }),
      tabFor(settings, 'UBND xã Bình Hòa', { ...sent, values: { ...CLEAN_SO, '3.2.1': 102 } }),
    ];
    const results = tabs.map((t) =>
      validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
    );
    const summary = consolidate(catalog, settings, results);
    expect(summary.indicators.get('3.2.1')!.value).toBe(991);
    expect(summary.indicators.get('3.5.1')!.value).toBe(1949);
    expect(summary.indicators.get('3.2.1')!.ignored!.map((i) => i.agency)).toEqual([
      'Sở Y tế',
      'UBND xã An Phú',
      'UBND xã Bình Hòa',
    ]);
    // A figure typed on a locked row is a warning at its cell, not a silent loss.
    const commune = results.find((r) => r.agency.name === 'UBND xã An Phú')!;
    expect(commune.findings.map((f) => f.message).join('\n')).toContain('do Văn phòng UBND tỉnh cung cấp');
  });
});

describe('vertical agencies (ngành dọc) are asked the hồ sơ block only and reported apart', () => {
  const settings = settingsFor([
    SO('Sở Y tế'),
    XA('UBND xã An Phú'),
    { name: 'Bảo hiểm xã hội tỉnh', type: 'nganh_doc' },
    { name: 'Công an tỉnh', type: 'nganh_doc' },
    { name: 'Cục Thuế tỉnh', type: 'nganh_doc' },
  ]);
  const sent = { status: 'Đã gửi', sentOn: new Date(2026, 8, 18) };
  // Seed 000's figures: BHXH 22.821 received, 20.451 on time; Công an 49.444 received, 49.120 on time.
  const tabs = [
    tabFor(settings, 'Sở Y tế', { ...sent, values: { ...CLEAN_SO } }),
    tabFor(settings, 'UBND xã An Phú', { ...sent, values: { ...CLEAN_SO } }),
    tabFor(settings, 'Bảo hiểm xã hội tỉnh', { ...sent, values: hoSoBlock(22821, 22000, 20451, { online: 0 }) }),
    tabFor(settings, 'Công an tỉnh', { ...sent, values: hoSoBlock(49444, 49200, 49120, { online: 0 }) }),
    tabFor(settings, 'Cục Thuế tỉnh', { status: 'Chưa gửi' }),
  ];
  const results = tabs.map((t) =>
    validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
  );
  const summary = consolidate(catalog, settings, results);

  it('asks a vertical agency only the rows of the hồ sơ block', () => {
    const bhxh = settings.agencies.find((a) => a.name === 'Bảo hiểm xã hội tỉnh')!;
    const asked = catalog.rows.filter((r) => rowMode(catalog, settings, bhxh, r).kind === 'input').map((r) => r.code);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.startsWith('3.4.'))).toBe(true);
    expect(asked).toEqual(expect.arrayContaining(['3.4.a', '3.4.b', '3.4.b.1', '3.4.1']));
    expect(rowMode(catalog, settings, bhxh, catalog.must('4.2.1')).kind).toBe('not-applicable');
    expect(rowMode(catalog, settings, bhxh, catalog.must('3.4.3')).kind).toBe('not-applicable');
  });

  it('includes a vertical agency that filled only its hồ sơ block, without errors', () => {
    const bhxh = results.find((r) => r.agency.name === 'Bảo hiểm xã hội tỉnh')!;
    expect(bhxh.errors).toBe(0);
    expect(summary.submission.find((e) => e.agency.name === 'Bảo hiểm xã hội tỉnh')!.included).toBe(true);
  });

  it('keeps their hồ sơ out of the province totals and rates', () => {
    // Province: Sở Y tế 120 + UBND xã An Phú 120 received; 3.4.1 (sở only): 100/110.
    expect(summary.indicators.get('3.4.a')!.value).toBe(240);
    expect(summary.indicators.get('3.4.a')!.note).toBe(
      'Tổng của 2/2 đơn vị (sở, ban, ngành và UBND cấp xã; cơ quan ngành dọc báo cáo riêng)',
    );
    expect(summary.indicators.get('3.4.1')!.value).toBeCloseTo((100 * 100) / 110, 10);
    // Vertical: 22.821 + 49.444 = 72.265 received, 20.451 + 49.120 = 69.571 on time of 71.200.
    expect(summary.vertical.get('3.4.a')!.value).toBe(72265);
    expect(summary.vertical.get('3.4.b.1')!.value).toBe(69571);
    expect(summary.vertical.get('3.4.a')!.note).toBe('Tổng của 2/3 đơn vị (cơ quan ngành dọc); thiếu: Cục Thuế tỉnh');
  });

  it('writes their paragraph and table apart in the draft, naming the one missing', () => {
    const model = buildProvinceReport({ catalog, summary, today: isoDate(2026, 9, 30), stamp: '30/09/2026 08:00' });
    const text = model.blocks.map((b) => plainText(b)).join('\n');
    expect(text).toContain('Về kết quả giải quyết thủ tục hành chính, các cơ quan, đơn vị đã tiếp nhận 240 hồ sơ');
    const para = text
      .split('\n')
      .find((l) => l.startsWith('Kết quả giải quyết thủ tục hành chính của các cơ quan ngành dọc'))!;
    expect(para).toContain('tiếp nhận 72.265 hồ sơ');
    expect(para).toContain('đã giải quyết 71.200 hồ sơ (69.571 hồ sơ trước hạn và đúng hạn, 1.629 hồ sơ quá hạn)');
    // 69.571 / 71.200 = 97,712…%
    expect(para).toContain('đạt 97,71%');
    expect(text).toContain('Chưa có số liệu của Cục Thuế tỉnh');
    // Late hồ sơ are named by agency (CLEAN_SO: 10 each); the vertical agencies' are not the province's.
    expect(text).toContain('Có 20 hồ sơ giải quyết quá hạn, tại 2 cơ quan, đơn vị: Sở Y tế (10), UBND xã An Phú (10).');
    // 100/110 = 90,909…% for both; the lowest rates never list a vertical agency (BHXH: 92,96%).
    expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn thấp nhất: Sở Y tế (90,91%), UBND xã An Phú (90,91%).');
    // Coverage out of the province's own agencies; the vertical ones are counted apart, as their figures are.
    expect(text).toContain(
      'Báo cáo tổng hợp số liệu của 2/2 cơ quan, đơn vị (sở, ban, ngành và UBND cấp xã). Kết quả giải quyết thủ tục hành chính của 3 cơ quan ngành dọc được báo cáo riêng tại mục II.2, không tính vào số liệu chung của tỉnh.',
    );
    const table = model.blocks.find((b) => b.kind === 'table' && plainText(b).startsWith('Cơ quan'))!;
    expect(table.kind === 'table' && table.rows.map((r) => r.map((c) => plainText(c[0])))).toEqual([
      ['Cơ quan', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn'],
      ['Bảo hiểm xã hội tỉnh', '22.821', '22.000', '20.451', '1.549', '92,96%'],
      ['Công an tỉnh', '49.444', '49.200', '49.120', '80', '99,84%'],
      ['Cục Thuế tỉnh', 'Chưa gửi báo cáo', '', '', '', ''],
    ]);
  });
});

describe('nothing is dropped in silence in the province draft', () => {
  const settings = settingsFor([SO('Văn phòng UBND tỉnh'), SO('Sở Y tế')]);
  const tabs = [
    tabFor(settings, 'Văn phòng UBND tỉnh', { status: 'Chưa gửi' }),
    tabFor(settings, 'Sở Y tế', {
      status: 'Đã gửi',
      sentOn: new Date(2026, 8, 18),
      values: { ...CLEAN_SO, '3.4.4.a': 0, '3.4.4.b': 0, '5.1.1': 1, '5.1.2': 0, '5.1.3': 0, '5.2.1': 3, '5.2.2': 0 },
    }),
  ];
  const results = tabs.map((t) =>
    validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
  );
  const summary = consolidate(catalog, settings, results);
  const model = buildProvinceReport({ catalog, summary, today: isoDate(2026, 9, 30), stamp: '30/09/2026 08:00' });
  const text = model.blocks.map((b) => plainText(b)).join('\n');

  it('writes a sentence whose owner has not sent, naming the owner in each placeholder', () => {
    expect(text).toContain(
      'Công bố mới [chưa có số liệu của Văn phòng UBND tỉnh: 3.1.1] thủ tục hành chính; bãi bỏ, thay thế [chưa có số liệu của Văn phòng UBND tỉnh: 3.1.2] thủ tục hành chính.',
    );
  });

  it('reads a rate over no hồ sơ as "không phát sinh" and a zero count as "không có"', () => {
    expect(summary.indicators.get('3.4.4')!.nothing).toBe(true);
    expect(text).toContain('lĩnh vực đất đai: không phát sinh');
    expect(text).toContain('không có cơ quan, tổ chức có vi phạm');
    expect(text).not.toMatch(/\b0 cơ quan, tổ chức có vi phạm/);
    // A list names only what happened: no "và không có công chức theo trường hợp đặc biệt".
    expect(text).toContain('Tuyển dụng 3 công chức qua thi tuyển, xét tuyển;');
    expect(text).not.toContain('công chức theo trường hợp đặc biệt');
  });
});
