/**
 * The CLI's file safety: where a typed path points, reading an input (what kind of file it is,
 * and whether it is small enough to load), and writing outputs so that no command can change an
 * input or leave a truncated file: every output goes to a temporary file in the same folder and
 * is renamed into place, after checking (realpath, symlinks followed) that it is not an input,
 * not another output of the same command, not a device, FIFO or socket (even with --force), and
 * not an existing file unless --force. A failed run leaves nothing of its own (temporary files,
 * files it placed, folders it made); a killed run's leftovers are removed by the next run that
 * writes into the same folder.
 */
import {
  Dirent,
  Stats,
  closeSync,
  constants,
  fstatSync,
  readSync,
  fsyncSync,
  linkSync,
  lstatSync,
  readFileSync,
  readdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  mkdirSync,
  rmdirSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LIMITS, mb } from '../local/xlsx-guard';
import { FileError, fromOsError, writeFailure } from './errors';

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
  // "~$so-bao-cao.xlsx": Excel's owner file while so-bao-cao.xlsx is open, a few bytes of a user name.
  if (basename(path).startsWith('~$')) throw new FileError('excel-lock', shown, basename(path).slice(2));
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
 * Writes nothing of this run; commands call it before working, writeOutputs calls it again.
 * Dead runs' leftovers in each output's folder are settled first (sweep), so that what exists
 * is what those runs meant to leave.
 */
export function checkOutputs(
  outputs: readonly Pick<Output, 'shown' | 'path'>[],
  inputs: readonly { shown: string; path: string }[],
  opts: { force: boolean },
): string[] {
  for (const folder of new Set(outputs.map((o) => dirname(canonical(o.path))))) sweep(folder);
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
    while (!statOf(parent) && dirname(parent) !== parent) parent = dirname(parent);
    if (statOf(parent)?.isDirectory() === false) throw new FileError('not-a-directory', o.shown);
    const st = statOf(real);
    if (st?.isDirectory()) throw new FileError('is-directory', o.shown);
    // /dev/null, a FIFO, a socket: a rename would put a file in their place; never, even with --force.
    if (st && !st.isFile()) throw new FileError('output-not-regular', o.shown, kindOf(st));
    if (st && !opts.force) existing.push(o.shown);
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

/**
 * Writes a command's outputs so that they appear together or not at all, and so that two runs
 * to one new path leave one winner and one refusal:
 * 1. every output's bytes go to a temporary file beside it (created exclusively, flushed);
 * 2. a lock file is created exclusively (O_EXCL) beside each output, holding this run's pid and
 *    the moves it is about to make (a journal); a live run's lock means "busy", refused at once;
 * 3. under the locks, existing files are checked again (without --force nothing is replaced:
 *    link(2) fails if another program created the file since), then every temporary file is
 *    moved into place and the locks removed.
 * A run killed in step 3 leaves its lock: the next run to the same path sees its pid is dead and
 * finishes the journal's moves (every temporary file in it was complete before the lock was
 * made), so the .xlsx and the .json of one run never sit beside another run's. Temporary files
 * of dead runs are removed; a live process's never are.
 */
export async function writeOutputs(
  outputs: readonly Output[],
  inputs: readonly { shown: string; path: string }[],
  opts: { force: boolean },
): Promise<string[]> {
  const reals = checkOutputs(outputs, inputs, opts);
  const moves: Move[] = [];
  const made: Made = { folders: [], files: [] };
  let done = false;
  try {
    for (let i = 0; i < outputs.length; i++)
      moves.push({ tmp: writeTemp(reals[i], await outputs[i].data(), outputs[i].shown, made), real: reals[i] });
    commit(moves, outputs, opts.force, made);
    done = true;
  } finally {
    for (const m of moves) removeQuietly(m.tmp);
    if (!done) undo(made);
  }
  return reals;
}

/** What this run created: folders (outermost first, in order made) and files it placed where none was. */
interface Made {
  readonly folders: string[];
  readonly files: { real: string; id: string }[];
}

/**
 * A failed run takes back what it created: files it placed where no file was (still the same
 * file: same device and inode), then the folders it made, if empty. Nothing that existed before
 * is removed: a file replaced with --force stays replaced (the old one is gone by then).
 */
function undo(made: Made): void {
  for (const f of made.files) if (fileId(f.real) === f.id) removeQuietly(f.real);
  for (const d of [...made.folders].reverse())
    try {
      rmdirSync(d); // only an empty folder
    } catch {
      // something else is in it: kept
    }
}

interface Move {
  readonly tmp: string;
  readonly real: string;
}

const lockOf = (real: string) => join(dirname(real), `.${basename(real)}.cchc-lock`);
/** Our temporary files: `.<name>.<pid>.<stamp>.tmp`, beside the output (or lock) named <name>. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;
const LOCK = /^\..+\.cchc-lock$/;
/** A lock that cannot be read is a run killed while writing it, once it is this old. */
const UNREADABLE_LOCK_MS = 60_000;
/** Where a disk has no hard links (FAT, exFAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone (moved into place, or never made)
  }
}

/** Whether a process of this pid still runs (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A folder's leftovers of dead runs, only ours by name and only where the process that made
 * them no longer exists: each dead run's lock is settled first (its journal's moves finished,
 * its locks removed), then temporary files of dead runs removed. Nothing else in the folder,
 * and nothing of a live run, is touched.
 */
function sweep(folder: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // not made yet
  }
  for (const d of entries) if (d.isFile() && LOCK.test(d.name)) recoverLock(join(folder, d.name));
  for (const d of entries) {
    const t = TEMP.exec(d.name);
    if (t && d.isFile() && !alive(Number(t[2]))) removeQuietly(join(folder, d.name));
  }
}

/** A dead run's lock: its moves finished (every temporary file in its journal was complete), its locks removed. */
function recoverLock(lock: string): void {
  let text: string;
  let age: number;
  try {
    age = Date.now() - lstatSync(lock).mtimeMs;
    text = readFileSync(lock, 'utf8');
  } catch {
    return; // removed meanwhile
  }
  let journal: { pid: number; moves: Move[] } | null;
  try {
    journal = JSON.parse(text) as { pid: number; moves: Move[] };
  } catch {
    journal = null;
  }
  if (!journal || !Number.isInteger(journal.pid)) {
    // Locks are written whole before they appear (createLock); a partial one is a kill in an
    // older version's two steps, or on a disk without hard links: left to its owner while young.
    if (age > UNREADABLE_LOCK_MS) removeQuietly(lock);
    return;
  }
  if (alive(journal.pid)) return;
  const moves = Array.isArray(journal.moves) ? journal.moves : [];
  for (const m of moves)
    // Only a temporary file of ours, beside the file it was meant to become.
    if (
      typeof m?.tmp === 'string' &&
      typeof m.real === 'string' &&
      dirname(m.tmp) === dirname(m.real) &&
      TEMP.exec(basename(m.tmp))?.[1] === basename(m.real)
    )
      try {
        renameSync(m.tmp, m.real);
      } catch {
        // moved before the kill
      }
  for (const m of moves) if (typeof m?.real === 'string') removeQuietly(lockOf(m.real));
  removeQuietly(lock);
}

/**
 * Takes the lock beside an output: its journal written to a temporary file, flushed, then linked
 * to the lock's name (link(2) fails if the lock exists), so a lock is never seen half-written.
 * Where the disk has no hard links, the lock is created exclusively and then written.
 */
function createLock(lock: string, journal: string, shown: string): void {
  const busy = () => new FileError('run-in-progress', shown, basename(lock));
  const tmp = writeTemp(lock, journal, shown, { folders: [], files: [] });
  try {
    linkSync(tmp, lock);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw busy();
    if (!NO_LINKS.has(code)) throw fromOsError(e, shown, 'write');
  } finally {
    removeQuietly(tmp);
  }
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw busy();
    throw fromOsError(e, shown, 'write');
  }
  try {
    writeSync(fd, journal);
    fsyncSync(fd);
  } catch (e) {
    removeQuietly(lock);
    throw fromOsError(e, shown, 'write');
  } finally {
    closeSync(fd);
  }
}

/** Takes every lock, checks again what exists, moves every temporary file into place, unlocks. */
function commit(moves: readonly Move[], outputs: readonly Output[], force: boolean, made: Made): void {
  const held: string[] = [];
  const journal = JSON.stringify({ pid: process.pid, moves });
  try {
    moves.forEach((m, i) => {
      createLock(lockOf(m.real), journal, outputs[i].shown);
      held.push(lockOf(m.real));
    });
    if (!force) {
      const existing = outputs.filter((_, i) => exists(moves[i].real)).map((o) => o.shown);
      if (existing.length) throw new FileError('exists', existing[0], existingDetail(existing.slice(1)));
    }
    moves.forEach((m, i) => {
      const st = statOf(m.real);
      if (st && !st.isFile()) throw new FileError('output-not-regular', outputs[i].shown, kindOf(st));
      const id = fileId(m.tmp);
      try {
        if (force) renameSync(m.tmp, m.real);
        else placeNew(m);
      } catch (e) {
        throw writeFailure(e, outputs[i].shown, exists(m.real));
      }
      if (!st && id) made.files.push({ real: m.real, id });
    });
  } finally {
    for (const l of held) removeQuietly(l);
  }
}

/**
 * Moves a temporary file to a name that must not exist: link(2) fails if the file appeared since
 * (never replaced). Where the disk has no hard links (FAT or exFAT USB drives, some network
 * shares), the lock held beside it is the guarantee, and a rename after checking again does.
 */
function placeNew(m: Move): void {
  try {
    linkSync(m.tmp, m.real);
  } catch (e) {
    if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    if (exists(m.real)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(m.tmp, m.real);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The output's bytes in a new temporary file beside it, flushed to disk; its path. */
function writeTemp(real: string, data: string | Buffer, shown: string, made: Made): string {
  const dir = dirname(real);
  try {
    const first = mkdirSync(dir, { recursive: true });
    if (first !== undefined) {
      const chain = [dir];
      while (chain[0] !== first && dirname(chain[0]!) !== chain[0]) chain.unshift(dirname(chain[0]!));
      made.folders.push(...chain);
    }
  } catch (e) {
    throw fromOsError(e, shown, 'write');
  }
  const tmp = join(dir, `.${basename(real)}.${process.pid}.${Date.now().toString(36)}${tempCount++}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    return tmp;
  } catch (e) {
    if (fd !== null) closeSync(fd);
    removeQuietly(tmp);
    throw fromOsError(e, shown, 'write');
  }
}
let tempCount = 0;

/** What is at a path, symlinks followed; null when nothing is. */
function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
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
