/**
 * Memory and speed of the CLI's reading paths, each in a process of its own (peak RSS is per
 * process), beside a bare streaming read of the same files: excelts' WorkbookReader walking every
 * row, as openpyxl's read_only mode does. Scenarios: validate of one N-agency workbook, collect
 * of N agency files, and the hostile inputs (zip bomb, /dev/zero) that must be refused at once.
 */
import { WorkbookReader } from '@cj-tech-master/excelts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTemplates } from '../src/core/use-cases';
import { catalogFor } from '../src/core/catalog/versions';
import { sampleProvince, writeFill } from '../src/demo/sample';
import { settingsPlan } from '../src/core/settings';
import { agencyFilePlan } from '../src/core/agency-files/split';
import { collect } from '../src/cli/collect';
import { Io, validate } from '../src/cli/commands';
import { failureOf } from '../src/cli/errors';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { xlsxSelfCheck } from '../src/local/self-check';
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

/** In the child: runs one scenario and prints its wall time and the process's peak RSS. */
export async function child(args: readonly string[]): Promise<void> {
  const [scenario, ...paths] = args;
  xlsxSelfCheck.enabled = false; // as the CLI runs (src/cli/main.ts)
  const io = { out: () => {}, clock: () => NOW, cwd: '/' };
  const t0 = Date.now();
  let exit: number;
  try {
    exit = await run(scenario, paths, io);
  } catch (e) {
    exit = failureOf(e).exitCode; // a refusal, as the CLI would print it
  }
  const seconds = (Date.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, exit }));
}

async function run(scenario: string | undefined, paths: string[], io: Io): Promise<number> {
  let exit = 0;
  if (scenario === 'bare-read') {
    let cells = 0;
    for (const p of paths) {
      const reader = new WorkbookReader(p, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'ignore',
      });
      for await (const ws of reader)
        for await (const row of ws) cells += (row as { cellCount?: number }).cellCount ?? 1;
    }
    if (!cells) exit = 3;
  } else if (scenario === 'validate') {
    exit = await validate(io, { file: paths[0], quiet: true });
  } else if (scenario === 'collect') {
    const [province, out, ...files] = paths;
    exit = await collect(io, { file: province, inputs: files, out, force: true });
  } else throw new Error(`unknown scenario ${scenario}`);
  return exit;
}

function measure(self: string, scenario: string, label: string, paths: readonly string[]): Measured {
  const r = spawnSync(process.execPath, [self, '--child', scenario, ...paths], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 120_000,
  });
  try {
    const m = JSON.parse(r.stdout) as { seconds: number; peakMb: number; exit: number };
    return { scenario: label, ...m };
  } catch {
    return {
      scenario: `${label} (failed: ${(r.stderr || r.error?.message || '').slice(0, 200)})`,
      seconds: NaN,
      peakMb: NaN,
      exit: -1,
    };
  }
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

/** Writes the inputs (not timed), then measures every scenario in its own process. */
export async function memoryBench(self: string, n: number): Promise<Measured[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const { files } = await writeMemoryInputs(dir, n);
    const out = join(dir, 'collected.xlsx');
    return [
      measure(self, 'bare-read', `bare streaming read, ${n}-agency workbook`, [join(dir, 'filled.xlsx')]),
      measure(self, 'validate', `validate, ${n}-agency workbook`, [join(dir, 'filled.xlsx')]),
      measure(self, 'bare-read', `bare streaming read, ${n} agency files`, files),
      measure(self, 'collect', `collect, ${n} agency files`, [join(dir, 'province.xlsx'), out, ...files]),
      measure(self, 'validate', 'validate, zip bomb (400 MB declared)', [join(dir, 'hostile', 'bom.xlsx')]),
      measure(self, 'validate', 'validate, 4 × 495 MB parts', [join(dir, 'hostile', 'bon-phan.xlsx')]),
      measure(self, 'validate', 'validate, lying zip (sizes understated)', [join(dir, 'hostile', 'gia.xlsx')]),
      measure(self, 'validate', 'validate, 20 MB sheet (450,000 rows)', [join(dir, 'hostile', 'dai.xlsx')]),
      measure(self, 'validate', 'validate, symlink to /dev/zero', [join(dir, 'zero.xlsx')]),
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
