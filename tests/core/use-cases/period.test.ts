/**
 * One reporting period through the use cases, on the in-memory workbook: what the consolidator
 * and the agencies see, with no adapter in the way (the adapters' own tests count their calls).
 */
import { STATUS_DRAFT, STATUS_SENT } from '../../../src/core/form/template';
import { isoDate } from '../../../src/core/primitives/dates';
import { SETTINGS_SHEET } from '../../../src/core/settings';
import { COLORS } from '../../../src/core/sheet/plan';
import {
  consolidateWorkbook,
  draftReport,
  generateTemplates,
  markSubmitted,
  setupSettings,
  submitTyped,
  validateAll,
} from '../../../src/core/use-cases';
import { sampleProvince } from '../../../src/demo/sample';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { sampleBook } from './sample-book';
import { runContext } from '../../../src/core/settings/run-context';

const TODAY = isoDate(2026, 9, 25);

function province(opts: Parameters<typeof sampleProvince>[0] = {}, today = TODAY) {
  const sample = sampleProvince({ provincial: 4, communes: 3, mistakeShare: 0, ...opts });
  return { ...sampleBook(sample, today), fills: sample.fills };
}

/** The Số liệu cell (column D) of an indicator on an agency's tab, found as a person would: by its code in column A. */
function cellOf(wb: MemoryWorkbook, sheet: string, code: string): string {
  for (let row = 1; row < 400; row++) if (wb.valueAt(sheet, `A${row}`) === code) return `D${row}`;
  throw new Error(`${code} is not on ${sheet}`);
}

/** The status cell: the one beside "Trạng thái" in column B. */
function statusCellOf(wb: MemoryWorkbook, sheet: string): { status: string; sentOn: string } {
  for (let row = 1; row < 30; row++)
    if (String(wb.valueAt(sheet, `B${row}`)).startsWith('Trạng thái'))
      return { status: `C${row}`, sentOn: `C${row + 1}` };
  throw new Error(`no status on ${sheet}`);
}

describe('the settings sheet', () => {
  it('is created once, with the agencies of the province as it is in the current quarter', () => {
    const wb = new MemoryWorkbook(TODAY); // quý III/2026: after Trà Vinh and Bến Tre joined Vĩnh Long (01/07/2025)
    const first = setupSettings(wb);
    expect(first.created).toBe(true);
    if (!first.result.ok) throw new Error('settings did not read back');
    const { settings } = first.result;
    expect(settings.issuingBody).toBe('Ủy ban nhân dân tỉnh Vĩnh Long');
    // Nghị quyết 1687/NQ-UBTVQH15: 124 commune-level units, 105 xã and 19 phường.
    const communes = settings.agencies.filter((a) => a.type === 'xa').map((a) => a.name);
    expect(communes).toHaveLength(124);
    expect(communes.filter((n) => n.startsWith('UBND phường '))).toHaveLength(19);
    expect(communes).toEqual(
      expect.arrayContaining(['UBND phường Long Châu', 'UBND xã Cái Nhum', 'UBND phường Trà Vinh']),
    );
    expect(settings.agencies.some((a) => a.type === 'huyen')).toBe(false);
    const second = setupSettings(wb);
    expect(second.created).toBe(false);
    expect(wb.sheetNames()).toEqual([SETTINGS_SHEET]);
  });

  it('keeps Trà Vinh with its districts for a quarter before the merger', () => {
    const wb = new MemoryWorkbook(isoDate(2025, 3, 1)); // quý I/2025, data to 14/03/2025
    const { result } = setupSettings(wb);
    if (!result.ok) throw new Error('settings did not read back');
    expect(result.settings.issuingBody).toBe('Ủy ban nhân dân tỉnh Trà Vinh');
    // Seed 000's appendix: 32 agencies, 9 of them district UBNDs.
    expect(result.settings.agencies).toHaveLength(32);
    expect(result.settings.agencies.filter((a) => a.type === 'huyen')).toHaveLength(9);
  });
});

describe('the agencies’ forms', () => {
  it('are one protected tab per agency, and making them again keeps what agencies typed', () => {
    const { wb, settings } = province();
    expect(wb.sheetNames()).toEqual([SETTINGS_SHEET, ...settings.agencies.map((a) => a.sheet)]);
    for (const a of settings.agencies) {
      const p = wb.protectionOf(a.sheet);
      expect(p?.kind).toBe('agency');
      if (p?.kind === 'agency') expect(p.editable.length).toBeGreaterThan(0);
    }
    const tab = settings.agencies[0]!.sheet;
    const cell = cellOf(wb, tab, '3.4.a.2');
    wb.type(tab, cell, 1234);
    generateTemplates(wb, runContext(settings));
    expect(wb.valueAt(tab, cell)).toBe(1234);
    expect(wb.sheetNames()).toHaveLength(settings.agencies.length + 1);
  });
});

describe('checking', () => {
  it('turns a negative count red, names it in the results sheet and changes no value', () => {
    const { wb, settings } = province();
    const tab = settings.agencies[1]!.sheet;
    const cell = cellOf(wb, tab, '3.4.d');
    wb.type(tab, cell, -4);
    const results = validateAll(wb, runContext(settings));
    const mine = results.find((r) => r.agency.sheet === tab)!;
    expect(mine.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual([cell]);
    expect(wb.background(tab, cell)).toBe(COLORS.error);
    expect(wb.valueAt(tab, cell)).toBe(-4);
    expect(wb.sheetNames()).toContain('Kết quả kiểm tra');
    // The other agencies typed clean figures: no error anywhere else.
    expect(results.filter((r) => r.agency.sheet !== tab).every((r) => r.errors === 0)).toBe(true);
  });

  it('puts back the validation and live checks a paste replaced, at the rows the tab has', () => {
    const { wb, settings } = province();
    const tab = settings.agencies[0]!.sheet;
    const count = cellOf(wb, tab, '3.4.a');
    const { status } = statusCellOf(wb, tab);
    const checks = wb.checksOf(tab);
    expect(wb.validationAt(tab, count)).toEqual({ kind: 'wholeNumber' });
    // A paste of plain cells over the status and the table: no rules left on them.
    const top = Number(status.slice(1));
    const rows = Number(count.slice(1)) - top + 1;
    wb.setValidations(
      tab,
      `${status}:${count}`,
      Array.from({ length: rows }, () => [null, null]),
    );
    wb.setChecks(tab, []);
    expect(wb.validationAt(tab, status)).toBeNull();
    validateAll(wb, runContext(settings));
    expect(wb.validationAt(tab, count)).toEqual({ kind: 'wholeNumber' });
    expect(wb.validationAt(tab, status)).toEqual({ kind: 'list', values: [STATUS_DRAFT, STATUS_SENT] });
    expect(wb.validationAt(tab, cellOf(wb, tab, '1.2'))).toMatchObject({ kind: 'list' });
    expect(wb.checksOf(tab)).toEqual(checks);
  });

  it('says a tab marked "Đã gửi" with no date missed the automatic check, and what to do, at the date cell', () => {
    const { wb, settings } = province();
    const agency = settings.agencies[1]!;
    const { status, sentOn } = statusCellOf(wb, agency.sheet);
    // Apps Script turned off by the Workspace admin: the clerk's "Đã gửi" stays, no date is written.
    wb.type(agency.sheet, status, STATUS_SENT);
    wb.type(agency.sheet, sentOn, '');
    const results = validateAll(wb, runContext(settings));
    const mine = results.find((r) => r.agency.sheet === agency.sheet)!;
    expect(mine.findings.map((f) => [f.rule, f.cell])).toEqual([['sent-without-date', sentOn]]);
    expect(mine.findings[0]!.message).toBe(
      `Ô ${sentOn}: trang được đánh dấu "Đã gửi" nhưng chưa có ngày gửi: việc kiểm tra tự động khi đơn vị chọn ` +
        '"Đã gửi" đã không chạy (quản trị viên Google Workspace có thể đã tắt Apps Script, hoặc trạng thái được ' +
        'dán vào). Hãy nhờ đơn vị chọn lại "Đã gửi" ở ô Trạng thái báo cáo (bảng tính tự kiểm tra và ghi ngày ' +
        `gửi), hoặc ghi ngày gửi (dd/mm/yyyy) vào ô ${sentOn} sau khi đã kiểm tra trang.`,
    );
    expect(wb.background(agency.sheet, sentOn)).toBe(COLORS.error);
    const sheet = wb.read('Kết quả kiểm tra')!.values.flat().map(String);
    expect(sheet.some((v) => v.includes('việc kiểm tra tự động khi đơn vị chọn "Đã gửi" đã không chạy'))).toBe(true);
  });

  it('refuses to mark a tab with errors as sent, and stamps today once it is fixed', () => {
    const { wb, settings } = province({ notSentShare: 1 });
    const agency = settings.agencies[0]!;
    const cell = cellOf(wb, agency.sheet, '3.4.d');
    const typed = wb.valueAt(agency.sheet, cell);
    wb.type(agency.sheet, cell, 'mười');
    const { status, sentOn } = statusCellOf(wb, agency.sheet);
    expect(markSubmitted(wb, runContext(settings), agency).ok).toBe(false);
    expect(wb.valueAt(agency.sheet, status)).toBe(STATUS_DRAFT);
    wb.type(agency.sheet, cell, typed);
    const done = markSubmitted(wb, runContext(settings), agency);
    expect(done.ok).toBe(true);
    expect(wb.valueAt(agency.sheet, status)).toBe(STATUS_SENT);
    expect(wb.valueAt(agency.sheet, sentOn)).toEqual(new Date(2026, 8, 25));
  });

  it('puts back an agency’s own "Đã gửi" while its tab has errors (the edit trigger’s gate)', () => {
    const { wb, settings } = province({ notSentShare: 1 });
    const agency = settings.agencies[2]!;
    const { status, sentOn } = statusCellOf(wb, agency.sheet);
    const cell = cellOf(wb, agency.sheet, '3.4.d');
    const typed = wb.valueAt(agency.sheet, cell);
    wb.type(agency.sheet, cell, -1);
    wb.type(agency.sheet, status, STATUS_SENT);
    expect(submitTyped(wb, runContext(settings), agency, status)?.ok).toBe(false);
    expect(wb.valueAt(agency.sheet, status)).toBe(STATUS_DRAFT);
    expect(wb.valueAt(agency.sheet, sentOn)).toBe('');
    wb.type(agency.sheet, cell, typed);
    wb.type(agency.sheet, status, STATUS_SENT);
    expect(submitTyped(wb, runContext(settings), agency, status)?.ok).toBe(true);
    expect(wb.valueAt(agency.sheet, sentOn)).toEqual(new Date(2026, 8, 25));
    // Any other cell is not the gate's business: nothing is read into a decision, nothing written.
    expect(submitTyped(wb, runContext(settings), agency, cell)).toBeNull();
  });
});

describe('consolidating and drafting', () => {
  it('sums the hồ sơ received over the agencies that sent, leaving out vertical agencies', () => {
    // Checked well after the deadline, so no sent date lies in the future (an error that would leave a tab out).
    const { wb, settings, fills } = province({ provincial: 24, notSentShare: 0.3 }, isoDate(2026, 11, 30));
    expect(fills.some((f) => f.sent && f.agency.type === 'nganh_doc')).toBe(true);
    const summary = consolidateWorkbook(wb, runContext(settings));
    // By hand, from what was typed: every agency that sent and is not a vertical one (DOMAIN.md).
    const counted = fills.filter((f) => f.sent && f.agency.type !== 'nganh_doc');
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.length).toBeLessThan(fills.length);
    // Typed as people type them: "28.515" is twenty-eight thousand five hundred and fifteen.
    const typed = (v: unknown) => (typeof v === 'number' ? v : Number(String(v).replace(/\./g, '').replace(',', '.')));
    const expected = counted.reduce((sum, f) => sum + typed(f.values.get('3.4.a')), 0);
    expect(summary.indicators.get('3.4.a')?.value).toBe(expected);
    for (const name of ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra'])
      expect(wb.sheetNames()).toContain(name);
  });

  it('drafts the province report from the tabs without writing to the workbook', () => {
    const { wb, settings } = province();
    const before = wb.calls.get('writeCells') ?? 0;
    const creates = wb.sheetNames().length;
    const out = draftReport(wb, runContext(settings));
    expect(out.ok && out.kind).toBe('province');
    expect(wb.calls.get('writeCells') ?? 0).toBe(before);
    expect(wb.sheetNames()).toHaveLength(creates);
    const agency = draftReport(wb, runContext(settings), { agency: settings.agencies[0]! });
    expect(agency.ok && agency.kind).toBe('agency');
  });
});
