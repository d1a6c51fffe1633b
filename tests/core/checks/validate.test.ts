import { isoDate } from '../../../src/core/primitives/dates';
import { RawCell } from '../../../src/core/sheet/grid';
import { Finding, RULES } from '../../../src/core/checks/rules';
import { validateAgency } from '../../../src/core/checks/validate';
import { CLEAN_SO, SO, TabInput, XA, catalog, settingsFor, tabFor } from '../../helpers';

const settings = settingsFor([
  SO('Văn phòng UBND tỉnh'),
  SO('Sở Thông tin và Truyền thông'),
  SO('Sở Nội vụ'),
  XA('UBND xã Long Hòa'),
]);
const today = isoDate(2026, 9, 25);
const SENT: TabInput = { status: 'Đã gửi', sentOn: new Date(2026, 8, 20) };

function check(agency: string, input: TabInput, mutate?: (values: RawCell[][]) => void) {
  const t = tabFor(settings, agency, { ...SENT, ...input, values: { ...CLEAN_SO, ...input.values } });
  mutate?.(t.snap.values);
  const result = validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: true });
  return { ...result, row: (code: string) => t.layout.codeRows.get(code)! };
}

function only(r: { findings: readonly Finding[] }) {
  return r.findings.map((f) => [f.rule, f.severity, f.cell, f.indicator]);
}

describe('validation of an agency tab', () => {
  it('finds nothing on a clean, complete tab', () => {
    const r = check('Sở Thông tin và Truyền thông', {});
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('ok');
  });

  it('reads the way people really type numbers ("1.949", "02", "12,5%", "100%"); a count held as text is a warning at its cell', () => {
    const r = check('Sở Thông tin và Truyền thông', {
      values: {
        '3.4.a': '1.949',
        '3.4.a.1': '02',
        '3.4.a.2': '1.947',
        '3.4.b': '1.949',
        '3.4.b.1': '1.949',
        '3.4.b.2': 0,
        '3.4.c': 0,
        '3.4.c.1': 0,
        '4.2.5': '12,5%',
        '4.2.5.base': 32,
        '4.2.1': 28,
        '3.3.3': '100%',
      },
    });
    // Every count typed as text, and only those, is a warning; nothing is an error.
    const textCounts = ['3.4.a', '3.4.a.1', '3.4.a.2', '3.4.b', '3.4.b.1'];
    expect(only(r)).toEqual(textCounts.map((c) => ['number-as-text', 'warning', `D${r.row(c)}`, c]));
    expect(r.status).toBe('warnings');
    const first = r.findings[0].message;
    expect(first).toContain(`Ô D${r.row('3.4.a')} (chỉ tiêu 3.4.a): "1.949" được nhập dạng chữ`);
    expect(first).toContain('hiểu là 1.949');
    expect(first).toContain('Hãy gõ lại 1949');
    expect(r.findings[1].message).toContain('"02" được nhập dạng chữ');
  });

  it('catches seed 003\'s typo "1.93673" as ambiguous, at its cell', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '7.6.2': '1.93673' } });
    expect(only(r)).toEqual([['ambiguous-number', 'error', `D${r.row('7.6.2')}`, '7.6.2']]);
    expect(r.findings[0].message).toContain(`Ô D${r.row('7.6.2')} (chỉ tiêu 7.6.2)`);
  });

  it("catches seed 000's hồ sơ that do not add up (6.878 received vs 987 + 4.867)", () => {
    const r = check('Sở Thông tin và Truyền thông', {
      values: {
        '3.4.a': '6.878',
        '3.4.a.1': '987',
        '3.4.a.2': '4.867',
        '3.4.b': 5854,
        '3.4.b.1': 5854,
        '3.4.b.2': 0,
        '3.4.c': 0,
        '3.4.c.1': 0,
      },
    });
    const f = r.findings.find((x) => x.rule === 'relation' && x.indicator === '3.4.a')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('(6.878) phải bằng 3.4.a.1 + 3.4.a.2 = 987 + 4.867 = 5.854');
  });

  it("catches seed 003's 44 received vs 0 + 0", () => {
    const r = check('Sở Thông tin và Truyền thông', {
      values: {
        '3.4.a': 44,
        '3.4.a.1': 0,
        '3.4.a.2': 0,
        '3.4.a.3': 0,
        '3.4.b': 44,
        '3.4.b.1': 44,
        '3.4.b.2': 0,
        '3.4.c': 0,
        '3.4.c.1': 0,
      },
    });
    expect(r.findings.filter((f) => f.rule === 'relation').map((f) => f.indicator)).toEqual(['3.4.a']);
  });

  it('allows a percentage rounded to the precision typed (66% or 65,6% for 3.685/5.621), not 65% or 65,4%', () => {
    for (const typed of ['66%', '65,6%']) {
      const ok = check('Sở Thông tin và Truyền thông', {
        values: { '7.8.4': typed, '7.8.4.a': 3685, '7.8.4.b': 5621 },
      });
      expect(ok.findings).toEqual([]);
    }
    for (const typed of ['65%', '65,4%']) {
      const bad = check('Sở Thông tin và Truyền thông', {
        values: { '7.8.4': typed, '7.8.4.a': 3685, '7.8.4.b': 5621 },
      });
      expect(only(bad)).toEqual([['ratio-mismatch', 'error', `D${bad.row('7.8.4')}`, '7.8.4']]);
    }
  });

  it('allows a percentage truncated from its counts (65,55 for 3.685/5.621) but not 41,01 for 48,63', () => {
    const ok = check('Sở Thông tin và Truyền thông', {
      values: { '7.8.4': '65,55%', '7.8.4.a': 3685, '7.8.4.b': 5621 },
    });
    expect(ok.findings).toEqual([]);
    const bad = check('Sở Thông tin và Truyền thông', {
      values: { '7.8.3': '41,01%', '7.8.3.a': 762, '7.8.3.b': 1567 },
    });
    expect(only(bad)).toEqual([['ratio-mismatch', 'error', `D${bad.row('7.8.3')}`, '7.8.3']]);
    expect(bad.findings[0].message).toContain('tỷ lệ ghi 41,01% nhưng tính từ số liệu chi tiết 762/1.567');
    expect(bad.findings[0].message).toContain('48,63%');
  });

  it('reads a percent cell holding a fraction (1 = 100 %) as Sheets stores it', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '3.3.3': 1, '3.3.3.a': 37, '3.3.3.b': 37 } });
    expect(r.findings).toEqual([]);
  });

  it('reads "1 234 567" grouped by spaces, and refuses at the cell digits that a space or a line break splits', () => {
    const ok = check('Sở Thông tin và Truyền thông', {
      values: {
        '3.4.a.2': '1 000 100',
        '3.4.a': '1\u00a0000\u00a0120',
        '3.4.b.1': '1\u202f000\u202f100',
        '3.4.b': 1000110,
      },
    });
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cases: [string, string][] = [
      ['30 45', 'khoảng trắng giữa các chữ số nhưng không theo nhóm ba chữ số hàng nghìn (như 1 234 567)'],
      ['12 34', 'khoảng trắng giữa các chữ số nhưng không theo nhóm ba chữ số hàng nghìn (như 1 234 567)'],
      ['12\n34', 'dấu xuống dòng giữa các chữ số'],
    ];
    for (const [typed, why] of cases) {
      const r = check('Sở Thông tin và Truyền thông', { values: { '1.1.3': typed } });
      const at = `D${r.row('1.1.3')}`;
      expect(only(r)).toEqual([['ambiguous-number', 'error', at, '1.1.3']]);
      expect(r.findings[0].message).toBe(
        `Ô ${at} (chỉ tiêu 1.1.3): "${typed.replace('\n', ' ')}" có ${why} nên không rõ là một số hay hai số. Hãy nhập lại cho rõ, ví dụ 1.949 (một nghìn chín trăm bốn mươi chín) hoặc 12,5.`,
      );
    }
    const letters = check('Sở Thông tin và Truyền thông', { values: { '1.1.3': '1234abc' } });
    expect(letters.findings.map((f) => f.message)).toEqual([
      `Ô D${letters.row('1.1.3')} (chỉ tiêu 1.1.3): "1234abc" không phải là số. Hãy nhập số, ví dụ 1.949; ghi chú đưa sang cột Ghi chú.`,
    ]);
  });

  it('scales a fraction by 100 only for a plain "%" in the cell\'s format: 0,142 shown as "0,142%" is 0,142%', () => {
    const read = (format: string) => {
      const t = tabFor(settings, 'Sở Thông tin và Truyền thông', { ...SENT, values: { ...CLEAN_SO, '3.3.3': 0.142 } });
      const row = t.layout.codeRows.get('3.3.3')!;
      t.snap.formats[row - 1][3] = format;
      const report = t.report();
      const result = validateAgency(catalog, settings, t.agency, report, { today, isProtected: true });
      return { reading: report.rows.get('3.3.3')!.reading, findings: result.findings };
    };
    expect(read('0.00%').reading).toEqual({ state: 'number', value: 14.2 });
    expect(read('0.000\\%')).toEqual({ reading: { state: 'number', value: 0.142 }, findings: [] });
    expect(read('0.000"%"')).toEqual({ reading: { state: 'number', value: 0.142 }, findings: [] });
  });

  it('refuses NaN at the cell, never a figure', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '1.1.3': NaN } });
    const at = `D${r.row('1.1.3')}`;
    expect(only(r)).toEqual([['not-number', 'error', at, '1.1.3']]);
    expect(r.findings[0].message).toBe(
      `Ô ${at} (chỉ tiêu 1.1.3): "NaN" không phải là số. Hãy nhập số, ví dụ 1.949; ghi chú đưa sang cột Ghi chú.`,
    );
  });

  it.each([
    ['not-number', { '1.1.3': 'không có' }, '1.1.3'],
    ['negative', { '2.3': -3 }, '2.3'],
    ['fractional-count', { '2.1': 1.5 }, '2.1'],
    ['percent-range', { '3.3.4': '120%' }, '3.3.4'],
    ['code-answer', { '1.2': 'Có lẽ' }, '1.2'],
    ['formula-error', { '3.3.3': '#DIV/0!' }, '3.3.3'],
  ] as const)('rule %s', (rule, values, code) => {
    const r = check('Sở Thông tin và Truyền thông', { values: values as Record<string, RawCell> });
    expect(only(r)).toEqual([[rule, 'error', `D${r.row(code)}`, code]]);
    expect(r.status).toBe('errors');
    expect(r.findings[0].message).toMatch(/^Ô D\d+/);
  });

  it('reads coded answers typed as labels or picked from the dropdown', () => {
    expect(check('Sở Thông tin và Truyền thông', { values: { '1.2': 'Có' } }).findings).toEqual([]);
    expect(check('Sở Thông tin và Truyền thông', { values: { '1.2': '1 - Có' } }).findings).toEqual([]);
    expect(check('Sở Thông tin và Truyền thông', { values: { '5.3.1': 'đã thực hiện' } }).findings).toEqual([]);
  });

  it('warns on a figure in a row another agency supplies, and on a part bigger than its total', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '3.1.3': 1949, '4.2.2': 30 } });
    expect(only(r)).toEqual([
      ['value-not-applicable', 'warning', `D${r.row('3.1.3')}`, '3.1.3'],
      ['relation', 'warning', `D${r.row('4.2.2')}`, '4.2.2'],
    ]);
    expect(r.findings[0].message).toContain('do Văn phòng UBND tỉnh cung cấp');
    expect(r.status).toBe('warnings');
  });

  it('requires the hồ sơ and staff figures, and says to type 0 when nothing happened', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '3.4.c.2': '', '4.2.1': '' } });
    expect(r.findings.filter((f) => f.rule === 'required-missing').map((f) => f.indicator)).toEqual(['4.2.1']);
    expect(r.findings.find((f) => f.rule === 'required-missing')!.message).toContain('nhập 0');
  });

  it('checks the status block: sent without a date, a future date, a date before the period', () => {
    expect(only(check('Sở Thông tin và Truyền thông', { sentOn: '' }))).toEqual([
      ['sent-without-date', 'error', 'C7', null],
    ]);
    expect(check('Sở Thông tin và Truyền thông', { sentOn: '' }).findings[0]!.message).toMatch(
      /^Ô C7: trang được đánh dấu "Đã gửi" nhưng chưa có ngày gửi: việc kiểm tra tự động .* đã không chạy \(quản trị viên Google Workspace có thể đã tắt Apps Script/,
    );
    expect(only(check('Sở Thông tin và Truyền thông', { sentOn: new Date(2026, 9, 1) }))[0][0]).toBe(
      'sent-date-invalid',
    );
    expect(only(check('Sở Thông tin và Truyền thông', { sentOn: '01/01/2026' }))[0][0]).toBe('sent-date-invalid');
    expect(only(check('Sở Thông tin và Truyền thông', { status: 'Gửi rồi' }))[0]).toEqual([
      'status-unknown',
      'error',
      'C6',
      null,
    ]);
    expect(check('Sở Thông tin và Truyền thông', { status: 'Chưa gửi', sentOn: '' }).status).toBe('not-sent');
  });

  it('finds rows by code: an inserted blank row and re-sorted rows still parse', () => {
    const r = check('Sở Thông tin và Truyền thông', {}, (v) => {
      const i = v.findIndex((row) => row[0] === '2.1');
      const j = v.findIndex((row) => row[0] === '2.3');
      [v[i], v[j]] = [v[j], v[i]];
      v.splice(i, 0, ['', '', '', '', '']);
    });
    expect(r.findings).toEqual([]);
  });

  it('reports tampered structure: missing, duplicated and unknown codes, a renamed header', () => {
    const r = check('Sở Thông tin và Truyền thông', {}, (v) => {
      const header = v.findIndex((row) => row[0] === 'STT');
      v[header][3] = 'Số lượng';
      const i = v.findIndex((row) => row[0] === '2.2');
      v[i][0] = '2.1';
      v.splice(header + 1, 0, ['9.9', 'Chỉ tiêu lạ', '', 5, '']);
    });
    const rules = r.findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['code-duplicate', 'code-missing', 'code-unknown', 'header-text']);
  });

  it('turns garbage, an empty tab and a missing tab into findings, not exceptions', () => {
    const t = tabFor(settings, 'Sở Nội vụ');
    t.snap.values.splice(0, t.snap.values.length, ['???', 12, true], [new Date(), '#REF!', '']);
    const garbage = validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: null });
    expect(garbage.findings.map((f) => f.rule)).toEqual(['table-missing']);
    t.snap.values.splice(0, t.snap.values.length);
    expect(
      validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: null }).findings.map((f) => f.rule),
    ).toEqual(['table-missing']);
    const missing = validateAgency(catalog, settings, t.agency, null, { today, isProtected: null });
    expect(missing.status).toBe('sheet-missing');
    expect(missing.findings[0].message).toContain('Không tìm thấy trang "Sở Nội vụ"');
  });

  it('reads a tab with merged cells (only the top-left cell of a merge holds the value)', () => {
    const r = check('Sở Thông tin và Truyền thông', { values: { '2.1': 3 } }, (v) => {
      const title = v.findIndex((row) => String(row[1]).startsWith('BIỂU SỐ LIỆU'));
      v[title][2] = v[title][3] = ''; // title merged across B:E
      const i = v.findIndex((row) => row[0] === '2.1');
      v[i + 1][3] = ''; // D of 2.1 merged with the row below it: 2.2 reads blank
    });
    expect(r.findings).toEqual([]);
  });

  it('warns when the tab is no longer protected', () => {
    const t = tabFor(settings, 'Sở Thông tin và Truyền thông', { ...SENT, values: CLEAN_SO });
    const r = validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: false });
    expect(only(r)).toEqual([['protection-removed', 'warning', null, null]]);
  });

  it('survives 10 000 extra rows and a 5 000-character note', () => {
    const r = check('Sở Thông tin và Truyền thông', {}, (v) => {
      v[v.length - 1][1] = 'x'.repeat(5000);
      for (let i = 0; i < 10000; i++) v.push(['', '', '', '', '']);
    });
    expect(r.findings).toEqual([]);
  });

  it('has a Vietnamese title for every rule id', () => {
    for (const t of Object.values(RULES)) expect(t).toMatch(/[àáảãạăâđêôơưÀ-ỹ]/i);
  });

  it("asks communes their own rate (3.4.3), not the departments' (3.4.1)", () => {
    const t = tabFor(settings, 'UBND xã Long Hòa', { ...SENT, values: CLEAN_SO });
    expect(t.layout.codeRows.has('3.4.3')).toBe(true);
    const r = validateAgency(catalog, settings, t.agency, t.report(), { today, isProtected: true });
    expect(r.findings).toEqual([]);
  });
});
