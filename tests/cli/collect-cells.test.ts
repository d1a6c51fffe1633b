/**
 * collect reads an agency's cells by validate's rules: a formula is recomputed by our engine (a
 * result another program cached is never copied), one that cannot be computed (another sheet,
 * another file) becomes a finding at its cell, and a table whose codes or labels were altered,
 * or another agency's table under a pasted identity block, is refused. A collected workbook
 * never validates cleaner than the files it came from.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFor } from '../../src/core/catalog/versions';
import { formRows } from '../../src/core/form/row-modes';
import { parseAgencyTab } from '../../src/core/form/parse';
import { writeFill } from '../../src/demo/sample';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { COL } from '../../src/core/form/template';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FILLED_BY, FIXTURE_CLOCK, fixtureProvince } from '../fixtures/collect/fixture';
import { cliWith, scratch } from './helpers';
import { FIXTURES } from '../paths';

const { settings, fills } = fixtureProvince();
const catalog = catalogFor(settings);
const FIX = join(FIXTURES, 'collect');
const PROVINCE = join(FIX, 'province.xlsx');
const { at } = scratch('cchc-collect-cells-');
// After every fixture's sent date (21/03/2026), so that no finding is about the date.
const cli = cliWith(() => new Date('2026-03-25T02:00:00Z'));

/** Agency i's file as split makes it and a script fills it; `edit` then changes cells by A1. */
async function filled(i: number, name: string, edit: (ws: import('@cj-tech-master/excelts').Worksheet) => void) {
  const agency = fills[i].agency;
  const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
  wb.create(agencyFilePlan(catalog, settings, agency).plan);
  writeFill(wb, catalog, settings, fills[i]);
  edit(wb.book.getWorksheet(agency.sheet)!);
  writeFileSync(at(name), await wb.toBuffer());
  return at(name);
}

/** The row of an indicator in agency i's form (split and the province tab lay it out the same). */
function rowOf(i: number, code: string): number {
  const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
  wb.create(agencyFilePlan(catalog, settings, fills[i].agency).plan);
  return parseAgencyTab(catalog, wb.read(fills[i].agency.sheet)!).rows.get(code)!.row;
}

const tableOf = (out: string, file: string) => out.split('\n').find((l) => l.includes(` ${file} `)) ?? '';
/** The findings column of a file's line in collect's table ("không có", "4 cảnh báo"…). */
const findingsOf = (out: string, file: string) => tableOf(out, file).split('|')[3]?.trim();

/** What collect says of agency i's file as our writer fills it, untouched: the agency's own typing. */
async function asTyped(i: number, name: string) {
  const res = await cli('collect', PROVINCE, await filled(i, name, () => {}), '--out', at(`${name}-out.xlsx`));
  expect(res.code).toBe(0);
  return findingsOf(res.out, name);
}

async function collectedValue(path: string, i: number, code: string) {
  const wb = await XlsxWorkbook.load(path, FIXTURE_CLOCK);
  return wb.read(fills[i].agency.sheet)!.values[rowOf(i, code) - 1][COL.value - 1];
}

describe('collect reads cells as validate does', () => {
  const a = FILLED_BY.writer;

  it('a formula without a cached result is recomputed; another sheet or file is a finding at its cell', async () => {
    const [r113, r21, r22] = ['1.1.3', '2.1', '2.2'].map((c) => rowOf(a, c));
    const file = await filled(a, 'cong-thuc.xlsx', (ws) => {
      ws.getCell(r113, COL.value).value = { formula: '3+4' }; // no result stored
      ws.getCell(r21, COL.value).value = { formula: 'Nhap!A1' };
      ws.getCell(r22, COL.value).value = { formula: "'[khac.xlsx]Sheet1'!$A$1" };
    });
    const res = await cli('collect', PROVINCE, file, '--out', at('cong-thuc-out.xlsx'));
    expect(res.code).toBe(0);
    // Two cells the file's own check cannot read: two errors, not an empty or guessed figure.
    expect(tableOf(res.out, 'cong-thuc.xlsx')).toMatch(/\| 2 lỗi/);
    expect(await collectedValue(at('cong-thuc-out.xlsx'), a, '1.1.3')).toBe(7);
    for (const code of ['2.1', '2.2']) {
      const v = await collectedValue(at('cong-thuc-out.xlsx'), a, code);
      expect(v === null || v === '').toBe(false);
      expect(typeof v).not.toBe('number');
    }
    // Validating the new workbook names the same cells, on the agency's tab.
    const check = await cli('validate', at('cong-thuc-out.xlsx'));
    expect(check.code).toBe(1);
    const lines = check.out.split('\n').filter((l) => l.includes('[Lỗi]') && l.includes(fills[a].agency.sheet));
    expect(lines.some((l) => l.includes(`D${r21}`))).toBe(true);
    expect(lines.some((l) => l.includes(`D${r22}`))).toBe(true);
  });

  it('a code changed, a row relabelled to another code, or a name changed: refused naming the cell', async () => {
    const r21 = rowOf(a, '2.1');
    const r23 = rowOf(a, '2.3');
    const x = await filled(a, 'ma-sai.xlsx', (ws) => void (ws.getCell(r21, COL.code).value = '2.1x'));
    const dup = await filled(a, 'ma-lap.xlsx', (ws) => void (ws.getCell(r23, COL.code).value = '2.1'));
    const name = await filled(a, 'ten.xlsx', (ws) => void (ws.getCell(r23, COL.name).value = 'Số VBQPPL đã ban hành'));
    for (const [file, cell] of [
      [x, `A${r21}`],
      [dup, `A${r23}`],
      [name, `B${r23}`],
    ]) {
      const res = await cli('collect', PROVINCE, file, '--out', at(`${file.split('/').pop()}-out.xlsx`));
      const line = tableOf(res.out, file.split('/').pop()!);
      expect(res.code).toBe(1);
      expect(line).toContain('Từ chối: bảng số liệu không còn đúng biểu mẫu');
      expect(line).toContain(`ô ${cell}`);
    }
  });

  it("another agency's identity block pasted over a file of a different form is refused", async () => {
    // Agency 0 and the last agency are of different types, so their forms ask different rows.
    const other = settings.agencies.findIndex((g) => g.type !== fills[a].agency.type);
    expect(other).toBeGreaterThan(-1);
    const donor = XlsxWorkbook.create(FIXTURE_CLOCK);
    donor.create(agencyFilePlan(catalog, settings, settings.agencies[other]).plan);
    const donorSnap = donor.read(settings.agencies[other].sheet)!;
    const idTop = donorSnap.values.findIndex((r) => r.some((v) => v === 'Mã đơn vị:'));
    const file = await filled(a, 'dan-khoi.xlsx', (ws) => {
      // The whole identity block (a few rows around "Mã đơn vị:") and the header's agency name.
      for (let r = Math.max(0, idTop - 4); r < Math.min(donorSnap.values.length, idTop + 8); r++)
        donorSnap.values[r].forEach((v, c) => {
          if (v !== '' && v !== null) ws.getCell(r + 1, c + 1).value = v as never;
        });
      const h = donorSnap.values.findIndex((r) => r[1] === 'Đơn vị báo cáo:');
      ws.getCell(h + 1, 3).value = settings.agencies[other].name;
    });
    const res = await cli('collect', PROVINCE, file, '--out', at('dan-khoi-out.xlsx'));
    expect(res.code).toBe(1);
    expect(tableOf(res.out, 'dan-khoi.xlsx')).toContain('là của biểu mẫu đơn vị khác');
    expect(res.out).toContain('Đã nhận 0/1 tệp');
  });

  it('the file re-saved by LibreOffice collects with no finding of LibreOffice’s making and the form formulas, not its cached numbers', async () => {
    const res = await cli('collect', PROVINCE, join(FIX, 'libreoffice.xlsx'), '--out', at('lo-out.xlsx'));
    expect(res.code).toBe(0);
    const i = FILLED_BY.libreoffice;
    const agency = fills[i].agency;
    const rates = formRows(catalog, settings, agency).filter(
      (r) => r.mode.kind === 'input' && catalog.formula(r.ind.code),
    );
    expect(rates.length).toBeGreaterThan(0);
    const wb = await XlsxWorkbook.load(at('lo-out.xlsx'), FIXTURE_CLOCK);
    const snap = wb.read(agency.sheet)!;
    const report = parseAgencyTab(catalog, snap);
    for (const r of rates) {
      const cell = report.rows.get(r.ind.code)!.cell;
      expect({ code: r.ind.code, kind: snap.cells?.get(cell)?.kind }).toEqual({ code: r.ind.code, kind: 'formula' });
    }
    // Only what the agency typed is reported (this fill typed a few counts as text, "00": a warning
    // at each), nothing about the results LibreOffice cached.
    const check = await cli('validate', at('lo-out.xlsx'));
    const said = check.out.split('\n').filter((l) => /\[(Lỗi|Cảnh báo)\]/.test(l) && l.includes(agency.sheet));
    expect(said.filter((l) => !l.includes('được nhập dạng chữ'))).toEqual([]);
    expect(findingsOf(res.out, 'libreoffice.xlsx')).toBe(said.length ? `${said.length} cảnh báo` : 'không có');
  });

  it('a form formula whose cached result another program got wrong is recomputed, never copied', async () => {
    const agency = fills[a].agency;
    const plain = XlsxWorkbook.create(FIXTURE_CLOCK);
    plain.create(agencyFilePlan(catalog, settings, agency).plan);
    const snap = plain.read(agency.sheet)!;
    const rate = [...parseAgencyTab(catalog, snap).rows.values()].find(
      (r) => snap.cells?.get(r.cell)?.kind === 'formula',
    )!;
    expect(rate).toBeDefined();
    const fact = snap.cells!.get(rate.cell)!;
    const formula = fact.kind === 'formula' ? fact.formula : '';
    // As a program reading "3.123" as three would cache it: a result the counts do not give.
    const file = await filled(a, 'ket-qua-sai.xlsx', (ws) => {
      const c = ws.getCell(rate.row, COL.value);
      c.value = { formula, result: 12.34 } as never;
    });
    const res = await cli('collect', PROVINCE, file, '--out', at('ket-qua-sai-out.xlsx'));
    expect(res.code).toBe(0);
    expect(findingsOf(res.out, 'ket-qua-sai.xlsx')).toBe(await asTyped(a, 'ket-qua-goc.xlsx'));
    const wb = await XlsxWorkbook.load(at('ket-qua-sai-out.xlsx'), FIXTURE_CLOCK);
    const out = wb.read(agency.sheet)!;
    expect(out.cells?.get(rate.cell)?.kind).toBe('formula');
    expect(out.values[rate.row - 1][COL.value - 1]).not.toBe(12.34);
  });

  it('a blank resend beside a filled file of the same agency: the filled one is taken, and the table says so', async () => {
    const full = await filled(a, 'day-du.xlsx', () => {});
    const blank = XlsxWorkbook.create(FIXTURE_CLOCK);
    blank.create(agencyFilePlan(catalog, settings, fills[a].agency).plan);
    writeFileSync(at('trong.xlsx'), await blank.toBuffer());
    const res = await cli('collect', PROVINCE, at('trong.xlsx'), full, '--out', at('gui-lai-out.xlsx'));
    expect(tableOf(res.out, 'day-du.xlsx')).toContain('Đã nhận');
    expect(tableOf(res.out, 'trong.xlsx')).toContain('Từ chối: tệp trống');
    expect(tableOf(res.out, 'trong.xlsx')).toContain('đã lấy tệp có số liệu của');
    expect(res.out).toContain('Đã nhận 1/2 tệp');
    expect(tableOf(res.out, 'day-du.xlsx')).toMatch(/\| [1-9]\d* +\|/); // its rows were taken
  });

  it('"Không áp dụng" typed by the agency in the note of a row it fills is its note, not another form', async () => {
    const r = rowOf(a, '2.1');
    const file = await filled(a, 'ghi-chu-kad.xlsx', (ws) => void (ws.getCell(r, COL.note).value = 'Không áp dụng'));
    const res = await cli('collect', PROVINCE, file, '--out', at('ghi-chu-kad-out.xlsx'));
    expect(tableOf(res.out, 'ghi-chu-kad.xlsx')).toContain('Đã nhận');
  });
});
