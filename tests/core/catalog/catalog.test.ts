import { Catalog, indicatorFromRecord, parseAppliesTo, parseCheck } from '../../../src/core/catalog/catalog';
import { csvRecords, parseCsv } from '../../../src/core/catalog/csv';
import { CATALOG_VERSION, INDICATORS_CSV } from '../../../src/core/catalog/bnv-6459-2021';
import { TWO_LEVEL_VERSION } from '../../../src/core/catalog/two-level-2025';
import { catalog2021, catalogForPeriod, online2022Catalog, twoLevelCatalog } from '../../../src/core/catalog/versions';
import { askedRows } from '../../../src/core/form/row-modes';
import { defaultCutoff } from '../../../src/core/periods';

const catalog = catalog2021();
const DISTRICT = /huyện|quận|thị xã|thành phố thuộc tỉnh|3 cấp/i;

describe('the indicator catalog', () => {
  it('holds every row of the indicator list (npm run check-spec compares it with the shared one)', () => {
    const rows = parseCsv(INDICATORS_CSV).length - 1;
    expect(catalog.rows).toHaveLength(rows);
    expect(rows).toBeGreaterThan(120);
    expect(catalog.version).toBe(CATALOG_VERSION);
  });

  it('has unique codes, existing parents, and checks that name existing codes', () => {
    const codes = catalog.rows.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of catalog.rows) {
      if (r.parent) expect(codes).toContain(r.parent);
      for (const rel of r.relations) for (const t of rel.terms) expect(codes).toContain(t);
    }
  });

  it('gives every ratio and derived percentage the counts it is computed from', () => {
    expect(catalog.formula('3.3.3')).toEqual({ kind: 'ratio', num: '3.3.3.a', den: '3.3.3.b' });
    expect(catalog.formula('3.4.1')).toEqual({ kind: 'ratio', num: '3.4.b.1', den: '3.4.b' });
    expect(catalog.formula('3.4.2')).toEqual({ kind: 'ratio', num: '3.4.b.1', den: '3.4.b' });
    expect(catalog.formula('7.6.2.1')).toEqual({ kind: 'ratio', num: '7.6.2.1.a', den: '7.6.2' });
    expect(catalog.formula('4.2.5')).toEqual({ kind: 'reduction', base: '4.2.5.base', now: '4.2.1' });
    expect(catalog.formula('4.3.4')).toEqual({ kind: 'reduction', base: '4.3.4.base', now: '4.3.1' });
    for (const r of catalog.rows)
      if (r.kind === 'percent' && r.aggregate !== 'owner') expect(catalog.formula(r.code)).not.toBeNull();
  });

  it('reads coded answers and consistency checks', () => {
    const r = catalog.must('7.3');
    expect(r.kind === 'code' && r.answers).toEqual([
      { code: 0, label: 'Chưa' },
      { code: 1, label: 'Đang làm' },
      { code: 2, label: 'Hoàn thành' },
    ]);
    expect(parseCheck('= 3.4.a.1 + 3.4.a.2; = 3.4.b + 3.4.c').relations).toEqual([
      { op: '=', terms: ['3.4.a.1', '3.4.a.2'], severity: 'error' },
      { op: '=', terms: ['3.4.b', '3.4.c'], severity: 'error' },
    ]);
    expect(parseCheck('<= 4.2.1 (warning)').relations[0].severity).toBe('warning');
    expect(() => parseCheck('>= 1.1')).toThrow();
  });

  it('rejects a catalog with a dangling parent or a duplicate code', () => {
    const head = 'code,parent,name,unit,kind,aggregate,role,applies_to,check,note\n';
    // The way every catalog version is built (versions.ts): rows read one by one, then checked together.
    const parseCatalog = (version: string, csv: string) =>
      new Catalog(version, csvRecords(csv).map(indicatorFromRecord));
    expect(() => parseCatalog('t', `${head}1,,A,,group,,,,,\n1.1,9,B,Người,count,sum,,all,,\n`)).toThrow(/parent 9/);
    expect(() => parseCatalog('t', `${head}1,,A,,group,,,,,\n1,,B,,group,,,,,\n`)).toThrow(/duplicate/);
    expect(() => parseCatalog('t', `${head}1,,A,,group,,,,,\n1.1,1,B,Người,count,average,,all,,\n`)).toThrow(
      /indicator 1\.1/,
    );
  });

  it('uses the 2021 form (worded for Nghị định 42/2022 from 01/08/2022) before 01/07/2025 and the two-level form after', () => {
    expect(catalogForPeriod(defaultCutoff('Q1', 2021).to).version).toBe(CATALOG_VERSION);
    expect(catalogForPeriod(defaultCutoff('Q1', 2025).to).version).toBe('BNV-6459-2021-ND42');
    expect(catalogForPeriod(defaultCutoff('Q2', 2025).to).version).toBe('BNV-6459-2021-ND42');
    expect(catalogForPeriod(defaultCutoff('Q3', 2025).to).version).toBe(TWO_LEVEL_VERSION);
    expect(catalogForPeriod(defaultCutoff('Q1', 2026).to).version).toBe(TWO_LEVEL_VERSION);
  });

  it('drops the district-only rows in the two-level form and keeps every other code', () => {
    const two = twoLevelCatalog().rows.map((r) => r.code);
    const dropped = catalog.rows.map((r) => r.code).filter((c) => !two.includes(c));
    expect(dropped).toEqual(['3.1.3.2', '3.4.2', '5.3.4', '7.6.1.2', '7.7.2']);
    expect(two.length).toBe(catalog.rows.length - 5);
    // A total is made of the parts that still exist.
    expect(twoLevelCatalog().must('3.1.3').relations[0].terms).toEqual(['3.1.3.1', '3.1.3.3']);
  });

  it('words no label or answer of the two-level form after a district, as the 2021 form did', () => {
    const text = (r: { name: string; unit: string }) => `${r.name} ${r.unit}`;
    const districtRows2021 = catalog.rows.filter((r) => DISTRICT.test(text(r))).map((r) => r.code);
    expect(districtRows2021.length).toBeGreaterThanOrEqual(14);
    for (const r of twoLevelCatalog().rows) expect(text(r)).not.toMatch(DISTRICT);
    const two = twoLevelCatalog();
    expect(two.must('5.4.2').name).toBe('Số lãnh đạo cấp sở, ngành bị kỷ luật');
    expect(two.must('7.6.1.3').name).toBe('Trong đó: Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND tỉnh');
    expect(catalog.must('5.4.2').name).toBe('Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật');
    const meeting = two.must('7.2');
    expect(meeting.kind === 'code' && meeting.answers.map((a) => a.code)).toEqual([0, 1, 2]);
  });

  it('reads applies_to as a list of tiers: "all", one tier, or several separated by spaces', () => {
    expect(parseAppliesTo('all')).toEqual(['so', 'huyen', 'xa']);
    expect(parseAppliesTo('')).toEqual(['so', 'huyen', 'xa']);
    expect(parseAppliesTo('xa')).toEqual(['xa']);
    expect(parseAppliesTo('huyen so')).toEqual(['so', 'huyen']);
    expect(() => parseAppliesTo('so so')).toThrow(/twice/);
    expect(catalog.must('5.4.2').appliesTo).toEqual(['so', 'huyen']);
    expect(catalog.must('5.3.2').appliesTo).toEqual(['so']);
    expect(catalog.must('5.3.4').appliesTo).toEqual(['huyen']);
    const head = 'code,parent,name,unit,kind,aggregate,role,applies_to,check,note\n';
    const row = (applies: string) =>
      indicatorFromRecord(csvRecords(`${head}1.1,,B,Người,count,sum,,${applies},,\n`)[0]!);
    expect(() => row('tinh')).toThrow(/indicator 1\.1/);
    expect(() => row('so,xa')).toThrow();
  });

  it('asks the leaders of the province disciplined (5.4.1) of one owner, Sở Nội vụ by default', () => {
    const r = catalog.must('5.4.1');
    expect(r.kind === 'count' && r.aggregate).toBe('owner');
    expect(catalog.ownerCandidates('5.4.1')).toEqual(['Sở Nội vụ']);
  });

  it('names online services "mức độ 3, 4" before 01/08/2022 and "toàn trình, một phần" after', () => {
    const old = catalogForPeriod(defaultCutoff('Q2', 2022).to);
    expect(old.version).toBe(CATALOG_VERSION);
    expect(old.must('7.8.3').name).toBe('Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3');
    const q3 = catalogForPeriod(defaultCutoff('Q3', 2022).to);
    expect(q3).toBe(online2022Catalog());
    expect(q3.version).toBe('BNV-6459-2021-ND42');
    expect(q3.must('7.8.3').name).toBe('Tỷ lệ hồ sơ xử lý trực tuyến một phần');
    expect(q3.must('7.8.4').name).toBe('Tỷ lệ hồ sơ xử lý trực tuyến toàn trình');
    expect(q3.must('3.4.2')).toBeDefined(); // districts still exist in 2022
    expect(catalogForPeriod(defaultCutoff('Q2', 2025).to)).toBe(q3);
    for (const c of [q3, twoLevelCatalog()])
      for (const r of c.rows) expect(`${r.code} ${r.name} ${r.unit}`).not.toMatch(/mức độ [34]/);
    expect(twoLevelCatalog().must('7.8.2').name).toBe('Tổng số TTHC cung cấp dịch vụ công trực tuyến toàn trình');
  });

  it('lets the consolidator switch an indicator off, with its children', () => {
    const asked = askedRows(twoLevelCatalog(), { disabled: ['3.4.4'] }).map((r) => r.code);
    expect(asked).not.toContain('3.4.4');
    expect(asked).not.toContain('3.4.4.a');
    expect(asked).toContain('3.4.5');
  });
});
