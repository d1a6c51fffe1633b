/**
 * A consolidation whose owners' figures contradict each other (3.5.2 counts the procedures that
 * 7.8.1 + 7.8.2 count by level): the draft flags it to the consolidator and "Kết quả kiểm tra"
 * lists the same finding, so the workbook and the document never disagree in silence.
 */
import { isoDate } from '../../../src/core/primitives/dates';
import { plainText } from '../../../src/core/report/model';
import { consolidateWorkbook, draftReport } from '../../../src/core/use-cases';
import { runContext } from '../../../src/core/settings/run-context';
import { sampleProvince } from '../../../src/demo/sample';
import { sampleBook } from './sample-book';

const sample = sampleProvince({ period: 'Q1', year: 2026, notSentShare: 0, mistakeShare: 0 });
// The owners type these three (the office of UBND tỉnh 3.5.2, the digital owner 7.8.x): 684 against 300 + 500.
const typed: Record<string, number> = { '3.5.2': 684, '7.8.1': 300, '7.8.2': 500 };
const { wb, settings } = sampleBook(sample, isoDate(2026, 11, 30), (f) => {
  const values = new Map(f.values);
  for (const [code, v] of Object.entries(typed))
    if (sample.settings.owners[code] === f.agency.name) values.set(code, v);
  return { ...f, values };
});
consolidateWorkbook(wb, runContext(settings));
const drafted = draftReport(wb, runContext(settings), {});
if (!drafted.ok || drafted.kind !== 'province') throw new Error('draft');
const runs = drafted.model.blocks.flatMap((b) => (b.kind === 'para' ? b.runs : []));

describe('figures of different owners that contradict each other', () => {
  it('are flagged in the draft, highlighted, with both sides and their sum', () => {
    const flag = runs.find((r) => r.text.includes('(3.5.2: 684)'));
    expect(flag?.highlight).toBe(true);
    expect(flag?.text).toMatch(/^\[Cần kiểm tra: Số liệu không khớp: /);
    expect(flag?.text).toContain('(7.8.1: 300) + ');
    expect(flag?.text).toContain('(7.8.2: 500) = 800');
  });

  it('are listed on Kết quả kiểm tra with the same words', () => {
    const cells = wb.read('Kết quả kiểm tra')!.values.flat().map(String);
    const listed = cells.filter((c) => c.includes('(3.5.2: 684)'));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(
      /^Số liệu không khớp: .*\(7\.8\.2: 500\) = 800\. Thống nhất số liệu trước khi ban hành\.$/,
    );
  });

  it('still print each figure once in the body, beside the flag', () => {
    const body = drafted.model.blocks.map(plainText).join('\n');
    expect(body).toContain('cung cấp 684 thủ tục trực tuyến toàn trình và một phần;');
    expect(body).toContain('Toàn tỉnh cung cấp 300 thủ tục hành chính trực tuyến một phần và 500 thủ tục toàn trình');
  });
});
