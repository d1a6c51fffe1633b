/**
 * Formula cells of an agency tab as the .xlsx reader gives them, read by the core: the form's own
 * rate formula, a user's formula in a rate row (shown as a percentage), a formula computing a
 * blank, and a shared formula whose master the file lost.
 */
import { catalogFor } from '../../src/core/catalog/versions';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { validateAgency } from '../../src/core/checks/validate';
import { parseAgencyTab } from '../../src/core/form/parse';
import { isoDate } from '../../src/core/primitives/dates';
import { CellFact, RawCell } from '../../src/core/sheet/grid';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FIXTURE_CLOCK, fixtureProvince } from '../fixtures/collect/fixture';

const { settings, fills } = fixtureProvince();
const catalog = catalogFor(settings);
const agency = fills[0].agency;

/** Agency 0's blank form with `cells` set: a string starting with "=" is a formula with its stored result. */
function findings(cells: Record<string, RawCell | { f: string; v: RawCell }>) {
  const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
  wb.create(agencyFilePlan(catalog, settings, agency).plan);
  const snap = wb.read(agency.sheet)!;
  const facts = new Map<string, CellFact>(snap.cells);
  for (const [ref, c] of Object.entries(cells)) {
    const [row, col] = [Number(ref.slice(1)), ref.charCodeAt(0) - 64];
    if (typeof c === 'object' && !(c instanceof Date)) {
      facts.set(ref, { kind: 'formula', formula: c.f, cached: c.v !== '' });
      snap.values[row - 1]![col - 1] = c.v;
    } else {
      facts.delete(ref);
      snap.values[row - 1]![col - 1] = c;
    }
  }
  const report = parseAgencyTab(catalog, { ...snap, cells: facts });
  const result = validateAgency(catalog, settings, agency, report, { today: isoDate(2026, 3, 25), isProtected: null });
  return {
    report,
    said: result.findings.filter((f) => /^D(1[4-9]|2\d|3\d)$/.test(f.cell ?? '')).map((f) => f.message),
  };
}

describe('formula cells read by the core', () => {
  // Rows of agency 0's form: 1.1.1 D14, 1.1.2 D15, 3.3.3 (a rate of 3.3.3.a D38 over 3.3.3.b D39) D37.
  it("the form's own rate formula with a stale stored result is read as computed, silently", () => {
    const { report, said } = findings({
      D38: 30,
      D39: 40,
      D37: { f: 'IFERROR(N(D38)/N(D39)/NOT(ISTEXT(D38)),"")', v: 0.1 },
    });
    expect(report.rows.get('3.3.3')!.reading).toEqual({ state: 'number', value: 75 });
    expect(said.filter((m) => m.startsWith('Ô D37'))).toEqual([]);
  });

  it('the older rate formula shape shows #VALUE! on a count typed as text: not blamed on the rate cell', () => {
    const { report, said } = findings({ D38: '30', D39: 40, D37: { f: 'IF(N(D39)>0,D38/D39,"")', v: '#VALUE!' } });
    expect(report.rows.get('3.3.3')!.reading).toMatchObject({ state: 'invalid', problem: 'formula-error' });
    expect(said.some((m) => m.startsWith('Ô D37'))).toBe(false);
  });

  it("a user's own formula in a rate row: the stale result and the recomputed one shown as percentages", () => {
    const { said } = findings({ D38: 30, D39: 40, D37: { f: 'ROUND(D38/D39,2)+0.05', v: 0.5 } });
    expect(said).toContain(
      'Ô D37 (chỉ tiêu 3.3.3): có công thức =ROUND(D38/D39,2)+0.05, kết quả lưu trong tệp là 50% nhưng tính lại được 80%; đã dùng 80%.',
    );
  });

  it('a formula computing a blank where the file stored a figure: the cell is read blank, and says so', () => {
    const { report, said } = findings({ D14: { f: 'IF(D15>100,D15)', v: 5 }, D15: 8 });
    expect(report.rows.get('1.1.1')!.reading).toEqual({ state: 'blank' });
    expect(said).toContain(
      'Ô D14 (chỉ tiêu 1.1.1): có công thức =IF(D15>100,D15), kết quả lưu trong tệp là 5 nhưng tính lại được ô trống; đã dùng ô trống.',
    );
  });

  it('a shared formula whose master is lost is an error, not its stored result', () => {
    const { said } = findings({ D14: { f: '', v: 9 } });
    expect(said).toContain(
      'Ô D14 (chỉ tiêu 1.1.1): chương trình không tính lại được một công thức mà tệp không ghi rõ (công thức dùng chung mất ô gốc); hãy nhập số thay cho công thức.',
    );
  });
});
