/**
 * Who issues a report, by kind of issuing body (DOMAIN.md's table, Nghị định 30/2020): the parent
 * line, the issuer's lines, the number's symbol, the place on the date line and the signer block,
 * as the header and the closing table print them.
 */
import { isoDate } from '../../../src/core/primitives/dates';
import { agencyIssuer, buildAgencyReport } from '../../../src/core/report/agency';
import { Issuer, footerTable, headerTable, keepPlaceNames } from '../../../src/core/report/layout';
import { Para, ReportModel, plainText } from '../../../src/core/report/model';
import { buildProvinceReport } from '../../../src/core/report/province';
import { consolidate } from '../../../src/core/figures/consolidate';
import { ExampleAgency, Settings, exampleSettings, readSettings, settingsPlan } from '../../../src/core/settings';
import { RawCell } from '../../../src/core/sheet/grid';
import { catalog, settingsFor, snapshotOf, tabFor } from '../../helpers';

/** The text with every space non-breaking: a place name a line break must not split. */
const nb = (s: string) => s.replace(/ /g, '\u00a0');
const today = isoDate(2026, 9, 8);

const AGENCIES: ExampleAgency[] = [
  { name: 'Sở Tư pháp', type: 'so' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', type: 'so' },
  { name: 'Sở Ngoại vụ', type: 'so' },
  { name: 'Văn phòng UBND tỉnh', type: 'so' },
  { name: 'Thanh tra tỉnh', type: 'so' },
  { name: 'Ban Quản lý Khu kinh tế', type: 'so' },
  { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', type: 'so' },
  { name: 'UBND xã An Long', type: 'xa' },
  { name: 'Phường 1', type: 'xa' },
  { name: 'Công an tỉnh', type: 'nganh_doc' },
  { name: 'Bảo hiểm xã hội tỉnh', type: 'nganh_doc' },
  { name: 'Thuế tỉnh', type: 'nganh_doc' },
  { name: 'Kho bạc Nhà nước khu vực XIX', type: 'nganh_doc' },
];
const vinhLong = settingsFor(AGENCIES, { issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long', place: 'Vĩnh Long' });

function issuerOf(settings: Settings, name: string): Issuer {
  const agency = settings.agencies.find((a) => a.name === name)!;
  const report = tabFor(settings, name).report();
  return agencyIssuer({ catalog, settings, agency, report, notes: new Map(), today, stamp: 'x' });
}

const textOf = (p: Para) => p.runs.map((r) => r.text).join('');

/** The header's left cell as printed: plain lines above the bold issuer lines, the rule, the number. */
function headerOf(issuer: Issuer) {
  const table = headerTable(issuer);
  const [left, right] = table.rows[0]!;
  const lines = left!.filter((p) => !/^_+$/.test(textOf(p)));
  const number = lines[lines.length - 1]!;
  const body = lines.slice(0, -1);
  return {
    parent: body.filter((p) => !p.runs[0]!.bold).map(textOf),
    issuer: body.filter((p) => p.runs[0]!.bold).map(textOf),
    number: textOf(number),
    placeholder: number.runs.filter((r) => r.highlight).map((r) => r.text),
    date: textOf(right![right!.length - 1]!),
  };
}

function signerOf(issuer: Issuer): string[] {
  return footerTable(issuer)
    .rows[0]![1]!.map(textOf)
    .filter(Boolean)
    .filter((t) => !t.startsWith('['));
}

describe('the header of an agency report, by kind of issuing body', () => {
  it.each([
    // name, parent line, issuer lines, number, place, signer block
    [
      'Sở Tư pháp',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['SỞ TƯ PHÁP'],
      'Số:       /BC-STP',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'],
      'Số:       /BC-SVHTTDL',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    // Not SNV, which is Sở Nội vụ's.
    [
      'Sở Ngoại vụ',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['SỞ NGOẠI VỤ'],
      'Số:       /BC-SNgV',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    [
      'Văn phòng UBND tỉnh',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['VĂN PHÒNG'],
      'Số:       /BC-VP',
      'Vĩnh Long',
      ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    ],
    [
      'Thanh tra tỉnh',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['THANH TRA TỈNH'],
      'Số:       /BC-TTr',
      'Vĩnh Long',
      ['KT. CHÁNH THANH TRA', 'PHÓ CHÁNH THANH TRA'],
    ],
    [
      'Ban Quản lý Khu kinh tế',
      [`UBND ${nb('TỈNH VĨNH LONG')}`],
      ['BAN QUẢN LÝ KHU KINH TẾ'],
      'Số:       /BC-BQL',
      'Vĩnh Long',
      ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
    ],
    // The office of the delegation and the council is headed by them, not by UBND.
    [
      'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
      [`ĐOÀN ĐBQH VÀ HĐND ${nb('TỈNH VĨNH LONG')}`],
      ['VĂN PHÒNG'],
      'Số:       /BC-VP',
      'Vĩnh Long',
      ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    ],
    // A committee heads its own report on two lines, dated at the commune.
    [
      'UBND xã An Long',
      [],
      ['ỦY BAN NHÂN DÂN', nb('XÃ AN LONG')],
      'Số:       /BC-UBND',
      'An Long',
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    ],
    [
      'Phường 1',
      [],
      ['ỦY BAN NHÂN DÂN', nb('PHƯỜNG 1')],
      'Số:       /BC-UBND',
      'Phường 1',
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    ],
    // Vertical agencies under their own central body, never with no parent line.
    [
      'Công an tỉnh',
      ['BỘ CÔNG AN'],
      [`CÔNG AN ${nb('TỈNH VĨNH LONG')}`],
      'Số:       /BC-[ký hiệu]',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    [
      'Bảo hiểm xã hội tỉnh',
      [`BẢO HIỂM XÃ HỘI ${nb('VIỆT NAM')}`],
      [`BẢO HIỂM XÃ HỘI ${nb('TỈNH VĨNH LONG')}`],
      'Số:       /BC-BHXH',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
    // Since 01/07/2025 a province's tax office is "Thuế tỉnh", under Cục Thuế (Bộ Tài chính).
    [
      'Thuế tỉnh',
      ['CỤC THUẾ'],
      [`THUẾ ${nb('TỈNH VĨNH LONG')}`],
      'Số:       /BC-[ký hiệu]',
      'Vĩnh Long',
      ['KT. TRƯỞNG THUẾ TỈNH', 'PHÓ TRƯỞNG THUẾ TỈNH'],
    ],
    [
      'Kho bạc Nhà nước khu vực XIX',
      ['KHO BẠC NHÀ NƯỚC'],
      [`KHO BẠC NHÀ NƯỚC ${nb('KHU VỰC XIX')}`],
      'Số:       /BC-[ký hiệu]',
      'Vĩnh Long',
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ],
  ])('%s', (name, parent, lines, number, place, signer) => {
    const issuer = issuerOf(vinhLong, name);
    const h = headerOf(issuer);
    expect(h.parent).toEqual(parent);
    expect(h.issuer).toEqual(lines);
    expect(h.number).toBe(number);
    expect(h.date).toBe(`${nb(place)}, ngày      tháng 9 năm 2026`);
    expect(signerOf(issuer)).toEqual(signer);
  });

  it('shows an unknown symbol as a highlighted placeholder, never an empty "/BC-"', () => {
    const h = headerOf(issuerOf(vinhLong, 'Công an tỉnh'));
    expect(h.placeholder).toEqual(['[ký hiệu]']);
    const agency = vinhLong.agencies.find((a) => a.name === 'Công an tỉnh')!;
    const report = tabFor(vinhLong, agency.name).report();
    const model = buildAgencyReport({
      catalog,
      settings: vinhLong,
      agency,
      report,
      notes: new Map(),
      today,
      stamp: 'x',
    });
    const attached = model.blocks.find((b) => b.kind === 'para' && plainText(b).startsWith('(Kèm theo'));
    if (attached?.kind !== 'para') throw new Error('no appendix');
    expect(plainText(attached)).toBe(
      `(Kèm theo Báo cáo số       /BC-[ký hiệu] ngày      tháng 9 năm 2026 của Công an ${nb('tỉnh Vĩnh Long')})`,
    );
    expect(attached.runs.find((r) => r.text === '[ký hiệu]')?.highlight).toBe(true);
  });

  it("keeps the issuer's own name capitalised in sentences", () => {
    const text = (name: string) => {
      const agency = vinhLong.agencies.find((a) => a.name === name)!;
      const report = tabFor(vinhLong, name).report();
      const m = buildAgencyReport({ catalog, settings: vinhLong, agency, report, notes: new Map(), today, stamp: 'x' });
      return m.blocks.map(plainText).join('\n');
    };
    expect(text('Thuế tỉnh')).toContain('công tác cải cách hành chính quý III năm 2026 của Thuế tỉnh Vĩnh Long, gửi');
    expect(text('Kho bạc Nhà nước khu vực XIX')).toContain(', Kho bạc Nhà nước khu vực XIX báo cáo kết quả');
    expect(text('Bảo hiểm xã hội tỉnh')).toContain('của Bảo hiểm xã hội tỉnh Vĩnh Long, gửi');
  });
});

describe('a district before 01/07/2025', () => {
  const district = (name: string): Issuer => {
    const settings = exampleSettings('Q1', 2025, [{ name, type: 'huyen' }]);
    return issuerOf(settings, name);
  };

  it.each([
    ['UBND huyện Càng Long', nb('HUYỆN CÀNG LONG'), 'Càng Long'],
    ['UBND thành phố Trà Vinh', nb('THÀNH PHỐ TRÀ VINH'), 'Trà Vinh'],
    ['UBND thị xã Duyên Hải', nb('THỊ XÃ DUYÊN HẢI'), 'Duyên Hải'],
  ])('%s heads its own report and is dated at the district', (name, line, place) => {
    const h = headerOf(district(name));
    expect(h.parent).toEqual([]);
    expect(h.issuer).toEqual(['ỦY BAN NHÂN DÂN', line]);
    expect(h.number).toBe('Số:       /BC-UBND');
    expect(h.date).toBe(`${nb(place)}, ngày      tháng 9 năm 2026`);
    expect(district(name).issuingBody).toBe(name);
    expect(signerOf(district(name))).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });
});

describe("the province's own header", () => {
  const summaryOf = (settings: Settings) => consolidate(catalog, settings, []);
  const headerOfProvince = (settings: Settings): ReportModel =>
    buildProvinceReport({ catalog, summary: summaryOf(settings), today, stamp: 'x' });

  it('writes UBND on two lines, never splitting the province name', () => {
    const model = headerOfProvince(
      settingsFor(AGENCIES.slice(0, 2), { issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long', place: 'Vĩnh Long' }),
    );
    const table = model.blocks[0]!;
    if (table.kind !== 'table') throw new Error('no header');
    const left = table.rows[0]![0]!.map(textOf);
    expect(left.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', nb('TỈNH VĨNH LONG')]);
    expect(left).toContain('Số:       /BC-UBND');
  });

  it('shows a placeholder when Thiết lập gives a number with no symbol', () => {
    const s = settingsFor(AGENCIES.slice(0, 2), { issuingBody: 'Ủy ban nhân dân tỉnh Vĩnh Long', docNumber: '/BC-' });
    const table = headerOfProvince(s).blocks[0]!;
    if (table.kind !== 'table') throw new Error('no header');
    expect(table.rows[0]![0]!.map(textOf)).toContain('Số:       /BC-[ký hiệu]');
  });

  it('heads a consolidating department under its parent body', () => {
    const s = settingsFor(AGENCIES.slice(0, 2), {
      parentBody: 'UBND tỉnh Vĩnh Long',
      issuingBody: 'Sở Nội vụ',
      docNumber: '/BC-SNV',
    });
    const table = headerOfProvince(s).blocks[0]!;
    if (table.kind !== 'table') throw new Error('no header');
    expect(table.rows[0]![0]!.map(textOf).slice(0, 2)).toEqual([`UBND ${nb('TỈNH VĨNH LONG')}`, 'SỞ NỘI VỤ']);
  });
});

describe('line breaks never split a place name', () => {
  it.each([
    ['Công an tỉnh Vĩnh Long', `Công an ${nb('tỉnh Vĩnh Long')}`],
    ['ĐOÀN ĐBQH VÀ HĐND TỈNH VĨNH LONG', `ĐOÀN ĐBQH VÀ HĐND ${nb('TỈNH VĨNH LONG')}`],
    ['Ủy ban nhân dân thành phố Hồ Chí Minh', `Ủy ban nhân dân ${nb('thành phố Hồ Chí Minh')}`],
    ['Bảo hiểm xã hội Việt Nam', `Bảo hiểm xã hội ${nb('Việt Nam')}`],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
  ])('%s', (text, kept) => {
    expect(keepPlaceNames(text)).toBe(kept);
  });
});

describe("Thiết lập's agency table: parent body and abbreviation", () => {
  const grid = (s: Settings): RawCell[][] => snapshotOf(settingsPlan(s)).values.map((r) => [...r]);
  const header = (v: RawCell[][]) => v.find((r) => r[0] === 'STT' && r[1] === 'Tên đơn vị')!;
  const rowOf = (v: RawCell[][], name: string) => v.find((r) => r[1] === name)!;

  it("is written with each kind's defaults", () => {
    const v = grid(vinhLong);
    const h = header(v);
    const parent = h.indexOf('Cơ quan chủ quản');
    const symbol = h.indexOf('Ký hiệu viết tắt');
    expect(parent).toBeGreaterThan(0);
    expect([rowOf(v, 'Sở Tư pháp')[parent], rowOf(v, 'Sở Tư pháp')[symbol]]).toEqual(['UBND tỉnh Vĩnh Long', 'STP']);
    expect([rowOf(v, 'Công an tỉnh')[parent], rowOf(v, 'Công an tỉnh')[symbol]]).toEqual(['Bộ Công an', '']);
    expect([rowOf(v, 'Thuế tỉnh')[parent], rowOf(v, 'Thuế tỉnh')[symbol]]).toEqual(['Cục Thuế', '']);
    expect([rowOf(v, 'UBND xã An Long')[parent], rowOf(v, 'UBND xã An Long')[symbol]]).toEqual(['', 'UBND']);
    expect(rowOf(v, 'Văn phòng Đoàn ĐBQH và HĐND tỉnh')[parent]).toBe('Đoàn ĐBQH và HĐND tỉnh Vĩnh Long');
  });

  it('uses what a person types there in "Số:" and in "(Kèm theo Báo cáo số …)"', () => {
    const v = grid(vinhLong);
    const h = header(v);
    const ca = rowOf(v, 'Công an tỉnh');
    ca[h.indexOf('Ký hiệu viết tắt')] = 'CAT-PV01';
    const stp = rowOf(v, 'Sở Tư pháp');
    stp[h.indexOf('Cơ quan chủ quản')] = 'Ủy ban nhân dân tỉnh Vĩnh Long';
    stp[h.indexOf('Ký hiệu viết tắt')] = 'BC-STP-VP';
    const r = readSettings(v);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const h1 = headerOf(issuerOf(r.settings, 'Công an tỉnh'));
    expect(h1.number).toBe('Số:       /BC-CAT-PV01');
    expect(h1.placeholder).toEqual([]);
    const agency = r.settings.agencies.find((a) => a.name === 'Công an tỉnh')!;
    const report = tabFor(r.settings, agency.name).report();
    const text = buildAgencyReport({
      catalog,
      settings: r.settings,
      agency,
      report,
      notes: new Map(),
      today,
      stamp: 'x',
    })
      .blocks.map(plainText)
      .join('\n');
    expect(text).toContain('(Kèm theo Báo cáo số       /BC-CAT-PV01 ngày      tháng 9 năm 2026 của Công an');
    const h2 = headerOf(issuerOf(r.settings, 'Sở Tư pháp'));
    expect(h2.parent).toEqual([`ỦY BAN NHÂN DÂN ${nb('TỈNH VĨNH LONG')}`]);
    expect(h2.number).toBe('Số:       /BC-STP-VP');
  });

  it('loads a workbook written before these columns, with the defaults', () => {
    const v = grid(vinhLong).map((row) => row.slice(0, 6));
    const r = readSettings(v);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.settings.agencies).toHaveLength(AGENCIES.length);
    const h = headerOf(issuerOf(r.settings, 'Sở Tư pháp'));
    expect(h.parent).toEqual([`UBND ${nb('TỈNH VĨNH LONG')}`]);
    expect(h.number).toBe('Số:       /BC-STP');
    expect(headerOf(issuerOf(r.settings, 'Thuế tỉnh')).parent).toEqual(['CỤC THUẾ']);
  });
});
