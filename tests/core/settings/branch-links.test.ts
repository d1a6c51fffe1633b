/** Where each branch spreadsheet is: the row "Đường dẫn các sổ nhánh" of Thiết lập. */
import { RawCell } from '../../../src/core/sheet/grid';
import { Settings, readSettings, settingsPlan } from '../../../src/core/settings';
import { SO, XA, settingsFor, snapshotOf } from '../../helpers';

const grid = (s: Settings): RawCell[][] => snapshotOf(settingsPlan(s)).values.map((r) => [...r]);
const URL_1 = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefgh/edit#gid=0';
const ID_2 = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvuts';

function spread(): Settings {
  const s = settingsFor([SO('Sở Nội vụ'), XA('UBND xã An Bình'), XA('UBND phường 1')]);
  const branch = ['', 'Nhánh 1', 'Nhánh 2'];
  return { ...s, agencies: s.agencies.map((a, i) => ({ ...a, branch: branch[i] })) };
}

/** The grid with the cell of the row "Đường dẫn các sổ nhánh" set to text, as a person types it. */
function typed(text: string): RawCell[][] {
  const values = grid(spread());
  const r = values.findIndex((row) => row[0] === 'Đường dẫn các sổ nhánh');
  expect(r).toBeGreaterThan(0);
  values[r] = [...values[r]!];
  values[r]![1] = text;
  return values;
}

describe('the row "Đường dẫn các sổ nhánh"', () => {
  it('reads one branch a line: its name, a colon, its address or id', () => {
    const r = readSettings(typed(`Nhánh 1: ${URL_1}\nnhánh 2 - ${ID_2}`));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.settings.branchLinks).toEqual([
      { name: 'Nhánh 1', url: URL_1 },
      { name: 'nhánh 2', url: ID_2 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('writes back what it read', () => {
    const links = [{ name: 'Nhánh 1', url: URL_1 }];
    const r = readSettings(grid({ ...spread(), branchLinks: links }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.settings.branchLinks).toEqual(links);
  });

  it('says which line has no address, and which branch no agency uses', () => {
    const bad = readSettings(typed('Nhánh 1 ở thư mục chung'));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.message)).toEqual([
        '"Đường dẫn các sổ nhánh": dòng "Nhánh 1 ở thư mục chung" cần tên sổ nhánh, dấu hai chấm rồi đường dẫn của bảng tính, ví dụ "Nhánh 1: https://docs.google.com/spreadsheets/d/…".',
      ]);
    const unused = readSettings(typed(`Nhánh 3: ${URL_1}`));
    if (!unused.ok) throw new Error(JSON.stringify(unused.problems));
    expect(unused.warnings.map((w) => w.message)).toEqual([
      '"Đường dẫn các sổ nhánh": không đơn vị nào có cột "Sổ nhánh" là "Nhánh 3"; sổ nhánh này không được dùng.',
    ]);
  });

  it('is optional: a sheet without the row reads as no branch address', () => {
    const values = grid(spread()).filter((row) => row[0] !== 'Đường dẫn các sổ nhánh');
    const r = readSettings(values);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.settings.branchLinks).toEqual([]);
  });
});
