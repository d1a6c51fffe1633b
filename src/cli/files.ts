/**
 * The CLI's file safety: where a typed path points, reading an input (what kind of file it is,
 * and whether it is small enough to load), and writing outputs so that no command can change an
 * input or leave a truncated file: every output goes to a temporary file in the same folder and
 * is renamed into place, after checking (realpath, symlinks followed) that it is not an input,
 * not another output of the same command, and not an existing file unless --force.
 */
import {
  Stats,
  closeSync,
  constants,
  fstatSync,
  readSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LIMITS, mb } from '../local/xlsx-guard';
import { FileError, fromOsError } from './errors';

export { LIMITS };

/** A path as the user meant it: relative to the folder they ran the command in (INIT_CWD under npm). */
export function userPath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export function defaultCwd(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** The real location a path refers to, symlinks followed, even when the file does not exist yet. */
export function canonical(path: string, depth = 0): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      if (depth < 20 && lstatSync(path).isSymbolicLink())
        return canonical(resolve(dirname(path), readlinkSync(path)), depth + 1);
    } catch {
      // not there at all
    }
    const parent = dirname(path);
    return parent === path ? path : join(canonical(parent, depth + 1), basename(path));
  }
}

/**
 * Reads an input file's bytes through one descriptor: opened without blocking (a FIFO would
 * wait for a writer forever), fstat'ed before any read so that devices (a symlink to /dev/zero),
 * FIFOs and sockets are refused at once, size checked, then read to the size fstat gave and no
 * further (a file growing while read cannot make the read endless).
 */
export function readInputBytes(path: string, shown: string, maxBytes = LIMITS.fileBytes): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fromOsError(e, shown, 'read');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileError('is-directory', shown);
    if (!st.isFile()) throw new FileError('not-regular', shown, kindOf(st));
    if (st.size > maxBytes) throw new FileError('too-large', shown, `${mb(st.size)} MB, tối đa ${mb(maxBytes)} MB`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } catch (e) {
    throw e instanceof FileError ? e : fromOsError(e, shown, 'read');
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: Stats): string {
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'thiết bị';
  if (st.isFIFO()) return 'ống dẫn FIFO';
  if (st.isSocket()) return 'socket';
  return 'không phải tệp thường';
}

export interface Output {
  /** As the user typed it (for messages), and resolved. */
  readonly shown: string;
  readonly path: string;
  readonly data: () => Promise<string | Buffer> | string | Buffer;
}

/**
 * Checks every output against the inputs and each other (realpath and file identity, so
 * symlinks and hard links count), and that none replaces an existing file unless `force`.
 * Writes nothing; commands call it before working, writeOutputs calls it again.
 */
export function checkOutputs(
  outputs: readonly Pick<Output, 'shown' | 'path'>[],
  inputs: readonly { shown: string; path: string }[],
  opts: { force: boolean },
): string[] {
  const ins = inputs.map((i) => ({ ...i, real: canonical(i.path), id: fileId(i.path) }));
  const seen = new Map<string, string>();
  const existing: string[] = [];
  const reals = outputs.map((o) => {
    const real = canonical(o.path);
    const id = fileId(real);
    for (const i of ins)
      if (real === i.real || (id && id === i.id))
        throw new FileError('output-is-input', o.shown, i.shown === o.shown ? '' : `cùng một tệp với ${i.shown}`);
    const other = seen.get(real);
    if (other !== undefined) throw new FileError('outputs-collide', o.shown, `cũng là ${other}`);
    seen.set(real, o.shown);
    let parent = dirname(real);
    while (entryKind(parent) === 'none' && dirname(parent) !== parent) parent = dirname(parent);
    if (entryKind(parent) === 'file') throw new FileError('not-a-directory', o.shown);
    const kind = entryKind(real);
    if (kind === 'directory') throw new FileError('is-directory', o.shown);
    if (kind === 'file' && !opts.force) existing.push(o.shown);
    return real;
  });
  // Every file that would be replaced is named at once (split writes a folder of them).
  if (existing.length) throw new FileError('exists', existing[0], existingDetail(existing.slice(1)));
  return reals;
}

function existingDetail(more: readonly string[]): string {
  if (!more.length) return '';
  const named = more.slice(0, 5).map((s) => `"${s}"`);
  return `và ${more.length} tệp khác: ${named.join(', ')}${more.length > 5 ? ', …' : ''}`;
}

/** Checks (checkOutputs), then writes each output through a temporary file renamed into place. */
export async function writeOutputs(
  outputs: readonly Output[],
  inputs: readonly { shown: string; path: string }[],
  opts: { force: boolean },
): Promise<string[]> {
  const reals = checkOutputs(outputs, inputs, opts);
  for (let i = 0; i < outputs.length; i++) atomicWrite(reals[i], await outputs[i].data(), outputs[i].shown);
  return reals;
}

function entryKind(path: string): 'file' | 'directory' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}

function fileId(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Temp file in the same folder, flushed, then renamed: a crash or a full disk leaves the old file. */
function atomicWrite(real: string, data: string | Buffer, shown: string): void {
  const dir = dirname(real);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fromOsError(e, shown, 'write');
  }
  const tmp = join(dir, `.${basename(real)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, real);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    throw fromOsError(e, shown, 'write');
  }
}
