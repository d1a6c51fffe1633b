/**
 * A province's own indicators, typed into "Chỉ tiêu bổ sung" on Thiết lập, reach the forms, the
 * checks, the summary and the draft, through the Apps Script adapter and the .xlsx adapter alike;
 * a mistake in that table is named by its cell.
 */
import { consolidateWorkbook, generateTemplates, loadSettings, validateAll } from '../../../src/core/use-cases';
import { catalogFor } from '../../../src/core/catalog/versions';
import { CellInput } from '../../../src/core/sheet/plan';
import { cellText } from '../../../src/core/sheet/grid';
import { SUMMARY_SHEET } from '../../../src/core/figures/output-sheets';
import { buildProvinceReport } from '../../../src/core/report/province';
import { placeholderValues } from '../../../src/core/report/template-placeholders';
import { plainText } from '../../../src/core/report/model';
import { sampleProvince, writeFill } from '../../../src/demo/sample';
import { EXTRA_TITLE, SETTINGS_SHEET, settingsPlan } from '../../../src/core/settings';
import { WorkbookPort } from '../../../src/core/workbook';
import { XlsxWorkbook } from '../../../src/local/xlsx-workbook';
import { NOW, gasWorkbook } from '../../gas/setup';
import { runContext } from '../../../src/core/settings/run-context';

/** Quyết định 766/QĐ-TTg: the share of hồ sơ digitised, recomputed from its two counts. */
const QD766: CellInput[][] = [
  ['8', 'Chỉ tiêu chuyển đổi số (Quyết định 766/QĐ-TTg)', '', '', 'Nhóm', '', '', '', ''],
  ['8.1', 'Tỷ lệ hồ sơ được số hóa', '8', '%', 'Tỷ lệ (%)', 'Tính từ tử số/mẫu số', '8.1.a', '8.1.b', 'Tất cả đơn vị'],
  ['8.1.a', 'Số hồ sơ được số hóa', '8.1', 'Hồ sơ', 'Số lượng', 'Cộng', '', '', 'Tất cả đơn vị'],
  ['8.1.b', 'Số hồ sơ tiếp nhận trong kỳ', '8.1', 'Hồ sơ', 'Số lượng', 'Cộng', '', '', 'Tất cả đơn vị'],
];

function tableRow(wb: WorkbookPort): number {
  const values = wb.read(SETTINGS_SHEET)!.values;
  return values.findIndex((r) => r[0] === EXTRA_TITLE) + 4; // 1-based, below the title, help line and header
}

async function run(make: () => WorkbookPort, reload: (wb: WorkbookPort) => Promise<WorkbookPort>) {
  const sample = sampleProvince({ provincial: 4, communes: 3, mistakeShare: 0, notSentShare: 0, lateShare: 0 });
  let wb = make();
  wb.create(settingsPlan(sample.settings));
  const first = tableRow(wb);
  wb.writeCells(SETTINGS_SHEET, `A${first}:I${first + QD766.length - 1}`, QD766);
  wb = await reload(wb);
  const loaded = loadSettings(wb);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const settings = loaded.settings;
  const catalog = catalogFor(settings);
  generateTemplates(wb, runContext(settings));
  sample.fills.forEach((f, i) => {
    const values = new Map(f.values);
    values.set('8.1.a', 10 * (i + 1));
    values.set('8.1.b', i === 1 ? 5 : 40); // the second agency digitised more than it received
    writeFill(wb, catalog, settings, { ...f, agency: settings.agencies[i], values });
  });
  wb = await reload(wb);
  const results = validateAll(wb, runContext(settings), { mark: false });
  const summary = consolidateWorkbook(wb, runContext({ ...settings, includeErrors: true }));
  const report = buildProvinceReport({ catalog, summary, today: '2026-09-25' as never, stamp: '25/09/2026 10:00' });
  return { wb, settings, catalog, results, summary, report, first };
}

const gas = () => gasWorkbook().wb;
const same = async (wb: WorkbookPort) => wb;
const xlsx = () => XlsxWorkbook.create(() => NOW);
const viaFile = async (wb: WorkbookPort) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer(), () => NOW);

describe.each([
  ['Apps Script', gas, same],
  ['.xlsx', xlsx, viaFile],
] as const)('a province indicator through the %s adapter', (_, make, reload) => {
  let out: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = await run(make, reload);
  });

  it('is read from Thiết lập and added to every form under its parent', () => {
    expect(out.settings.extraIndicators.map((i) => i.code)).toEqual(['8', '8.1', '8.1.a', '8.1.b']);
    const tab = out.wb.read(out.settings.agencies[0].sheet)!.values;
    const codes = tab.map((r) => cellText(r[0]));
    const at = codes.indexOf('8.1');
    expect(at).toBeGreaterThan(codes.indexOf('7.8.4.b'));
    expect(cellText(tab[at][1])).toBe('Tỷ lệ hồ sơ được số hóa');
    expect(codes.slice(at, at + 3)).toEqual(['8.1', '8.1.a', '8.1.b']);
  });

  it('is checked like a standard row: the digitised count may not exceed the received one', () => {
    const second = out.results[1];
    const f = second.findings.find((x) => x.indicator === '8.1.a' && x.rule === 'relation');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('không được lớn hơn 8.1.b "Số hồ sơ tiếp nhận trong kỳ" (5)');
    expect(out.results[0].findings.filter((x) => x.indicator?.startsWith('8.'))).toEqual([]);
  });

  it('is consolidated from summed counts, never an average, and shown on Tổng hợp', () => {
    const n = out.settings.agencies.length;
    const digitised = (10 * n * (n + 1)) / 2;
    const received = 40 * (n - 1) + 5;
    const r = out.summary.indicators.get('8.1')!;
    expect(r.method).toBe('ratio');
    expect(r.value).toBeCloseTo((100 * digitised) / received, 10);
    const sheet = out.wb.read(SUMMARY_SHEET)!.values.map((row) => row.map(cellText).join('|'));
    expect(sheet.some((l) => l.includes('Tỷ lệ hồ sơ được số hóa'))).toBe(true);
  });

  it('reaches the draft: its sentence, Phụ lục II and the {{8.1}} placeholder', () => {
    const text = out.report.blocks.map(plainText).join('\n');
    const pct = placeholderValues({
      catalog: out.catalog,
      summary: out.summary,
      today: '2026-09-25' as never,
      stamp: '',
    })['8.1'];
    expect(pct).toMatch(/^\d+,\d+%$/);
    expect(text).toContain(`Tỷ lệ hồ sơ được số hóa: ${pct}.`);
    expect(text).toContain('Chỉ tiêu chuyển đổi số (Quyết định 766/QĐ-TTg)');
  });

  it('names a mistake in the table by its cell, with the fix', async () => {
    let wb: WorkbookPort = make();
    const { settings } = sampleProvince({ provincial: 2, communes: 1 });
    wb.create(settingsPlan(settings));
    const first = tableRow(wb);
    wb.writeCells(SETTINGS_SHEET, `A${first}:I${first + 1}`, [
      ['7.9', 'Tỷ lệ thanh toán trực tuyến', '7', '%', 'Phần trăm', '', '', '', ''],
      ['3.4.1', 'Trùng mã', '3.4', 'Hồ sơ', 'Số lượng', 'Cộng', '', '', ''],
    ]);
    wb = await reload(wb);
    const loaded = loadSettings(wb);
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? [] : loaded.problems;
    expect(problems).toContainEqual({
      cell: `E${first}`,
      message: expect.stringContaining(
        'loại "Phần trăm" không hợp lệ; chọn "Nhóm", "Số lượng", "Tỷ lệ (%)", "Lựa chọn"',
      ),
    });
    expect(problems).toContainEqual({
      cell: `A${first + 1}`,
      message: expect.stringContaining('mã này đã có trong biểu mẫu chuẩn'),
    });
  });
});
