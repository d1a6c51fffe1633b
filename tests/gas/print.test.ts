/**
 * Printing from Google Sheets: Apps Script writes no print settings, but Sheets repeats frozen
 * rows and columns on every printed page, and the tables are ruled, each sheet in one call.
 */
import { consolidateWorkbook, generateTemplates, validateAll } from '../../src/core/use-cases';
import { writeFill } from '../../src/demo/sample';
import { catalog, gasWorkbook, province } from './setup';
import { runContext } from '../../src/core/settings/run-context';

function consolidated(communes: number) {
  const p = province({ communes });
  generateTemplates(p.wb, runContext(p.settings));
  for (const f of p.fills) writeFill(p.wb, catalog, p.settings, f);
  const { wb } = gasWorkbook(p.fake);
  p.fake.calls.reset();
  validateAll(wb, runContext(p.settings));
  consolidateWorkbook(wb, runContext(p.settings));
  return { ...p, wb };
}

describe('the summary sheets in Google Sheets, printed', () => {
  it('freezes the per-agency detail at its indicator columns and header, which Sheets repeats on each page', () => {
    const { fake, settings } = consolidated(4);
    const detail = fake.ss.sheet('Chi tiết theo đơn vị');
    expect(detail.frozenRows).toBe(5); // names, Tình trạng, links to the tabs
    expect(detail.frozenColumns).toBe(4);
    const summary = fake.ss.sheet('Tổng hợp');
    expect(summary.valueAt(`A${summary.frozenRows}`)).toBe('STT'); // through the table header
    expect(settings.agencies.length).toBe(10);
  });

  it('rules each table from its header to its last row, and nothing outside it', () => {
    const { fake, settings } = consolidated(4);
    const summary = fake.ss.sheet('Tổng hợp');
    const header = summary.frozenRows;
    expect(summary.cell(`A${header}`).border).toBe(true);
    expect(summary.cell(`E${header + 1}`).border).toBe(true);
    expect(summary.cell('B1').border).toBeFalsy();
    const detail = fake.ss.sheet('Chi tiết theo đơn vị');
    const lastColumn = String.fromCharCode(64 + 4 + settings.agencies.length); // D + 10 agencies = N
    expect(detail.cell('A3').border).toBe(true);
    expect(detail.cell(`${lastColumn}5`).border).toBe(true);
    expect(detail.cell('A1').border).toBeFalsy();
    const submission = fake.ss.sheet('Tình hình gửi báo cáo');
    const total = [...Array(40).keys()].map((i) => i + 1).find((r) => submission.valueAt(`B${r}`) === 'Tổng cộng')!;
    expect(submission.cell(`F${total}`).border).toBe(true);
    expect(submission.cell(`F${total + 1}`).border).toBeFalsy();
  });

  it('takes one border call and one freeze call per sheet, however many agencies', () => {
    const counts = [4, 24].map((communes) => {
      const { fake } = consolidated(communes);
      // Every sheet written (each is a new sheet swapped in) is ruled in one call.
      const written = fake.calls.of('Spreadsheet.insertSheet');
      expect(written).toBeGreaterThanOrEqual(4);
      expect(fake.calls.of('RangeList.setBorder')).toBe(written);
      expect(fake.calls.of('Sheet.setFrozenColumns')).toBe(1);
      return written;
    });
    expect(counts[1]).toBe(counts[0]);
  });
});
