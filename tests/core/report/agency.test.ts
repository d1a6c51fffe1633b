/** An agency's own report (seed 003 is one): issuer, figures in sentences, free text, appendix, signer. */
import { isoDate } from '../../../src/core/primitives/dates';
import { formRows } from '../../../src/core/form/row-modes';
import { RawCell } from '../../../src/core/sheet/grid';
import { agencyIssuer, buildAgencyReport } from '../../../src/core/report/agency';
import { Block, ReportModel, plainText } from '../../../src/core/report/model';
import { SO, XA, catalog, settingsFor, tabFor } from '../../helpers';

const today = isoDate(2026, 9, 8);
const textOf = (m: ReportModel) => m.blocks.map((b: Block) => plainText(b)).join('\n');
/** The report's body, from its first section to the closing sentence (no header, signer or appendix). */
const bodyOf = (m: ReportModel) => {
  const t = textOf(m);
  return t.slice(t.indexOf('I. CÔNG TÁC CHỈ ĐẠO'), t.indexOf('Trên đây là báo cáo'));
};

const settings = settingsFor(
  [SO('Văn phòng UBND tỉnh'), SO('Sở Thông tin và Truyền thông'), SO('Sở Nội vụ'), XA('UBND xã Long Hòa')],
  { issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh', place: 'Trà Vinh' },
);

/** Every figure the agency is asked, filled: counts 7, percentages 100%, coded answers their top code. */
function everything(name: string): Record<string, RawCell> {
  const agency = settings.agencies.find((a) => a.name === name)!;
  const values: Record<string, RawCell> = {};
  for (const { ind, mode } of formRows(catalog, settings, agency)) {
    if (mode.kind !== 'input' || ind.kind === 'group') continue;
    if (ind.kind === 'percent') values[ind.code] = mode.formula ? '' : '100%';
    else if (ind.kind === 'code') values[ind.code] = Math.max(...ind.answers.map((a) => a.code));
    else values[ind.code] = 7;
  }
  return values;
}

function draft(name: string, values: Record<string, RawCell>, freeText = {}) {
  const tab = tabFor(settings, name, { values, freeText });
  return buildAgencyReport({
    catalog,
    settings,
    agency: tab.agency,
    report: tab.report(),
    notes: new Map([['3.5.3', 'Có 8 TTHC thu phí, lệ phí']]),
    today,
    stamp: '08/09/2026 10:00',
  });
}

describe("a department's own report", () => {
  const values = {
    ...everything('Sở Thông tin và Truyền thông'),
    '3.4.a': 1949,
    '3.4.a.1': 0,
    '3.4.a.2': 1949,
    '3.4.b': 1936,
    '3.4.b.1': 1930,
    '3.4.b.2': 6,
    '3.4.c': 13,
    '3.4.c.1': 13,
    '3.4.c.2': 0,
    '4.2.1': 28,
    '4.2.5.base': 32,
  };
  const model = draft('Sở Thông tin và Truyền thông', values, {
    highlights: 'Cung cấp 100% dịch vụ công trực tuyến.',
    difficulties: 'Tỷ lệ nộp hồ sơ qua bưu chính công ích chưa cao.',
    proposals: 'Không',
  });
  const text = textOf(model);

  it('is issued by the department under the province, numbered and dated as Nghị định 30 asks', () => {
    const header = plainText(model.blocks[0]);
    expect(header.split('\n').slice(0, 2)).toEqual(['UBND TỈNH\u00a0TRÀ\u00a0VINH', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(header).toContain('Số:       /BC-STTTT');
    // The day is the signer's, as the seeds leave it, unless Thiết lập gives the report date.
    expect(header).toContain('Trà\u00a0Vinh, ngày      tháng 9 năm 2026'); // a place name never split at a line end
    expect(text).toContain('BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính quý III năm 2026');
    expect(text).toContain('Sở Thông tin và Truyền thông báo cáo kết quả thực hiện công tác cải cách hành chính');
    expect(model.fileName).toBe(
      'Dự thảo Báo cáo CCHC Quý III năm 2026 - Sở Thông tin và Truyền thông - 08/09/2026 10:00',
    );
  });

  it("cites the province's plan from Thiết lập as its basis, or highlights where to write it", () => {
    // settingsFor leaves the plan empty, as a new Thiết lập does.
    const lead = model.blocks.find((b) => plainText(b).startsWith('Thực hiện '))!;
    expect(plainText(lead)).toBe(
      'Thực hiện [Kế hoạch cải cách hành chính năm 2026 của UBND tỉnh Trà Vinh: số, ngày ban hành], Sở Thông tin và Truyền thông báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2026 như sau:',
    );
    expect(lead.kind === 'para' && lead.runs.filter((r) => r.highlight).map((r) => r.text)).toEqual([
      '[Kế hoạch cải cách hành chính năm 2026 của UBND tỉnh Trà Vinh: số, ngày ban hành]',
    ]);
    const planned = {
      ...settings,
      provincePlan: 'Kế hoạch số 75/KH-UBND ngày 30/12/2025 của UBND tỉnh về cải cách hành chính năm 2026.',
    };
    const tab = tabFor(planned, 'Sở Thông tin và Truyền thông', { values });
    const cited = textOf(
      buildAgencyReport({
        catalog,
        settings: planned,
        agency: tab.agency,
        report: tab.report(),
        notes: new Map(),
        today,
        stamp: 'x',
      }),
    );
    expect(cited).toContain(
      'Thực hiện Kế hoạch số 75/KH-UBND ngày 30/12/2025 của UBND tỉnh về cải cách hành chính năm 2026, Sở Thông tin và Truyền thông báo cáo kết quả',
    );
    expect(cited).not.toContain('[Kế hoạch cải cách hành chính');
  });

  it('writes its own figures into the sentences in vi-VN form', () => {
    expect(text).toContain('đơn vị đã tiếp nhận 1.949 hồ sơ (kỳ trước chuyển qua 0 hồ sơ, mới tiếp nhận 1.949 hồ sơ');
    expect(text).toContain('đã giải quyết 1.936 hồ sơ (1.930 hồ sơ trước hạn và đúng hạn, 6 hồ sơ quá hạn)');
    // The on-time rate it left to the formula is recomputed from its counts: 1.930 / 1.936.
    expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,69%');
    expect(text).toContain('tỷ lệ biên chế đã tinh giản so với năm 2015 là 12,50%');
    // A coded answer reads as a sentence, not "…: Có".
    expect(text).toContain('Trong kỳ, đơn vị đã tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp.');
  });

  it('leaves no missing-figure placeholder when every figure is there, and never NaN or undefined', () => {
    expect(text).not.toContain('[chưa có số liệu');
    expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it('puts its free text in the sections it answers', () => {
    const at = (s: string) => text.indexOf(s);
    expect(at('1. Ưu điểm')).toBeLessThan(at('Cung cấp 100% dịch vụ công trực tuyến.'));
    expect(at('Cung cấp 100% dịch vụ công trực tuyến.')).toBeLessThan(at('2. Tồn tại, hạn chế'));
    expect(at('2. Tồn tại, hạn chế')).toBeLessThan(at('Tỷ lệ nộp hồ sơ qua bưu chính công ích chưa cao.'));
    expect(text).toMatch(/V\. KIẾN NGHỊ, ĐỀ XUẤT\nKhông có\./);
  });

  it('is signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC and sent to Sở Nội vụ', () => {
    const footer = model.blocks.find((b) => b.kind === 'table' && plainText(b).startsWith('Nơi nhận:'))!;
    expect(plainText(footer)).toContain('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC');
    expect(plainText(footer)).toContain('- Sở Nội vụ (b/c);');
    expect(text).toContain('gửi Sở Nội vụ tổng hợp (đính kèm phụ lục)./.');
  });

  it('appends its statistics as seed 003 does: its figures, its notes, the form of 5 columns', () => {
    const i = model.blocks.findIndex((b) => b.kind === 'para' && plainText(b) === 'Phụ lục');
    expect(i).toBeGreaterThan(0);
    expect(plainText(model.blocks[i + 1])).toBe(
      'THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    );
    expect(plainText(model.blocks[i + 2])).toBe(
      '(Kèm theo Báo cáo số       /BC-STTTT ngày      tháng 9 năm 2026 của Sở Thông tin và Truyền thông)',
    );
    const table = model.blocks[model.blocks.length - 1];
    if (table.kind !== 'table') throw new Error('no appendix table');
    expect(table.rows[0].map((c) => plainText(c[0]))).toEqual([
      'STT',
      'Chỉ tiêu thống kê',
      'Đơn vị tính',
      'Số liệu',
      'Ghi chú',
    ]);
    const row = (code: string) =>
      table.rows.find((r) => plainText(r[0][0]) === `${code}.`)!.map((c) => plainText(c[0]));
    expect(row('4.2.5')).toEqual([
      '4.2.5.',
      'Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015',
      '%',
      '12,50%',
      '',
    ]);
    expect(row('3.5.3')[4]).toBe('Có 8 TTHC thu phí, lệ phí');
    // A figure another agency supplies stays blank, with the form's note.
    expect(row('3.1.3').slice(3)).toEqual(['', 'Do Văn phòng UBND tỉnh cung cấp']);
    expect(plainText(table)).not.toContain('3.4.a.1'); // supporting rows are not on the official form
  });
});

describe("a commune's own report", () => {
  const model = draft('UBND xã Long Hòa', { '3.4.a': 120, '3.4.b': 110 });
  const text = textOf(model);

  it('is headed ỦY BAN NHÂN DÂN / XÃ LONG HÒA (ND 30), dated at the commune, signed TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', () => {
    const header = plainText(model.blocks[0]);
    expect(header.split('\n').slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ\u00a0LONG\u00a0HÒA', '________']);
    expect(header).toContain('Số:       /BC-UBND');
    expect(header).toContain('Long\u00a0Hòa, ngày      tháng 9 năm 2026');
    const footer = model.blocks.find((b) => b.kind === 'table' && plainText(b).startsWith('Nơi nhận:'))!;
    expect(plainText(footer)).toContain('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
  });

  it('marks the figures it has not typed and highlights what the commune must write', () => {
    expect(text).toContain('đơn vị đã tiếp nhận 120 hồ sơ (kỳ trước chuyển qua [chưa có số liệu: 3.4.a.1] hồ sơ');
    expect(text).toContain('[Kết quả nổi bật, ưu điểm trong kỳ]');
    expect(text).not.toMatch(/NaN|undefined|null/);
    // Every sentence it is asked for is written: a figure it left blank is a placeholder naming the row.
    expect(text).toContain(
      '1. Cải cách thể chế\nTrong kỳ, đơn vị đã ban hành, tham mưu ban hành [chưa có số liệu: 2.1] văn bản quy phạm pháp luật, kiểm tra [chưa có số liệu: 2.2] văn bản',
    );
    expect(text).toContain('Tổng số biên chế công chức được giao là [chưa có số liệu: 4.2.1] người');
    // Procedure counts belong to Văn phòng UBND tỉnh: the commune is not asked, nothing is left of them.
    expect(text).toContain(
      'Thực hiện cơ chế một cửa, một cửa liên thông: tỷ lệ thủ tục hành chính đã được phê duyệt quy trình nội bộ đạt [chưa có số liệu: 3.3.3]',
    );
    expect(bodyOf(model)).not.toMatch(/Công bố mới| {2}/);
  });

  it('has no line that does not apply to a commune, and reads a zero as "không có"', () => {
    const zeros = bodyOf(draft('UBND xã Long Hòa', { '5.3.1': 1, '5.3.2': 0, '5.3.3': 0, '5.4.4': 0, '5.2.3': 2 }));
    expect(zeros).not.toMatch(/cấp sở, ngành|lãnh đạo cấp phòng/);
    expect(zeros).toContain('\nĐơn vị đã thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển.\n');
    // No leader of a sở or phòng to appoint (both 0): no sentence about them; nobody disciplined: in words.
    expect(zeros).not.toContain('Bổ nhiệm mới');
    expect(zeros).toContain('\nVề kỷ luật, không có cán bộ, công chức, viên chức bị kỷ luật.\n');
    // Its own officials moved up are its line: written.
    expect(zeros).toContain('; 2 cán bộ, công chức cấp xã được xét chuyển thành công chức cấp trên;');
  });

  it('says there is no overdue hồ sơ in words, not "0 hồ sơ quá hạn"', () => {
    const clean = bodyOf(
      draft('UBND xã Long Hòa', {
        '3.4.a': 40,
        '3.4.b': 30,
        '3.4.b.1': 30,
        '3.4.b.2': 0,
        '3.4.c': 10,
        '3.4.c.1': 10,
        '3.4.c.2': 0,
      }),
    );
    expect(clean).toContain(
      'đã giải quyết 30 hồ sơ (30 hồ sơ trước hạn và đúng hạn, không có hồ sơ quá hạn); đang giải quyết 10 hồ sơ (10 hồ sơ chưa đến hạn, không có hồ sơ quá hạn).',
    );
  });

  it('reads a rate over nothing as "không phát sinh", not as a missing figure', () => {
    // A commune with no public service units: 0 people in 2015 and now, so no reduction to compute.
    const none = bodyOf(draft('UBND xã Long Hòa', { '4.3.1': 0, '4.3.2': 0, '4.3.3': 0, '4.3.4.base': 0 }));
    expect(none).toContain('tỷ lệ đã tinh giản so với năm 2015: không phát sinh');
    expect(none).not.toContain('[chưa có số liệu: 4.3.4]');
  });

  it('is not asked about leaders of a sở: its form and its report leave them out', () => {
    const commune = settings.agencies.find((a) => a.name === 'UBND xã Long Hòa')!;
    const modes = new Map(formRows(catalog, settings, commune).map((r) => [r.ind.code, r.mode.kind]));
    for (const code of ['5.3.2', '5.3.3', '5.4.2', '5.4.3'])
      expect([code, modes.get(code)]).toEqual([code, 'not-applicable']);
    expect([modes.get('5.3.1'), modes.get('5.4.4')]).toEqual(['input', 'input']);
    // Leaders of the province disciplined come from Sở Nội vụ, not from the commune.
    expect(modes.get('5.4.1')).toBe('owned-by');
    const body = bodyOf(draft('UBND xã Long Hòa', everything('UBND xã Long Hòa')));
    expect(body).not.toMatch(/lãnh đạo cấp sở|lãnh đạo cấp phòng/);
    expect(body).toContain('Về kỷ luật, có 7 người làm việc tại đơn vị sự nghiệp công lập bị kỷ luật.');
  });
});

describe("a department's report and the commune-only line", () => {
  it('leaves out commune officials moved up when the department has none, and writes its leaders', () => {
    const text = bodyOf(draft('Sở Nội vụ', { '5.2.3': 0, '5.3.2': 1, '5.3.3': 0, '5.4.2': 0, '5.4.3': 0, '5.4.4': 2 }));
    expect(text).not.toContain('cán bộ, công chức cấp xã được xét chuyển');
    // The list names only what happened.
    expect(text).toContain('\nBổ nhiệm mới 1 lãnh đạo cấp sở, ngành.\n');
    expect(text).toContain('\nVề kỷ luật, có 2 người làm việc tại đơn vị sự nghiệp công lập bị kỷ luật.\n');
  });
});

describe('who issues and signs an agency report', () => {
  const others = settingsFor(
    [
      { name: 'Thanh tra tỉnh', type: 'so' },
      { name: 'Ban Quản lý Khu kinh tế', type: 'so' },
      { name: 'Công an tỉnh', type: 'nganh_doc' },
      { name: 'Phường 1', type: 'xa' },
    ],
    { issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long', place: 'Vĩnh Long' },
  );
  const issuer = (name: string) => {
    const agency = others.agencies.find((a) => a.name === name)!;
    const report = tabFor(others, name).report();
    return agencyIssuer({ catalog, settings: others, agency, report, notes: new Map(), today, stamp: 'x' });
  };

  it.each([
    ['Thanh tra tỉnh', 'UBND tỉnh Vĩnh Long', 'KT. CHÁNH THANH TRA', 'PHÓ CHÁNH THANH TRA', 'Vĩnh Long'],
    ['Ban Quản lý Khu kinh tế', 'UBND tỉnh Vĩnh Long', 'KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Vĩnh Long'],
    // A vertical agency answers to its ministry, not to the province.
    ['Công an tỉnh', 'Bộ Công an', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Vĩnh Long'],
    // A ward named by a number keeps "Phường" in its place name (Nghị định 30).
    // A ward's committee heads its own report with no parent line (ND 30: ỦY BAN NHÂN DÂN / PHƯỜNG 1).
    ['Phường 1', '', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Phường 1'],
  ])('%s', (name, parent, authority, title, place) => {
    expect(issuer(name)).toMatchObject({ parentBody: parent, authority, signerTitle: title, place });
  });

  it('names a commune by its committee', () => {
    expect(issuer('Phường 1')).toMatchObject({
      issuingBody: 'UBND Phường 1',
      headerLines: ['Ủy ban nhân dân', 'Phường 1'],
      docNumber: '/BC-UBND',
    });
  });

  it('names a vertical agency called after its level with the province, as its own seal does', () => {
    expect(issuer('Công an tỉnh').issuingBody).toBe('Công an tỉnh Vĩnh Long');
  });

  it('writes no sentence about a plan a vertical agency is not asked for', () => {
    const agency = others.agencies.find((a) => a.type === 'nganh_doc')!;
    const report = tabFor(others, agency.name).report();
    const model = buildAgencyReport({ catalog, settings: others, agency, report, notes: new Map(), today, stamp: 'x' });
    const text = model.blocks.map(plainText).join('\n');
    expect(text).not.toContain('Kế hoạch cải cách hành chính của đơn vị đề ra');
    expect(text).toContain('CÔNG AN TỈNH\u00a0VĨNH\u00a0LONG');
  });

  it('dates the report on the day Thiết lập gives, when it gives one', () => {
    const dated = { ...others, reportDate: isoDate(2026, 10, 5) };
    const agency = dated.agencies[0]!;
    const report = tabFor(dated, agency.name).report();
    const i = agencyIssuer({ catalog, settings: dated, agency, report, notes: new Map(), today, stamp: 'x' });
    expect(i).toMatchObject({ date: '2026-10-05', dayBlank: false });
  });
});

describe("the consolidating department's own report", () => {
  const withSnv = settingsFor([SO('Sở Nội vụ'), SO('Sở Tư pháp')], {
    issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long',
    place: 'Vĩnh Long',
  });
  const draft = (name: string) => {
    const agency = withSnv.agencies.find((a) => a.name === name)!;
    const report = tabFor(withSnv, name).report();
    return buildAgencyReport({ catalog, settings: withSnv, agency, report, notes: new Map(), today, stamp: 'x' });
  };

  it('goes to UBND tỉnh, not to Sở Nội vụ itself', () => {
    const text = draft('Sở Nội vụ').blocks.map(plainText).join('\n');
    expect(text).toContain('của Sở Nội vụ, gửi UBND tỉnh Vĩnh Long (đính kèm phụ lục)./.');
    expect(text).toContain('UBND tỉnh Vĩnh Long (b/c);');
    expect(text).not.toContain('gửi Sở Nội vụ');
    // Any other department still sends its report to Sở Nội vụ to consolidate.
    expect(draft('Sở Tư pháp').blocks.map(plainText).join('\n')).toContain(
      'gửi Sở Nội vụ tổng hợp (đính kèm phụ lục)./.',
    );
  });
});
