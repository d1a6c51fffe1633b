import { consolidate } from '../../../src/core/figures/consolidate';
import { isoDate } from '../../../src/core/primitives/dates';
import { buildProvinceReport } from '../../../src/core/report/province';
import { Block, Para, TableBlock, plainText } from '../../../src/core/report/model';
import { validateAgency } from '../../../src/core/checks/validate';
import { SO, XA, catalog, settingsFor, tabFor, hoSoBlock } from '../../helpers';

/** The figures every agency must give, with its planned tasks, all done. */
const required = (planned: number) => ({ '1.1.1': planned, '1.1.2': planned, '4.2.1': 20, '4.2.2': 20 });

// Quý III/2026, deadline 21/09/2026.
const settings = settingsFor(
  [SO('Sở Nội vụ'), SO('Sở Y tế'), SO('Sở Tư pháp'), XA('UBND xã An Phú'), XA('UBND xã Bình Hòa')],
  { deadline: isoDate(2026, 9, 21) },
);
const sent = (d: number) => ({ status: 'Đã gửi', sentOn: new Date(2026, 8, d) });
const tabs = [
  tabFor(settings, 'Sở Nội vụ', {
    ...sent(18),
    values: { ...hoSoBlock(100, 100, 100, { online: 0 }), ...required(10), '1.1.3': 2 },
  }),
  tabFor(settings, 'Sở Y tế', { ...sent(24), values: { ...hoSoBlock(200, 200, 200, { online: 0 }), ...required(5) } }),
  // Sent on time, but a negative count keeps its figures out.
  tabFor(settings, 'Sở Tư pháp', {
    ...sent(19),
    values: { ...hoSoBlock(10, 10, 10, { online: 0 }), ...required(4), '2.3': -1 },
  }),
  tabFor(settings, 'UBND xã An Phú', {
    ...sent(20),
    values: { ...hoSoBlock(50, 50, 45, { online: 0 }), ...required(3) },
  }),
  tabFor(settings, 'UBND xã Bình Hòa', { status: 'Chưa gửi' }),
];
const results = tabs.map((t) =>
  validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
);
const model = buildProvinceReport({
  catalog,
  summary: consolidate(catalog, settings, results),
  today: isoDate(2026, 9, 30),
  stamp: '30/09/2026 08:00',
});
const blocks = model.blocks;
const text = blocks.map((b: Block) => plainText(b)).join('\n');

const at = (label: string) => blocks.findIndex((b) => b.kind === 'para' && plainText(b) === label);
const tableAfter = (label: string) => blocks.slice(at(label)).find((b): b is TableBlock => b.kind === 'table')!;
const cells = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.map((p) => plainText(p)).join('\n')));
const rowOf = (t: TableBlock, code: string) => cells(t).find((r) => r[0] === `${code}.`)!;

describe('Phụ lục I, the submission table a Ministry reads', () => {
  const rows = cells(tableAfter('Phụ lục I'));
  const row = (name: string) => rows.find((r) => r[1] === name)!;

  it('notes whether each report came on time, as seed 000 notes the date, never a check result', () => {
    expect(row('Sở Y tế').slice(4)).toEqual(['24/09/2026', 'Gửi muộn 3 ngày']);
    expect(row('Sở Nội vụ').slice(4)).toEqual(['18/09/2026', 'Đúng hạn']);
    expect(row('Sở Tư pháp').slice(4)).toEqual(['19/09/2026', 'Đúng hạn']);
    expect(row('UBND xã Bình Hòa').slice(2)).toEqual(['', 'x', '', '']);
    expect(rows.flat().join(' ')).not.toMatch(/lỗi|tổng hợp/);
  });

  it('totals the rows marked on time and late, the figures the report’s sentence must equal', () => {
    expect(rows[rows.length - 1]).toEqual(['', 'Tổng cộng', '4', '1', '', 'Đúng hạn: 3; gửi muộn: 1']);
  });

  it('keeps "QUÝ III" on one line in its title', () => {
    const title = plainText(blocks[at('Phụ lục I') + 1]);
    expect(title).toBe('TÌNH HÌNH GỬI BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ\u00a0III NĂM\u00a02026');
  });
});

describe('Phụ lục II, the statistics a Ministry reads', () => {
  const table = tableAfter('Phụ lục II');

  it('states its coverage once, at its head', () => {
    const head =
      'Số liệu tổng hợp từ báo cáo của 3/5 cơ quan, đơn vị; chưa có số liệu của: Sở Tư pháp, UBND xã Bình Hòa (xem Phụ lục I).';
    expect(plainText(blocks[at('Phụ lục II') + 3])).toBe(head);
    expect(text.split('Số liệu tổng hợp từ báo cáo của').length - 1).toBe(1);
  });

  it('notes in a row only what is particular to it, never the agencies that did not report', () => {
    // A sum every consolidated agency gave: no note.
    expect(rowOf(table, '1.1.1').slice(3)).toEqual(['18', '']);
    // Only Sở Nội vụ gave 1.1.3: the two consolidated agencies that left it blank are named.
    expect(rowOf(table, '1.1.3').slice(3)).toEqual(['2', 'Chưa có số liệu của Sở Y tế, UBND xã An Phú']);
    const notes = cells(table).map((r) => r[r.length - 1]);
    expect(notes.join(' ')).not.toMatch(/Sở Tư pháp|Bình Hòa|thiếu|đơn vị \(/);
  });

  it('writes an exact whole rate "100%", as the seeds do', () => {
    expect(rowOf(table, '3.4.1').slice(2)).toEqual(['%', '100%', 'Tính từ 300/300 hồ sơ']);
    expect(rowOf(table, '3.4.3').slice(3, 4)).toEqual(['90%']);
    expect(text).not.toContain('100,00');
  });
});

describe('page numbers', () => {
  it('starts a section of its own at each appendix, and only there', () => {
    const starts = blocks.filter((b): b is Para => b.kind === 'para' && !!b.newSection).map((b) => plainText(b));
    expect(starts).toEqual(['Phụ lục I', 'Phụ lục II']);
  });
});
