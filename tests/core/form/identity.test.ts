/** The identity block and file names of split files. */
import { checksum, identityOf, identityRows, readIdentity } from '../../../src/core/form/identity';
import { RawCell } from '../../../src/core/sheet/grid';
import { agencyFileName } from '../../../src/core/agency-files/split';
import { splitPlans } from '../../../src/core/use-cases';
import { SO, XA, catalog, settingsFor } from '../../helpers';
import { runContext } from '../../../src/core/settings/run-context';

const settings = settingsFor([
  SO('Sở Nội vụ'),
  XA('Ủy ban nhân dân xã Tân Hạnh'),
  SO('Sở "Tài chính": Kế hoạch/Đầu tư?'),
]);
const grid = (rows: ReturnType<typeof identityRows>): RawCell[][] =>
  rows.map((r) => r.map((c) => (c.v === null ? '' : (c.v as RawCell))));

describe('identity block', () => {
  it('reads back sealed, whichever way a tool stored the agency id', () => {
    const id = identityOf(catalog, settings, settings.agencies[1]);
    const g = grid(identityRows(id, 5));
    expect(readIdentity(g)).toEqual({ found: true, identity: id, sealed: true });
    const asNumber = g.map((r) => [...r]);
    const row = asNumber.findIndex((r) => r[1] === 'Mã đơn vị:');
    asNumber[row][2] = 2; // LibreOffice or a user may turn "02" into the number 2
    expect(readIdentity(asNumber)).toMatchObject({ found: true, sealed: true });
  });

  it('breaks the seal when any identity field is edited, and differs between agencies', () => {
    const a = identityOf(catalog, settings, settings.agencies[0]);
    const b = identityOf(catalog, settings, settings.agencies[1]);
    expect(checksum(a)).not.toBe(checksum(b));
    for (const label of ['Tên đơn vị:', 'Kỳ báo cáo (mã):', 'Cơ quan tổng hợp:', 'Phiên bản biểu mẫu:']) {
      const g = grid(identityRows(a, 5));
      const row = g.findIndex((r) => r[1] === label);
      g[row][2] = label === 'Kỳ báo cáo (mã):' ? 'Q4/2026' : `${String(g[row][2])} x`;
      expect(readIdentity(g)).toMatchObject({ found: true, sealed: false });
    }
  });

  it('a grid without the block is not a form; a block missing a line says which', () => {
    expect(readIdentity([['STT', 'Chỉ tiêu thống kê']])).toEqual({ found: false });
    const g = grid(identityRows(identityOf(catalog, settings, settings.agencies[0]), 5)).filter(
      (r) => r[1] !== 'Mã kiểm tra:',
    );
    expect(readIdentity(g)).toMatchObject({
      found: true,
      identity: null,
      problem: expect.stringContaining('Mã kiểm tra'),
    });
  });
});

describe('split file names', () => {
  it('are readable ASCII, numbered, and safe on Windows', () => {
    const names = settings.agencies.map((a) => agencyFileName(settings, a));
    expect(names[0]).toBe('01 - So Noi vu - Quy III 2026.xlsx');
    expect(names[1]).toBe('02 - UBND xa Tan Hanh - Quy III 2026.xlsx');
    expect(names[2]).not.toMatch(/[<>:"/\\|?*]/);
    expect(names[2]).toMatch(/^03 - So Tai chinh Ke hoach Dau tu - Quy III 2026\.xlsx$/);
    // With 100 or more agencies every number has three digits, so the files sort in order anywhere.
    const many = {
      ...settings,
      agencies: [...settings.agencies, { ...settings.agencies[0], stt: 120, name: 'Sở Y tế' }],
    };
    expect(splitPlans(runContext(many)).map((f) => f.fileName.slice(0, 6))).toEqual([
      '001 - ',
      '002 - ',
      '003 - ',
      '120 - ',
    ]);
  });
});
