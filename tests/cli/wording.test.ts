import { forCli } from '../../src/cli/wording';
import { validateAgency } from '../../src/core/checks/validate';
import { isoDate } from '../../src/core/primitives/dates';
import { CLEAN_SO, SO, catalog, settingsFor, tabFor } from '../helpers';

describe('findings worded for the command line', () => {
  it('explains a "Đã gửi" with no date without blaming Apps Script or naming the menu', () => {
    const settings = settingsFor([SO('Sở Nội vụ')]);
    const t = tabFor(settings, 'Sở Nội vụ', { status: 'Đã gửi', sentOn: '', values: CLEAN_SO });
    const r = validateAgency(catalog, settings, t.agency, t.report(), {
      today: isoDate(2026, 9, 25),
      isProtected: true,
    });
    expect(r.findings.map((f) => forCli(f.message))).toEqual([
      'Ô C7: trang được đánh dấu "Đã gửi" nhưng chưa có ngày gửi: ngoài bảng tính Google, chọn "Đã gửi" không tự ' +
        'kiểm tra và không tự ghi ngày gửi. Hãy nhờ đơn vị nhập "Đã gửi" vào ô Trạng thái, hoặc ghi ngày gửi ' +
        '(dd/mm/yyyy) vào ô C7 sau khi đã kiểm tra trang.',
    ]);
  });
});
