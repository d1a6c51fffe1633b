/**
 * An agency list file as Excel, LibreOffice or a text editor saved it, to the rows the core reads
 * (src/core/settings/agency-list.ts): an .xlsx (its first sheet, through the same guarded reader
 * as every workbook), or a text in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode
 * Text"), Windows-1258 or TCVN3 (ABC) when the bytes say which. A text whose encoding is not
 * certain is refused with how to save it as "CSV UTF-8": a wrong guess would put garbled names on
 * every tab. No Node imports.
 */
import { TextRecord } from '../core/catalog/csv';
import { AgencyListResult, agenciesFromRecords, agenciesFromText } from '../core/settings/agency-list';
import { IsoDate } from '../core/primitives/dates';
import { cellText } from '../core/sheet/grid';
import { FileError } from './file-problems';
import { guardedSnapshots, sniff } from './xlsx-guard';

/**
 * TCVN 5712:1993 bytes 0x80–0xFF (VN1, whose 0xA0–0xFF are the TCVN3/ABC letters of .VnTime
 * fonts), as the GNU C library's TCVN5712-1 converter gives them.
 */
const TCVN3_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ' + // 0x80
  'ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' + // 0x90
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' + // 0xA0
  '\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' + // 0xB0
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' + // 0xC0
  'éẹềểễếệìỉỄẾỒĩíịò' + // 0xD0
  'Ổỏõóọồổỗốộờởỡớợù' + // 0xE0
  'ỖủũúụừửữứựỳỷỹýỵỐ'; // 0xF0

function decodeTcvn3(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : TCVN3_HIGH[b - 0x80];
  return s;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const PUNCTUATION = new Set([...'\u00a0–—“”‘’…•°€₫§©®']);

/** A letter Vietnamese writes: ASCII, đ, or a vowel with its Vietnamese marks (at most one tone). */
function vietnameseLetter(c: string): boolean {
  if (/[A-Za-z]/.test(c) || c === 'đ' || c === 'Đ') return true;
  // A vowel, at most one tone, and besides it only â ê ô, ă, ơ ư's own mark (no û, ö, å).
  const d = c.normalize('NFD');
  const base = d[0]!.toLowerCase();
  const marks = d.slice(1);
  const mod = marks.replace(TONES, '');
  if (!marks || marks.length - mod.length > 1 || !'aeiouy'.includes(base)) return false;
  return (
    mod === '' ||
    (mod === '\u0302' && 'aeo'.includes(base)) ||
    (mod === '\u0306' && base === 'a') ||
    (mod === '\u031b' && 'ou'.includes(base))
  );
}

/**
 * Whether a decoded text reads as Vietnamese: every character a letter Vietnamese writes, an ASCII
 * sign or common punctuation; every word one tone mark at most; no capital with accents inside a
 * lower-case word. A misread legacy text fails one of these almost at once ("Sừề", "Sµi", "Ső").
 */
export function readsAsVietnamese(text: string): boolean {
  const nfc = text.normalize('NFC');
  for (const c of nfc) {
    const code = c.codePointAt(0)!;
    if (code === 9 || code === 10 || code === 13 || (code >= 0x20 && code < 0x7f)) continue;
    if (!vietnameseLetter(c) && !PUNCTUATION.has(c)) return false;
  }
  for (const word of nfc.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if ((word.normalize('NFD').match(TONES) ?? []).length > 1) return false;
    // "ThừA", "SởNội": no accented capital after a small letter inside one word.
    let lower = false;
    for (const c of word) {
      if (/\p{Ll}/u.test(c)) lower = true;
      else if (lower && c.charCodeAt(0) > 0x7f && /\p{Lu}/u.test(c)) return false;
    }
  }
  return true;
}

function decoder(label: string): { decode(bytes: Uint8Array): string } | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null; // a runtime built without that table
  }
}

export type ListEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1258' | 'TCVN3';

/**
 * A list file's text and the encoding it was read in; FileError('list-encoding') when no encoding
 * is certain (the message says how to save the file as "CSV UTF-8").
 */
export function decodeListText(bytes: Uint8Array, shown: string): { text: string; encoding: ListEncoding } {
  const strict = (label: string, from: number, encoding: ListEncoding) => {
    try {
      return { text: decoder(label)!.decode(bytes.subarray(from)), encoding };
    } catch {
      throw new FileError('list-encoding', shown, 'tệp đánh dấu Unicode nhưng có byte không hợp lệ');
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', 3, 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', 2, 'UTF-16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', 2, 'UTF-16');
  if (bytes.includes(0))
    throw new FileError(
      'list-encoding',
      shown,
      'tệp có byte 0: Unicode 16 bit không có dấu nhận dạng (BOM), hoặc không phải tệp văn bản',
    );
  try {
    return { text: decoder('utf-8')!.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // an 8-bit legacy encoding: taken only when exactly one reading is Vietnamese
  }
  const readings: { text: string; encoding: ListEncoding }[] = [];
  const cp1258 = decoder('windows-1258');
  if (cp1258) readings.push({ text: cp1258.decode(bytes), encoding: 'Windows-1258' });
  readings.push({ text: decodeTcvn3(bytes), encoding: 'TCVN3' });
  const vietnamese = readings.filter((r) => readsAsVietnamese(r.text));
  if (vietnamese.length === 1) return vietnamese[0]!;
  throw new FileError('list-encoding', shown, vietnamese.length ? 'có thể đọc theo nhiều bảng mã' : '');
}

/**
 * An agency list file's agencies, or its problems by line. An .xlsx (or .xlsm) list is its first
 * sheet; a workbook of another kind is refused as every command refuses it.
 */
export async function readAgencyListFile(
  bytes: Uint8Array,
  shown: string,
  cutoffTo: IsoDate | null = null,
): Promise<AgencyListResult & { encoding: ListEncoding | 'xlsx' }> {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  const unicode = starts(0xef, 0xbb, 0xbf) || starts(0xff, 0xfe) || starts(0xfe, 0xff);
  const kind = unicode ? 'text' : sniff(bytes);
  if (kind === 'zip') {
    const book = await guardedSnapshots(bytes, shown);
    const first = book.sheetNames()[0];
    const values = (first && book.read(first)?.values) || [];
    const records: TextRecord[] = [];
    values.forEach((row, r) => {
      const cells = (row ?? []).map((v) => cellText(v));
      if (cells.some((c) => c !== '')) records.push({ line: r + 1, cells });
    });
    return { ...agenciesFromRecords(records, cutoffTo), encoding: 'xlsx' };
  }
  if (kind !== 'text' && kind !== 'not-xlsx') throw new FileError(kind, shown);
  const { text, encoding } = decodeListText(bytes, shown);
  return { ...agenciesFromText(text, cutoffTo), encoding };
}
