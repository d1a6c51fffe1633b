/**
 * The add-on's import end to end: the real build/Code.js in a sandbox of fakes opens the real
 * build/import.html, whose script (the CLI's reader, bundled for the browser) reads agencies'
 * .xlsx files and sends their grids through google.script.run; the core's collect rules write
 * each accepted agency's tab in one batch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { consolidateWorkbook, generateTemplates } from '../../src/core/use-cases';
import { summaryJson } from '../../src/core/figures/consolidate';
import { writeFill } from '../../src/demo/sample';
import { Settings } from '../../src/core/settings';
import { agencyFilePlan } from '../../src/core/agency-files/split';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { fakeGas } from '../fakes/gas';
import { fakeHtmlServiceWithFiles, fakeScriptRun } from '../fakes/html';
import { NOW, catalog, gasWorkbook, province } from './setup';
import { periodOf } from '../../src/core/periods';
import { runContext } from '../../src/core/settings/run-context';

const BUILD = join(__dirname, '..', '..', 'build');
const CODE = readFileSync(join(BUILD, 'Code.js'), 'utf8');
const DIALOG = readFileSync(join(BUILD, 'import.html'), 'utf8');

type Fill = ReturnType<typeof province>['fills'][number];

async function agencyFile(settings: Settings, fill: Fill, tweak?: (s: Settings) => Settings, freeText?: string) {
  const s = tweak ? tweak(settings) : settings;
  const wb = XlsxWorkbook.create(() => NOW);
  wb.create(agencyFilePlan(catalog, s, fill.agency).plan);
  writeFill(wb, catalog, s, freeText ? { ...fill, freeText: { ...fill.freeText, highlights: freeText } } : fill);
  const buf = await wb.toBuffer();
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

function setUp() {
  const p = province({ provincial: 3, communes: 3, notSentShare: 0, mistakeShare: 0 });
  generateTemplates(p.wb, runContext(p.settings));
  const fake = p.fake;
  const globals = { ...fake.globals, HtmlService: fakeHtmlServiceWithFiles(fake.calls, { import: DIALOG }) };
  const server = vm.createContext({ ...globals, console: { log() {}, error() {}, warn() {} } });
  vm.runInContext(CODE, server, { filename: 'Code.js' });
  return { ...p, server };
}

/** Runs the dialog's real script with fake elements, picks files, clicks, awaits the server. */
async function useDialog(
  server: vm.Context,
  html: string,
  picked: { name: string; data: ArrayBuffer }[],
  newest = false,
) {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const { run, log } = fakeScriptRun(server as unknown as Record<string, unknown>);
  const browser = vm.createContext({
    document: { getElementById: (id: string) => els[id] },
    google: { script: { run } },
    TextDecoder,
    TextEncoder,
    DecompressionStream,
    CompressionStream,
    Blob,
    ReadableStream,
    WritableStream,
    TransformStream,
    Response,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    structuredClone,
    console,
  });
  // A browser's File.arrayBuffer() gives an ArrayBuffer of the page's own realm: copy into it.
  const inPage = (data: ArrayBuffer) =>
    (vm.runInContext('(bytes) => new Uint8Array(bytes).buffer', browser) as (b: Uint8Array) => ArrayBuffer)(
      new Uint8Array(data),
    );
  const els: Record<string, Record<string, unknown>> = {
    files: { files: picked.map((p) => ({ name: p.name, arrayBuffer: async () => inPage(p.data) })) },
    newest: { checked: newest },
    go: { disabled: false, addEventListener: (_: string, f: () => Promise<void>) => (els.go.click = f) },
    out: { innerHTML: '' },
  };
  vm.runInContext(script, browser, { filename: 'import.html' });
  await (els.go.click as () => Promise<void>)();
  await Promise.all(log.pending);
  return { out: String(els.out.innerHTML), log };
}

const tabValues = (fake: ReturnType<typeof fakeGas>, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, JSON.stringify(fake.ss.getSheetByName(n)!.getDataRange().getValues())]));

describe('Nhập tệp Excel của đơn vị', () => {
  it('opens the dialog from the menu, served from the project HTML file', () => {
    const { fake, server } = setUp();
    (server.menuImportAgencyFiles as () => void)();
    expect(fake.ui.dialogs).toHaveLength(1);
    expect(fake.ui.dialogs[0]).toContain('Chọn các tệp Excel');
    expect(fake.calls.of('HtmlService.createHtmlOutputFromFile')).toBe(1);
  });

  it('reads the files in the dialog, writes each accepted tab once, refuses the rest, touches no other tab', async () => {
    const { fake, server, settings, fills } = setUp();
    const names = settings.agencies.map((a) => a.sheet);
    const files = [
      { name: 'a.xlsx', data: await agencyFile(settings, fills[0]) },
      { name: 'b.xlsx', data: await agencyFile(settings, fills[3]) },
      {
        name: 'khac-ky.xlsx',
        data: await agencyFile(settings, fills[1], (s) => ({ ...s, period: periodOf('Q4', s.period.year) })),
      },
      { name: 'trung.xlsx', data: await agencyFile(settings, fills[4]) },
      { name: 'trung-2.xlsx', data: await agencyFile(settings, fills[4]) },
      { name: 'ghi-chu.xlsx', data: new TextEncoder().encode('không phải excel').buffer as ArrayBuffer },
    ];
    const before = tabValues(fake, names);
    fake.calls.reset();
    const { out, log } = await useDialog(server, DIALOG, files);
    expect(log.calls.map((c) => c.fn)).toEqual(['importAgencyGrids']);
    expect(out).toContain('Đã nhận 2/6 tệp, từ chối 4');
    expect(out).toMatch(/khac-ky\.xlsx<\/td>.*Từ chối: biểu mẫu quý IV năm 2026/);
    expect(out).toMatch(/trung\.xlsx<\/td>.*trùng đơn vị.*&quot;trung-2\.xlsx&quot;/);
    // Worded as validate and collect word a text file named .xlsx.
    expect(out).toMatch(/ghi-chu\.xlsx<\/td>.*Từ chối: &quot;ghi-chu\.xlsx&quot; là tệp văn bản \(có thể là CSV\)/);
    // One write per accepted tab, and nothing else written.
    expect(fake.calls.of('Range.setValues')).toBe(2);
    const after = tabValues(fake, names);
    const changed = names.filter((n) => before[n] !== after[n]);
    expect(changed).toEqual([fills[0].agency.sheet, fills[3].agency.sheet]);

    // The consolidation equals typing the same figures into the tabs directly.
    const direct = province({ provincial: 3, communes: 3, notSentShare: 0, mistakeShare: 0 });
    generateTemplates(direct.wb, runContext(direct.settings));
    for (const i of [0, 3]) writeFill(direct.wb, catalog, direct.settings, direct.fills[i]);
    const viaImport = summaryJson(consolidateWorkbook(gasWorkbook(fake).wb, runContext(settings)));
    expect(viaImport).toEqual(summaryJson(consolidateWorkbook(direct.wb, runContext(direct.settings))));
  });

  it('costs the same service calls per tab whatever the file holds', async () => {
    const counts: Record<string, number>[] = [];
    for (const variant of [
      { n: 1, text: undefined },
      { n: 1, text: 'Nội dung dài. '.repeat(3000) },
      { n: 3, text: undefined },
    ]) {
      const { fake, server, settings, fills } = setUp();
      const files = [];
      for (let i = 0; i < variant.n; i++)
        files.push({ name: `${i}.xlsx`, data: await agencyFile(settings, fills[i], undefined, variant.text) });
      fake.calls.reset();
      const { out } = await useDialog(server, DIALOG, files);
      expect(out).toContain(`Đã nhận ${variant.n}/${variant.n} tệp`);
      counts.push(fake.calls.byMethod());
    }
    const [small, large, three] = counts;
    expect(large).toEqual(small);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(three['Range.setValues']).toBe(3);
    // Three tabs cost the fixed overhead plus three times one tab's calls.
    const perTab = (total(three) - total(small)) / 2;
    // One tab: find it, one read of values and formats, its merged ranges, one range, one setValues.
    expect(perTab).toBe(7);
    // The rest is per run, not per file: settings read, permission check, lock, time zone and date.
    expect(total(small) - perTab).toBeLessThanOrEqual(18);
  });

  it('refuses a Date in the payload as Google does, so the dialog sends dates as text', async () => {
    const { server } = setUp();
    const { run, log } = fakeScriptRun(server as unknown as Record<string, unknown>);
    let failure = '';
    (run as { withFailureHandler(f: (e: { message: string }) => void): { importAgencyGrids(x: unknown): void } })
      .withFailureHandler((e) => (failure = e.message))
      .importAgencyGrids({ files: [{ name: 'x', sheets: [{ name: 's', values: [[new Date()]], formats: [['']] }] }] });
    await Promise.all(log.pending);
    expect(failure).toContain('Date');
  });
});
