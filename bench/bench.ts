/**
 * `npm run bench -- [--agencies 190] [--json <file>] [--latency <model.json>]`
 * Runs template, validate-all, consolidate and report through the Apps Script adapter against the
 * call-counting fake, and through the CLI's .xlsx path; prints calls, modeled Apps Script seconds,
 * core CPU time, peak memory and the bundle size.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { consolidateWorkbook, generateTemplates, validateAll } from '../src/core/app';
import { catalogFor } from '../src/core/catalog/versions';
import { isoDate } from '../src/core/dates';
import { draftReport } from '../src/core/draft';
import { sampleProvince, writeFill } from '../src/core/sample';
import { settingsPlan } from '../src/core/settings';
import { DocsWriter } from '../src/gas/docs';
import { GasWorkbook } from '../src/gas/sheets';
import { renderDocx } from '../src/local/docx-writer';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { Calls, FakeDocument, fakeDocumentApp, fakeGas } from '../tests/fakes/gas';
import { DEFAULT_MODEL, LatencyRule, modelSeconds } from './latency';

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
  const t1 = timed(() => generateTemplates(gas(fake), catalog, settings));
  rows.push(measure(n, 'template', fake.calls, cellsOf(fake), t1.ms, model));
  sample();

  const filler = gas(fake);
  for (const f of fills) writeFill(filler, catalog, settings, f);
  fake.calls.reset();
  const t2 = timed(() => validateAll(gas(fake), catalog, settings));
  rows.push(measure(n, 'validate-all', fake.calls, n * 2 * 150 * 5, t2.ms, model));
  sample();

  fake.calls.reset();
  const t3 = timed(() => consolidateWorkbook(gas(fake), catalog, settings));
  rows.push(measure(n, 'consolidate', fake.calls, n * 2 * 150 * 5 + 150 * (n + 4), t3.ms, model));
  sample();

  fake.calls.reset();
  const docCalls = new Calls();
  const docs: FakeDocument[] = [];
  const t4 = timed(() => {
    const draft = draftReport(gas(fake), catalog, settings, { today: TODAY });
    if (!draft.ok) throw new Error(draft.problem);
    new DocsWriter(fakeDocumentApp(docCalls, docs) as never).write(draft.model);
  });
  rows.push(measure(n, 'report', merged(fake.calls, docCalls), n * 2 * 150 * 5, t4.ms, model));
  sample();

  // One agency's own report reads its tab only: its cost must not depend on the province's size.
  fake.calls.reset();
  const agencyDocCalls = new Calls();
  const t5 = timed(() => {
    const draft = draftReport(gas(fake), catalog, settings, { today: TODAY, agency: settings.agencies[0] });
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
  generateTemplates(wb, catalog, settings);
  for (const f of fills) writeFill(wb, catalog, settings, f);
  const file = await XlsxWorkbook.fromBuffer(await wb.toBuffer(), () => NOW);
  const summary = consolidateWorkbook(file, catalog, settings);
  await file.toBuffer();
  const draft = draftReport(file, catalog, settings, { today: TODAY, summary });
  if (!draft.ok) throw new Error(draft.problem);
  await renderDocx(draft.model);
  sample();
  return { agencies: n, seconds: (Date.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { agencies: { type: 'string' }, json: { type: 'string' }, latency: { type: 'string' } },
  });
  const counts = values.agencies ? values.agencies.split(',').map(Number) : [10, 50, 190];
  const model = values.latency ? (JSON.parse(readFileSync(values.latency, 'utf8')) as LatencyRule[]) : DEFAULT_MODEL;
  const rows: Row[] = [];
  const cli: { agencies: number; seconds: number }[] = [];
  for (const n of counts) {
    rows.push(...appsScript(n, model));
    cli.push(await offline(n));
  }
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
    `\nPeak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MB; bundle build/Code.js: ${bundleKb.toFixed(1)} KB`,
  );
  if (values.json)
    writeFileSync(values.json, JSON.stringify({ rows, cli, peakRssMb: peak / 1024 / 1024, bundleKb, model }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
