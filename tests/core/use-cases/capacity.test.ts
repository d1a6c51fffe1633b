/** "Tạo biểu mẫu" refuses, at once and before writing anything, a list one spreadsheet cannot hold. */
import { catalogFor } from '../../../src/core/catalog/versions';
import { isoDate } from '../../../src/core/primitives/dates';
import { exampleSettings } from '../../../src/core/settings/example';
import { capacityProblem, generateTemplates } from '../../../src/core/use-cases';
import { runContext } from '../../../src/core/settings/run-context';
import { MemoryWorkbook } from '../../fakes/memory-workbook';

const communes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `UBND xã Số ${i + 1}`, type: 'xa' as const }));

describe('how many agencies one spreadsheet holds', () => {
  it('refuses 12.000 agencies before building any tab, naming Google’s limit and how many fit', () => {
    const settings = exampleSettings('Q3', 2026, communes(12_000));
    const wb = new MemoryWorkbook(isoDate(2026, 9, 25));
    // Timings belong to the benchmark: what a test can see is that nothing was built or written.
    const out = generateTemplates(wb, runContext(settings));
    // A tab is 149 rows × 5 columns; with its detail column (149) and its Thiết lập line (26), an agency
    // takes 920 cells, and 100.000 are kept for the other sheets: (10.000.000 − 100.000) / 920 = 10.760.
    expect(out.refused).toBe(
      'Danh sách có 12.000 đơn vị, nhiều hơn một sổ chứa được: mỗi bảng tính Google có tối đa 10.000.000 ô, ' +
        'mỗi trang biểu mẫu dùng 745 ô (149 dòng × 5 cột), nên một sổ chứa được tối đa 10.760 đơn vị. ' +
        'Chưa tạo trang nào. Hãy chia danh sách thành nhiều sổ, mỗi sổ không quá 10.760 đơn vị.',
    );
    expect(out.created).toEqual([]);
    expect(wb.sheetNames()).toEqual([]);
  });

  it('accepts a list that fits, and a caller’s tighter cap is named instead of Google’s', () => {
    const fits = exampleSettings('Q3', 2026, communes(10_760));
    expect(capacityProblem(catalogFor(fits), fits)).toBeNull();
    const small = exampleSettings('Q3', 2026, communes(3));
    expect(capacityProblem(catalogFor(small), small, { maxTabs: 2, why: 'tối đa 2 trang' })).toBe(
      'Danh sách có 3 đơn vị, nhiều hơn một sổ chứa được: tối đa 2 trang, nên một sổ chứa được tối đa 2 đơn vị. ' +
        'Chưa tạo trang nào. Hãy chia danh sách thành nhiều sổ, mỗi sổ không quá 2 đơn vị.',
    );
  });
});
