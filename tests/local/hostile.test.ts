/**
 * Every hostile input (made by scripts/hostile-files.ts, nothing large committed) gets the same
 * Vietnamese line from validate, collect and the add-on's import dialog, without reading what it
 * claims to hold (a bomb is refused by the size its directory declares, a device or a pipe by its
 * kind; reading either would never end) and without changing it. How long that takes is for the
 * benchmark, not for these tests. tests/local/hostile-corpus.test.ts runs every command on them.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureOf, fromOsError } from '../../src/cli/errors';
import { readPicked } from '../../src/dialog/import-dialog';
import { writeHostileFiles, Hostile } from '../../scripts/hostile-files';
import { FIXTURE_CLOCK } from '../fixtures/collect/fixture';
import { cliWith, scratch } from '../cli/helpers';
import { FIXTURES } from '../paths';

const PROVINCE = join(FIXTURES, 'collect', 'province.xlsx');
const { at } = scratch('cchc-hostile-');
const cli = cliWith(FIXTURE_CLOCK);
let hostile: Hostile[] = [];

/** A file's bytes as a hash; a device or a pipe (never read) by its kind. */
function fingerprint(path: string): string {
  const st = lstatSync(path);
  if (st.isSymbolicLink() || !st.isFile()) return `${st.mode}:${st.rdev}`;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeAll(async () => {
  hostile = await writeHostileFiles(at('bad'));
}, 30_000);

describe('hostile inputs', () => {
  it('validate refuses each with its own Vietnamese line and leaves it as it was', async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(10);
    for (const h of hostile) {
      const before = fingerprint(join(at('bad'), h.file));
      const r = await cli('validate', join(at('bad'), h.file));
      expect({ file: h.file, code: r.code, hasLine: r.out.includes(h.expect) }).toEqual({
        file: h.file,
        code: 2,
        hasLine: true,
      });
      expect(r.out).toContain(h.file);
      expect(r.out).not.toContain('Lỗi ngoài dự kiến');
      expect({ file: h.file, unchanged: fingerprint(join(at('bad'), h.file)) === before }).toEqual({
        file: h.file,
        unchanged: true,
      });
    }
  });

  it('collect gives each file the line validate gives, and lists what it skipped in a folder', async () => {
    const before = [PROVINCE, ...hostile.map((h) => join(at('bad'), h.file))].map(fingerprint);
    const r = await cli('collect', PROVINCE, ...hostile.map((h) => join(at('bad'), h.file)), '--out', at('a.xlsx'));
    expect(r.code).toBe(1);
    expect([PROVINCE, ...hostile.map((h) => join(at('bad'), h.file))].map(fingerprint)).toEqual(before);
    const lines = r.out.split('\n');
    for (const h of hostile) {
      const line = lines.find((l) => l.includes(` ${h.file} `)) ?? '';
      expect({ file: h.file, line: line.includes(`Từ chối: `) && line.includes(h.expect) }).toEqual({
        file: h.file,
        line: true,
      });
    }
    expect(r.out).toContain(`Đã nhận 0/${hostile.length} tệp, từ chối ${hostile.length}`);

    // A folder: its .xls/.xlsm/.ods files, subfolders and Excel lock files are named with the reason.
    mkdirSync(at('folder/con'), { recursive: true });
    writeFileSync(at('folder/cu.xls'), 'x');
    writeFileSync(at('folder/macro.xlsm'), 'x');
    writeFileSync(at('folder/~$dang-mo.xlsx'), 'x');
    writeFileSync(at('folder/danh-sach.xlsx'), readFileSync(join(at('bad'), 'danh-sach.xlsx')));
    const folder = await cli('collect', PROVINCE, at('folder'), '--out', at('b.xlsx'));
    expect(folder.out).toMatch(/Bỏ qua "[^"]*con": thư mục con/);
    expect(folder.out).toMatch(/Bỏ qua "[^"]*cu\.xls": tệp Excel 97-2003 \(\.xls\)/);
    expect(folder.out).toMatch(/Bỏ qua "[^"]*macro\.xlsm": tệp \.xlsm/);
    expect(folder.out).toMatch(/Bỏ qua "[^"]*~\$dang-mo\.xlsx": tệp khóa tạm của Excel/);
    expect(folder.out).toContain('Đã nhận 0/1 tệp');
  });

  it('an empty selection is an error, not "Đã nhận 0/0"', async () => {
    mkdirSync(at('empty'));
    const r = await cli('collect', PROVINCE, at('empty'), '--out', at('c.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('Không có tệp .xlsx nào để nhận');
    expect(r.out).not.toContain('Đã nhận');
  });

  it('the import dialog words each file it can be given exactly as collect does', async () => {
    // A browser cannot hand the dialog a device or a pipe: those stay CLI cases.
    const files = hostile.filter((h) => !/zero|ong/.test(h.file));
    const { files: read, unreadable } = await readPicked(
      files.map((h) => {
        const data = readFileSync(join(at('bad'), h.file));
        return {
          name: h.file,
          size: data.length,
          arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer,
        };
      }),
    );
    expect(read).toEqual([]);
    for (const h of files) {
      const row = unreadable.find((u) => u.file === h.file);
      expect({ file: h.file, status: row?.status.includes(h.expect) }).toEqual({ file: h.file, status: true });
    }
    // A file too big to be a report is refused from its size, before its bytes are read.
    const huge = await readPicked([
      { name: 'to.xlsx', size: 900 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) },
    ]);
    expect(huge.unreadable[0].status).toContain('quá lớn');
  });

  it('a text input (agency list, earlier summary) that is a device is refused too, and nothing written', async () => {
    symlinkSync('/dev/zero', at('zero.json'));
    symlinkSync('/dev/zero', at('zero.csv'));
    const prev = await cli('report', PROVINCE, '--previous', at('zero.json'), '--out', at('r.docx'));
    const list = await cli('template', '--agencies', at('zero.csv'), '--out', at('t.xlsx'));
    for (const r of [prev, list]) {
      expect(r.code).toBe(2);
      expect(r.out).toContain('không phải một tệp thông thường (thiết bị)');
    }
    expect([existsSync(at('r.docx')), existsSync(at('t.xlsx'))]).toEqual([false, false]);
  });

  it('every OS error reaches the user in Vietnamese, with the file and what to do', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: some English text`), { code });
    const codes = ['EFBIG', 'EBUSY', 'ELOOP', 'ENAMETOOLONG', 'EMFILE', 'EIO', 'EXDEV', 'ESOMETHINGNEW'];
    for (const code of codes)
      for (const action of ['read', 'write'] as const) {
        const { message, exitCode } = failureOf(fromOsError(err(code), 'tong-hop.xlsx', action));
        expect(exitCode).toBe(2);
        expect(message).toContain('"tong-hop.xlsx"');
        expect(message).not.toContain('English text');
        expect(message).toMatch(/Hãy/);
      }
    expect(failureOf(fromOsError(err('EFBIG'), 'a.xlsx', 'write')).message).toContain('vượt kích thước tối đa');
  });

  it('--communes -5 says what to write, not that the option takes no value', async () => {
    const r = await cli('sample', '--out', at('s.xlsx'), '--communes', '-5');
    expect(r.code).toBe(2);
    expect(r.out).toContain('"--communes"');
    expect(r.out).toContain('dấu "-"');
    expect(r.out).not.toContain('không nhận giá trị');
  });
});
