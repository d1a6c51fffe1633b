import { consolidate } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { buildProvinceReport } from '../../../src/core/report/province';
import { placeholderValues } from '../../../src/core/report/template-placeholders';
import { Block, ReportModel, plainText } from '../../../src/core/report/model';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, tabFor } from '../../helpers';

function textOf(model: ReportModel): string {
  return model.blocks.map((b: Block) => plainText(b)).join('\n');
}

const today = isoDate(2026, 3, 5);

function fullSummary() {
  const settings = settingsFor([SO('Sở Nội vụ'), XA('UBND xã An Phú')], {
    issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh',
    place: 'Trà Vinh',
  });
  const values = {
    '1.1.1': 20,
    '1.1.2': 18,
    '1.1.3': 3,
    '1.2': 1,
    '3.4.a': 17445,
    '3.4.a.1': 618,
    '3.4.a.2': 16827,
    '3.4.a.3': 4443,
    '3.4.b': 16331,
    '3.4.b.1': 16300,
    '3.4.b.2': 31,
    '3.4.c': 1114,
    '3.4.c.1': 1100,
    '3.4.c.2': 14,
    '4.2.1': 28,
    '4.2.2': 27,
    '4.2.5.base': 32,
  };
  const tabs = [
    tabFor(settings, 'Sở Nội vụ', {
      status: 'Đã gửi',
      sentOn: new Date(2026, 8, 18),
      values,
      freeText: { difficulties: 'Đường truyền chập chờn.' },
    }),
  ];
  const results = tabs.map((t) =>
    validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
  );
  results.push(
    validateAgency(catalog, settings, settings.agencies[1], null, { today: isoDate(2026, 9, 30), isProtected: null }),
  );
  return consolidate(catalog, settings, results);
}

function fullReport(): ReportModel {
  return buildProvinceReport({ catalog, summary: fullSummary(), today, stamp: '30/09/2026 08:00' });
}

describe('the report model', () => {
  const model = fullReport();
  const text = textOf(model);

  it("uses the decree's page: A4, margins, Times New Roman, numbers from page 2", () => {
    expect(model.page).toEqual({
      widthMm: 210,
      heightMm: 297,
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    });
    expect(model.font).toBe('Times New Roman');
    expect(model.pageNumbersFromSecondPage).toBe(true);
  });

  it('opens with the two-column header, the date line with leading zeros, and the subject', () => {
    const header = plainText(model.blocks[0]);
    expect(header).toContain('ỦY BAN NHÂN DÂN\nTỈNH\u00a0TRÀ\u00a0VINH');
    expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header).toContain('Độc lập - Tự do - Hạnh phúc');
    // No report date in the settings: the day is left for the signer, as the seeds do.
    expect(header).toContain('Trà\u00a0Vinh, ngày      tháng 3 năm 2026');
    expect(header).toContain('Số:       /BC-UBND');
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý III năm 2026');
    // No guidance named for a 2026 period: a highlighted placeholder, the issuer's name in capitals.
    expect(text).toContain(
      'Thực hiện [văn bản hướng dẫn của Bộ Nội vụ: số, ngày, trích yếu], Ủy ban nhân dân tỉnh Trà Vinh báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2026 như sau:',
    );
  });

  it('writes the figures into sentences in vi-VN format', () => {
    expect(text).toContain('đề ra 20 nhiệm vụ; đến nay đã hoàn thành 18 nhiệm vụ, đạt 90% kế hoạch');
    expect(text).toContain(
      'đã tiếp nhận 17.445 hồ sơ (kỳ trước chuyển qua 618 hồ sơ, mới tiếp nhận 16.827 hồ sơ, trong đó 4.443 hồ sơ trực tuyến)',
    );
    expect(text).toContain('đã giải quyết 16.331 hồ sơ (16.300 hồ sơ trước hạn và đúng hạn, 31 hồ sơ quá hạn)');
    expect(text).toContain('tại các sở, ngành đạt 99,81%');
    expect(text).toContain('tỷ lệ biên chế đã tinh giản so với năm 2015 là 12,50%');
  });

  it('never writes a missing figure as 0, NaN, undefined or null', () => {
    expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
    // The commune did not report: its rate is a highlighted placeholder naming it, not 0%.
    expect(text).toContain('tại UBND cấp xã đạt [chưa có số liệu của UBND xã An Phú: 3.4.3]');
    const placeholder = model.blocks
      .flatMap((b) => (b.kind === 'para' ? b.runs : []))
      .find((r) => r.text === '[chưa có số liệu của UBND xã An Phú: 3.4.3]');
    expect(placeholder?.highlight).toBe(true);
    // A sentence with no figure at all is still written, each hole saying whose figure is missing
    // (no Văn phòng UBND tỉnh among these agencies: nobody is designated).
    expect(text).toContain(
      'Cổng Dịch vụ công của tỉnh đã tích hợp [chưa có số liệu của đơn vị được chỉ định (trang Thiết lập): 3.5.1] thủ tục hành chính',
    );
  });

  it('states what the data supports in section III, and leaves the judgement highlighted', () => {
    expect(text).toContain('Có 1/2 cơ quan, đơn vị đã gửi báo cáo');
    expect(text).toContain('Còn 1 cơ quan, đơn vị chưa gửi báo cáo: UBND xã An Phú.');
    expect(text).toContain('Có 14 hồ sơ đang giải quyết đã quá hạn, tại 1 cơ quan, đơn vị: Sở Nội vụ (14).');
    expect(text).toContain(
      'Khó khăn, vướng mắc do các cơ quan, đơn vị báo cáo (đầy đủ tại Phụ lục III):\n- Đường truyền chập chờn (Sở Nội vụ).',
    );
    expect(text).toContain('[Nhận định của đơn vị tổng hợp về tồn tại, hạn chế và nguyên nhân]');
  });

  it('appends Phụ lục I, II and III (the agencies\' words), each "Kèm theo Báo cáo số …"', () => {
    expect(text).toContain('Phụ lục I');
    expect(text).toContain('Phụ lục II');
    expect(
      text.match(
        /\(Kèm theo Báo cáo số {7}\/BC-UBND ngày {6}tháng 3 năm 2026 của Ủy ban nhân dân tỉnh\u00a0Trà\u00a0Vinh\)/g,
      ),
    ).toHaveLength(3);
    const appendixIII = model.blocks[model.blocks.length - 1];
    expect(plainText(appendixIII)).toBe(
      'STT\tNội dung\tCơ quan, đơn vị\n\tKhó khăn, vướng mắc\t\n1\tĐường truyền chập chờn\tSở Nội vụ',
    );
    const appendixII = model.blocks[model.blocks.length - 5];
    expect(appendixII.kind === 'table' && appendixII.rows[0].map((c) => plainText(c[0]))).toEqual([
      'STT',
      'Chỉ tiêu thống kê',
      'Đơn vị tính',
      'Số liệu',
      'Ghi chú',
    ]);
    expect(plainText(appendixII)).not.toContain('3.4.a.1'); // supporting rows are not on the official form
  });

  it('ends with Nơi nhận and the signature block', () => {
    const footer = model.blocks.find((b) => b.kind === 'table' && plainText(b).startsWith('Nơi nhận:'))!;
    expect(plainText(footer)).toContain('KT. CHỦ TỊCH');
    expect(plainText(footer)).toContain('PHÓ CHỦ TỊCH');
    expect(plainText(footer)).toContain('- Lưu: VT, NC.');
  });

  it('reads sensibly for a sparse summary where nobody reported', () => {
    const settings = settingsFor([SO('Sở Nội vụ')]);
    const results = [validateAgency(catalog, settings, settings.agencies[0], null, { today, isProtected: null })];
    const sparse = textOf(
      buildProvinceReport({ catalog, summary: consolidate(catalog, settings, results), today, stamp: 'x' }),
    );
    expect(sparse).not.toMatch(/NaN|undefined|null| 0 hồ sơ|: 0%/);
    expect(sparse).toContain('Có 0/1 cơ quan, đơn vị đã gửi báo cáo');
    expect(sparse).toContain('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH');
  });

  it('fills custom-template placeholders with vi-VN figures and marks missing ones', () => {
    const values = placeholderValues({ catalog, summary: fullSummary(), today, stamp: 'x' });
    expect(values.ky_bao_cao).toBe('quý III');
    expect(values.ky_bao_cao_day_du).toBe('quý III năm 2026');
    expect(values.nam).toBe('2026');
    expect(values.so_don_vi).toBe('2');
    expect(values.so_don_vi_da_gui).toBe('1');
    expect(values.don_vi_chua_gui).toBe('UBND xã An Phú');
    expect(values['3.4.a']).toBe('17.445');
    expect(values['3.4.1']).toBe('99,81%');
    expect(values['3.4.3']).toBe('[chưa có số liệu: 3.4.3]');
    expect(values.ngay_bao_cao).toBe('ngày      tháng 3 năm 2026');
  });

  it('prints the whole date, with leading zeros, when the settings give it', () => {
    const summary = fullSummary();
    const dated = { ...summary, settings: { ...summary.settings, reportDate: isoDate(2026, 10, 5) } };
    const header = plainText(buildProvinceReport({ catalog, summary: dated, today, stamp: '' }).blocks[0]);
    expect(header).toContain('Trà\u00a0Vinh, ngày 05 tháng 10 năm 2026');
  });

  it('names the next period in Section IV', () => {
    // The fixture is quý III năm 2026: the next period is quý IV năm 2026.
    expect(text).toContain('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026');
  });
});
