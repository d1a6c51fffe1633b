/**
 * split → agencies fill their files (our writer; openpyxl; openpyxl then LibreOffice, committed
 * fixtures made by scripts/make-collect-fixtures.sh) → collect → consolidate, against the same
 * figures typed straight into the province workbook. Then every refusal, by its Vietnamese line.
 */
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { consolidateWorkbook, collectFiles } from '../../src/core/use-cases';
import { catalogFor } from '../../src/core/catalog/versions';
import { IncomingFile } from '../../src/core/agency-files/collect';
import { summaryJson } from '../../src/core/figures/consolidate';
import { SUBMISSION_SHEET, SUMMARY_SHEET } from '../../src/core/figures/output-sheets';
import { writeFill } from '../../src/demo/sample';
import { Settings } from '../../src/core/settings';
import { agencyFileName, agencyFilePlan } from '../../src/core/agency-files/split';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FILLED_BY, FIXTURE_CLOCK, fixtureProvince } from '../fixtures/collect/fixture';
import { cliWith, scratch } from './helpers';
import { FIXTURES } from '../paths';
import { periodOf } from '../../src/core/periods';
import { runContext } from '../../src/core/settings/run-context';

const { settings, fills } = fixtureProvince();
const catalog = catalogFor(settings);
const FIX = join(FIXTURES, 'collect');
const PROVINCE = join(FIX, 'province.xlsx');
const { at } = scratch('cchc-collect-');
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const cli = cliWith(FIXTURE_CLOCK);

/** What a user compares: every consolidated figure, the submission table, the summary sheet. */
async function outcome(wb: XlsxWorkbook) {
  const summary = consolidateWorkbook(wb, runContext(settings));
  const sheet = (name: string) => wb.read(name)!.values.map((r) => r.map((v) => (v instanceof Date ? v.getTime() : v)));
  return { json: summaryJson(summary), submission: sheet(SUBMISSION_SHEET), summary: sheet(SUMMARY_SHEET) };
}

async function fileFor(i: number, s: Settings = settings, name = `f${i}.xlsx`, agency = fills[i].agency) {
  const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
  wb.create(agencyFilePlan(catalog, s, agency).plan);
  writeFill(wb, catalog, s, { ...fills[i], agency });
  writeFileSync(at(name), await wb.toBuffer());
  return at(name);
}

async function incoming(path: string, name = path.split('/').pop()!): Promise<IncomingFile> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(path));
  return { name, sheets: wb.sheetNames().map((n) => wb.read(n)!) };
}

describe('split and collect', () => {
  const before = [PROVINCE, join(FIX, 'openpyxl.xlsx'), join(FIX, 'libreoffice.xlsx')].map(hash);
  let writerFile = '';

  beforeAll(async () => {
    const split = await cli('split', PROVINCE, '--out', at('split'));
    expect(split.code).toBe(0);
    // Our own writer fills the first agency's split file, as a script of the agency would.
    const name = agencyFileName(settings, fills[FILLED_BY.writer].agency);
    const wb = await XlsxWorkbook.load(join(at('split'), name), FIXTURE_CLOCK);
    writeFill(wb, catalog, settings, fills[FILLED_BY.writer]);
    writerFile = at('writer.xlsx');
    writeFileSync(writerFile, await wb.toBuffer());
  });

  it('split writes one readable, Windows-safe file per agency, each with only its own tab', async () => {
    const names = readdirSync(at('split')).sort();
    expect(names).toHaveLength(settings.agencies.length);
    for (const n of names) expect(n).toMatch(/^\d{2} - [A-Za-z0-9 ,()-]+ - Quy I 2026\.xlsx$/);
    const one = await XlsxWorkbook.load(join(at('split'), names[2]));
    expect(one.sheetNames()).toEqual([settings.agencies[2].sheet]);
    // Validations, locked cells and notes came along: the same as on the agency's tab in the province workbook.
    const counts = (ws: import('@cj-tech-master/excelts').Worksheet) => {
      const n = { validations: 0, unlocked: 0, notes: 0, protectedSheet: false };
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.dataValidation) n.validations++;
          if (c.protection?.locked === false) n.unlocked++;
          if (c.note) n.notes++;
        }),
      );
      n.protectedSheet = one.read(settings.agencies[2].sheet)!.isProtected === true;
      return n;
    };
    const province = await XlsxWorkbook.load(PROVINCE);
    const got = counts(one.book.getWorksheet(settings.agencies[2].sheet)!);
    expect(got.validations).toBeGreaterThan(5);
    expect(got.protectedSheet).toBe(true);
    expect(got).toEqual(counts(province.book.getWorksheet(settings.agencies[2].sheet)!));
  });

  it('collect, then consolidate, equals typing the same figures into the province workbook', async () => {
    const res = await cli(
      'collect',
      PROVINCE,
      writerFile,
      join(FIX, 'openpyxl.xlsx'),
      join(FIX, 'libreoffice.xlsx'),
      '--out',
      at('collected.xlsx'),
    );
    expect(res.code).toBe(0);
    expect(res.out).toContain('Đã nhận 3/3 tệp');
    for (const i of [0, 1, 2]) expect(res.out).toContain(fills[i].agency.name);

    const direct = await XlsxWorkbook.load(PROVINCE, FIXTURE_CLOCK);
    for (const i of Object.values(FILLED_BY)) writeFill(direct, catalog, settings, fills[i]);
    const expected = await outcome(direct);
    const got = await outcome(await XlsxWorkbook.load(at('collected.xlsx'), FIXTURE_CLOCK));
    expect(got.json).toEqual(expected.json);
    expect(got.submission).toEqual(expected.submission);
    expect(got.summary).toEqual(expected.summary);
    // Three agencies sent figures, the fourth did not: visible in the submission table.
    const sub = (got.json as { submission: { agency: string; submitted: boolean }[] }).submission;
    expect(sub.filter((s) => s.submitted).map((s) => s.agency)).toEqual(fills.slice(0, 3).map((f) => f.agency.name));
    expect([PROVINCE, join(FIX, 'openpyxl.xlsx'), join(FIX, 'libreoffice.xlsx')].map(hash)).toEqual(before);
  });

  it('collecting the same files twice gives the same workbook, byte for byte apart from timestamps', async () => {
    const files = [writerFile, join(FIX, 'openpyxl.xlsx'), join(FIX, 'libreoffice.xlsx')];
    expect((await cli('collect', PROVINCE, ...files, '--out', at('again1.xlsx'))).code).toBe(0);
    expect((await cli('collect', PROVINCE, ...files.reverse(), '--out', at('again2.xlsx'))).code).toBe(0);
    const entries = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      const out: Record<string, string> = {};
      for (const name of Object.keys(zip.files).sort())
        if (name !== 'docProps/core.xml') out[name] = await zip.files[name].async('string');
      return out;
    };
    const [a, b] = [await entries(at('again1.xlsx')), await entries(at('again2.xlsx'))];
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });

  it('never writes over an input or an existing file without --force', async () => {
    const res = await cli('collect', PROVINCE, writerFile, '--out', writerFile);
    expect(res.code).toBe(2);
    expect(res.out).toContain('tệp đầu vào');
    const again = await cli('collect', PROVINCE, writerFile, '--out', at('collected.xlsx'));
    expect(again.code).toBe(2);
    expect(again.out).toContain('--force');
  });

  it('collect --out naming an input, directly or through a symlink, is refused even with --force', async () => {
    symlinkSync(writerFile, at('link-to-writer.xlsx'));
    symlinkSync(PROVINCE, at('link-to-province.xlsx'));
    for (const out of [PROVINCE, writerFile, at('link-to-writer.xlsx'), at('link-to-province.xlsx')]) {
      const before = hash(out);
      const res = await cli('collect', PROVINCE, writerFile, '--out', out, '--force');
      expect(res.code).toBe(2);
      expect(res.out).toContain('tệp đầu vào');
      expect(res.out).not.toContain('Đã nhận'); // refused before any file was read
      expect(hash(out)).toBe(before);
    }
  });

  it('split into a folder where a file of that name is a symlink to the input: nothing is written', async () => {
    mkdirSync(at('trap'));
    const names = plannedNames();
    symlinkSync(PROVINCE, join(at('trap'), names[3]));
    const before = hash(PROVINCE);
    const res = await cli('split', PROVINCE, '--out', at('trap'), '--force');
    expect(res.code).toBe(2);
    expect(res.out).toContain('tệp đầu vào');
    expect(res.out).toContain(names[3]);
    expect(readdirSync(at('trap'))).toEqual([names[3]]); // not even the files checked before it
    expect(hash(PROVINCE)).toBe(before);
  });

  it('split twice into one folder: refused without --force, naming the files, none changed; --force replaces', async () => {
    const out = at(join('twice', 'nested'));
    expect((await cli('split', PROVINCE, '--out', out)).code).toBe(0); // creates the folders
    const names = plannedNames();
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    const stamp = new Date(2001, 0, 1);
    for (const n of names) utimesSync(join(out, n), stamp, stamp);
    const again = await cli('split', PROVINCE, '--out', out);
    expect(again.code).toBe(2);
    expect(again.out).toContain('--force');
    expect(again.out).toContain(names[0]);
    expect(again.out).toContain(`${names.length - 1} tệp khác`);
    for (const n of names) expect(statSync(join(out, n)).mtime.getTime()).toBe(stamp.getTime());
    expect((await cli('split', PROVINCE, '--out', out, '--force')).code).toBe(0);
    for (const n of names) expect(statSync(join(out, n)).mtime.getTime()).not.toBe(stamp.getTime());
  });
});

/** The file split makes for each agency, in the settings' order. */
function plannedNames(): string[] {
  return settings.agencies.map((a) => agencyFileName(settings, a));
}

describe('collect refuses, one Vietnamese line per file', () => {
  async function run(files: IncomingFile[], prefer: 'none' | 'newest' = 'none') {
    const wb = await XlsxWorkbook.load(PROVINCE, FIXTURE_CLOCK);
    const before = settings.agencies.map((a) => JSON.stringify(wb.read(a.sheet)!.values));
    const out = collectFiles(wb, runContext(settings), files, { prefer, today: wb.today() });
    const after = settings.agencies.map((a) => JSON.stringify(wb.read(a.sheet)!.values));
    const changed = settings.agencies.filter((_, i) => before[i] !== after[i]).map((a) => a.sheet);
    return { ...out, changed };
  }
  const statusOf = (rows: { file: string; status: string }[], file: string) =>
    rows.find((r) => r.file === file)!.status;

  it('a file for another period, another province, a stale form or an unknown agency', async () => {
    const files = [
      await incoming(await fileFor(0, { ...settings, period: periodOf('Q2', settings.period.year) }, 'q2.xlsx')),
      await incoming(await fileFor(0, { ...settings, issuingBody: 'Ủy ban nhân dân tỉnh Bến Tre' }, 'bt.xlsx')),
      await incoming(await fileFor(1, { ...settings, disabled: ['2.5'] }, 'stale.xlsx')),
      await incoming(
        await fileFor(2, settings, 'unknown.xlsx', { ...fills[2].agency, stt: 99, name: 'UBND xã Không Có' }),
      ),
    ];
    const { rows, changed } = await run(files);
    expect(statusOf(rows, 'q2.xlsx')).toMatch(/^Từ chối: biểu mẫu quý II năm 2026, sổ tổng hợp đang ở quý I năm 2026/);
    expect(statusOf(rows, 'bt.xlsx')).toContain('không phải của "Ủy ban nhân dân tỉnh');
    expect(statusOf(rows, 'stale.xlsx')).toContain('đã cũ');
    expect(statusOf(rows, 'unknown.xlsx')).toContain('"UBND xã Không Có" (mã 99) không có trong danh sách');
    expect(changed).toEqual([]);
  });

  it('an edited or copied identity block, and a header copied from another agency', async () => {
    const path = await fileFor(0);
    const edited = await incoming(path, 'edited.xlsx');
    const sheet = edited.sheets[0];
    const idRow = sheet.values.findIndex((r) => r[1] === 'Mã đơn vị:');
    sheet.values[idRow][2] = String(settings.agencies[1].stt).padStart(2, '0'); // "we are agency 02 now"
    const header = await incoming(path, 'header.xlsx');
    const h = header.sheets[0].values.findIndex((r) => r[1] === 'Đơn vị báo cáo:');
    header.sheets[0].values[h][2] = settings.agencies[1].name;
    const { rows, changed } = await run([edited, header]);
    expect(statusOf(rows, 'edited.xlsx')).toContain('khối nhận dạng đã bị sửa hoặc chép từ tệp khác');
    expect(statusOf(rows, 'header.xlsx')).toContain(`ô "Đơn vị báo cáo" ghi "${settings.agencies[1].name}"`);
    expect(changed).toEqual([]);
  });

  it('not a form: the province workbook itself, and a file that is not .xlsx at all', async () => {
    writeFileSync(at('notes.xlsx'), 'chỉ là văn bản');
    copyFileSync(PROVINCE, at('province-copy.xlsx'));
    const res = await cli('collect', PROVINCE, at('province-copy.xlsx'), at('notes.xlsx'), '--out', at('x.xlsx'));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/province-copy\.xlsx.*Từ chối: không phải biểu mẫu CCHC/);
    // Worded as validate words a text file named .xlsx.
    expect(res.out).toMatch(/notes\.xlsx.*Từ chối: "[^"]*notes\.xlsx" là tệp văn bản \(có thể là CSV\)/);
  });

  it('two files for one agency: both refused, naming each other; --prefer newest takes the later sent date', async () => {
    const early = await incoming(await fileFor(0), 'lan-1.xlsx');
    const late = await incoming(await fileFor(0), 'lan-2.xlsx');
    const s = late.sheets[0];
    const r = s.values.findIndex((row) => row[1] === 'Ngày gửi:');
    const d = new Date(2026, 2, 9);
    s.values[r][2] = d;
    const e = early.sheets[0];
    e.values[r][2] = new Date(2026, 2, 2);
    const both = await run([early, late]);
    expect(statusOf(both.rows, 'lan-1.xlsx')).toContain('trùng đơn vị');
    expect(statusOf(both.rows, 'lan-1.xlsx')).toContain('"lan-2.xlsx"');
    expect(statusOf(both.rows, 'lan-2.xlsx')).toContain('"lan-1.xlsx"');
    expect(both.changed).toEqual([]);
    const newest = await run([early, late], 'newest');
    expect(statusOf(newest.rows, 'lan-2.xlsx')).toMatch(/^Đã nhận/);
    expect(statusOf(newest.rows, 'lan-1.xlsx')).toContain('đã có tệp mới hơn');
    expect(newest.changed).toEqual([settings.agencies[0].sheet]);
  });

  it('a file returned blank: refused, and the tab keeps what it held', async () => {
    // The agency's tab in the province workbook already has figures (typed in the shared sheet).
    const province = await XlsxWorkbook.load(PROVINCE, FIXTURE_CLOCK);
    writeFill(province, catalog, settings, fills[0]);
    const blank = XlsxWorkbook.create(FIXTURE_CLOCK);
    blank.create(agencyFilePlan(catalog, settings, fills[0].agency).plan);
    const file: IncomingFile = { name: 'trong.xlsx', sheets: [blank.read(fills[0].agency.sheet)!] };
    const before = JSON.stringify(province.read(fills[0].agency.sheet)!.values);
    const out = collectFiles(province, runContext(settings), [file], { today: province.today() });
    expect(out.rows[0].status).toMatch(/^Từ chối: tệp chưa có số liệu/);
    expect(out.written).toEqual([]);
    expect(JSON.stringify(province.read(fills[0].agency.sheet)!.values)).toBe(before);
  });
});

describe('split of a workbook that already holds figures', () => {
  it("puts each agency's figures into its file, so collecting the untouched files changes no figure", async () => {
    const province = await XlsxWorkbook.load(PROVINCE, FIXTURE_CLOCK);
    for (const i of Object.values(FILLED_BY)) writeFill(province, catalog, settings, fills[i]);
    writeFileSync(at('filled-province.xlsx'), await province.toBuffer());
    expect((await cli('split', at('filled-province.xlsx'), '--out', at('resplit'))).code).toBe(0);
    const res = await cli(
      'collect',
      at('filled-province.xlsx'),
      ...Object.values(FILLED_BY).map((i) => join(at('resplit'), agencyFileName(settings, fills[i].agency))),
      '--out',
      at('recollected.xlsx'),
    );
    expect(res.out).toContain(`Đã nhận ${Object.values(FILLED_BY).length}/${Object.values(FILLED_BY).length} tệp`);
    const expected = await outcome(await XlsxWorkbook.load(at('filled-province.xlsx'), FIXTURE_CLOCK));
    const got = await outcome(await XlsxWorkbook.load(at('recollected.xlsx'), FIXTURE_CLOCK));
    expect(got.json).toEqual(expected.json);
    expect(got.submission).toEqual(expected.submission);
  });
});
