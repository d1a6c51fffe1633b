import { RawCell } from '../../../src/core/sheet/grid';
import { Settings, assignBranches, branchesOf, readSettings, settingsPlan } from '../../../src/core/settings';
import { runContext } from '../../../src/core/settings/run-context';
import { SO, XA, settingsFor, snapshotOf } from '../../helpers';

const grid = (s: Settings): RawCell[][] => snapshotOf(settingsPlan(s)).values.map((r) => [...r]);
const rowOf = (values: RawCell[][], label: string) => values.findIndex((r) => r[0] === label);

/** A province whose communes are kept in two branch workbooks. */
function spread(): Settings {
  const s = settingsFor([SO('Sở Nội vụ'), XA('UBND xã An Bình'), XA('UBND xã Long Hòa'), XA('UBND phường 1')]);
  const branch = ['', 'Nhánh 1', 'Nhánh 1', 'Nhánh 2'];
  return { ...s, agencies: s.agencies.map((a, i) => ({ ...a, branch: branch[i] })) };
}

describe('branch workbooks on Thiết lập', () => {
  it('reads back which workbook holds each agency and the most agencies a branch may hold', () => {
    const values = grid({ ...spread(), branchCapacity: 40 });
    const header = values.find((r) => r[0] === 'STT' && r[1] === 'Tên đơn vị')!;
    expect(header[8]).toBe('Sổ nhánh');
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.agencies.map((a) => a.branch)).toEqual(['', 'Nhánh 1', 'Nhánh 1', 'Nhánh 2']);
    expect(r.settings.branchCapacity).toBe(40);
    expect(r.settings.thisBranch).toBe('');
    // The main workbook's sheet has no "this branch" row at all.
    expect(rowOf(values, 'Sổ nhánh của tệp này')).toBe(-1);
  });

  it('loads an older sheet without the column and the row: every form in the main workbook, 60 a branch', () => {
    const values = grid(spread())
      .filter((row) => row[0] !== 'Số đơn vị tối đa mỗi sổ nhánh')
      .map((row) => row.slice(0, 8));
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.agencies.every((a) => !a.branch)).toBe(true);
    expect(r.settings.branchCapacity).toBe(60);
  });

  it('refuses a capacity that is not a whole number from 1 to 200, by its cell, in Vietnamese', () => {
    for (const typed of ['0', '60,5', 'sáu mươi', 250]) {
      const values = grid(spread());
      const row = rowOf(values, 'Số đơn vị tối đa mỗi sổ nhánh');
      values[row]![1] = typed;
      const r = readSettings(values);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toEqual([
        {
          cell: `B${row + 1}`,
          message: `"Số đơn vị tối đa mỗi sổ nhánh" phải là số nguyên từ 1 đến 200 (đang là "${typed}"); để trống thì mỗi sổ nhánh giữ tối đa 60 đơn vị.`,
        },
      ]);
    }
  });

  it('warns, without blocking, when a branch holds more agencies than allowed', () => {
    const r = readSettings(grid({ ...spread(), branchCapacity: 1 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.message)).toContain(
      'Sổ nhánh "Nhánh 1" có 2 đơn vị, nhiều hơn số tối đa 1 (dòng "Số đơn vị tối đa mỗi sổ nhánh"): Google chỉ cho khoảng 100 người cùng làm việc trên một bảng tính, hãy chuyển bớt đơn vị sang sổ nhánh khác ở cột "Sổ nhánh".',
    );
  });

  it("a branch's own copy names itself, and a run on it concerns its own agencies only", () => {
    const r = readSettings(grid({ ...spread(), thisBranch: 'Nhánh 1' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.thisBranch).toBe('Nhánh 1');
    expect(r.settings.agencies).toHaveLength(4); // the copy keeps the province's table
    const ctx = runContext(r.settings);
    expect(ctx.roster.agencies.map((a) => a.name)).toEqual(['UBND xã An Bình', 'UBND xã Long Hòa']);
    // Who supplies the province-wide figures stays the province's choice.
    expect(ctx.settings.owners['4.1.1']).toBe('Sở Nội vụ');
  });

  it('shares the communes out over as few branches as keep each within the capacity, the sở in the main one', () => {
    const communes = Array.from({ length: 125 }, (_, i) => XA(`UBND xã Số ${i + 1}`));
    const s = assignBranches(settingsFor([SO('Sở Nội vụ'), ...communes, SO('Sở Tài chính')]));
    expect(branchesOf(s).map((b) => [b.name, b.agencies.length])).toEqual([
      ['Nhánh 1', 42],
      ['Nhánh 2', 42],
      ['Nhánh 3', 41],
    ]);
    expect(s.agencies.filter((a) => !a.branch).map((a) => a.name)).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
    // A list that already says where the forms go is kept.
    const kept = spread();
    expect(assignBranches(kept)).toBe(kept);
  });
});
