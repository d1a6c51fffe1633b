/**
 * The one guarded way from an input's bytes to a workbook: what kind of file it is (from its
 * first bytes, not its name), whether its zip reads one way only (zip-parts.ts) and is small
 * enough to unpack (sizes from the central directory, read before anything is inflated), then
 * the used ranges before any reader walks them cell by cell. The zip is read once, here: every
 * reader after it, the full model's included, gets the parts checked here, never the bytes. validate, split, consolidate, report, collect and the add-on's import dialog
 * all read through here, so each refuses the same files with the same message. Three ways out:
 * a full workbook model for commands that rewrite sheets (guardedWorkbook), snapshots for those
 * that only check (guardedSnapshots, guardedGrids), and a workbook collect patches cell by cell
 * (guardedPatchable). No Node imports: the dialog's browser bundle includes this file (the CLI's
 * file-system side is src/cli/files.ts).
 */
import { IncomingFile } from '../core/agency-files/collect';
import { FileError } from './file-problems';
import type { XlsxWorkbook } from './xlsx-workbook';
import { SnapshotWorkbook } from './snapshot-workbook';
import { CellBudget, PartSource, damaged, readWorkbookParts } from './xlsx-snapshots';
import { PatchedWorkbook } from './patched-workbook';
import { InflateError, ZipDamage, ZipPart, inflatePart, zipDirectory } from './zip-parts';

/** What a province needs, with a wide margin (a 60-agency sample is about 1 MB zipped, 10 MB unzipped). */
export const LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  uncompressedBytes: 256 * 1024 * 1024,
  /**
   * One sheet's XML: an agency tab is about 60 KB, a 190-agency summary under 1 MB. A sheet
   * bigger than this would take gigabytes once parsed, so it is refused before parsing.
   */
  sheetPartBytes: 16 * 1024 * 1024,
  /**
   * Any other XML part (shared strings, styles, drawings, comments): a 190-agency sample's largest
   * is its styles at about 4 MB, its shared strings about 60 KB. The full model holds each parsed
   * part at many times its size (a 50 MB shared-strings table took it to 860 MB).
   */
  partBytes: 16 * 1024 * 1024,
  /** Entries of the shared-strings table (a 190-agency sample has about 1,000). */
  sharedStrings: 200_000,
  entries: 5000,
  /** Rows × columns of one sheet's used range (an agency tab is about 150 × 5). */
  sheetCells: 200_000,
  totalCells: 5_000_000,
};

export type Sniffed = 'zip' | 'xls' | 'encrypted' | 'ods' | 'text' | 'not-xlsx';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function includes(buf: Uint8Array, text: string, utf16 = false): boolean {
  const needle: number[] = [];
  for (const ch of text) {
    needle.push(ch.charCodeAt(0) & 0xff);
    if (utf16) needle.push(0);
  }
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** What a file is, from its first bytes (magic numbers), not from its name. */
export function sniff(buf: Uint8Array): Sniffed {
  if (buf.length >= 8 && OLE2.every((b, i) => buf[i] === b)) {
    // An OLE2 compound file: Excel 97-2003, or an .xlsx encrypted with a password (ECMA-376
    // Agile/Standard encryption stores an "EncryptedPackage" stream in one).
    return includes(buf, 'EncryptedPackage', true) ? 'encrypted' : 'xls';
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5)) {
    // ODF puts an uncompressed "mimetype" entry first.
    return includes(buf.subarray(0, 120), 'application/vnd.oasis.opendocument.spreadsheet') ? 'ods' : 'zip';
  }
  const head = buf.subarray(0, 4096);
  if (head.length && !head.includes(0)) return 'text';
  return 'not-xlsx';
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',');
}

/** Refuses what is not an .xlsx or too big, from the first bytes and the central directory only. */
async function checkZip(buf: Uint8Array, shown: string): Promise<readonly ZipPart[]> {
  if (buf.length > LIMITS.fileBytes)
    throw new FileError('too-large', shown, `${mb(buf.length)} MB, tối đa ${mb(LIMITS.fileBytes)} MB`);
  const kind = sniff(buf);
  if (kind !== 'zip') throw new FileError(kind, shown);
  const zip = zipRead(shown, () => zipDirectory(buf));
  const { entries } = zip;
  if (entries.length > LIMITS.entries)
    throw new FileError('too-large', shown, `${entries.length} thành phần, tối đa ${LIMITS.entries}`);
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > LIMITS.uncompressedBytes)
    throw new FileError('too-large', shown, `giải nén ra ${mb(total)} MB, tối đa ${mb(LIMITS.uncompressedBytes)} MB`);
  const sheet = entries.find((e) => e.path.startsWith('xl/worksheets/') && e.uncompressedSize > LIMITS.sheetPartBytes);
  if (sheet)
    throw new FileError(
      'too-large',
      shown,
      `một trang giải nén ra ${mb(sheet.uncompressedSize)} MB, tối đa ${mb(LIMITS.sheetPartBytes)} MB một trang`,
    );
  const part = entries.find((e) => isXml(e.path) && e.uncompressedSize > LIMITS.partBytes);
  if (part)
    throw new FileError(
      'too-large',
      shown,
      `thành phần "${part.path}" giải nén ra ${mb(part.uncompressedSize)} MB, tối đa ${mb(LIMITS.partBytes)} MB một thành phần`,
    );
  if (entries.some((e) => e.isEncrypted)) throw new FileError('encrypted', shown);
  if (!entries.some((e) => e.path === 'xl/workbook.xml')) throw new FileError('zip-not-workbook', shown);
  return zipRead(shown, () => zip.parts());
}

/** A step of reading the zip's structure; a file two readers could read differently is refused before anything is inflated. */
function zipRead<T>(shown: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof ZipDamage && !e.unreadable) throw new FileError('damaged-zip', shown, e.message);
    throw new FileError('not-xlsx', shown, 'tệp nén bị hỏng');
  }
}

/**
 * Everything checkZip refuses, and every part inflated once, whatever its method, to make sure
 * each holds exactly what the directory declares (size and CRC-32): a lie in a part some reader
 * skips is still a forged file.
 */
export async function checkXlsxBytes(buf: Uint8Array, shown: string): Promise<readonly ZipPart[]> {
  const entries = await checkZip(buf, shown);
  for (const e of entries) for await (const _ of partBytes(buf, e, shown));
  return entries;
}

/** One part's bytes as they inflate, a failure worded for the user. */
async function* partBytes(buf: Uint8Array, e: ZipPart, shown: string): AsyncGenerator<Uint8Array> {
  try {
    yield* inflatePart(buf, e);
  } catch (err) {
    throw partFailure(err, e, shown);
  }
}

/** An inflate failure of one part, worded for the user. */
function partFailure(err: unknown, e: ZipPart, shown: string): FileError {
  if (err instanceof InflateError && err.problem === 'larger-than-declared')
    return new FileError(
      'too-large',
      shown,
      `thành phần "${e.path}" giải nén ra nhiều hơn kích thước tệp nén khai báo (${mb(e.uncompressedSize)} MB): tệp nén bị làm giả hoặc hỏng`,
    );
  return new FileError('not-xlsx', shown, `thành phần "${e.path}" bị hỏng`);
}

/** Each part by its path, inflated as it is read and held to its declared size (zip-parts.ts). */
function partSource(buf: Uint8Array, entries: readonly ZipPart[], shown: string): PartSource {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  return (path) => {
    const e = byPath.get(path);
    return e ? partBytes(buf, e, shown) : null;
  };
}

/** A part read as XML by some reader (the rest, images and such, are kept as bytes). */
function isXml(path: string): boolean {
  return /\.(xml|rels|vml)$/i.test(path);
}

/** Refuses a sheet whose used range is beyond any report before a reader walks it cell by cell. */
export function checkCells(wb: XlsxWorkbook, shown: string): void {
  const budget = new CellBudget(shown, LIMITS);
  for (const ws of wb.book.worksheets) budget.take(ws.name, ws.rowCount, ws.columnCount);
}

/** Sheet parts by the path excelts recognises them by (it loads every one it finds). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Bytes to a workbook through every guard; throws FileError (worded in file-problems.ts). The
 * zip is read once, here: each part is inflated and checked, the sheets are read as validate
 * reads them (the same limits, before a model is built), and the model is built from those same
 * parts, never from the bytes. A sheet part no sheet of the workbook points at is left out: the
 * snapshot reader never counted its cells.
 */
export async function guardedWorkbook(
  buf: Uint8Array,
  shown: string,
  clock: () => Date = () => new Date(),
): Promise<XlsxWorkbook> {
  const parts = new Map<string, Uint8Array>();
  for (const e of await checkZip(buf, shown)) {
    const chunks: Uint8Array[] = [];
    for await (const c of partBytes(buf, e, shown)) chunks.push(c);
    parts.set(e.path, concat(chunks, e.uncompressedSize));
  }
  const source: PartSource = (path) => {
    const bytes = parts.get(path);
    return bytes ? single(bytes) : null;
  };
  const { snapshots, sheetParts } = await readWorkbookParts(source, shown, LIMITS);
  const counted = new Set(sheetParts.values());
  const files: Record<string, Uint8Array> = {};
  for (const [path, bytes] of parts) if (!WORKSHEET_PART.test(path) || counted.has(path)) files[path] = bytes;
  let wb: XlsxWorkbook;
  try {
    // Loaded on first use: checking a file (validate, collect's agency files) never needs it.
    const { XlsxWorkbook } = await import('./xlsx-workbook');
    wb = await XlsxWorkbook.fromParts(files, clock);
  } catch {
    damaged(shown);
  }
  checkCells(wb, shown);
  // What the model's loader reads loosely (a number cell holding "1234abc") is taken from the snapshots.
  wb.keepTextOf(snapshots);
  return wb;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Every guard, then the sheets read straight into snapshots (xlsx-snapshots.ts). Every part is
 * inflated once to its declared size first, as for the full load, so both paths refuse the same
 * files (a lie in a part this reader skips is still a forged file); the parts read then stream
 * again, each held to its declared size.
 */
async function guardedParts(buf: Uint8Array, shown: string) {
  const source = partSource(buf, await checkXlsxBytes(buf, shown), shown);
  return { source, ...(await readWorkbookParts(source, shown, LIMITS)) };
}

/** Bytes to a workbook read for checking only (validate, split, an agency's file), with no spreadsheet model to hold. */
export async function guardedSnapshots(
  buf: Uint8Array,
  shown: string,
  clock: () => Date = () => new Date(),
): Promise<SnapshotWorkbook> {
  return new SnapshotWorkbook((await guardedParts(buf, shown)).snapshots, clock);
}

/**
 * The province workbook for collect, through the same guards: read into snapshots, written back
 * by patching only the cells collect changes (patched-workbook.ts).
 */
export async function guardedPatchable(
  buf: Uint8Array,
  shown: string,
  clock: () => Date = () => new Date(),
): Promise<PatchedWorkbook> {
  const { source, snapshots, sheetParts, stylesPart } = await guardedParts(buf, shown);
  return new PatchedWorkbook(buf, source, snapshots, sheetParts, stylesPart, shown, clock);
}

/** Every sheet of an agency's file as grids (what collect examines), through the same guards. */
export async function guardedGrids(name: string, buf: Uint8Array): Promise<IncomingFile> {
  const book = await guardedSnapshots(buf, name);
  return { name, sheets: book.sheetNames().map((n) => book.read(n)!) };
}
