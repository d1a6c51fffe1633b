import { isValueRow } from '../../../src/core/catalog/catalog';
import { askedRows } from '../../../src/core/form/row-modes';
import { COLORS } from '../../../src/core/sheet/plan';
import { agencyTabPlan } from '../../../src/core/form/template';
import { SO, XA, catalog, settingsFor } from '../../helpers';

const settings = settingsFor([
  SO('Văn phòng UBND tỉnh'),
  SO('Sở Y tế'),
  XA('UBND xã Long Hòa'),
  { name: 'Công an tỉnh', type: 'nganh_doc' },
]);
const plan = (name: string) =>
  agencyTabPlan(
    catalog,
    settings,
    settings.agencies.find((a) => a.name === name)!,
  );
const row = (name: string, code: string) => {
  const p = plan(name);
  return p.plan.rows[p.layout.codeRows.get(code)! - 1];
};

describe('the agency tab', () => {
  it('has the appendix columns, exactly, and one row per asked indicator with its code in STT', () => {
    for (const a of settings.agencies) {
      const { plan: pl, layout } = agencyTabPlan(catalog, settings, a);
      expect(pl.rows[layout.headerRow - 1].map((c) => c.v)).toEqual([
        'STT',
        'Chỉ tiêu thống kê',
        'Đơn vị tính',
        'Số liệu',
        'Ghi chú',
      ]);
      const asked = askedRows(catalog, settings).map((r) => r.code);
      expect([...layout.codeRows.keys()]).toEqual(asked);
      for (const [code, r] of layout.codeRows) expect(pl.rows[r - 1][0].v).toBe(code);
      expect(pl.rows.every((r) => r.length === 5)).toBe(true);
      expect(pl.name.length).toBeLessThanOrEqual(31);
    }
  });

  it('shows the header block and the three free-text fields', () => {
    const p = plan('Sở Y tế');
    const labels = p.plan.rows.map((r) => r[1].v);
    for (const l of [
      'Đơn vị báo cáo:',
      'Kỳ báo cáo:',
      'Trạng thái báo cáo:',
      'Ngày gửi:',
      'Người lập biểu:',
      'Điện thoại:',
      'Kết quả nổi bật:',
      'Khó khăn, vướng mắc:',
      'Kiến nghị, đề xuất:',
    ])
      expect(labels).toContain(l);
    expect(p.plan.rows.find((r) => r[1].v === 'Trạng thái báo cáo:')![2].v).toBe('Chưa gửi');
    expect(p.plan.rows.find((r) => r[1].v === 'Kỳ báo cáo:')![2].v).toBe('Quý III năm 2026');
  });

  it('greys out and locks rows that do not apply or that another agency supplies', () => {
    const communeRate = row('Sở Y tế', '3.4.3');
    expect(communeRate[4].v).toBe('Không áp dụng');
    expect(communeRate[3].s?.background).toBe(COLORS.locked);
    expect(row('Sở Y tế', '3.1.3')[4].v).toBe('Do Văn phòng UBND tỉnh cung cấp');
    expect(row('Văn phòng UBND tỉnh', '3.1.3')[4].v).toBeNull();
    expect(row('UBND xã Long Hòa', '3.4.1')[4].v).toBe('Không áp dụng');
    expect(row('Công an tỉnh', '3.4.1')[3].s?.validation).toEqual({ kind: 'percent' });
    const p = plan('Sở Y tế');
    const locked = p.layout.codeRows.get('3.4.3')!;
    expect(
      p.layout.editable.some(
        (r) =>
          new RegExp(`^D\\d+:E\\d+$`).test(r) &&
          +r.split(':')[0].slice(1) <= locked &&
          +r.split(':')[1].slice(1) >= locked,
      ),
    ).toBe(false);
  });

  it('styles groups bold and shaded, indents parts, and marks supporting rows', () => {
    expect(row('Sở Y tế', '3.4')[1].s).toMatchObject({ bold: true, background: COLORS.group });
    expect(String(row('Sở Y tế', '3.4.a.1')[1].v)).toMatch(/^ {4}Trong đó/);
    expect(String(row('Sở Y tế', '3.3.3.a')[1].v)).toContain('(số liệu để tính chỉ tiêu 3.3.3)');
  });

  it('helps input: whole numbers, percentages from their counts by formula, labelled dropdowns, notes', () => {
    expect(row('Sở Y tế', '3.4.a')[3].s?.validation).toEqual({ kind: 'wholeNumber' });
    const p = plan('Sở Y tế');
    const num = p.layout.codeRows.get('3.3.3.a')!;
    const den = p.layout.codeRows.get('3.3.3.b')!;
    expect(row('Sở Y tế', '3.3.3')[3].v).toEqual({ formula: { kind: 'ratio', num: `D${num}`, den: `D${den}` } });
    expect(row('Sở Y tế', '3.3.3')[3].s?.numberFormat).toBe('0.00%');
    expect(row('Sở Y tế', '1.2')[3].s?.validation).toEqual({ kind: 'list', values: ['0 - Không', '1 - Có'] });
    for (const [, r] of p.layout.codeRows) {
      const cells = p.plan.rows[r - 1];
      const ind = catalog.must(String(cells[0].v));
      if (isValueRow(ind) && cells[4].v === null) expect(cells[3].s?.note).toBeTruthy();
    }
  });

  it('lets each agency edit only its value and note cells, the status block and the free text', () => {
    const p = plan('Sở Y tế');
    expect(p.plan.protection).toMatchObject({ kind: 'agency' });
    expect(p.layout.editable[0]).toBe('C6:C9');
    expect(p.layout.editable).toEqual(expect.arrayContaining(Object.values(p.layout.freeTextCells)));
  });
});
