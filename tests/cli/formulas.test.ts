/**
 * Formulas in value cells, read alike by every command: a formula whose stored result is stale is
 * recomputed (a warning at the cell says so and the recomputed figure is used), one that cannot be
 * computed here is an error at the cell. validate and consolidate on the province workbook,
 * collect with the file as an agency's file and as the province tab that split carries out, and
 * the import dialog's reader with the add-on's collect rules give the same verdict and figure.
 *
 * Two agency files are built by editing the sheet's XML (shared and array formulas, a defined
 * name, stale cached results): one whose formulas all compute, one whose formulas none can. Each
 * is compared with a control holding the right figures typed as plain numbers.
 */
import JSZip from 'jszip';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from '@cj-tech-master/excelts';
import { catalogFor } from '../../src/core/catalog/versions';
import { isoDate } from '../../src/core/primitives/dates';
import { writeFill } from '../../src/demo/sample';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { fromWire } from '../../src/core/agency-files/wire';
import { collectFiles } from '../../src/core/use-cases';
import { runContext } from '../../src/core/settings/run-context';
import { payloadOf, readPicked } from '../../src/dialog/import-dialog';
import { guardedPatchable } from '../../src/local/xlsx-guard';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { FIXTURE_CLOCK, fixtureProvince } from '../fixtures/collect/fixture';
import { cliWith, scratch } from './helpers';
import { FIXTURES } from '../paths';

const { settings, fills } = fixtureProvince();
const catalog = catalogFor(settings);
const PROVINCE = join(FIXTURES, 'collect', 'province.xlsx');
const AGENCY = fills[0].agency;
const SHEET = AGENCY.sheet;
const { at } = scratch('cchc-formulas-');
const cli = cliWith(() => new Date('2026-03-25T02:00:00Z'));

/** A cell's XML: a formula (with its `<f>` attributes) and a stored result, or a plain number. */
type Cell = { f: string; fAttrs?: string; v?: number } | { v: number };

/** Helpers on the same sheet, off the table: G14:G16 and a chain of twenty formulas G31:G50. */
const HELPERS: Record<string, Cell> = {
  G14: { v: 12 },
  G15: { v: 20 },
  G16: { v: 15 },
  G30: { v: 1 },
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`G${31 + i}`, { f: `G${30 + i}+1`, v: 0 }])),
};

/** Formulas that all compute, with the results another program left stale; and the true figures. */
const COMPUTABLE: Record<string, Cell> = {
  ...HELPERS,
  D14: { f: 'SUM(G14:G16)', v: 5 },
  D16: { f: 'MAX(G14:G16)', v: 999 },
  D19: { f: 'ROUND(G15/3,0)', v: 6 },
  D20: { f: 'G14*2', fAttrs: ' t="shared" ref="D20:D21" si="0"', v: 1 },
  D21: { f: '', fAttrs: ' t="shared" si="0"', v: 1 },
  D26: { f: 'G50*2', v: 3 },
  D27: { f: 'SUM(G14:G16)-G16', fAttrs: ' t="array" ref="D27"', v: 0 },
};
const TRUE_FIGURES: Record<string, number> = { D14: 47, D16: 20, D19: 7, D20: 24, D21: 40, D26: 42, D27: 32 };

/** Formulas no evaluator here can compute, each with a plausible stored result. */
const UNCOMPUTABLE: Record<string, Cell> = {
  ...HELPERS,
  G40: { f: 'D19*2', v: 4 },
  D14: { f: 'NOW()', v: 5 },
  D16: { f: 'INDIRECT("G14")', v: 12 },
  D19: { f: 'G40+1', v: 2 },
  D20: { f: 'D20+1', v: 1 },
  D21: { f: 'Khac!A1', v: 3 },
  D26: { f: 'TongSo*1', v: 12 },
  D27: { f: 'G14:H14', fAttrs: ' t="array" ref="D27:E27"', v: 12 },
  E27: { v: 0 },
};
const CELLS = Object.keys(TRUE_FIGURES);
/** The codes on those rows of this agency's form (1.1.1 on row 14 and so on). */
const CODES: Record<string, string> = {
  D14: '1.1.1',
  D16: '1.1.3',
  D19: '2.1',
  D20: '2.2',
  D21: '2.3',
  D26: '3.1.1',
  D27: '3.1.2',
};

const WARNINGS = [
  'Ô D14 (chỉ tiêu 1.1.1): có công thức =SUM(G14:G16), kết quả lưu trong tệp là 5 nhưng tính lại được 47; đã dùng 47.',
  'Ô D16 (chỉ tiêu 1.1.3): có công thức =MAX(G14:G16), kết quả lưu trong tệp là 999 nhưng tính lại được 20; đã dùng 20.',
  'Ô D19 (chỉ tiêu 2.1): có công thức =ROUND(G15/3,0), kết quả lưu trong tệp là 6 nhưng tính lại được 7; đã dùng 7.',
  'Ô D20 (chỉ tiêu 2.2): có công thức =G14*2, kết quả lưu trong tệp là 1 nhưng tính lại được 24; đã dùng 24.',
  'Ô D21 (chỉ tiêu 2.3): có công thức =G15*2, kết quả lưu trong tệp là 1 nhưng tính lại được 40; đã dùng 40.',
  'Ô D26 (chỉ tiêu 3.1.1): có công thức =G50*2, kết quả lưu trong tệp là 3 nhưng tính lại được 42; đã dùng 42.',
  'Ô D27 (chỉ tiêu 3.1.2): có công thức =SUM(G14:G16)-G16, kết quả lưu trong tệp là 0 nhưng tính lại được 32; đã dùng 32.',
];
const END = '; hãy nhập số thay cho công thức.';
const ERRORS = [
  `Ô D14 (chỉ tiêu 1.1.1): công thức =NOW() dùng hàm NOW, cho kết quả khác nhau mỗi lần tính, nên không có một số liệu xác định${END}`,
  `Ô D16 (chỉ tiêu 1.1.3): công thức =INDIRECT("G14") dùng hàm INDIRECT (tham chiếu gián tiếp), chương trình không tính lại được${END}`,
  `Ô D19 (chỉ tiêu 2.1): công thức =G40+1 tham chiếu vòng (các ô công thức tính lẫn nhau, qua ô D19), nên không có kết quả${END}`,
  `Ô D20 (chỉ tiêu 2.2): công thức =D20+1 tham chiếu đến chính ô D20, nên không có kết quả${END}`,
  `Ô D21 (chỉ tiêu 2.3): công thức =Khac!A1 lấy số liệu từ trang hoặc tệp khác; mỗi đơn vị báo cáo số liệu của chính mình${END}`,
  `Ô D26 (chỉ tiêu 3.1.1): công thức =TongSo*1 dùng tên "TongSo" đặt trong sổ (Name Manager), chương trình không tính lại được${END}`,
  `Ô D27 (chỉ tiêu 3.1.2): công thức =G14:H14 là công thức mảng trải trên nhiều ô (D27:E27), chương trình không tính lại được${END}`,
];

/** The zip path of a sheet by its name. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Puts each cell into the sheet's XML: replacing the cell (keeping its style) or added at its row's end. */
function setCells(xml: string, cells: Record<string, Cell>): string {
  for (const [ref, cell] of Object.entries(cells)) {
    const body =
      ('f' in cell ? `<f${cell.fAttrs ?? ''}>${xmlText(cell.f)}</f>` : '') +
      (cell.v !== undefined ? `<v>${cell.v}</v>` : '');
    const existing = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
    if (existing) {
      const style = /\ss="\d+"/.exec(existing[1] ?? '')?.[0] ?? '';
      xml = xml.replace(existing[0], `<c r="${ref}"${style}>${body}</c>`);
      continue;
    }
    const row = ref.replace(/^[A-Z]+/, '');
    const rowEl = new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`).exec(xml);
    expect(rowEl).not.toBeNull();
    xml = xml.replace(rowEl![0], `${rowEl![1]}<c r="${ref}">${body}</c>${rowEl![2]}`);
  }
  return xml;
}

/** A workbook's bytes with `cells` set on the sheet `name`, and the defined name TongSo. */
async function patched(bytes: Uint8Array, name: string, cells: Record<string, Cell>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const path = await sheetPath(zip, name);
  zip.file(path, setCells(await zip.file(path)!.async('string'), cells));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const defined = `<definedName name="TongSo">'${name}'!$G$14</definedName>`;
  zip.file(
    'xl/workbook.xml',
    book.includes('<definedNames>')
      ? book.replace('<definedNames>', `<definedNames>${defined}`)
      : book.replace('</sheets>', `</sheets><definedNames>${defined}</definedNames>`),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The agency's file as split makes it and the agency fills it, with the true figures typed. */
async function controlFile(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create(FIXTURE_CLOCK);
  wb.create(agencyFilePlan(catalog, settings, AGENCY).plan);
  writeFill(wb, catalog, settings, fills[0]);
  const ws = wb.book.getWorksheet(SHEET)!;
  for (const [ref, code] of Object.entries(CODES)) {
    expect(ws.getCell(ref.replace('D', 'A')).value).toBe(code);
    ws.getCell(ref).value = TRUE_FIGURES[ref]!;
  }
  return wb.toBuffer();
}

const lines = (out: string, kind: 'Lỗi' | 'Cảnh báo') =>
  out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(`[${kind}] Trang "${SHEET}": `))
    .map((l) => l.slice(`[${kind}] Trang "${SHEET}": `.length));
const tableOf = (out: string, file: string) => out.split('\n').find((l) => l.includes(` ${file} `)) ?? '';
const findingsOf = (out: string, file: string) => tableOf(out, file).split('|')[3]?.trim();

async function valuesAt(path: string): Promise<unknown[]> {
  const snap = (await XlsxWorkbook.load(path, FIXTURE_CLOCK)).read(SHEET)!;
  return CELLS.map((ref) => snap.values[Number(ref.slice(1)) - 1]![3]);
}

/** collect's row for the file through the import dialog's reader and the add-on's rules. */
async function throughDialog(name: string, bytes: Uint8Array) {
  const { files, unreadable } = await readPicked([
    {
      name,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    },
  ]);
  expect(unreadable).toEqual([]);
  const wire = fromWire(JSON.parse(payloadOf(files, false)));
  if (!wire.ok) throw new Error(wire.problem);
  const wb = await guardedPatchable(readFileSync(PROVINCE), 'province.xlsx', FIXTURE_CLOCK);
  const outcome = collectFiles(wb, runContext(settings), wire.files, { today: isoDate(2026, 3, 25) });
  const snap = wb.read(SHEET)!;
  return { row: outcome.rows[0]!, values: CELLS.map((ref) => snap.values[Number(ref.slice(1)) - 1]![3]) };
}

describe('formulas in value cells, read alike by every command', () => {
  let control: { validate: string; json: { indicators: Record<string, { value: unknown }> } };

  beforeAll(async () => {
    writeFileSync(at('control.xlsx'), await controlFile());
    const res = await cli('collect', PROVINCE, at('control.xlsx'), '--out', at('province-control.xlsx'));
    expect(res.code).toBe(0);
    const bytes = readFileSync(at('province-control.xlsx'));
    writeFileSync(at('province-computable.xlsx'), await patched(bytes, SHEET, COMPUTABLE));
    writeFileSync(at('province-uncomputable.xlsx'), await patched(bytes, SHEET, UNCOMPUTABLE));
    const agencyBytes = readFileSync(at('control.xlsx'));
    writeFileSync(at('computable.xlsx'), await patched(agencyBytes, SHEET, COMPUTABLE));
    writeFileSync(at('uncomputable.xlsx'), await patched(agencyBytes, SHEET, UNCOMPUTABLE));
    const v = await cli('validate', at('province-control.xlsx'));
    await cli('consolidate', at('province-control.xlsx'), '--out', at('c-out.xlsx'), '--json', at('c-out.json'));
    control = { validate: v.out, json: JSON.parse(readFileSync(at('c-out.json'), 'utf8')) };
    expect(lines(v.out, 'Lỗi')).toEqual([]);
  }, 120_000);

  it('stale results: validate warns at each cell and uses the recomputed figure, as consolidate does', async () => {
    const v = await cli('validate', at('province-computable.xlsx'));
    expect(lines(v.out, 'Lỗi')).toEqual([]);
    expect(lines(v.out, 'Cảnh báo').sort()).toEqual([...lines(control.validate, 'Cảnh báo'), ...WARNINGS].sort());

    await cli('consolidate', at('province-computable.xlsx'), '--out', at('k-out.xlsx'), '--json', at('k-out.json'));
    const json = JSON.parse(readFileSync(at('k-out.json'), 'utf8'));
    expect(json.submission.find((s: { agency: string }) => s.agency === AGENCY.name)).toMatchObject({ included: true });
    for (const code of Object.values(CODES))
      expect({ code, value: json.indicators[code].value }).toEqual({
        code,
        value: control.json.indicators[code]!.value,
      });
  }, 60_000);

  it('stale results: collect takes the recomputed figures, from the agency file and from the tab split carries', async () => {
    const asFile = await cli('collect', PROVINCE, at('computable.xlsx'), '--out', at('k-collected.xlsx'));
    expect(asFile.code).toBe(0);
    const warned = lines(control.validate, 'Cảnh báo').length + WARNINGS.length;
    expect(findingsOf(asFile.out, 'computable.xlsx')).toBe(`${warned} cảnh báo`);
    expect(await valuesAt(at('k-collected.xlsx'))).toEqual(CELLS.map((c) => TRUE_FIGURES[c]));

    const split = await cli('split', at('province-computable.xlsx'), '--out', at('k-split'));
    expect(split.code).toBe(0);
    const file = readdirSync(at('k-split')).find((f) => f.startsWith('01 - '))!;
    const back = await cli('collect', PROVINCE, join(at('k-split'), file), '--out', at('k-split-collected.xlsx'));
    expect(back.code).toBe(0);
    expect(await valuesAt(at('k-split-collected.xlsx'))).toEqual(CELLS.map((c) => TRUE_FIGURES[c]));

    const dialog = await throughDialog('computable.xlsx', readFileSync(at('computable.xlsx')));
    expect(dialog.row).toMatchObject({ ok: true, findings: `${warned} cảnh báo` });
    expect(dialog.values).toEqual(CELLS.map((c) => TRUE_FIGURES[c]));
  }, 60_000);

  it('formulas that cannot be computed: an error at each cell from validate, consolidate and collect alike', async () => {
    const v = await cli('validate', at('province-uncomputable.xlsx'));
    expect(v.code).toBe(1);
    expect(lines(v.out, 'Lỗi').sort()).toEqual([...ERRORS].sort());

    await cli('consolidate', at('province-uncomputable.xlsx'), '--out', at('u-out.xlsx'), '--json', at('u-out.json'));
    const json = JSON.parse(readFileSync(at('u-out.json'), 'utf8'));
    expect(json.submission.find((s: { agency: string }) => s.agency === AGENCY.name)).toMatchObject({
      included: false,
      excludedReason: 'Còn 7 lỗi',
    });
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(at('u-out.xlsx'));
    const said: string[] = [];
    out
      .getWorksheet('Kết quả kiểm tra')!
      .eachRow((r) =>
        (r.values as unknown[]).forEach((x) => typeof x === 'string' && x.startsWith('Ô D') && said.push(x)),
      );
    for (const message of ERRORS) expect(said).toContain(message);

    const warnings = lines(v.out, 'Cảnh báo').length;
    const findings = `7 lỗi${warnings ? `, ${warnings} cảnh báo` : ''}`;
    const asFile = await cli('collect', PROVINCE, at('uncomputable.xlsx'), '--out', at('u-collected.xlsx'));
    expect(findingsOf(asFile.out, 'uncomputable.xlsx')).toBe(findings);
    const dialog = await throughDialog('uncomputable.xlsx', readFileSync(at('uncomputable.xlsx')));
    expect(dialog.row).toMatchObject({ ok: true, findings });
    // No stored result becomes a figure; validating what collect wrote names the same cells.
    for (const values of [await valuesAt(at('u-collected.xlsx')), dialog.values])
      for (const x of values) expect(typeof x).not.toBe('number');
    const again = await cli('validate', at('u-collected.xlsx'));
    const cells = (out: string) => lines(out, 'Lỗi').map((l) => /^Ô (D\d+)/.exec(l)?.[1]);
    expect(cells(again.out).sort()).toEqual([...CELLS].sort());

    const split = await cli('split', at('province-uncomputable.xlsx'), '--out', at('u-split'));
    expect(split.code).toBe(0);
    const file = readdirSync(at('u-split')).find((f) => f.startsWith('01 - '))!;
    const back = await cli('collect', PROVINCE, join(at('u-split'), file), '--out', at('u-split-collected.xlsx'));
    expect(findingsOf(back.out, file)).toMatch(/^7 lỗi/);
    for (const x of await valuesAt(at('u-split-collected.xlsx'))) expect(typeof x).not.toBe('number');
    expect(cells((await cli('validate', at('u-split-collected.xlsx'))).out).sort()).toEqual([...CELLS].sort());
  }, 90_000);
});
