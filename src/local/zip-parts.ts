/**
 * The parts of a zip (an .xlsx is one) from its central directory, and a part's bytes inflated
 * as a stream that stops one byte past the size the directory declares: a "lying" zip bomb
 * (sizes understated so that the size checks pass) costs at most its declared size, never the
 * gigabytes it holds. Web streams and no Node imports, so the import dialog (browser) runs the same.
 */
import { BufferReader, RemoteZipReader } from '@cj-tech-master/excelts/archive';

export interface ZipPart {
  readonly path: string;
  readonly uncompressedSize: number;
  readonly compressedSize: number;
  readonly compressionMethod: number;
  readonly localHeaderOffset: number;
  readonly isEncrypted: boolean;
}

/** The central directory's entries; throws when the zip is damaged. */
export async function zipParts(buf: Uint8Array): Promise<readonly ZipPart[]> {
  return (await RemoteZipReader.fromReader(new BufferReader(buf))).getEntries();
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
 * as more comes out than declared, 'unreadable' for damaged data or a method no .xlsx uses.
 */
export async function* inflatePart(buf: Uint8Array, e: ZipPart): AsyncGenerator<Uint8Array> {
  const data = compressedData(buf, e);
  if (e.compressionMethod === 0) {
    if (data.length > e.uncompressedSize) throw new InflateError('larger-than-declared');
    yield data;
    return;
  }
  if (e.compressionMethod !== 8 || e.isEncrypted) throw new InflateError('unreadable');
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new InflateError('unreadable');
    }
    if (chunk.done) return;
    total += chunk.value.byteLength;
    if (total > e.uncompressedSize) {
      await reader.cancel();
      throw new InflateError('larger-than-declared');
    }
    yield chunk.value;
  }
}

/** The part's compressed bytes, after its local header. */
function compressedData(buf: Uint8Array, e: ZipPart): Uint8Array {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length) throw new InflateError('unreadable');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
}
