/**
 * Workbooks from our template and sample commands, saved again by openpyxl and by LibreOffice Calc
 * (tests/fixtures/interop, made by scripts/interop/make-fixtures.sh): each must read exactly like
 * the original. And the sample as a script edited it: each edit a finding at its cell.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../../src/core/use-cases';
import { readTabs, validateTabs } from '../../src/core/checks/tabs';
import { consolidate, summaryJson } from '../../src/core/figures/consolidate';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { main } from '../../src/cli/main';
import { catalog, NOW } from '../gas/setup';
import { FIXTURES } from '../paths';

const dir = join(FIXTURES, 'interop');
const bytes = (f: string) => readFileSync(join(dir, f));

async function readBook(file: string) {
  const wb = await XlsxWorkbook.fromBuffer(bytes(file), () => NOW);
  const loaded = loadSettings(wb);
  if (!loaded.ok) throw new Error(`${file}: settings do not load`);
  const { settings } = loaded;
  const tabs = readTabs(wb, settings);
  const results = validateTabs(catalog, settings, tabs, wb.today());
  return {
    protectedTabs: tabs.map((t) => [t.agency.sheet, t.snap?.isProtected]),
    findings: results.map((r) => [
      r.agency.name,
      r.status,
      r.findings.map((f) => [f.rule, f.severity, f.cell, f.message]),
    ]),
    rules: results.flatMap((r) => r.findings.map((f) => [r.agency.sheet, f.cell, f.rule])),
    summary: summaryJson(consolidate(catalog, settings, results)),
  };
}

async function sheetXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes(file));
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

describe.each(['template', 'sample'])('%s.xlsx saved again by another program', (name) => {
  let original: Awaited<ReturnType<typeof readBook>>;
  beforeAll(async () => {
    original = await readBook(`${name}.xlsx`);
  });

  it('the original reads with every agency tab protected', () => {
    expect(original.protectedTabs.length).toBe(name === 'template' ? 3 : 4);
    for (const [, p] of original.protectedTabs) expect(p).toBe(true);
  });

  it.each(['openpyxl', 'libreoffice'])('by %s: same findings, same figures, protection kept', async (producer) => {
    const resaved = await readBook(`${name}.${producer}.xlsx`);
    expect(resaved.protectedTabs).toEqual(original.protectedTabs);
    expect(resaved.findings).toEqual(original.findings);
    expect(resaved.summary).toEqual(original.summary);
    expect(resaved.rules.map(([, , rule]) => rule)).not.toContain('protection-removed');
  });
});

describe('what the fixtures hold (so the tests above test the real differences)', () => {
  it('LibreOffice writes sheet="true" protection and cached formula results', async () => {
    const xml = await sheetXml('sample.libreoffice.xlsx');
    expect(xml).toMatch(/<sheetProtection sheet="true"/);
    expect(xml).not.toMatch(/<sheetProtection sheet="1"/);
    expect(xml).toMatch(/<f[^>]*>IFERROR\(D\d+\/D\d+,&quot;&quot;\)<\/f><v>[\d.]+<\/v>/);
  });

  it('openpyxl keeps notes (absolute targets) and drops formula results', async () => {
    const zip = await JSZip.loadAsync(bytes('sample.openpyxl.xlsx'));
    const relsName = Object.keys(zip.files).find((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n))!;
    const rels = await zip.file(relsName)!.async('string');
    expect(rels).toMatch(/Target="\/xl\/comments\/comment\d+\.xml"/);
    const xml = await sheetXml('sample.openpyxl.xlsx');
    expect(xml).toMatch(/<f>IFERROR\(D\d+\/D\d+,""\)<\/f><v\s*\/?>(<\/v>)?/);
  });

  it('our own files store every formula with its result', async () => {
    const xml = await sheetXml('sample.xlsx');
    const formulas = xml.match(/<c [^>]*><f>[^<]*<\/f>(<v>[^<]*<\/v>)?<\/c>/g) ?? [];
    expect(formulas.length).toBeGreaterThan(20);
    const numeric = formulas.filter((c) => !/t="str"/.test(c));
    for (const c of numeric) expect(c).toMatch(/<v>(-?[\d.]+(e-?\d+)?|#VALUE!|#DIV\/0!)<\/v>/);
  });
});

describe('writing a re-saved workbook', () => {
  it.each(['openpyxl', 'libreoffice'])(
    'the %s file is written back as valid OOXML (excelts self-check quiet)',
    async (p) => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const wb = await XlsxWorkbook.fromBuffer(bytes(`sample.${p}.xlsx`), () => NOW);
        const zip = await JSZip.loadAsync(await wb.toBuffer());
        expect(zip.file('xl/theme/theme1.xml')).not.toBeNull();
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    },
  );
});

describe('sample.edited.xlsx: a script merged cells, typed formulas and odd numbers', () => {
  it('reports each at its cell and never uses a guessed figure', async () => {
    const edited = await readBook('sample.edited.xlsx');
    const original = await readBook('sample.xlsx');
    const [a, b] = original.protectedTabs.map(([sheet]) => sheet);
    const added = edited.rules.filter((f) => !original.rules.some((o) => o.join('|') === f.join('|')));
    expect(added).toEqual(
      expect.arrayContaining([
        [a, 'D16', 'implausible-number'],
        [a, 'D52', 'merged-cell'],
        [a, 'D53', 'merged-cell'],
        [a, 'D57', 'ambiguous-number'],
        [b, 'D115', 'formula-other-sheet'],
      ]),
    );
    expect(added).toHaveLength(5);
    const messages = edited.findings.flatMap(([, , fs]) => fs as string[][]).map((f) => f[3]);
    expect(messages.join('\n')).not.toMatch(/Infinity|NaN|undefined/);
    // =D79+1 and =SUM(D113:D113) without a stored result are computed (as Excel or Sheets would), not findings.
    expect(added.some(([, cell]) => cell === 'D80' || cell === 'D114')).toBe(false);
    const json = JSON.stringify(edited.summary);
    expect(json).not.toMatch(/null,"?1e\+?308|Infinity|NaN/);
    const { value } = (edited.summary as { indicators: Record<string, { value: number | null }> }).indicators['1.1.3'];
    expect(value === null || (Number.isFinite(value) && value < 1e12)).toBe(true);
  });
});

describe('the CLI on the re-saved files, as a user runs it', () => {
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await main(args, { out: (l) => lines.push(l), clock: () => NOW, cwd: dir });
    return { code, out: lines.join('\n') };
  };

  it('validate gives the same verdict and lines for the original and both re-saved files', async () => {
    const original = await run('validate', 'sample.xlsx');
    for (const producer of ['openpyxl', 'libreoffice']) {
      const resaved = await run('validate', `sample.${producer}.xlsx`);
      expect(resaved.code).toBe(original.code);
      expect(resaved.out.replace(`sample.${producer}.xlsx`, 'sample.xlsx')).toBe(original.out);
    }
    // The fixture's warnings are its counts typed as text ("02"), the same in every file, and, since
    // its forms predate the 2026 indicator list, figures typed where that list no longer asks them:
    // 5.4.1 (now Sở Nội vụ's) on another tab, leaders of a sở (5.3.2, 5.3.3, 5.4.2, 5.4.3) on a commune's.
    const warnings = original.out.split('\n').filter((l) => l.includes('[Cảnh báo]'));
    expect(warnings.filter((w) => w.includes('được nhập dạng chữ')).length).toBeGreaterThan(0);
    for (const w of warnings)
      expect(w).toMatch(
        /được nhập dạng chữ|\(chỉ tiêu 5\.4\.1\): chỉ tiêu này do Sở Nội vụ cung cấp|\(chỉ tiêu 5\.[34]\.[23]\): chỉ tiêu này không áp dụng với đơn vị/,
      );
  });
});
