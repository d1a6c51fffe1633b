/**
 * The analysis a consolidator writes by hand today: the agencies' own words merged where they
 * wrote the same or nearly the same line, and the lowest online rates named. Expected values are
 * worked out by hand from the fixture below.
 */
import { consolidate } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { buildProvinceReport } from '../../../src/core/report/province';
import { mergeSaid, similarity, words } from '../../../src/core/report/merge-text';
import { Block, ReportModel, plainText } from '../../../src/core/report/model';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, tabFor } from '../../helpers';

const textOf = (m: ReportModel) => m.blocks.map((b: Block) => plainText(b)).join('\n');

describe('merging what agencies wrote', () => {
  it('reads two lines as one when only case, spaces and punctuation differ', () => {
    expect(words(' Đường truyền,  CHẬP chờn. ')).toEqual(new Set(['đường', 'truyền', 'chập', 'chờn']));
    expect(similarity(words('Đường truyền chập chờn.'), words('đường truyền  chập chờn;'))).toBe(1);
  });

  it('merges lines whose words overlap by 0,8 or more, and keeps the others apart', () => {
    const merged = mergeSaid([
      { agency: 'Sở A', text: 'Đường truyền chập chờn.\n- Thiếu kinh phí' },
      { agency: 'Sở B', text: 'đường truyền  CHẬP CHỜN' },
      // 4 words shared of 5: 4/5 = 0,8, merged.
      { agency: 'UBND xã C', text: '+ Đường truyền internet chập chờn.' },
      // 4 shared of 6: 0,67, apart.
      { agency: 'UBND xã D', text: 'Đường truyền rất hay chập chờn' },
      { agency: 'UBND xã E', text: 'Không' },
      { agency: 'UBND xã F', text: 'thiếu kinh phí.' },
    ]);
    expect(merged).toEqual([
      { text: 'Đường truyền chập chờn', agencies: ['Sở A', 'Sở B', 'UBND xã C'] },
      { text: 'Thiếu kinh phí', agencies: ['Sở A', 'UBND xã F'] },
      { text: 'Đường truyền rất hay chập chờn', agencies: ['UBND xã D'] },
    ]);
  });
});

describe("the province's draft: merged words and lowest online rates", () => {
  const names = ['Sở A', 'Sở B', 'Sở E', 'UBND xã C', 'UBND xã D', 'UBND xã G', 'UBND xã H'];
  const settings = settingsFor(
    names.map((n) => (n.startsWith('Sở') ? SO(n) : XA(n))),
    { issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh', includeErrors: true },
  );
  // Newly received hồ sơ and those received online, per agency.
  const online: Record<string, [number, number]> = {
    'Sở A': [200, 50], // 25%
    'Sở B': [100, 90], // 90%
    'Sở E': [0, 0], // nothing received: no rate
    'UBND xã C': [40, 10], // 25%
    'UBND xã D': [30, 30], // 100%: not among the lowest
    'UBND xã G': [50, 48], // 96%
    'UBND xã H': [10, 10], // 100%
  };
  // Seven different difficulties, the first written by five agencies in slightly different words.
  const difficulties: Record<string, string> = {
    'Sở A': 'Đường truyền chập chờn.\nKhó 1 một',
    'Sở B': 'đường truyền chập chờn',
    'Sở E': 'Đường truyền chập chờn!\nKhó 2 hai',
    'UBND xã C': 'Đường truyền internet chập chờn\nKhó 3 ba',
    'UBND xã D': 'ĐƯỜNG TRUYỀN CHẬP CHỜN\nKhó 4 bốn',
    'UBND xã G': 'Khó 5 năm',
    'UBND xã H': 'Khó 6 sáu',
  };
  const results = names.map((n) => {
    const [fresh, web] = online[n]!;
    const tab = tabFor(settings, n, {
      status: 'Đã gửi',
      sentOn: new Date(2026, 8, 18),
      values: { '3.4.a': fresh, '3.4.a.1': 0, '3.4.a.2': fresh, '3.4.a.3': web },
      freeText: { difficulties: difficulties[n] },
    });
    return validateAgency(catalog, settings, tab.agency, tab.report(), {
      today: isoDate(2026, 9, 30),
      isProtected: true,
    });
  });
  const model = buildProvinceReport({
    catalog,
    summary: consolidate(catalog, settings, results),
    today: isoDate(2026, 10, 1),
    stamp: 'x',
  });
  const text = textOf(model);

  it('names the three lowest online rates, ties by name', () => {
    expect(text).toContain('Tỷ lệ hồ sơ tiếp nhận trực tuyến thấp nhất: Sở A (25%), UBND xã C (25%), Sở B (90%).');
  });

  it('writes each shared line once with who wrote it, five lines in the body, the rest in Phụ lục III', () => {
    expect(text).toContain(
      [
        'Khó khăn, vướng mắc do các cơ quan, đơn vị báo cáo (đầy đủ tại Phụ lục III):',
        '- Đường truyền chập chờn (Sở A, Sở B, Sở E và 2 cơ quan, đơn vị khác).',
        '- Khó 1 một (Sở A).',
        '- Khó 2 hai (Sở E).',
        '- Khó 3 ba (UBND xã C).',
        '- Khó 4 bốn (UBND xã D).',
        '- Và 2 ý kiến khác tại Phụ lục III.',
      ].join('\n'),
    );
    const appendix = model.blocks[model.blocks.length - 1];
    expect(plainText(appendix).split('\n')).toEqual([
      'STT\tNội dung\tCơ quan, đơn vị',
      '\tKhó khăn, vướng mắc\t',
      '1\tĐường truyền chập chờn\tSở A, Sở B, Sở E, UBND xã C, UBND xã D',
      '2\tKhó 1 một\tSở A',
      '3\tKhó 2 hai\tSở E',
      '4\tKhó 3 ba\tUBND xã C',
      '5\tKhó 4 bốn\tUBND xã D',
      '6\tKhó 5 năm\tUBND xã G',
      '7\tKhó 6 sáu\tUBND xã H',
    ]);
  });
});
