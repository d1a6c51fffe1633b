/**
 * No run races past --force: two runs to one new path leave one winner and one refusal; a run's
 * .xlsx and .json appear together or not at all, also after a kill; a killed run's temporary
 * files are removed, a live run's never; demo follows the same rules as every command.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeOutputs } from '../../src/cli/files';
import { cliWith, scratch } from './helpers';
import { CLI_JS } from '../paths';

const { at } = scratch('cchc-race-');
const cli = cliWith(() => new Date(2026, 9, 5, 9, 30));
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A pid no process has any more: a child that already exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
  );
}

beforeAll(async () => {
  expect((await cli('sample', '--out', at('p.xlsx'), '--communes', '3', '--provincial', '3')).code).toBe(0);
}, 60_000);

describe('outputs created exclusively', () => {
  it('two consolidate runs to one new --out: one writes, the other is refused and changes nothing', async () => {
    const runs = await Promise.all([
      cli('consolidate', at('p.xlsx'), '--out', at('race.xlsx'), '--json', at('race.json')),
      cli('consolidate', at('p.xlsx'), '--out', at('race.xlsx'), '--json', at('race.json')),
    ]);
    const codes = runs.map((r) => r.code).sort();
    expect(codes[1]).toBe(2);
    expect(codes[0]).toBeLessThan(2);
    const loser = runs.find((r) => r.code === 2)!;
    expect(loser.out).toMatch(/Đã có tệp|Một lần chạy khác đang ghi/);
    expect(existsSync(at('race.xlsx')) && existsSync(at('race.json'))).toBe(true);
    expect(readdirSync(at('.')).filter((n) => /\.tmp$|cchc-lock$/.test(n))).toEqual([]);
  });

  it('two writers to one new path: exactly one succeeds, the file is wholly one of theirs', async () => {
    const target = at('two.json');
    const outcomes = await Promise.allSettled(
      ['A', 'B'].map((tag) =>
        writeOutputs([{ shown: 'two.json', path: target, data: async () => `{"run":"${tag}"}` }], [], { force: false }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason.code)).toMatch(/^(exists|run-in-progress)$/);
    expect(readFileSync(target, 'utf8')).toMatch(/^\{"run":"[AB]"\}$/);
  });

  it('two CLI processes started together to one new --out: one winner, one refusal', async () => {
    const built = CLI_JS; // npm test builds before jest
    expect(existsSync(built)).toBe(true);
    const run = () =>
      new Promise<{ code: number; out: string }>((done) => {
        const child = spawn(
          process.execPath,
          [built, 'consolidate', at('p.xlsx'), '--out', at('proc.xlsx'), '--json', at('proc.json')],
          { env: { ...process.env, INIT_CWD: at('.') } },
        );
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => done({ code: code ?? -1, out }));
      });
    const results = await Promise.all([run(), run()]);
    const codes = results.map((r) => r.code).sort();
    expect(codes[0]).toBeLessThan(2);
    expect(codes[1]).toBe(2);
    expect(results.find((r) => r.code === 2)!.out).toMatch(/Đã có tệp|Một lần chạy khác đang ghi/);
    expect(readdirSync(at('.')).filter((n) => n.startsWith('.proc.'))).toEqual([]);
  }, 60_000);

  it("a live run's lock refuses at once, naming the lock; --force does not pass it either", async () => {
    writeFileSync(at('.busy.xlsx.cchc-lock'), JSON.stringify({ pid: process.pid, moves: [] }));
    for (const extra of [[], ['--force']]) {
      const r = await cli('consolidate', at('p.xlsx'), '--out', at('busy.xlsx'), ...extra);
      expect(r.code).toBe(2);
      expect(r.out).toContain('Một lần chạy khác đang ghi');
      expect(r.out).toContain('.busy.xlsx.cchc-lock');
    }
    expect(existsSync(at('busy.xlsx'))).toBe(false);
  });

  it('a run killed between its .xlsx and its .json: the next run to that path completes the pair', async () => {
    // What a kill leaves: the .json moved into place, the .xlsx still in its temporary file, the locks.
    const pid = deadPid();
    const [xlsx, json] = [at('pair.xlsx'), at('pair.json')];
    const [tx, tj] = [at(`.pair.xlsx.${pid}.k1.tmp`), at(`.pair.json.${pid}.k2.tmp`)];
    writeFileSync(tx, 'xlsx of the killed run');
    writeFileSync(json, 'json of the killed run');
    const journal = JSON.stringify({
      pid,
      moves: [
        { tmp: tx, real: xlsx },
        { tmp: tj, real: json },
      ],
    });
    writeFileSync(at('.pair.xlsx.cchc-lock'), journal);
    writeFileSync(at('.pair.json.cchc-lock'), journal);
    // A killed run's leftover temporary file of another attempt, and a live run's (this process's).
    writeFileSync(at(`.pair.xlsx.${pid}.old.tmp`), 'half');
    writeFileSync(at(`.pair.xlsx.${process.pid}.live.tmp`), 'being written');
    const r = await cli('consolidate', at('p.xlsx'), '--out', xlsx, '--json', json);
    // The killed run's pair is finished first, so this run (without --force) finds both and stops.
    expect(r.code).toBe(2);
    expect(r.out).toContain('Đã có tệp');
    expect(readFileSync(xlsx, 'utf8')).toBe('xlsx of the killed run');
    expect(readFileSync(json, 'utf8')).toBe('json of the killed run');
    const left = readdirSync(at('.')).filter((n) => n.startsWith('.pair.'));
    expect(left).toEqual([`.pair.xlsx.${process.pid}.live.tmp`]);
  });

  it('with --force, the .xlsx and .json of one run replace the old pair together', async () => {
    const [xlsx, json] = [at('both.xlsx'), at('both.json')];
    writeFileSync(xlsx, 'old');
    writeFileSync(json, 'old');
    const r = await cli('consolidate', at('p.xlsx'), '--out', xlsx, '--json', json, '--force');
    expect(r.code).toBeLessThan(2);
    expect(readFileSync(xlsx, 'utf8')).not.toBe('old');
    expect(readFileSync(json, 'utf8')).not.toBe('old');
  });
});

describe('demo follows the same rules', () => {
  it('never writes through a symlink in its folder, and replaces its outputs only with --force', async () => {
    const outside = at('outside.xlsx');
    writeFileSync(outside, 'not the demo');
    mkdirSync(at('demo'));
    symlinkSync(outside, at('demo/tong-hop.xlsx'));
    const before = hash(outside);
    const trap = await cli('demo', '--out-dir', at('demo'), '--force');
    expect(trap.code).toBe(2);
    expect(trap.out).toContain('liên kết tượng trưng');
    expect(trap.out.split('\n')).toHaveLength(1); // refused before any work
    expect(hash(outside)).toBe(before);

    // A previous demo's output in the folder: kept, and refused before any work, unless --force.
    mkdirSync(at('demo2'));
    writeFileSync(at('demo2/tong-hop.json'), 'previous demo');
    const again = await cli('demo', '--out-dir', at('demo2'));
    expect(again.code).toBe(2);
    expect(again.out).toContain('--force');
    expect(again.out.split('\n')).toHaveLength(1);
    expect(readFileSync(at('demo2/tong-hop.json'), 'utf8')).toBe('previous demo');
  });
});
