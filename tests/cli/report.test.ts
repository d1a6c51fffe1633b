/**
 * `report --agency` and `report --previous` end to end, on real .xlsx, .json and .docx files: the
 * .docx writer renders the same model the Docs writer does, so its text is checked here.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { cliWith, scratch } from './helpers';

const { at } = scratch('cchc-report-');
const clock = () => new Date(2026, 9, 5, 9, 30);

const cli = cliWith(clock);

/** The visible text of a .docx, paragraph by paragraph, and its tables' column counts. */
async function docx(path: string): Promise<{ text: string; columns: number[] }> {
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const columns = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map(
    (g) => (g[1].match(/<w:gridCol/g) ?? []).length,
  );
  return { text, columns };
}

interface SummaryFile {
  issuer: { body: string };
  period: { year: number; from: string; to: string };
  submission: { agency: string; included: boolean; figures?: Record<string, number> }[];
  indicators: Record<string, { value: number | null; unit: string }>;
}

/** Last year's JSON: the same province, the same period a year earlier, 10% fewer hồ sơ. */
function lastYear(json: Record<string, unknown>, edit: (j: SummaryFile) => void = () => {}): string {
  const j = JSON.parse(JSON.stringify(json)) as SummaryFile;
  j.period.year -= 1;
  j.period.from = j.period.from.replace(/^(\d{4})/, (y: string) => String(+y - 1));
  j.period.to = j.period.to.replace(/^(\d{4})/, (y: string) => String(+y - 1));
  for (const v of Object.values(j.indicators))
    if (v.value !== null && v.unit !== '%') v.value = Math.round(v.value * 0.9);
  // Each agency's own counts too (its rates are recomputed from them).
  for (const e of j.submission)
    for (const code of Object.keys(e.figures ?? {}))
      if (j.indicators[code]?.unit !== '%') e.figures![code] = Math.round(e.figures![code] * 0.9);
  edit(j);
  const path = at(`last-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(j));
  return path;
}

describe('npm run cchc -- report', () => {
  let summary: Record<string, unknown>;
  beforeAll(async () => {
    expect((await cli('sample', '--out', at('so.xlsx'), '--communes', '3', '--provincial', '5')).code).toBe(0);
    expect((await cli('consolidate', at('so.xlsx'), '--out', at('th.xlsx'), '--json', at('th.json'))).code).toBe(0);
    summary = JSON.parse(readFileSync(at('th.json'), 'utf8'));
  });

  it("--agency drafts a department's own report, with its appendix of 5 columns", async () => {
    const { code, out } = await cli('report', at('so.xlsx'), '--agency', 'Sở Tài chính', '--out', at('stc.docx'));
    expect(code).toBe(0);
    expect(out).toContain('Dự thảo báo cáo của Sở Tài chính:');
    const { text, columns } = await docx(at('stc.docx'));
    // The .docx keeps the non-breaking spaces that hold a place name on one line.
    expect(text).toContain('UBND TỈNH\u00a0VĨNH\u00a0LONG\nSỞ TÀI CHÍNH');
    expect(text).toContain('Số:       /BC-STC');
    expect(text).toContain('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC');
    expect(text).toContain('THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI SỞ TÀI CHÍNH');
    expect(text).toMatch(/đơn vị đã tiếp nhận \d[\d.]* hồ sơ/);
    expect(text).not.toMatch(/NaN|undefined|null/);
    expect(columns[columns.length - 1]).toBe(5);
  });

  it('keeps the closing sentence on the page of the signer block, in both reports', async () => {
    expect((await cli('report', at('so.xlsx'), '--out', at('tinh-giu-trang.docx'))).code).toBe(0);
    for (const file of ['stc.docx', 'tinh-giu-trang.docx']) {
      const xml = await (await JSZip.loadAsync(readFileSync(at(file)))).file('word/document.xml')!.async('string');
      const closingPara = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) =>
        p[0].includes('Trên đây là báo cáo'),
      );
      expect(closingPara?.[0]).toContain('<w:keepNext/>');
    }
  });

  it('--agency finds a commune by its tab name too, and names an unknown one', async () => {
    const ok = await cli('report', at('so.xlsx'), '--agency', 'ubnd xã phú hòa', '--out', at('xa.docx'));
    expect(ok.code).toBe(0);
    expect((await docx(at('xa.docx'))).text).toContain('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    const bad = await cli('report', at('so.xlsx'), '--agency', 'Sở Không Có', '--out', at('x.docx'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Không có đơn vị "Sở Không Có" trên trang Thiết lập');
  });

  it('--previous compares with the same period last year: sentences and a "Kỳ trước" column', async () => {
    const { code, out } = await cli('report', at('so.xlsx'), '--out', at('tinh.docx'), '--previous', lastYear(summary));
    expect(code).toBe(0);
    expect(out).toContain('So sánh với cùng kỳ năm 2025');
    const { text, columns } = await docx(at('tinh.docx'));
    // Every agency of the sample reported in both years: the comparison is over all of them, and says so.
    expect(text).toMatch(
      /So với cùng kỳ năm 2025, trên cùng \d+ cơ quan, đơn vị có số liệu ở cả hai kỳ, số hồ sơ tiếp nhận tăng [\d.]+ hồ sơ \(\d+(,\d+)?%; từ [\d.]+ lên [\d.]+ hồ sơ\)/,
    );
    expect(text).toContain('Kỳ trước');
    // Phụ lục II has the "Kỳ trước" column; Phụ lục III (the agencies' words, 3 columns) follows it.
    expect(columns.slice(-2)).toEqual([6, 3]);
  });

  it('--previous also takes a consolidated workbook', async () => {
    // th.xlsx is this very period: refused, as the wrong period must be.
    const { code, out } = await cli('report', at('so.xlsx'), '--out', at('same.docx'), '--previous', at('th.xlsx'));
    expect(code).toBe(2);
    expect(out).toContain('là của chính kỳ này (quý III năm 2026)');
  });

  it("--previous reads a consolidated workbook's per-agency sheet: the same sentences as its JSON", async () => {
    // Quý II of another sample (other agencies have errors, so another coverage), consolidated both ways.
    const prev = ['sample', '--out', at('q2.xlsx'), '--period', 'Q2', '--communes', '3', '--provincial', '5'];
    expect((await cli(...prev, '--seed', '7')).code).toBe(0);
    const made = await cli('consolidate', at('q2.xlsx'), '--out', at('q2-th.xlsx'), '--json', at('q2.json'));
    expect(made.code).toBe(0);
    const viaJson = await cli('report', at('so.xlsx'), '--out', at('q2-json.docx'), '--previous', at('q2.json'));
    const viaBook = await cli('report', at('so.xlsx'), '--out', at('q2-book.docx'), '--previous', at('q2-th.xlsx'));
    expect([viaJson.code, viaBook.code]).toEqual([0, 0]);
    const comparisons = async (file: string) =>
      (await docx(at(file))).text.split('\n').filter((l) => l.startsWith('So với quý II năm 2026'));
    const fromJson = await comparisons('q2-json.docx');
    expect(fromJson).toHaveLength(2);
    expect(fromJson[0]).toMatch(
      /^So với quý II năm 2026, trên cùng \d+ cơ quan, đơn vị có số liệu ở cả hai kỳ, số hồ sơ/,
    );
    expect(await comparisons('q2-book.docx')).toEqual(fromJson);
  });

  it('without --previous, neither the comparison nor the column', async () => {
    expect((await cli('report', at('so.xlsx'), '--out', at('plain.docx'))).code).toBe(0);
    const { text, columns } = await docx(at('plain.docx'));
    expect(text).not.toMatch(/So với|Kỳ trước|cùng kỳ/);
    expect(columns.slice(-2)).toEqual([5, 3]);
  });

  it("refuses another province's summary and a later period, in Vietnamese, with exit code 2", async () => {
    const other = lastYear(summary, (j) => (j.issuer.body = 'Ủy ban nhân dân tỉnh Trà Vinh'));
    const a = await cli('report', at('so.xlsx'), '--out', at('a.docx'), '--previous', other);
    expect(a.code).toBe(2);
    expect(a.out).toContain('là của "Ủy ban nhân dân tỉnh Trà Vinh", không phải của "Ủy ban nhân dân tỉnh Vĩnh Long"');
    const later = lastYear(summary, (j) => {
      j.period.year = 2027;
      j.period.from = '2027-06-15';
      j.period.to = '2027-09-14';
    });
    const b = await cli('report', at('so.xlsx'), '--out', at('b.docx'), '--previous', later);
    expect(b.code).toBe(2);
    expect(b.out).toContain('là của quý III năm 2027, không phải kỳ liền trước hay cùng kỳ năm trước');
    const broken = at('broken.json');
    writeFileSync(broken, '{"indicators": 3}');
    const c = await cli('report', at('so.xlsx'), '--out', at('c.docx'), '--previous', broken);
    expect(c.code).toBe(2);
    expect(c.out).toContain('không phải số liệu tổng hợp do lệnh "consolidate --json" tạo ra');
  });

  it('--previous is for the consolidated report only', async () => {
    const r = await cli(
      'report',
      at('so.xlsx'),
      '--agency',
      'Sở Tài chính',
      '--out',
      at('y.docx'),
      '--previous',
      lastYear(summary),
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain('--previous chỉ dùng cho báo cáo tổng hợp');
  });
});
