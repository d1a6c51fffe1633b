/**
 * The workbook the consolidator prints: every summary sheet and agency tab of the written .xlsx,
 * reopened with excelts, is set up for A4 with its header repeated, ruled, numbered and with rows
 * tall enough for their wrapped labels.
 */
import * as ExcelJS from '@cj-tech-master/excelts';
import { consolidateWorkbook, generateTemplates, validateAll } from '../../src/core/use-cases';
import { catalogFor } from '../../src/core/catalog/versions';
import { sampleProvince, writeFill } from '../../src/demo/sample';
import { readSettings, settingsPlan } from '../../src/core/settings';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { runContext } from '../../src/core/settings/run-context';

const NOW = new Date('2026-09-25T03:00:00Z');
const SUMMARY_SHEETS = ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra'];

let book: ExcelJS.Workbook;
let agencyTab: string;
let agencies: number;

beforeAll(async () => {
  const sample = sampleProvince({ provincial: 6, communes: 12, mistakeShare: 0.3 });
  const wb = XlsxWorkbook.create(() => NOW);
  wb.create(settingsPlan(sample.settings));
  const read = readSettings(wb.read('Thiết lập')!.values);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const settings = read.settings;
  const catalog = catalogFor(settings);
  generateTemplates(wb, runContext(settings));
  for (const f of sample.fills) writeFill(wb, catalog, settings, f);
  validateAll(wb, runContext(settings));
  consolidateWorkbook(wb, runContext(settings));
  book = new ExcelJS.Workbook();
  await book.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
  agencyTab = settings.agencies[0]!.sheet;
  agencies = settings.agencies.length;
});

const sheet = (name: string) => book.getWorksheet(name)!;
/** 1-based row whose column A reads `text`. */
const rowWith = (ws: ExcelJS.Worksheet, text: string) =>
  [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === text)!;
const ruled = (c: ExcelJS.Cell) =>
  (['top', 'left', 'bottom', 'right'] as const).every((side) => c.border?.[side]?.style === 'thin');

describe('the written .xlsx prints on A4', () => {
  it('sets A4, numbers every page ("Trang 2/5") and names the sheet in the footer', () => {
    for (const name of [...SUMMARY_SHEETS, agencyTab]) {
      const ws = sheet(name);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
      expect(ws.headerFooter.oddFooter).toContain('&A');
    }
  });

  it('prints Tổng hợp landscape, one page wide, with its table header on every page', () => {
    const ws = sheet('Tổng hợp');
    const header = rowWith(ws, 'STT');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });

  it('prints an agency tab portrait, one page wide, its table header repeated', () => {
    const ws = sheet(agencyTab);
    const header = rowWith(ws, 'STT');
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  it('prints Chi tiết theo đơn vị across pages at 67 % (8 pt), the indicator columns repeated on each', () => {
    const ws = sheet('Chi tiết theo đơn vị');
    expect(ws.columnCount).toBe(4 + agencies);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', scale: 67 });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect((12 * ws.pageSetup.scale) / 100).toBeGreaterThanOrEqual(8);
    expect(ws.pageSetup.printTitlesColumn).toBe('A:D');
    // Names, Tình trạng and the row of links to the tabs.
    expect(ws.pageSetup.printTitlesRow).toBe('3:5');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 5 });
  });

  it('rules the tables: every cell from the header to the last row, nothing above', () => {
    for (const name of ['Tổng hợp', 'Tình hình gửi báo cáo', agencyTab]) {
      const ws = sheet(name);
      const header = rowWith(ws, 'STT');
      const width = ws.getRow(header).cellCount;
      expect(ruled(ws.getCell(1, 1))).toBe(false);
      for (const col of [1, width]) expect(ruled(ws.getCell(header, col))).toBe(true);
      // The table's last row: the last indicator (Tổng hợp, agency tab) or "Tổng cộng".
      let last = header;
      while (ruled(ws.getCell(last + 1, 1))) last++;
      expect(last - header).toBeGreaterThan(10);
      expect(ruled(ws.getCell(last, width))).toBe(true);
    }
    const detail = sheet('Chi tiết theo đơn vị');
    expect(ruled(detail.getCell(3, 1))).toBe(true);
    expect(ruled(detail.getCell(detail.rowCount, 4 + agencies))).toBe(true);
  });

  it('makes rows tall enough for their wrapped labels, so none runs over the next row', () => {
    const ws = sheet('Tổng hợp');
    // Column B is 430 px: at most (430 − 8) / 6 = 70 characters of 12 pt text a line.
    let checked = 0;
    for (let r = rowWith(ws, 'STT') + 1; r <= ws.rowCount; r++) {
      const label = ws.getCell(r, 2).value;
      if (typeof label !== 'string' || label.length <= 70) continue;
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(15.75 * Math.ceil(label.length / 70));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('gives a free-text answer typed after the form was made the lines it needs (no overprinting the next label)', () => {
    // Column B of an agency tab is 420 px: at most (420 − 8) / 6 = 68 characters a line.
    let checked = 0;
    for (const ws of book.worksheets.filter((w) => !SUMMARY_SHEETS.includes(w.name) && w.state === 'visible')) {
      const last = ws.rowCount; // getCell below the last row would add rows
      for (let r = 1; r < last; r++) {
        const answer = ws.getCell(r + 1, 2).value;
        if (!/^(Kết quả nổi bật|Khó khăn, vướng mắc|Kiến nghị, đề xuất):$/.test(String(ws.getCell(r, 2).value)))
          continue;
        if (typeof answer !== 'string' || answer.length <= 68) continue;
        expect(ws.getRow(r + 1).height).toBeGreaterThanOrEqual(15.75 * Math.ceil(answer.length / 68));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
