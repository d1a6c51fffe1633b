import { consolidate } from '../../src/core/figures/consolidate';
import { isoDate } from '../../src/core/primitives/dates';
import { buildProvinceReport } from '../../src/core/report/province';
import { sampleProvince } from '../../src/demo/sample';
import { validateAgency } from '../../src/core/checks/validate';
import { parseAgencyTab } from '../../src/core/form/parse';
import { agencyTabPlan } from '../../src/core/form/template';
import { DocsWriter, docIdFrom, fillTemplate } from '../../src/gas/docs';
import { Calls, FakeDocument, fakeDocumentApp } from '../fakes/gas';
import { snapshotOf } from '../helpers';
import { catalog } from './setup';

/** A province whose agencies all report the same, so that only their number differs. */
function report(communes: number) {
  const { settings } = sampleProvince({ provincial: 6, communes, mistakeShare: 0 });
  const results = settings.agencies.map((a) => {
    const snap = snapshotOf(agencyTabPlan(catalog, settings, a).plan);
    return validateAgency(catalog, settings, a, parseAgencyTab(catalog, snap), {
      today: isoDate(2026, 9, 30),
      isProtected: true,
    });
  });
  return buildProvinceReport({
    catalog,
    summary: consolidate(catalog, settings, results),
    today: isoDate(2026, 10, 5),
    stamp: '05/10/2026 08:00',
  });
}

function render(communes: number) {
  const calls = new Calls();
  const docs: FakeDocument[] = [];
  const out = new DocsWriter(fakeDocumentApp(calls, docs) as never).write(report(communes));
  return { calls, doc: docs[0], out };
}

describe('the Google Docs writer', () => {
  it('makes a number of DocumentApp calls that does not grow with the number of agencies', () => {
    const small = render(4);
    const large = render(60);
    expect(large.calls.total()).toBe(small.calls.total());
    // Nobody filled anything here, so every sentence of the outline is written with its highlighted
    // placeholders (nothing dropped in silence): the worst case for the number of runs.
    expect(large.calls.total()).toBeLessThan(500);
  });

  it("sets A4, the decree's margins and Times New Roman, and saves the document", () => {
    const { doc, out } = render(2);
    const mm = (pt: number) => Math.round((pt * 25.4) / 72);
    expect([mm(doc.page.width), mm(doc.page.height), mm(doc.page.top), mm(doc.page.left), mm(doc.page.right)]).toEqual([
      210, 297, 20, 30, 15,
    ]);
    const paras = doc.body.filter((n) => n.kind === 'para');
    expect(paras.every((p) => p.attrs.FONT_FAMILY === 'Times New Roman')).toBe(true);
    expect(doc.saved).toBe(true);
    expect(out.url).toContain(doc.id);
    expect(doc.body.find((n) => n.text === 'BÁO CÁO')!.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
  });

  it('highlights placeholders exactly where they stand in the text', () => {
    const { doc } = render(2);
    const marks = doc.body.flatMap((n) =>
      n.styled.filter((s) => s.what === 'highlight').map((s) => n.text.slice(s.start, s.end + 1)),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /^\[.*\]$/.test(m))).toBe(true);
  });

  it('starts each appendix on a new page, the nearest DocumentApp comes to a section of its own', () => {
    const { doc } = render(2);
    const before = (label: string) => doc.body[doc.body.findIndex((n) => n.kind === 'para' && n.text === label) - 1];
    for (const label of ['Phụ lục I', 'Phụ lục II']) expect(before(label).kind).toBe('pagebreak');
    expect(doc.body.filter((n) => n.kind === 'pagebreak')).toHaveLength(
      doc.body.filter((n) => /^Phụ lục I*$/.test(n.text)).length,
    );
  });

  it('keeps the non-breaking spaces that hold a place name on one line in the header', () => {
    const { doc } = render(2);
    const header = doc.body.find((n) => n.kind === 'table')!;
    expect(header.cells![0]![0]).toContain('ỦY BAN NHÂN DÂN\nTỈNH\u00a0VĨNH\u00a0LONG');
    expect(header.cells![0]![1]).toContain('Vĩnh\u00a0Long, ngày');
  });

  it('recognises a template given as a link or an id', () => {
    expect(docIdFrom('https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit')).toBe(
      '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    );
    expect(docIdFrom('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    expect(docIdFrom('mẫu của tôi')).toBeNull();
  });
});

describe("a consolidator's own template", () => {
  function templateDoc(docs: FakeDocument[]): FakeDocument {
    const t = new FakeDocument('Mẫu của Sở Nội vụ', 'tmpl-1234567890abcdefghij');
    t.body = [
      { kind: 'para', text: 'Báo cáo CCHC {{ky_bao_cao}} năm {{nam}}', attrs: {}, styled: [] },
      {
        kind: 'para',
        text: 'Đã tiếp nhận {{3.4.a}} hồ sơ; {{so_don_vi_da_gui}}/{{so_don_vi}} đơn vị đã gửi.',
        attrs: {},
        styled: [],
      },
      { kind: 'para', text: '{{bang_tong_hop}}', attrs: {}, styled: [] },
      { kind: 'para', text: 'Ý kiến: {{y_kien_rieng}}', attrs: {}, styled: [] },
    ];
    docs.push(t);
    return t;
  }

  it('fills a copy, leaves unknown placeholders visible and lists them, and never edits the template', () => {
    const calls = new Calls();
    const docs: FakeDocument[] = [];
    const template = templateDoc(docs);
    const before = JSON.stringify(template.body);
    const model = report(4);
    const values = { ky_bao_cao: 'quý III', nam: '2026', '3.4.a': '1.949', so_don_vi_da_gui: '9', so_don_vi: '10' };
    const out = fillTemplate(fakeDocumentApp(calls, docs) as never, template.id, model.fileName, values, {
      key: 'bang_tong_hop',
      rows: [
        ['STT', 'Chỉ tiêu'],
        ['1', 'Công tác chỉ đạo'],
      ],
    });
    const copy = docs[1];
    expect(copy.name).toBe(model.fileName);
    expect(copy.body.map((n) => n.text)).toEqual([
      'Báo cáo CCHC quý III năm 2026',
      'Đã tiếp nhận 1.949 hồ sơ; 9/10 đơn vị đã gửi.',
      'STT\tChỉ tiêu\n1\tCông tác chỉ đạo',
      'Ý kiến: {{y_kien_rieng}}',
    ]);
    expect(copy.body[2].kind).toBe('table');
    expect(out.unknown).toEqual(['y_kien_rieng']);
    expect(copy.saved).toBe(true);
    expect(JSON.stringify(template.body)).toBe(before);
  });

  const ROWS = [
    ['STT', 'Chỉ tiêu'],
    ['1', 'Công tác chỉ đạo'],
  ];
  const fill = (docs: FakeDocument[], t: FakeDocument) =>
    fillTemplate(
      fakeDocumentApp(new Calls(), docs) as never,
      t.id,
      'Dự thảo',
      {},
      { key: 'bang_tong_hop', rows: ROWS },
    );

  it("copies the template's page size and margins into the draft", () => {
    const docs: FakeDocument[] = [];
    const t = templateDoc(docs);
    t.page = { width: 595.3, height: 841.9, top: 56.7, bottom: 56.7, left: 85, right: 42.5 };
    fill(docs, t);
    expect(docs[1].page).toEqual(t.page);
  });

  it('puts the table where {{bang_tong_hop}} stands even in the last paragraph, which Docs cannot remove', () => {
    const docs: FakeDocument[] = [];
    const t = templateDoc(docs);
    t.body = [
      { kind: 'para', text: 'Kết quả:', attrs: {}, styled: [] },
      { kind: 'para', text: '{{bang_tong_hop}}', attrs: {}, styled: [] },
    ];
    fill(docs, t);
    const copy = docs[1].body;
    expect(copy.map((n) => n.kind)).toEqual(['para', 'table', 'para']);
    expect(copy[1].cells).toEqual(ROWS);
    expect(copy[2].text).toBe(''); // emptied, not removed: a body ends with a paragraph
  });

  it('puts the table inside a table cell when the placeholder is there', () => {
    const docs: FakeDocument[] = [];
    const t = templateDoc(docs);
    t.body = [
      { kind: 'para', text: 'Phụ lục', attrs: {}, styled: [] },
      { kind: 'table', text: '', attrs: {}, styled: [], cells: [['Số liệu', '{{bang_tong_hop}}']] },
      { kind: 'para', text: 'Hết.', attrs: {}, styled: [] },
    ];
    fill(docs, t);
    const table = docs[1].body[1];
    const cell = table.paras![0][1];
    expect(cell.map((n) => n.kind)).toEqual(['table', 'para']);
    expect(cell[0].cells).toEqual(ROWS);
    expect(table.text).not.toContain('{{bang_tong_hop}}');
    expect(docs[1].body[2].text).toBe('Hết.');
  });
});
