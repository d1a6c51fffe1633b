/**
 * No debris, clear words: a killed run's temporary files and locks are removed by the next run
 * into the same folder (only ours, only of dead processes); a failed run takes back the files and
 * folders it made; a full disk, a quota or a read-only disk is said in Vietnamese with what to do;
 * --out is never a device or a FIFO; whole-number options refuse fractions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureOf, fromOsError } from '../../src/cli/errors';
import { writeOutputs } from '../../src/cli/files';
import { cliWith, scratch } from './helpers';

const { at } = scratch('cchc-debris-');
const cli = cliWith(() => new Date(2026, 9, 5, 9, 30));

/** A pid no process has any more: `true`, run and exited. */
function deadPid(): number {
  return spawnSync('true').pid;
}

const osError = (code: string, syscall = 'write', path?: string) =>
  Object.assign(new Error(`${code}: English text from Node`), { code, syscall, ...(path && { path }) });

const write = (path: string, data: string, force = false) =>
  writeOutputs([{ shown: path, path, data: () => data }], [], { force });

describe("a killed run's leftovers", () => {
  it('are removed by the next run into the same folder; anything else there is left alone', async () => {
    const dir = at('killed');
    mkdirSync(dir);
    const dead = deadPid();
    // What a SIGKILL while writing c.xlsx leaves, and what else may sit in the folder.
    const leftovers = [
      `.c.xlsx.${dead}.mf3k2a0.tmp`,
      `.c.json.${dead}.mf3k2a1.tmp`,
      `..c.xlsx.cchc-lock.${dead}.x1.tmp`,
    ];
    const kept = [
      'ghi-chu.txt', // the user's file
      `.c.xlsx.${process.pid}.live1.tmp`, // a live run's temporary file
      '.c.xlsx.12x.abc.tmp', // not our pattern (no pid)
      `c.xlsx.${dead}.abc.tmp`, // not hidden: not ours
    ];
    for (const f of [...leftovers, ...kept]) writeFileSync(join(dir, f), 'x');
    // The next run writes another file into the same folder.
    await write(join(dir, 'khac.json'), '{}');
    expect(readdirSync(dir).sort()).toEqual([...kept, 'khac.json'].sort());
  });

  it("leaves a dead run's temporary files in another folder to the runs that write there", async () => {
    const [here, there] = [at('here'), at('there')];
    mkdirSync(here);
    mkdirSync(there);
    const stray = join(there, `.c.xlsx.${deadPid()}.k.tmp`);
    writeFileSync(stray, 'x');
    await write(join(here, 'a.json'), '{}');
    expect(existsSync(stray)).toBe(true);
  });

  it("settles a dead run's lock of another output in the folder, and an unreadable lock once it is old", async () => {
    const dir = at('locks');
    mkdirSync(dir);
    const dead = deadPid();
    const [tmp, real] = [join(dir, `.b.json.${dead}.q.tmp`), join(dir, 'b.json')];
    writeFileSync(tmp, '{"run":"killed"}');
    writeFileSync(join(dir, '.b.json.cchc-lock'), JSON.stringify({ pid: dead, moves: [{ tmp, real }] }));
    writeFileSync(join(dir, '.old.xlsx.cchc-lock'), ''); // a kill between creating and writing a lock
    const past = new Date(Date.now() - 10 * 60_000);
    utimesSync(join(dir, '.old.xlsx.cchc-lock'), past, past);
    writeFileSync(join(dir, '.young.xlsx.cchc-lock'), ''); // perhaps a run writing it this instant
    await write(join(dir, 'a.json'), '{}');
    expect(readFileSync(real, 'utf8')).toBe('{"run":"killed"}');
    expect(readdirSync(dir).sort()).toEqual(['.young.xlsx.cchc-lock', 'a.json', 'b.json']);
    // The old lock no longer blocks its output.
    await write(join(dir, 'old.xlsx'), 'mới');
    expect(readFileSync(join(dir, 'old.xlsx'), 'utf8')).toBe('mới');
  });
});

describe('a failed run takes back what it made', () => {
  it('a full disk in the middle of writing a new folder leaves no folder and says so in Vietnamese', async () => {
    const folder = at('new/deep/split');
    const outputs = ['a.xlsx', 'b.xlsx', 'c.xlsx'].map((f, i) => ({
      shown: `split/${f}`,
      path: join(folder, f),
      data: () => {
        if (i === 2) throw osError('ENOSPC');
        return f;
      },
    }));
    const failure = await writeOutputs(outputs, [], { force: false }).catch((e: unknown) => e);
    expect(existsSync(at('new'))).toBe(false);
    const { message } = failureOf(failure);
    expect(message).toContain('Ổ đĩa đã đầy');
    expect(message).toContain('Hãy giải phóng dung lượng');
    expect(message).not.toContain('Lỗi ngoài dự kiến');
    expect(message).not.toContain('English');
  });

  it('removes the files it placed when a later one fails, and never a file or folder that was there', async () => {
    const folder = at('kept-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'old.xlsx'), 'cũ');
    const fifo = join(folder, 'z.json');
    const outputs = [
      { shown: 'a.xlsx', path: join(folder, 'a.xlsx'), data: () => 'mới' },
      { shown: 'old.xlsx', path: join(folder, 'old.xlsx'), data: () => 'thay' },
      {
        shown: 'z.json',
        path: fifo,
        // Something else puts a FIFO at the last name while this run works.
        data: () => (execFileSync('mkfifo', [fifo]), '{}'),
      },
    ];
    const failure = await writeOutputs(outputs, [], { force: true }).catch((e: unknown) => e);
    expect(failureOf(failure).message).toContain('không phải một tệp thông thường');
    expect(existsSync(join(folder, 'a.xlsx'))).toBe(false);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('split onto a disk that fills up: exit 2, "Ổ đĩa đã đầy", and no half-written folder', async () => {
    expect((await cli('sample', '--out', at('p.xlsx'), '--communes', '2', '--provincial', '2')).code).toBe(0);
    let flushes = 0;
    const full = jest.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      if (++flushes > 2) throw osError('ENOSPC', 'fsync');
    });
    try {
      const r = await cli('split', at('p.xlsx'), '--out', at('cac-don-vi'));
      expect(r.code).toBe(2);
      expect(r.out).toContain('Ổ đĩa đã đầy');
      expect(r.out).not.toContain('ENOSPC');
    } finally {
      full.mockRestore();
    }
    expect(flushes).toBeGreaterThan(2);
    expect(existsSync(at('cac-don-vi'))).toBe(false);
  }, 300_000);
});

describe('full disk, quota, read-only disk: in Vietnamese, with what to do', () => {
  it.each([
    ['ENOSPC', 'Ổ đĩa đã đầy', 'giải phóng dung lượng'],
    ['EDQUOT', 'hết hạn mức', 'tăng hạn mức'],
    ['EROFS', 'ổ đĩa chỉ đọc', 'ổ khác'],
  ])('%s', (code, what, todo) => {
    for (const e of [fromOsError(osError(code), 'tong-hop.xlsx', 'write'), osError(code, 'open', 'tong-hop.xlsx')]) {
      const { message, exitCode } = failureOf(e);
      expect(exitCode).toBe(2);
      expect(message).toContain(what);
      expect(message).toContain(todo);
      expect(message).toContain('"tong-hop.xlsx"');
      expect(message).not.toMatch(/Lỗi ngoài dự kiến|English|no space/);
    }
  });
});

describe('--out is only ever a regular file', () => {
  it('refuses /dev/null, even with --force', async () => {
    const r = await cli('template', '--out', '/dev/null', '--force');
    expect(r.code).toBe(2);
    expect(r.out).toContain('"/dev/null" không phải một tệp thông thường (thiết bị)');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO, even with --force, and leaves it a FIFO', async () => {
    const fifo = at('ong-dan');
    execFileSync('mkfifo', [fifo]);
    const r = await cli('template', '--out', fifo, '--force');
    expect(r.code).toBe(2);
    expect(r.out).toContain('không phải một tệp thông thường (ống dẫn FIFO)');
    expect(r.out).toContain('kể cả khi có --force');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('whole-number options refuse fractions', () => {
  it.each([
    [['sample', '--communes', '2.5'], '--communes "2.5" không hợp lệ: phải là số nguyên'],
    [['sample', '--communes', '2,5'], '--communes "2,5" không hợp lệ: phải là số nguyên'],
    [['sample', '--provincial', '0.5'], '--provincial "0.5" không hợp lệ: phải là số nguyên'],
    [['sample', '--seed', '7.25'], '--seed "7.25" không hợp lệ: phải là số nguyên'],
    [['sample', '--year', '2026.5'], '--year "2026.5" không hợp lệ: phải là số nguyên'],
    [['template', '--year', '2026.0'], '--year "2026.0" không hợp lệ: phải là số nguyên'],
    [['sample', '--communes', '1.000'], 'viết số nguyên liền, không có dấu chấm hay dấu phẩy'],
    [['sample', '--communes', 'hai'], 'nhập số là số nguyên từ 0 đến 1.000'],
  ])('%j', async (args, message) => {
    const [command, ...rest] = args;
    const r = await cli(command!, '--out', at('whole.xlsx'), ...rest);
    expect(r.code).toBe(2);
    expect(r.out).toContain(message);
    expect(existsSync(at('whole.xlsx'))).toBe(false);
  });

  it('a share stays a fraction: --mistakes 0,5 is taken', async () => {
    const r = await cli(
      'sample',
      '--out',
      at('share.xlsx'),
      '--communes',
      '1',
      '--provincial',
      '1',
      '--mistakes',
      '0,5',
    );
    expect(r.code).toBe(0);
  }, 300_000);
});
