/**
 * The CLI's file safety: where a typed path points, reading an input (what kind of file it is,
 * and whether it is small enough to load), and writing outputs so that no command can change an
 * input or leave a truncated file: every output goes to a temporary file in the same folder and
 * is renamed into place, after checking (realpath, symlinks followed) that it is not an input,
 * not another output of the same command, and not an existing file unless --force.
 */
import { BufferReader, RemoteZipReader } from '@cj-tech-master/excelts/archive';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { FileError, fromOsError } from './errors';

/** What a province needs, with a wide margin (a 60-agency sample is about 1 MB zipped, 10 MB unzipped). */
export const LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  uncompressedBytes: 256 * 1024 * 1024,
  entries: 5000,
  /** Rows × columns of one sheet's used range (an agency tab is about 150 × 5). */
  sheetCells: 200_000,
  totalCells: 5_000_000,
};

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

/** Reads an input workbook's bytes, refusing what is not an .xlsx or too big, before it is unpacked. */
export async function readWorkbookBytes(path: string, shown: string): Promise<Buffer> {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new FileError('is-directory', shown);
    size = st.size;
  } catch (e) {
    throw e instanceof FileError ? e : fromOsError(e, shown, 'read');
  }
  if (size > LIMITS.fileBytes)
    throw new FileError('too-large', shown, `${mb(size)} MB, tối đa ${mb(LIMITS.fileBytes)} MB`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw fromOsError(e, shown, 'read');
  }
  const kind = sniff(buf);
  if (kind !== 'zip') throw new FileError(kind, shown);
  await checkZip(buf, shown);
  return buf;
}

type Sniffed = 'zip' | 'xls' | 'encrypted' | 'ods' | 'text' | 'not-xlsx';

/** What a file is, from its first bytes (magic numbers), not from its name. */
export function sniff(buf: Buffer): Sniffed {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An OLE2 compound file: Excel 97-2003, or an .xlsx encrypted with a password (ECMA-376
    // Agile/Standard encryption stores an "EncryptedPackage" stream in one).
    return buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'xls';
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5)) {
    // ODF puts an uncompressed "mimetype" entry first.
    return buf.subarray(0, 120).includes('application/vnd.oasis.opendocument.spreadsheet') ? 'ods' : 'zip';
  }
  const head = buf.subarray(0, 4096);
  if (head.length && !head.includes(0)) return 'text';
  return 'not-xlsx';
}

/** Sizes from the zip's central directory, read before anything is inflated. */
async function checkZip(buf: Buffer, shown: string): Promise<void> {
  let entries: readonly { path: string; uncompressedSize: number; isEncrypted: boolean }[];
  try {
    entries = (await RemoteZipReader.fromReader(new BufferReader(buf))).getEntries();
  } catch {
    throw new FileError('not-xlsx', shown, 'tệp nén bị hỏng');
  }
  if (entries.length > LIMITS.entries)
    throw new FileError('too-large', shown, `${entries.length} thành phần, tối đa ${LIMITS.entries}`);
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > LIMITS.uncompressedBytes)
    throw new FileError('too-large', shown, `giải nén ra ${mb(total)} MB, tối đa ${mb(LIMITS.uncompressedBytes)} MB`);
  if (entries.some((e) => e.isEncrypted)) throw new FileError('encrypted', shown);
  if (!entries.some((e) => e.path === 'xl/workbook.xml' || e.path === '/xl/workbook.xml'))
    throw new FileError('zip-not-workbook', shown);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',');
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
