/**
 * A province spread over a main workbook and two branch workbooks ("sổ nhánh") gives what the same
 * province gives in one workbook: the same findings, marks, figures, output sheets and draft. A tab
 * found in two workbooks is refused and never counted; a branch that cannot be opened is named.
 */
import { catalogFor } from '../../../src/core/catalog/versions';
import { isoDate } from '../../../src/core/primitives/dates';
import { Settings, settingsPlan } from '../../../src/core/settings';
import { runContext } from '../../../src/core/settings/run-context';
import {
  consolidateWorkbook,
  draftReport,
  generateTemplates,
  loadSettings,
  validateAll,
} from '../../../src/core/use-cases';
import { BranchEntry, WorkbookSet } from '../../../src/core/workbook-set';
import { AgencyFill, sampleProvince, writeFill } from '../../../src/demo/sample';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { sampleBook } from './sample-book';

const today = isoDate(2026, 11, 30);
const sample = sampleProvince({ period: 'Q3', year: 2026, provincial: 8, communes: 12, mistakeShare: 0.3 });
const BRANCH = ['', 'Nhánh 1', 'Nhánh 2'];
const spreadSettings: Settings = {
  ...sample.settings,
  agencies: sample.settings.agencies.map((a, i) => ({ ...a, branch: BRANCH[i % 3] })),
};
const inBranch = (name: string) => spreadSettings.agencies.filter((a) => a.branch === name).map((a) => a.sheet);

function loaded(wb: MemoryWorkbook): Settings {
  const l = loadSettings(wb);
  if (!l.ok) throw new Error(JSON.stringify(l.problems));
  return l.settings;
}

/** The province over a main workbook and two branches, each branch with its own copy of Thiết lập. */
function spreadBooks(fill: (f: AgencyFill) => AgencyFill = (f) => f) {
  const main = new MemoryWorkbook(today);
  main.create(settingsPlan(spreadSettings));
  const settings = loaded(main);
  const branches = BRANCH.slice(1).map((name) => {
    const book = new MemoryWorkbook(today);
    book.create(settingsPlan({ ...settings, thisBranch: name }));
    return { name, book };
  });
  const set = new WorkbookSet(main, branches, settings);
  generateTemplates(set, runContext(settings));
  const catalog = catalogFor(settings);
  for (const f of sample.fills) writeFill(set, catalog, settings, fill(f));
  return { main, branches, settings, set };
}

/** What a person sees on a sheet: its values. */
const valuesOf = (wb: { read: MemoryWorkbook['read'] }, name: string) => wb.read(name, { protection: false })?.values;

describe('a province spread over a main workbook and two branches', () => {
  const one = sampleBook(sample, today);
  const spread = spreadBooks();

  it('keeps each form in the workbook Thiết lập names, and settings and outputs in the main one', () => {
    const [b1, b2] = spread.branches;
    expect(inBranch('Nhánh 1').length).toBeGreaterThan(0);
    for (const sheet of inBranch('Nhánh 1')) expect(b1!.book.sheetNames()).toContain(sheet);
    for (const sheet of inBranch('Nhánh 2')) expect(b2!.book.sheetNames()).toContain(sheet);
    for (const sheet of [...inBranch('Nhánh 1'), ...inBranch('Nhánh 2')])
      expect(spread.main.sheetNames()).not.toContain(sheet);
    for (const sheet of inBranch('')) expect(spread.main.sheetNames()).toContain(sheet);
    expect(b1!.book.sheetNames()).toEqual(['Thiết lập', ...inBranch('Nhánh 1')]);
  });

  it('gives the same findings, and marks each wrong cell in the workbook that holds it', () => {
    const alone = validateAll(one.wb, runContext(one.settings));
    const over = validateAll(spread.set, runContext(spread.settings));
    const view = (rs: typeof alone) =>
      rs.map((r) => ({
        agency: r.agency.name,
        status: r.status,
        findings: r.findings.map((f) => [f.cell, f.rule, f.message]),
      }));
    expect(view(over)).toEqual(view(alone));
    expect(alone.some((r) => r.findings.some((f) => f.cell))).toBe(true);
    const marked = alone.find((r) => r.findings.some((f) => f.cell) && r.agency.stt % 3 === 2)!;
    const cell = marked.findings.find((f) => f.cell)!.cell!;
    const branch = spread.branches[0]!.book;
    expect(branch.background(marked.agency.sheet, cell)).toBeDefined();
    expect(branch.background(marked.agency.sheet, cell)).toBe(one.wb.background(marked.agency.sheet, cell));
    expect(valuesOf(spread.main, 'Kết quả kiểm tra')).toEqual(valuesOf(one.wb, 'Kết quả kiểm tra'));
    expect(spread.branches.every((b) => !b.book.sheetNames().includes('Kết quả kiểm tra'))).toBe(true);
  });

  it('gives the same figures, the same output sheets and the same draft', () => {
    const alone = consolidateWorkbook(one.wb, runContext(one.settings));
    const over = consolidateWorkbook(spread.set, runContext(spread.settings));
    const figures = (s: typeof alone) => [...s.indicators].map(([code, r]) => [code, r.value, r.note]);
    expect(figures(over)).toEqual(figures(alone));
    for (const sheet of ['Tổng hợp', 'Chi tiết theo đơn vị', 'Tình hình gửi báo cáo', 'Kết quả kiểm tra'])
      expect(valuesOf(spread.main, sheet)).toEqual(valuesOf(one.wb, sheet));
    for (const b of spread.branches) expect(b.book.sheetNames()).not.toContain('Tổng hợp');
    const d1 = draftReport(one.wb, runContext(one.settings));
    const d2 = draftReport(spread.set, runContext(spread.settings));
    if (!d1.ok || !d2.ok) throw new Error('draft');
    expect(JSON.stringify(d2.model)).toEqual(JSON.stringify(d1.model));
  });
});

describe('a tab found in two workbooks', () => {
  const fresh = spreadBooks();
  const before = consolidateWorkbook(fresh.set, runContext(fresh.settings));
  // A commune of the first branch whose figures count in the province's 3.4.a.
  const twice = before.submission.find(
    (e) => e.included && e.agency.type === 'xa' && e.agency.branch === 'Nhánh 1',
  )!.agency;
  const own = sample.fills.find((f) => f.agency.name === twice.name)!.values.get('3.4.a') as number;
  const spread = spreadBooks();
  // Someone copied the commune's form into the second branch as well.
  spread.branches[1]!.book.create(spread.branches[0]!.book.planOf(twice.sheet));
  const set = new WorkbookSet(spread.main, spread.branches, spread.settings);

  it('is refused with a finding naming both places, and never counted', () => {
    const results = validateAll(set, runContext(spread.settings));
    const r = results.find((x) => x.agency.name === twice.name)!;
    expect(r.findings.map((f) => f.message)).toEqual([
      `Trang "${twice.sheet}" của ${twice.name} có ở cả sổ nhánh "Nhánh 1" và sổ nhánh "Nhánh 2": số liệu của đơn vị chưa được tính, để không tính hai lần. Hãy xóa trang thừa, chỉ giữ trang ở sổ nhánh "Nhánh 1" (cột "Sổ nhánh" trên trang Thiết lập).`,
    ]);
    expect(r.findings[0]!.rule).toBe('sheet-duplicate');
    const summary = consolidateWorkbook(set, runContext(spread.settings));
    expect(summary.submission.find((e) => e.agency.name === twice.name)!.included).toBe(false);
    expect(typeof own).toBe('number');
    expect(own).toBeGreaterThan(0);
    // Neither twice nor once: the province's figure is the others' sum.
    expect(summary.indicators.get('3.4.a')!.value).toBe((before.indicators.get('3.4.a')!.value as number) - own);
  });
});

describe('a branch that cannot be opened', () => {
  const spread = spreadBooks();
  const branches: BranchEntry[] = [
    spread.branches[0]!,
    { name: 'Nhánh 2', problem: 'tài khoản của bạn không có quyền mở bảng tính này' },
  ];
  const set = new WorkbookSet(spread.main, branches, spread.settings);

  it('is named in the result, its agencies are not counted, and the rest goes on', () => {
    expect(set.problems()).toEqual([
      'Không mở được sổ nhánh "Nhánh 2": tài khoản của bạn không có quyền mở bảng tính này. Các đơn vị có biểu mẫu ở sổ này được coi là chưa có trang.',
    ]);
    const summary = consolidateWorkbook(set, runContext(spread.settings));
    for (const r of summary.results) {
      if (r.agency.branch !== 'Nhánh 2') {
        expect(r.findings.some((f) => f.rule === 'branch-unopened')).toBe(false);
        continue;
      }
      expect(r.findings.map((f) => f.message)).toEqual([
        `Trang "${r.agency.sheet}" của ${r.agency.name} ở sổ nhánh "Nhánh 2", sổ này không mở được (tài khoản của bạn không có quyền mở bảng tính này): chưa đọc được số liệu của đơn vị.`,
      ]);
    }
    const counted = summary.submission.filter((e) => e.included).map((e) => e.agency.branch);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted).not.toContain('Nhánh 2');
    expect(spread.main.sheetNames()).toContain('Tổng hợp');
  });
});
