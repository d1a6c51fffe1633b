/**
 * Memory and speed of the CLI's reading paths, each the built CLI (dist/cli.js) in a process of
 * its own (peak RSS is per process), beside a bare streaming read of the same files: excelts'
 * WorkbookReader walking every row, as openpyxl's read_only mode does, in a process that loads
 * nothing else. Scenarios: validate of one N-agency workbook, collect
 * of N agency files, and the hostile inputs (zip bomb, /dev/zero) that must be refused at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTemplates } from '../src/core/use-cases';
import { catalogFor } from '../src/core/catalog/versions';
import { sampleProvince, writeFill } from '../src/demo/sample';
import { settingsPlan } from '../src/core/settings';
import { agencyFilePlan } from '../src/core/agency-files/split';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { writeHostileFiles } from '../scripts/hostile-files';
import { runContext } from '../src/core/settings/run-context';

const NOW = new Date('2026-09-25T03:00:00Z');
const PROVINCIAL = 20;

export interface Measured {
  readonly scenario: string;
  readonly seconds: number;
  readonly peakMb: number;
  readonly exit: number;
}

/**
 * Prints the process's peak RSS when it exits, whatever the program: loaded with `node --require`
 * before the CLI (or the bare read), so each is measured as a user runs it. Linux's VmHWM (the
 * peak of this program's own memory), not getrusage's maxRSS: a spawned process's maxRSS starts
 * at its parent's size at fork (the bench itself, about 100 MB), which would floor every figure.
 */
const PEAK_REPORTER = `
const { readFileSync } = require('node:fs');
function peakMb() {
  try {
    const m = /VmHWM:\\s*(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}
process.on('exit', (code) => process.stderr.write('\\nCCHC_PEAK ' + JSON.stringify({ peakMb: peakMb(), exit: code }) + '\\n'));
`;

/** The bare streaming read: excelts' WorkbookReader walking every row of every file, nothing else loaded. */
const BARE_READ = (excelts: string) => `
const { WorkbookReader } = require(${JSON.stringify(excelts)});
(async () => {
  let cells = 0;
  for (const p of process.argv.slice(2)) {
    const reader = new WorkbookReader(p, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
    for await (const ws of reader) for await (const row of ws) cells += row.cellCount ?? 1;
  }
  process.exitCode = cells ? 0 : 3;
})();
`;

function measure(label: string, reporter: string, args: readonly string[]): Measured {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', reporter, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const line = /CCHC_PEAK (.*)/.exec(r.stderr ?? '')?.[1];
  if (!line)
    return {
      scenario: `${label} (failed: ${(r.stderr || r.error?.message || '').slice(0, 200)})`,
      seconds: NaN,
      peakMb: NaN,
      exit: -1,
    };
  const m = JSON.parse(line) as { peakMb: number; exit: number };
  return { scenario: label, seconds, ...m };
}

/** The inputs of the memory scenarios: a blank and a filled N-agency workbook, N agency files, hostile files. */
export async function writeMemoryInputs(dir: string, n: number): Promise<{ files: string[] }> {
  const communes = n - Math.min(PROVINCIAL, n);
  const { settings, fills } = sampleProvince({ provincial: Math.min(PROVINCIAL, n), communes });
  const catalog = catalogFor(settings);
  const blank = XlsxWorkbook.create(() => NOW);
  blank.create(settingsPlan(settings));
  generateTemplates(blank, runContext(settings));
  writeFileSync(join(dir, 'province.xlsx'), await blank.toBuffer());
  for (const f of fills) writeFill(blank, catalog, settings, f);
  writeFileSync(join(dir, 'filled.xlsx'), await blank.toBuffer());
  mkdirSync(join(dir, 'files'));
  for (const f of fills) {
    const one = XlsxWorkbook.create(() => NOW);
    const plan = agencyFilePlan(catalog, settings, f.agency);
    one.create(plan.plan);
    writeFill(one, catalog, settings, f);
    writeFileSync(join(dir, 'files', plan.fileName), await one.toBuffer());
  }
  await writeHostileFiles(join(dir, 'hostile'));
  symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
  return { files: readdirSync(join(dir, 'files')).map((f) => join(dir, 'files', f)) };
}

/** Writes the inputs (not timed), then measures every scenario in its own process: the CLI as users run it. */
export async function memoryBench(cliJs: string, n: number): Promise<Measured[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const { files } = await writeMemoryInputs(dir, n);
    const out = join(dir, 'collected.xlsx');
    const reporter = join(dir, 'peak.js');
    writeFileSync(reporter, PEAK_REPORTER);
    const bare = join(dir, 'bare-read.js');
    writeFileSync(bare, BARE_READ(require.resolve('@cj-tech-master/excelts')));
    const cli = (...args: string[]) => [cliJs, ...args];
    const validate = (label: string, file: string) => measure(label, reporter, cli('validate', file, '--quiet'));
    return [
      measure(`bare streaming read, ${n}-agency workbook`, reporter, [bare, join(dir, 'filled.xlsx')]),
      validate(`validate, ${n}-agency workbook`, join(dir, 'filled.xlsx')),
      measure(`bare streaming read, ${n} agency files`, reporter, [bare, ...files]),
      measure(
        `collect, ${n} agency files`,
        reporter,
        cli('collect', join(dir, 'province.xlsx'), join(dir, 'files'), '--out', out, '--force'),
      ),
      validate('validate, zip bomb (400 MB declared)', join(dir, 'hostile', 'bom.xlsx')),
      validate('validate, 4 × 495 MB parts', join(dir, 'hostile', 'bon-phan.xlsx')),
      validate('validate, lying zip (sizes understated)', join(dir, 'hostile', 'gia.xlsx')),
      validate('validate, 20 MB sheet (450,000 rows)', join(dir, 'hostile', 'dai.xlsx')),
      validate('validate, symlink to /dev/zero', join(dir, 'zero.xlsx')),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printMemory(rows: readonly Measured[]): void {
  console.log('\nReading paths, each in its own process (wall time, peak RSS), beside a bare streaming read:');
  for (const r of rows)
    console.log(
      `  ${r.scenario.padEnd(44)} ${r.seconds.toFixed(2).padStart(7)} s ${r.peakMb.toFixed(0).padStart(6)} MB  exit ${r.exit}`,
    );
  const ratio = (a: string, b: string) => {
    const x = rows.find((r) => r.scenario.startsWith(a));
    const y = rows.find((r) => r.scenario.startsWith(b));
    return x && y ? `${(x.seconds / y.seconds).toFixed(2)}× time, ${(x.peakMb / y.peakMb).toFixed(2)}× memory` : '';
  };
  console.log(`  validate vs bare read: ${ratio('validate, ', 'bare streaming read, ')}`);
  const files = rows.filter((r) => r.scenario.includes('agency files'));
  if (files.length === 2)
    console.log(
      `  collect vs bare read: ${(files[1].seconds / files[0].seconds).toFixed(2)}× time, ${(files[1].peakMb / files[0].peakMb).toFixed(2)}× memory`,
    );
}
