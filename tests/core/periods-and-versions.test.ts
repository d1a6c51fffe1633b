/**
 * Deadlines as provinces set them (seed 000: agencies by 05/03, data to 14/03), and the form of
 * each era: the two-level catalog from 01/07/2025, stamped on every form and checked on reading.
 */
import { catalogFor } from '../../src/core/catalog/versions';
import { consolidate } from '../../src/core/figures/consolidate';
import { isoDate } from '../../src/core/primitives/dates';
import { SheetPlan } from '../../src/core/sheet/plan';
import { travinhExample } from '../../src/core/settings/example-agencies';
import { summarySheetPlan } from '../../src/core/figures/output-sheets';
import {
  currentPeriod,
  inText,
  nextPeriod,
  nextPeriodInText,
  periodOf,
  previousPeriod,
  sameLastYear,
} from '../../src/core/periods';
import { buildProvinceReport } from '../../src/core/report/province';
import { plainText } from '../../src/core/report/model';
import { exampleSettings, readSettings, settingsPlan } from '../../src/core/settings';
import { agencyTabPlan } from '../../src/core/form/template';
import { validateAgency } from '../../src/core/checks/validate';
import { CLEAN_SO, SO, XA, settingsFor, snapshotOf, tabFor } from '../helpers';
import { parseAgencyTab } from '../../src/core/form/parse';

const DISTRICT = /huyện|quận|thị xã|thành phố thuộc tỉnh|3 cấp/i;

function textOfPlan(plan: SheetPlan): string {
  return plan.rows
    .flat()
    .map((c) => (typeof c.v === 'string' ? c.v : ''))
    .join('\n');
}

describe('a deadline before the data cut-off (seed 000: Trà Vinh, quý I/2020)', () => {
  const example = exampleSettings('Q1', 2020, travinhExample());
  const settings = { ...example, deadline: isoDate(2020, 3, 5) };

  it('is a warning on Thiết lập, naming the cell, never a problem', () => {
    const values = snapshotOf(settingsPlan(settings)).values;
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.deadline).toBe('2020-03-05');
    expect(r.warnings).toHaveLength(1);
    const row = values.findIndex((v) => v[0] === 'Hạn gửi báo cáo') + 1;
    expect(r.warnings[0].cell).toBe(`B${row}`);
    expect(r.warnings[0].message).toContain('Hạn gửi báo cáo (05/03/2020) trước ngày chốt số liệu (14/03/2020)');
    expect(r.warnings[0].message).toContain('ước tính đến ngày 14/03/2020');
  });

  it('validates, consolidates and drafts, saying the figures are estimated to the cut-off', () => {
    const catalog = catalogFor(settings);
    expect(catalog.version).toBe('BNV-6459-2021');
    const names = ['Sở Nội vụ', 'UBND huyện Càng Long'];
    const tabs = names.map((n) =>
      tabFor(settings, n, { status: 'Đã gửi', sentOn: new Date(2020, 2, 4), values: CLEAN_SO }),
    );
    expect(textOfPlan(agencyTabPlan(catalog, settings, tabs[0].agency).plan)).toContain('ước tính đến ngày 14/03/2020');
    const results = tabs.map((t) =>
      validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2020, 3, 6), isProtected: true }),
    );
    for (const r of results) expect(r.errors).toBe(0);
    const summary = consolidate(catalog, settings, results);
    expect(summary.submission.every((e) => e.included && e.daysLate === 0)).toBe(true);
    expect(summary.indicators.get('1.1.1')?.value).toBe(20);
    const model = buildProvinceReport({ catalog, summary, today: isoDate(2020, 3, 13), stamp: '13/03/2020 08:00' });
    const text = model.blocks.map(plainText).join('\n');
    expect(text).toContain(
      'tính đến ngày các cơ quan, đơn vị gửi báo cáo (hạn 05/03/2020) và ước tính đến ngày 14/03/2020',
    );
  });

  it('takes the current quarter from the Nghị định 09 cut-offs', () => {
    expect(currentPeriod(isoDate(2026, 3, 14))).toEqual({ period: 'Q1', year: 2026 });
    expect(currentPeriod(isoDate(2026, 3, 15))).toEqual({ period: 'Q2', year: 2026 });
    expect(currentPeriod(isoDate(2026, 12, 14))).toEqual({ period: 'Q4', year: 2026 });
    expect(currentPeriod(isoDate(2026, 12, 15))).toEqual({ period: 'Q1', year: 2027 });
    expect(currentPeriod(isoDate(2026, 1, 1))).toEqual({ period: 'Q1', year: 2026 });
  });
});

describe('a 2026 period', () => {
  const settings = settingsFor([SO('Sở Nội vụ'), SO('Văn phòng UBND tỉnh'), XA('UBND xã An Phú')], {
    period: periodOf('Q1', 2026, { from: isoDate(2025, 12, 15), to: isoDate(2026, 3, 14) }),
    deadline: isoDate(2026, 3, 20),
  });
  const catalog = catalogFor(settings);

  it('speaks of no district in the form, the summary or the draft', () => {
    expect(catalog.version).toBe('BNV-6459-2021-2CAP');
    const forms = settings.agencies.map((a) => textOfPlan(agencyTabPlan(catalog, settings, a).plan));
    for (const f of forms) expect(f).not.toMatch(DISTRICT);
    // Every row of the form, a district's own included, is there under its two-level name.
    expect(forms[0]).toContain('Số lãnh đạo cấp sở, ngành bị kỷ luật');
    expect(forms[0]).toContain('Trong đó: Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND tỉnh');

    const everything = Object.fromEntries(
      catalog.rows.filter((r) => r.kind === 'count').map((r) => [r.code, 1]),
    ) as Record<string, number>;
    const tabs = settings.agencies.map((a) =>
      tabFor(settings, a.name, { status: 'Đã gửi', sentOn: new Date(2026, 2, 16), values: everything }),
    );
    const results = tabs.map((t) =>
      validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 3, 20), isProtected: true }),
    );
    const summary = consolidate(catalog, { ...settings, includeErrors: true }, results);
    // Leaders of a sở disciplined: asked of the two sở, not of the commune.
    expect(summary.indicators.get('5.4.2')?.value).toBe(2);
    const sheet = textOfPlan(summarySheetPlan(summary, '20/03/2026 08:00'));
    expect(sheet).toContain('Số lãnh đạo cấp sở, ngành bị kỷ luật');
    expect(sheet).not.toMatch(DISTRICT);

    const model = buildProvinceReport({ catalog, summary, today: isoDate(2026, 3, 20), stamp: '20/03/2026 08:00' });
    const text = model.blocks.map(plainText).join('\n');
    expect(text).toContain('2 lãnh đạo cấp sở, ngành,');
    expect(text).not.toMatch(DISTRICT);
  });

  it('refuses, by its stamp, a form made for a period before 01/07/2025', () => {
    const old = {
      ...settings,
      period: periodOf('Q2', 2025, { from: isoDate(2025, 3, 15), to: isoDate(2025, 6, 14) }),
    };
    const agency = settings.agencies[0];
    const snap = snapshotOf(agencyTabPlan(catalogFor(old), old, agency).plan);
    const report = parseAgencyTab(catalog, snap);
    expect(report.version).toEqual({ version: 'BNV-6459-2021-ND42', cell: 'B2' });
    const r = validateAgency(catalog, settings, agency, report, { today: isoDate(2026, 3, 20), isProtected: true });
    const f = r.findings.find((x) => x.rule === 'catalog-version');
    expect(f?.severity).toBe('error');
    expect(f?.cell).toBe('B2');
    expect(f?.message).toContain('là biểu mẫu phiên bản BNV-6459-2021-ND42');
    expect(f?.message).toContain('chạy lại "Tạo biểu mẫu cho các đơn vị"');
    // Its own form raises nothing of the kind.
    const own = tabFor(settings, agency.name);
    expect(
      validateAgency(catalog, settings, agency, own.report(), {
        today: isoDate(2026, 3, 20),
        isProtected: true,
      }).findings.some((x) => x.rule === 'catalog-version'),
    ).toBe(false);
  });

  it('reads a Thiết lập set up before 01/07/2025 once its period moves past it, with warnings only', () => {
    const q2 = { ...exampleSettings('Q2', 2025, [SO('Văn phòng UBND tỉnh'), SO('Sở Nội vụ')]), disabled: ['3.4.2'] };
    const values = snapshotOf(settingsPlan(q2)).values;
    const owner = values.findIndex((r) => r[0] === '3.1.3.2');
    expect(owner).toBeGreaterThan(0);
    values[values.findIndex((r) => r[0] === 'Kỳ báo cáo')][1] = 'Quý III';
    for (const label of ['Số liệu từ ngày', 'Ngày chốt số liệu', 'Hạn gửi báo cáo'])
      values[values.findIndex((r) => r[0] === label)][1] = ''; // blank: the period's defaults
    const r = readSettings(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(catalogFor(r.settings).version).toBe('BNV-6459-2021-2CAP');
    expect(r.warnings.find((w) => w.cell === `A${owner + 1}`)?.message).toBe(
      'Bảng đơn vị cung cấp số liệu: chỉ tiêu 3.1.3.2 "Trong đó: Số TTHC cấp huyện" không còn trong biểu mẫu từ 01/07/2025 (không còn cấp huyện); dòng này được bỏ qua, có thể xóa.',
    );
    expect(r.warnings.some((w) => w.message.startsWith('"Chỉ tiêu không sử dụng": chỉ tiêu 3.4.2'))).toBe(true);
  });
});

describe('the next period, as Section IV names it', () => {
  it('follows quý, 6 tháng, 9 tháng and the year, into the next year after quý IV', () => {
    expect(nextPeriodInText('Q1', 2020)).toBe('quý II năm 2020');
    expect(nextPeriodInText('H1', 2026)).toBe('6 tháng cuối năm 2026');
    expect(nextPeriodInText('M9', 2026)).toBe('quý IV năm 2026');
    expect(nextPeriodInText('Q4', 2026)).toBe('quý I năm 2027');
    expect(nextPeriodInText('Y', 2026)).toBe('năm 2027');
  });
});

describe('the report before and after, in its series', () => {
  it('steps by quarter across the year, and by year for 6 tháng, 9 tháng and the year', () => {
    expect(previousPeriod(periodOf('Q1', 2026))).toEqual({
      id: 'Q4',
      year: 2025,
      from: '2025-09-15',
      to: '2025-12-14',
    });
    expect(previousPeriod(periodOf('Q3', 2026))).toEqual({
      id: 'Q2',
      year: 2026,
      from: '2026-03-15',
      to: '2026-06-14',
    });
    expect(nextPeriod(periodOf('Q4', 2026))).toEqual({ id: 'Q1', year: 2027, from: '2026-12-15', to: '2027-03-14' });
    expect(nextPeriod(periodOf('Q2', 2026)).id).toBe('Q3');
    expect(previousPeriod(periodOf('H1', 2026))).toEqual({
      id: 'H1',
      year: 2025,
      from: '2024-12-15',
      to: '2025-06-14',
    });
    expect(nextPeriod(periodOf('M9', 2026))).toMatchObject({ id: 'M9', year: 2027 });
    expect(previousPeriod(periodOf('Y', 2026))).toMatchObject({ id: 'Y', year: 2025 });
    for (const id of ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y'] as const)
      expect(previousPeriod(nextPeriod(periodOf(id, 2026)))).toEqual(periodOf(id, 2026));
  });
});

describe('a period, as one value', () => {
  it('carries Nghị định 09/2019’s cut-off unless Thiết lập moves it, and names itself', () => {
    const q1 = periodOf('Q1', 2026);
    expect(q1).toEqual({ id: 'Q1', year: 2026, from: '2025-12-15', to: '2026-03-14' });
    expect(periodOf('Q1', 2026, { from: isoDate(2026, 1, 1), to: isoDate(2026, 3, 31) }).to).toBe('2026-03-31');
    expect(inText(periodOf('H1', 2026))).toBe('6 tháng đầu năm 2026');
    expect(inText(sameLastYear(q1))).toBe('quý I năm 2025');
  });

  it('is what the settings sheet reads: its four rows become one period', () => {
    const read = readSettings(snapshotOf(settingsPlan(exampleSettings('Q3', 2026, [SO('Sở Nội vụ')]))).values);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.settings.period).toEqual({ id: 'Q3', year: 2026, from: '2026-06-15', to: '2026-09-14' });
  });
});
