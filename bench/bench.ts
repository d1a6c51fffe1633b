/**
 * `npm run bench -- [--agencies 190] [--json <file>] [--latency <model.json>]`
 * Runs template, validate-all, consolidate and report through the Apps Script adapter against the
 * call-counting fake, and through the CLI's .xlsx path; prints calls, modeled Apps Script seconds,
 * core CPU time, peak memory and the bundle size; then (bench/memory.ts) validate and collect,
 * each in its own process, beside a bare streaming read of the same files, and the hostile inputs.
 * `--memory-only` runs just that part.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { consolidateWorkbook, generateTemplates, validateAll, draftReport, collectFiles } from '../src/core/use-cases';
import { catalogFor } from '../src/core/catalog/versions';
import { isoDate } from '../src/core/primitives/dates';
import { sampleProvince, writeFill } from '../src/demo/sample';
import { settingsPlan } from '../src/core/settings';
import { DocsWriter } from '../src/gas/docs';
import { GasWorkbook } from '../src/gas/sheets';
import { renderDocx } from '../src/local/docx-writer';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { Calls, FakeDocument, fakeDocumentApp, fakeGas } from '../tests/fakes/gas';
import { DEFAULT_MODEL, LatencyRule, modelSeconds } from './latency';
import { toWire } from '../src/core/agency-files/wire';
import { agencyFilePlan } from '../src/core/agency-files/split';
import { guardedGrids } from '../src/local/xlsx-guard';
import { Measured, memoryBench, printMemory } from './memory';
import { runContext } from '../src/core/settings/run-context';

const NOW = new Date('2026-09-25T03:00:00Z');
const PROVINCIAL = 20;
const TODAY = isoDate(2026, 10, 5);

interface Row {
  readonly agencies: number;
  readonly action: string;
  readonly calls: number;
  readonly perTab: number;
  readonly reads: number;
  readonly modeledSeconds: number;
  readonly cpuMs: number;
  readonly top: string;
  readonly byMethod: Record<string, number>;
}

function gas(fake = fakeGas({ now: () => NOW })) {
  const g = fake.globals;
  return new GasWorkbook(
    fake.ss as never,
    g.SpreadsheetApp as never,
    g.PropertiesService.getDocumentProperties() as never,
    g.Utilities as never,
    () => NOW,
  );
}

/** Cells a plan moves are roughly rows × 5 columns per tab; counted from the fake's sheets. */
function cellsOf(fake: ReturnType<typeof fakeGas>): number {
  return fake.ss.sheets.reduce((n, s) => n + s.cells.size, 0);
}

function measure(
  agencies: number,
  action: string,
  calls: Calls,
  cells: number,
  cpuMs: number,
  model: readonly LatencyRule[],
): Row {
  const byMethod = calls.byMethod();
  const top = Object.entries(byMethod)
    .slice(0, 3)
    .map(([k, v]) => `${k}×${v}`)
    .join(', ');
  return {
    agencies,
    action,
    calls: calls.total(),
    perTab: calls.total() / agencies,
    reads: calls.reads(),
    modeledSeconds: modelSeconds(byMethod, cells, model),
    cpuMs,
    top,
    byMethod,
  };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(t);
  return { value, ms: (d.user + d.system) / 1000 };
}

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

function appsScript(n: number, model: readonly LatencyRule[]): Row[] {
  const communes = n - Math.min(PROVINCIAL, n);
  const { settings, fills } = sampleProvince({ provincial: Math.min(PROVINCIAL, n), communes });
  const catalog = catalogFor(settings);
  const fake = fakeGas({ now: () => NOW });
  const setup = gas(fake);
  setup.create(settingsPlan(settings));
  const rows: Row[] = [];

  fake.calls.reset();
  const t1 = timed(() => generateTemplates(gas(fake), runContext(settings)));
  rows.push(measure(n, 'template', fake.calls, cellsOf(fake), t1.ms, model));
  sample();

  const filler = gas(fake);
  for (const f of fills) writeFill(filler, catalog, settings, f);
  fake.calls.reset();
  const t2 = timed(() => validateAll(gas(fake), runContext(settings)));
  rows.push(measure(n, 'validate-all', fake.calls, n * 2 * 150 * 5, t2.ms, model));
  sample();

  fake.calls.reset();
  const t3 = timed(() => consolidateWorkbook(gas(fake), runContext(settings)));
  rows.push(measure(n, 'consolidate', fake.calls, n * 2 * 150 * 5 + 150 * (n + 4), t3.ms, model));
  sample();

  fake.calls.reset();
  const docCalls = new Calls();
  const docs: FakeDocument[] = [];
  const t4 = timed(() => {
    const draft = draftReport(gas(fake), runContext(settings), { today: TODAY });
    if (!draft.ok) throw new Error(draft.problem);
    new DocsWriter(fakeDocumentApp(docCalls, docs) as never).write(draft.model);
  });
  rows.push(measure(n, 'report', merged(fake.calls, docCalls), n * 2 * 150 * 5, t4.ms, model));
  sample();

  // One agency's own report reads its tab only: its cost must not depend on the province's size.
  fake.calls.reset();
  const agencyDocCalls = new Calls();
  const t5 = timed(() => {
    const draft = draftReport(gas(fake), runContext(settings), { today: TODAY, agency: settings.agencies[0] });
    if (!draft.ok) throw new Error(draft.problem);
    new DocsWriter(fakeDocumentApp(agencyDocCalls, docs) as never).write(draft.model);
  });
  rows.push(measure(n, 'agency-report', merged(fake.calls, agencyDocCalls), 150 * 5, t5.ms, model));
  sample();
  return rows;
}

function merged(...sources: Calls[]): Calls {
  const out = new Calls();
  for (const c of sources) for (const [k, v] of Object.entries(c.byMethod())) for (let i = 0; i < v; i++) out.hit(k);
  return out;
}

async function offline(n: number): Promise<{ agencies: number; seconds: number }> {
  const started = Date.now();
  const communes = n - Math.min(PROVINCIAL, n);
  const { settings, fills } = sampleProvince({ provincial: Math.min(PROVINCIAL, n), communes });
  const catalog = catalogFor(settings);
  const wb = XlsxWorkbook.create(() => NOW);
  wb.create(settingsPlan(settings));
  generateTemplates(wb, runContext(settings));
  for (const f of fills) writeFill(wb, catalog, settings, f);
  const file = await XlsxWorkbook.fromBuffer(await wb.toBuffer(), () => NOW);
  const summary = consolidateWorkbook(file, runContext(settings));
  await file.toBuffer();
  const draft = draftReport(file, runContext(settings), { today: TODAY, summary });
  if (!draft.ok) throw new Error(draft.problem);
  await renderDocx(draft.model);
  sample();
  return { agencies: n, seconds: (Date.now() - started) / 1000 };
}

interface CollectBench {
  readonly agencies: number;
  readonly files: number;
  readonly fileKb: number;
  readonly readSeconds: number;
  readonly collectSeconds: number;
  readonly loadSeconds: number;
  readonly rulesSeconds: number;
  readonly writeSeconds: number;
  readonly rssMb: number;
  readonly gasCalls: number;
  readonly wireKb: number;
  readonly gasModeledSeconds: number;
}

/**
 * "collect 190 agency files": each agency's split file filled (not timed), then timed: read every
 * file with the shared reader, apply the collect rules, write the new province workbook. The same
 * grids then go through the Apps Script adapter against the fake (the add-on's import).
 */
async function collectBench(n: number, model: readonly LatencyRule[]): Promise<CollectBench> {
  const communes = n - Math.min(PROVINCIAL, n);
  const { settings, fills } = sampleProvince({ provincial: Math.min(PROVINCIAL, n), communes });
  const catalog = catalogFor(settings);
  const province = XlsxWorkbook.create(() => NOW);
  province.create(settingsPlan(settings));
  generateTemplates(province, runContext(settings));
  const provinceBytes = await province.toBuffer();
  const files: { name: string; data: Buffer }[] = [];
  for (const f of fills) {
    const one = XlsxWorkbook.create(() => NOW);
    const plan = agencyFilePlan(catalog, settings, f.agency);
    one.create(plan.plan);
    writeFill(one, catalog, settings, f);
    files.push({ name: plan.fileName, data: await one.toBuffer() });
  }
  const t0 = Date.now();
  const grids = [];
  for (const f of files) {
    grids.push(await guardedGrids(f.name, f.data));
    sample();
  }
  const t1 = Date.now();
  const wb = await XlsxWorkbook.fromBuffer(provinceBytes, () => NOW);
  const tLoad = Date.now();
  const out = collectFiles(wb, runContext(settings), grids, { today: wb.today() });
  const tRules = Date.now();
  await wb.toBuffer();
  sample();
  const t2 = Date.now();
  if (out.written.length !== n) throw new Error(`collect bench: ${out.written.length}/${n} files accepted`);

  const fake = fakeGas({ now: () => NOW });
  const g = gas(fake);
  g.create(settingsPlan(settings));
  generateTemplates(g, runContext(settings));
  fake.calls.reset();
  collectFiles(gas(fake), runContext(settings), grids, { today: isoDate(2026, 9, 25) });
  sample();
  return {
    agencies: n,
    files: files.length,
    fileKb: files.reduce((k, f) => k + f.data.length, 0) / files.length / 1024,
    readSeconds: (t1 - t0) / 1000,
    collectSeconds: (t2 - t1) / 1000,
    loadSeconds: (tLoad - t1) / 1000,
    rulesSeconds: (tRules - tLoad) / 1000,
    writeSeconds: (t2 - tRules) / 1000,
    rssMb: peak / 1024 / 1024,
    gasCalls: fake.calls.total(),
    wireKb: toWire(grids).length / 1024,
    gasModeledSeconds: modelSeconds(fake.calls.byMethod(), n * 150 * 5 * 2, model),
  };
}

interface StartupBench {
  readonly evalMs: number;
  readonly onEdit: { readonly ms: number; readonly calls: number; readonly byMethod: Record<string, number> } | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Apps Script parses and evaluates the whole bundle before every execution, onEdit included (it runs
 * on every edit of every user). Measures, in a fresh vm context holding only the fakes: evaluating
 * build/Code.js, then one onEdit for an edit that is not a status change (a figure typed on an
 * agency tab), if the bundle defines onEdit. Median of `runs`.
 */
function startup(bundlePath: string, runs = 15): StartupBench {
  const code = readFileSync(bundlePath, 'utf8');
  const script = new vm.Script(code, { filename: 'Code.js' });
  const quiet = { log() {}, error() {}, warn() {} };
  const evals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = vm.createContext({ ...fakeGas({ now: () => NOW }).globals, console: quiet });
    const t = performance.now();
    script.runInContext(ctx);
    evals.push(performance.now() - t);
  }
  const fake = fakeGas({ now: () => NOW });
  const ctx = vm.createContext({ ...fake.globals, console: quiet });
  script.runInContext(ctx);
  if (typeof ctx.onEdit !== 'function') return { evalMs: median(evals), onEdit: null };
  const call = (fn: string, ...args: unknown[]) => (ctx[fn] as (...a: unknown[]) => unknown)(...args);
  call('menuSetupSettings');
  call('menuGenerateTemplates');
  const tab = fake.ss.sheets[fake.ss.sheets.length - 1];
  const range = tab.getRange(20, 4);
  const event = { authMode: 'LIMITED', source: fake.ss, range, value: '12', oldValue: '10', user: {} };
  fake.calls.reset();
  const edits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    call('onEdit', event);
    edits.push(performance.now() - t);
  }
  const byMethod = fake.calls.byMethod();
  return { evalMs: median(evals), onEdit: { ms: median(edits), calls: fake.calls.total() / runs, byMethod } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agencies: { type: 'string' },
      json: { type: 'string' },
      latency: { type: 'string' },
      'memory-only': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const largest = values.agencies ? Math.max(...values.agencies.split(',').map(Number)) : 190;
  if (values['memory-only']) return printMemory(await memoryBench(join(__dirname, 'cli.js'), largest));
  const counts = values.agencies ? values.agencies.split(',').map(Number) : [10, 50, 190];
  const model = values.latency ? (JSON.parse(readFileSync(values.latency, 'utf8')) as LatencyRule[]) : DEFAULT_MODEL;
  const rows: Row[] = [];
  const cli: { agencies: number; seconds: number }[] = [];
  const collected: CollectBench[] = [];
  for (const n of counts) {
    rows.push(...appsScript(n, model));
    cli.push(await offline(n));
    collected.push(await collectBench(n, model));
  }
  const memory: Measured[] = await memoryBench(join(__dirname, 'cli.js'), largest);
  const bundle = join(__dirname, '..', 'build', 'Code.js');
  const bundleKb = existsSync(bundle) ? statSync(bundle).size / 1024 : NaN;

  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log('Apps Script adapter against the call-counting fake (modeled seconds from bench/latency.ts)\n');
  console.log(
    `${'agencies'.padEnd(9)}${'action'.padEnd(14)}${pad('calls', 7)}${pad('per tab', 9)}${pad('reads', 7)}${pad('model s', 9)}${pad('CPU ms', 8)}  busiest calls`,
  );
  for (const r of rows) {
    console.log(
      `${String(r.agencies).padEnd(9)}${r.action.padEnd(14)}${pad(r.calls, 7)}${pad(r.perTab.toFixed(1), 9)}${pad(r.reads, 7)}${pad(r.modeledSeconds.toFixed(1), 9)}${pad(r.cpuMs.toFixed(0), 8)}  ${r.top}`,
    );
  }
  console.log(
    '\nCLI on .xlsx (template, fill, save, reload, validate, consolidate, write .xlsx and .docx), wall time:',
  );
  for (const c of cli) console.log(`  ${pad(c.agencies, 4)} agencies: ${c.seconds.toFixed(1)} s`);
  console.log(
    '\ncollect N agency files (read each .xlsx with the shared reader; collect; write the new workbook), wall time:',
  );
  for (const c of collected)
    console.log(
      `  ${pad(c.agencies, 4)} files (${c.fileKb.toFixed(0)} KB each): read ${c.readSeconds.toFixed(1)} s, then ${c.collectSeconds.toFixed(1)} s (load province ${c.loadSeconds.toFixed(1)}, rules + tab writes ${c.rulesSeconds.toFixed(1)}, save ${c.writeSeconds.toFixed(1)}), RSS so far ${c.rssMb.toFixed(0)} MB; add-on import: ${(c.wireKb / 1024).toFixed(1)} MB sent by the dialog, ${c.gasCalls} calls, ~${c.gasModeledSeconds.toFixed(1)} s modeled`,
    );
  const dialog = join(__dirname, '..', 'build', 'import.html');
  if (existsSync(dialog))
    console.log(`Import dialog build/import.html: ${(statSync(dialog).size / 1024).toFixed(1)} KB`);
  printMemory(memory);
  console.log(
    `\nPeak memory (RSS) of this process: ${(peak / 1024 / 1024).toFixed(0)} MB; bundle build/Code.js: ${bundleKb.toFixed(1)} KB`,
  );
  const start = existsSync(bundle) ? startup(bundle) : null;
  if (start) {
    console.log(
      `Evaluating build/Code.js in a fresh vm context (every Apps Script execution): ${start.evalMs.toFixed(1)} ms`,
    );
    console.log(
      start.onEdit
        ? `onEdit, an edit that is not a status change: ${start.onEdit.ms.toFixed(2)} ms, ${start.onEdit.calls} service calls per edit`
        : 'onEdit: not defined in build/Code.js (not measured)',
    );
  }
  if (values.json)
    writeFileSync(
      values.json,
      JSON.stringify(
        { rows, cli, collected, memory, peakRssMb: peak / 1024 / 1024, bundleKb, startup: start, model },
        null,
        2,
      ),
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
