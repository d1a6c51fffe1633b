/**
 * A zip writer for tests that need zips no library writes: every record is laid out by hand, so a
 * test can hide a second directory in the comment, make the directory disagree with a local
 * header, or point two entries at the same bytes. Records as in APPNOTE.TXT §4.3.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface Packed {
  name: string;
  method: 0 | 8;
  crc: number;
  usize: number;
  payload: Buffer;
}

/** One part, deflated (or stored). */
export function pack(name: string, data: Buffer | string, store = false): Packed {
  const raw = Buffer.from(data);
  return {
    name,
    method: store ? 0 : 8,
    crc: crc32(raw),
    usize: raw.length,
    payload: store ? raw : deflateRawSync(raw),
  };
}

/** A local header and the part's data. */
export function localRecord(p: Packed, name = p.name): Buffer {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6); // names in UTF-8
  h.writeUInt16LE(p.method, 8);
  h.writeUInt32LE(p.crc, 14);
  h.writeUInt32LE(p.payload.length, 18);
  h.writeUInt32LE(p.usize, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, p.payload]);
}

/** A central-directory record for a part whose local header is at `offset`. */
export function centralRecord(p: Packed, offset: number, name = p.name): Buffer {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x800, 8);
  h.writeUInt16LE(p.method, 10);
  h.writeUInt32LE(p.crc, 16);
  h.writeUInt32LE(p.payload.length, 20);
  h.writeUInt32LE(p.usize, 24);
  h.writeUInt16LE(n.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, n]);
}

/** The end record; `commentLength` may differ from the comment that follows (what a forger writes). */
export function endRecord(count: number, cdSize: number, cdStart: number, commentLength = 0): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(cdSize, 12);
  h.writeUInt32LE(cdStart, 16);
  h.writeUInt16LE(commentLength, 20);
  return h;
}

export interface Layout {
  bytes: Buffer;
  /** Where each part's local header starts, by name (the first part of a name). */
  offsets: Map<string, number>;
  cdStart: number;
}

/** An honest zip of the parts, in order, with an optional comment. */
export function zipOf(parts: readonly Packed[], comment: Buffer = Buffer.alloc(0)): Layout {
  const locals: Buffer[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const p of parts) {
    starts.push(at);
    const r = localRecord(p);
    locals.push(r);
    at += r.length;
  }
  const offsets = new Map<string, number>();
  parts.forEach((p, i) => offsets.has(p.name) || offsets.set(p.name, starts[i]));
  const cd = Buffer.concat(parts.map((p, i) => centralRecord(p, starts[i])));
  const bytes = Buffer.concat([...locals, cd, endRecord(parts.length, cd.length, at, comment.length), comment]);
  return { bytes, offsets, cdStart: at };
}

/** Every part of an honest zip (stored or deflated, no data descriptors), in directory order. */
export function unzipParts(zip: Buffer): { name: string; data: Buffer }[] {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const csize = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const skip = nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + skip;
  }
  return out;
}
