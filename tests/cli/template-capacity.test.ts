import { existsSync, writeFileSync } from 'node:fs';
import { cliWith, scratch } from './helpers';

const { at } = scratch('cchc-capacity-');
const cli = cliWith(() => new Date(2026, 9, 5, 9, 30));

describe('template with an agency list too long for one book', () => {
  it('refuses 10.000 agencies at once, says how many fit, and writes nothing', async () => {
    const lines = ['STT,Tên đơn vị,Loại'];
    for (let i = 1; i <= 10_000; i++) lines.push(`${i},UBND xã Số ${i},Cấp xã`);
    writeFileSync(at('don-vi.csv'), lines.join('\n'));
    const { code, out } = await cli('template', '--agencies', at('don-vi.csv'), '--out', at('so.xlsx'));
    expect(code).toBe(2);
    // 5.000 parts the commands read, 20 for the book's own, 4 per tab: (5.000 − 20) / 4 = 1.245.
    expect(out).toContain(
      'Danh sách có 10.000 đơn vị, nhiều hơn một sổ chứa được: các lệnh của công cụ này chỉ đọc tệp .xlsx có ' +
        'tối đa 5.000 phần, mỗi trang biểu mẫu là 4 phần, nên một sổ chứa được tối đa 1.245 đơn vị. ' +
        'Chưa tạo trang nào. Hãy chia danh sách thành nhiều sổ, mỗi sổ không quá 1.245 đơn vị.',
    );
    expect(existsSync(at('so.xlsx'))).toBe(false);
  });
});
