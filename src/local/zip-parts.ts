/**
 * The parts of a zip (an .xlsx is one), read once and strictly, and a part's bytes inflated as a
 * stream that stops one byte past the size the directory declares: a "lying" zip bomb (sizes
 * understated so that the size checks pass) costs at most its declared size, never the gigabytes
 * it holds.
 *
 * A zip can be written so that two readers see two different files: a second end record hidden in
 * the comment (readers that search from the end and readers that check the comment's length find
 * different directories), local headers that say other names or sizes than the central directory
 * (what a streaming reader trusts), entries that share bytes, or names that two readers resolve
 * differently ("/xl/...", "xl\\..", "XL/Workbook.xml" beside "xl/workbook.xml"). Every such file is
 * refused here (ZipDamage), before any part is inflated: what the guard checks is then the only
 * reading there is, and every command reads the parts from here. No Node imports, so the import
 * dialog (browser) runs the same.
 */

export interface ZipPart {
  readonly path: string;
  readonly uncompressedSize: number;
  readonly compressedSize: number;
  readonly compressionMethod: number;
  readonly localHeaderOffset: number;
  readonly isEncrypted: boolean;
  readonly crc32: number;
  /** Where the compressed bytes start (after the local header). */
  readonly dataOffset: number;
}

/**
 * Why a zip is refused, in Vietnamese (the detail of the user's message). `unreadable`: no
 * reader finds a directory at all (a truncated or random file), rather than two readings.
 */
export class ZipDamage extends Error {
  constructor(
    message: string,
    readonly unreadable = false,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** An entry as the central directory lists it (what a size check needs). */
export type ZipEntry = Omit<ZipPart, 'dataOffset'>;

/**
 * A zip's central directory, read once: its entries (directories left out) for the size checks,
 * and `parts()`, which checks each entry's local header against it and returns the parts to
 * inflate. Both throw ZipDamage for a file two readers could read differently.
 */
export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  parts(): readonly ZipPart[];
}

export function zipDirectory(buf: Uint8Array): ZipDirectory {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const end = findEnd(buf, view);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== u16(end + 10))
    throw new ZipDamage('tệp nén chia nhiều phần');
  let count = u16(end + 10);
  let cdSize = u32(end + 12);
  let cdStart = u32(end + 16);
  let cdEnd = end; // the directory must end where the end record (or the ZIP64 one) starts
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (at + 56 > end - 20 || u32(at) !== ZIP64_EOCD) throw new ZipDamage('bản ghi ZIP64 sai vị trí');
    count = Number(view.getBigUint64(at + 32, true));
    cdSize = Number(view.getBigUint64(at + 40, true));
    cdStart = Number(view.getBigUint64(at + 48, true));
    cdEnd = at;
  } else if (count === MAX16 || cdSize === MAX32 || cdStart === MAX32) {
    throw new ZipDamage('thiếu bản ghi ZIP64');
  }
  if (cdStart + cdSize !== cdEnd) throw new ZipDamage('danh mục tệp nén không nằm ngay trước bản ghi cuối');

  const all: (ZipEntry & { nameBytes: Uint8Array })[] = [];
  const seen = new Set<string>();
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdEnd || u32(at) !== CENTRAL) throw new ZipDamage('danh mục tệp nén ngắn hơn số mục khai báo');
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const next = at + 46 + nameLen + extraLen + u16(at + 32);
    if (next > cdEnd) throw new ZipDamage('danh mục tệp nén bị cắt cụt');
    if (u16(at + 34) !== 0) throw new ZipDamage('tệp nén chia nhiều phần');
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    const [uncompressedSize, compressedSize, localHeaderOffset] = widen(view, at + 46 + nameLen, extraLen, [
      u32(at + 24),
      u32(at + 20),
      u32(at + 42),
    ]);
    const path = new TextDecoder('utf-8').decode(nameBytes);
    checkName(path);
    const key = path.toLowerCase();
    if (seen.has(key)) throw new ZipDamage(`hai mục cùng tên "${path}"`);
    seen.add(key);
    if (path.endsWith('/') && uncompressedSize !== 0) throw new ZipDamage(`thư mục "${path}" có nội dung`);
    all.push({
      path,
      nameBytes,
      uncompressedSize,
      compressedSize,
      compressionMethod: u16(at + 10),
      localHeaderOffset,
      isEncrypted: (u16(at + 8) & 1) !== 0,
      crc32: u32(at + 16),
    });
    at = next;
  }
  if (at !== cdEnd) throw new ZipDamage('danh mục tệp nén dài hơn số mục khai báo');

  const parts = (): readonly ZipPart[] => {
    const out: ZipPart[] = [];
    const spans: { from: number; to: number; path: string }[] = [];
    for (const { nameBytes, ...e } of all) {
      // The local header must say what the directory says: a streaming reader reads only it.
      const { path } = e;
      const local = e.localHeaderOffset;
      if (local + 30 > cdStart || u32(local) !== LOCAL)
        throw new ZipDamage(`mục "${path}" không có đầu mục tại vị trí khai báo`);
      const localFlags = u16(local + 6);
      const localNameLen = u16(local + 26);
      const localExtraLen = u16(local + 28);
      const dataOffset = local + 30 + localNameLen + localExtraLen;
      if (
        !sameBytes(buf.subarray(local + 30, local + 30 + localNameLen), nameBytes) ||
        u16(local + 8) !== e.compressionMethod ||
        (localFlags & 1) !== (e.isEncrypted ? 1 : 0)
      )
        throw new ZipDamage(`đầu mục "${path}" khác danh mục tệp nén`);
      const deferred = (localFlags & 8) !== 0; // sizes and CRC after the data, in a descriptor
      if (!deferred) {
        const [lu, lc] = widen(view, local + 30 + localNameLen, localExtraLen, [u32(local + 22), u32(local + 18)]);
        if (u32(local + 14) !== e.crc32 || lu !== e.uncompressedSize || lc !== e.compressedSize)
          throw new ZipDamage(`đầu mục "${path}" khai báo kích thước khác danh mục tệp nén`);
      }
      let to = dataOffset + e.compressedSize;
      if (deferred) to = descriptorEnd(view, to, cdStart, e, path);
      if (to > cdStart) throw new ZipDamage(`mục "${path}" tràn vào danh mục tệp nén`);
      spans.push({ from: local, to, path });
      if (!path.endsWith('/')) out.push({ ...e, dataOffset });
    }
    // No two entries share bytes, and nothing lies hidden between them: a reader walking the
    // local headers from the start meets exactly the entries of the directory.
    spans.sort((a, b) => a.from - b.from);
    let prev = 0;
    for (const s of spans) {
      if (s.from < prev) throw new ZipDamage(`mục "${s.path}" chồng lên mục khác`);
      if (hasLocalHeader(view, prev, s.from)) throw new ZipDamage('có mục ẩn không nằm trong danh mục tệp nén');
      prev = s.to;
    }
    if (hasLocalHeader(view, prev, cdStart)) throw new ZipDamage('có mục ẩn không nằm trong danh mục tệp nén');
    return out;
  };
  return { entries: all.filter((e) => !e.path.endsWith('/')).map(({ nameBytes: _, ...e }) => e), parts };
}

/**
 * The one end record: the one whose comment reaches the end of the file. A second record that
 * also does (one hidden in the other's comment), or a record or directory in the comment, is
 * what makes readers disagree: those searching from the end take the hidden one, those checking
 * the comment's length the outer one.
 */
function findEnd(buf: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, buf.length - 22 - MAX16);
  const ends: number[] = [];
  for (let at = buf.length - 22; at >= lowest; at--)
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) === buf.length) ends.push(at);
  if (!ends.length) throw new ZipDamage('tệp nén bị hỏng', true);
  const hidden = () => new ZipDamage('có hai bản ghi cuối của tệp nén (một bản ẩn trong phần chú thích)');
  if (ends.length > 1) throw hidden();
  const at = ends[0];
  for (let i = at + 22; i + 4 <= buf.length; i++)
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && [1, 3, 5, 6].includes(buf[i + 2])) throw hidden();
  return at;
}

/**
 * The Open Packaging Conventions' part names (ECMA-376 part 2, §6.2.2): segments of printable
 * characters split by "/", none empty, "." or "..", no backslash, no leading "/" or drive letter.
 * A name outside them is resolved differently by different readers (or outside the package).
 */
function checkName(path: string): void {
  const why = (w: string) => new ZipDamage(`tên mục "${path}" ${w}`);
  if (!path) throw why('trống');
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) throw why('là đường dẫn tuyệt đối');
  if (path.includes('\\')) throw why('có dấu "\\"');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\ufffd]/.test(path)) throw why('có ký tự điều khiển');
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.')) throw why('trỏ ra ngoài tệp nén');
  if (segments.some((s) => !s)) throw why('có đoạn trống');
}

/**
 * Sizes and offset with the ZIP64 extended information applied: each field written as 0xFFFFFFFF
 * is in the extra field, in the fixed order (uncompressed, compressed, offset).
 */
function widen(view: DataView, from: number, length: number, fields: readonly number[]): number[] {
  if (!fields.includes(MAX32)) return [...fields];
  for (let at = from; at + 4 <= from + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      return fields.map((f) => {
        if (f !== MAX32) return f;
        if (p + 8 > at + 4 + size) throw new ZipDamage('thông tin ZIP64 bị cắt cụt');
        p += 8;
        return Number(view.getBigUint64(p - 8, true));
      });
    }
    at += 4 + size;
  }
  throw new ZipDamage('thiếu thông tin ZIP64');
}

/** Where a data descriptor after an entry's data ends, having checked it says what the directory says. */
function descriptorEnd(view: DataView, at: number, limit: number, e: ZipEntry, path: string): number {
  const start = at + 4 <= limit && view.getUint32(at, true) === DESCRIPTOR ? at + 4 : at;
  for (const wide of [false, true]) {
    const end = start + (wide ? 20 : 12);
    if (end > limit) continue;
    const c = wide ? Number(view.getBigUint64(start + 4, true)) : view.getUint32(start + 4, true);
    const u = wide ? Number(view.getBigUint64(start + 12, true)) : view.getUint32(start + 8, true);
    if (view.getUint32(start, true) === e.crc32 && c === e.compressedSize && u === e.uncompressedSize) return end;
  }
  throw new ZipDamage(`mục "${path}" khai báo kích thước khác danh mục tệp nén`);
}

function hasLocalHeader(view: DataView, from: number, to: number): boolean {
  for (let i = from; i + 4 <= to; i++) if (view.getUint32(i, true) === LOCAL) return true;
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Why a part could not be inflated. */
export type InflateProblem = 'unreadable' | 'larger-than-declared';

export class InflateError extends Error {
  constructor(readonly problem: InflateProblem) {
    super(problem);
  }
}

/**
 * The part's bytes in chunks as they inflate. Throws InflateError('larger-than-declared') as soon
 * as more comes out than declared, 'unreadable' for damaged data, a method no .xlsx uses, or
 * bytes whose CRC-32 is not the directory's (checked when the part has been read to its end).
 */
export async function* inflatePart(buf: Uint8Array, e: ZipPart): AsyncGenerator<Uint8Array> {
  const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.compressionMethod === 0) {
    if (data.length > e.uncompressedSize) throw new InflateError('larger-than-declared');
    if (data.length < e.uncompressedSize || crc32(0, data) !== e.crc32) throw new InflateError('unreadable');
    yield data;
    return;
  }
  if (e.compressionMethod !== 8 || e.isEncrypted) throw new InflateError('unreadable');
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  let crc = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new InflateError('unreadable');
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > e.uncompressedSize) {
      await reader.cancel();
      throw new InflateError('larger-than-declared');
    }
    crc = crc32(crc, chunk.value);
    yield chunk.value;
  }
  if (total !== e.uncompressedSize || crc !== e.crc32) throw new InflateError('unreadable');
}

let table: Uint32Array | null = null;

/** CRC-32 (the zip one), continued from `crc` over `data`. */
function crc32(crc: number, data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
