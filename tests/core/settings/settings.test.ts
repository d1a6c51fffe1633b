import { RawCell } from '../../../src/core/sheet/grid';
import { SheetPlan } from '../../../src/core/sheet/plan';
import {
  AGENCY_HEADER,
  FIELDS,
  Settings,
  defaultSheetName,
  readSettings,
  settingsPlan,
} from '../../../src/core/settings';
import { SO, XA, settingsFor, snapshotOf } from '../../helpers';

function grid(plan: SheetPlan): RawCell[][] {
  return snapshotOf(plan).values.map((r) => [...r]);
}

function rowOf(values: RawCell[][], label: string): number {
  return values.findIndex((r) => r[0] === label);
}

function agencyRow(values: RawCell[][], name: string): RawCell[] {
  return values.find((r) => r[1] === name)!;
}

const base = () =>
  settingsFor([SO('Văn phòng UBND tỉnh'), SO('Sở Nội vụ'), SO('Sở Khoa học và Công nghệ'), XA('UBND xã Long Hòa')]);

function problemsOf(edit: (v: RawCell[][]) => void, s: Settings = base()) {
  const values = grid(settingsPlan(s));
  edit(values);
  const r = readSettings(values);
  return r.ok ? [] : r.problems;
}

describe('the settings sheet', () => {
  it('reads back exactly what it was written with', () => {
    const s = base();
    const r = readSettings(grid(settingsPlan(s)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.agencies.map((a) => [a.name, a.type, a.sheet])).toEqual(
      s.agencies.map((a) => [a.name, a.type, a.sheet]),
    );
    expect(r.settings.period.id).toBe('Q3');
    expect(r.settings.period.to).toBe('2026-09-14');
    expect(r.settings.owners['3.1.3']).toBe('Văn phòng UBND tỉnh');
    expect(r.settings.owners['4.1.1']).toBe('Sở Nội vụ');
    expect(r.settings.owners['7.1']).toBe('Sở Khoa học và Công nghệ');
    expect(r.settings.recipients).toEqual(s.recipients);
  });

  it("reads the province's plan that agency reports cite, and an older sheet without its row as blank", () => {
    const plan = 'Kế hoạch số 75/KH-UBND ngày 30/12/2025 của UBND tỉnh về cải cách hành chính năm 2026';
    const values = grid(settingsPlan({ ...base(), provincePlan: plan }));
    const r = readSettings(values);
    expect(r.ok && r.settings.provincePlan).toBe(plan);
    const older = values.filter((row) => row[0] !== 'Kế hoạch CCHC của tỉnh');
    expect(older.length).toBe(values.length - 1);
    const o = readSettings(older);
    expect(o.ok && o.settings.provincePlan).toBe('');
  });

  it('has every field the issue lists, with a dropdown for the period', () => {
    const labels = FIELDS.map((f) => f.label);
    for (const l of [
      'Cơ quan chủ quản',
      'Cơ quan báo cáo',
      'Địa danh',
      'Kỳ báo cáo',
      'Năm',
      'Ngày chốt số liệu',
      'Hạn gửi báo cáo',
      'Văn bản hướng dẫn',
      'Số ký hiệu',
      'Thẩm quyền ký',
      'Chức vụ người ký',
      'Người ký',
      'Nơi nhận',
    ])
      expect(labels).toContain(l);
    const plan = settingsPlan(base());
    const period = plan.rows.find((r) => r[0].v === 'Kỳ báo cáo')!;
    expect(period[1].s?.validation).toEqual({
      kind: 'list',
      values: ['Quý I', 'Quý II', '6 tháng', 'Quý III', '9 tháng', 'Quý IV', 'Năm'],
    });
    expect(
      plan.rows.some((r) =>
        r
          .map((c) => c.v)
          .join('|')
          .startsWith(AGENCY_HEADER.join('|')),
      ),
    ).toBe(true);
  });

  it('reports every problem at once, each in Vietnamese with its cell', () => {
    const problems = problemsOf((v) => {
      const a = agencyRow(v, 'Sở Nội vụ');
      a[1] = 'Văn phòng UBND tỉnh'; // duplicate agency
      const b = agencyRow(v, 'UBND xã Long Hòa');
      b[3] = 'Văn phòng UBND tỉnh'; // duplicate tab
      b[4] = 'nhaplieu@@longhoa'; // bad email
      const c = agencyRow(v, 'Sở Khoa học và Công nghệ');
      c[3] = 'Sở KH/CN: trang [1]'; // forbidden characters
      v[rowOf(v, 'Kỳ báo cáo')][1] = '';
      v[rowOf(v, 'Năm')][1] = 'hai không hai sáu';
    });
    const text = problems.map((p) => `${p.cell}: ${p.message}`).join('\n');
    expect(text).toMatch(/Đơn vị "Văn phòng UBND tỉnh" bị trùng/);
    expect(text).toMatch(/Tên trang tính "Văn phòng UBND tỉnh" bị trùng/);
    expect(text).toMatch(/email "nhaplieu@@longhoa" không hợp lệ/);
    expect(text).toMatch(/ký tự Excel không chấp nhận/);
    expect(text).toMatch(/Chưa chọn "Kỳ báo cáo"/);
    expect(text).toMatch(/Năm "hai không hai sáu" không hợp lệ/);
    expect(problems.every((p) => p.cell === null || /^[A-F]\d+$/.test(p.cell))).toBe(true);
  });

  it('refuses a tab name Excel cannot open (over 31 characters)', () => {
    const problems = problemsOf((v) => {
      agencyRow(v, 'UBND xã Long Hòa')[3] = 'Ủy ban nhân dân xã Long Hòa, huyện Châu Thành';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('tối đa 31 ký tự');
  });

  it('says nothing of the default deadline, the 10th of the last month, though it comes before the cut-off', () => {
    const values = grid(settingsPlan(base()));
    expect(values[rowOf(values, 'Hạn gửi báo cáo')][1]).toEqual(new Date(2026, 8, 10));
    const r = readSettings(values);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('takes a deadline before the cut-off date as a warning on its cell, not a problem', () => {
    const values = grid(settingsPlan(base()));
    const at = rowOf(values, 'Hạn gửi báo cáo');
    values[at][1] = new Date(2026, 8, 5);
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.cell)).toEqual([`B${at + 1}`]);
    expect(r.warnings[0].message).toContain(
      'Hạn gửi báo cáo (05/09/2026) trước ngày chốt số liệu (14/09/2026): số liệu tính đến ngày gửi báo cáo',
    );
  });

  it('refuses district committees for periods after 01/07/2025', () => {
    const problems = problemsOf((v) => {
      agencyRow(v, 'UBND xã Long Hòa')[2] = 'UBND cấp huyện (trước 01/07/2025)';
    });
    expect(problems[0].message).toContain('không còn cấp huyện');
  });

  it('checks the owner table and the switched-off codes', () => {
    const problems = problemsOf((v) => {
      const owner = v.find((r) => r[0] === '3.1.3')!;
      owner[2] = 'Sở Không Có';
      v[rowOf(v, 'Chỉ tiêu không sử dụng')][1] = '5.2.3, 9.9';
    });
    expect(problems.map((p) => p.message)).toEqual([
      '"Chỉ tiêu không sử dụng": không có chỉ tiêu mã "9.9".',
      'Chỉ tiêu 3.1.3: đơn vị cung cấp "Sở Không Có" không có trong danh sách đơn vị báo cáo.',
    ]);
  });

  it('makes tab names Excel can open from long agency names', () => {
    expect(defaultSheetName('Ủy ban nhân dân xã Long Hòa')).toBe('UBND xã Long Hòa');
    expect(defaultSheetName('Sở Lao động, Thương binh và Xã hội tỉnh Trà Vinh').length).toBeLessThanOrEqual(31);
    expect(defaultSheetName('Sở A/B: [thử]')).toBe('Sở A B thử');
  });

  it('reports every mistake in the province indicator table by its cell, with the fix', () => {
    const values = grid(settingsPlan(base()));
    const first = values.findIndex((r) => r[0] === 'CHỈ TIÊU BỔ SUNG CỦA TỈNH') + 3; // 0-based, below the header
    const rows: string[][] = [
      ['8', 'Chỉ tiêu chuyển đổi số', '', '', 'Nhóm', '', '', '', ''],
      ['', 'Không có mã', '', 'Hồ sơ', 'Số lượng', '', '', '', ''],
      ['9.1', 'Thiếu chỉ tiêu cha', '', 'Hồ sơ', 'Số lượng', '', '', '', ''],
      ['8.2', 'Cha không có', '9', 'Hồ sơ', 'Số lượng', '', '', '', ''],
      ['8.3', '', '8', 'Hồ sơ', 'Số lượng', '', '', '', ''],
      ['8.4', 'Tỷ lệ thiếu mẫu số', '8', '%', 'Tỷ lệ (%)', 'Tính từ tử số/mẫu số', '8.4.a', '', ''],
      ['8.5', 'Tỷ lệ tử số là nhóm', '8', '%', 'Tỷ lệ (%)', '', '8', '3.4.b', ''],
      ['8.6', 'Đã triển khai', '8', '', 'Lựa chọn', '', '', '', ''],
      ['8.7', 'Số người', '8', 'Người', 'Số lượng', 'Đếm theo lựa chọn', '', '', ''],
      ['8.8', 'Số người', '8', 'Người', 'Số lượng', 'Cộng', '', '', 'Huyện'],
      ['8.8', 'Lặp mã', '8', 'Người', 'Số lượng', 'Cộng', '', '', ''],
      ['8.9', 'Đúng', '8', 'Người', 'Số lượng', 'Cộng', '', '', ''],
    ];
    values.splice(first, 0, ...rows); // more rows than the blank ones: inserted, as a user would
    const r = readSettings(values);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const row = (i: number) => first + i + 1;
    expect(r.problems.map((p) => p.cell)).toEqual([
      `A${row(1)}`,
      `C${row(2)}`,
      `C${row(3)}`,
      `B${row(4)}`,
      `H${row(5)}`,
      `D${row(7)}`,
      `F${row(8)}`,
      `I${row(9)}`,
      `A${row(10)}`,
      `G${row(6)}`,
    ]);
    const say = (cell: string) => r.problems.find((p) => p.cell === cell)!.message;
    expect(say(`C${row(2)}`)).toBe(
      'Chỉ tiêu bổ sung "9.1": mã "9.1" là chỉ tiêu con nên cần ghi chỉ tiêu cha ở cột C (ví dụ "9").',
    );
    expect(say(`G${row(6)}`)).toContain('"8" không phải chỉ tiêu loại "Số lượng"');
    expect(say(`D${row(7)}`)).toContain('"Chưa = 0; Đang làm = 1; Hoàn thành = 2"');
    expect(say(`I${row(9)}`)).toBe(
      'Chỉ tiêu bổ sung "8.8": "Huyện" không hợp lệ; chọn "Tất cả đơn vị", "Sở, ban, ngành", "UBND cấp xã".',
    );
    expect(say(`A${row(10)}`)).toContain(`mã bị trùng với dòng ${row(9)}`);
  });

  it('asks for the supplier of a province indicator one agency supplies, and reads it', () => {
    const values = grid(settingsPlan(base()));
    const first = values.findIndex((r) => r[0] === 'CHỈ TIÊU BỔ SUNG CỦA TỈNH') + 3;
    values[first].splice(
      0,
      6,
      '7.9',
      'Tỷ lệ dịch vụ công trực tuyến toàn trình',
      '7',
      '%',
      'Tỷ lệ (%)',
      'Một đơn vị cung cấp',
    );
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ownerEnd = values.findIndex((row) => row[0] === '7.8.2') + 1; // the owner table's last row, 1-based
    expect(r.warnings.map((w) => [w.cell, w.message])).toEqual([
      [
        `A${ownerEnd + 1}`,
        `Chỉ tiêu bổ sung 7.9 "Tỷ lệ dịch vụ công trực tuyến toàn trình" do một đơn vị cung cấp nhưng chưa có trong bảng "ĐƠN VỊ CUNG CẤP SỐ LIỆU DÙNG CHUNG TOÀN TỈNH": thêm một dòng ngay dưới ô A${ownerEnd} (chèn dòng nếu cần), nhập mã 7.9 ở cột A và chọn đơn vị cung cấp ở cột C.`,
      ],
    ]);
    values[ownerEnd].splice(0, 3, '7.9', '', 'Sở Khoa học và Công nghệ');
    const again = readSettings(values);
    expect(again.ok && again.warnings).toEqual([]);
    expect(again.ok && again.settings.owners['7.9']).toBe('Sở Khoa học và Công nghệ');
  });
});
