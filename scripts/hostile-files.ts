/**
 * Hostile inputs, made on demand (never committed as large binaries): every kind of file a
 * province might be handed instead of an agency's .xlsx, small on disk but built to hang or
 * exhaust a reader that trusts it. tests/local/hostile.test.ts feeds each to validate, collect and the
 * import dialog; `npx ts-node scripts/hostile-files.ts <folder>` (or any TS runner) writes them
 * for trying by hand.
 */
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The parts every .xlsx has, so that only the hostile part makes the file hostile. */
function minimalXlsx(extraSheets = 0): JSZip {
  const zip = new JSZip();
  const sheets = Array.from({ length: 1 + extraSheets }, (_, i) => i + 1);
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (i) =>
            `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets.map((i) => `<sheet name="Trang${i}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
      '</sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (i) =>
            `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
        )
        .join('') +
      '</Relationships>',
  );
  for (const i of sheets)
    zip.file(
      `xl/worksheets/sheet${i}.xml`,
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    );
  return zip;
}

const deflate = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

/**
 * Sets every central-directory entry's uncompressed size for names matching `which` to `size`:
 * a zip that declares parts of hundreds of MB (what a zip bomb declares) without the test
 * having to inflate or even build them. With `local`, the local headers say the same: a "lying"
 * zip whose parts inflate to far more than declared.
 */
function declareSizes(zip: Buffer, which: RegExp, size: number, local = false): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLen = out.readUInt16LE(i + 28);
    const name = out.subarray(i + 46, i + 46 + nameLen).toString('utf8');
    if (!which.test(name)) continue;
    out.writeUInt32LE(size, i + 24);
    if (local) out.writeUInt32LE(size, out.readUInt32LE(i + 42) + 22);
  }
  return out;
}

/** One sheet of `rows` rows (about 45 bytes of XML each): what a "used range to row 1,000,000" is. */
function longSheet(rows: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

export interface Hostile {
  readonly file: string;
  /** What a user must read (a fragment of the Vietnamese message). */
  readonly expect: string;
}

/** Writes every hostile input into `dir` and says what each must be answered with. */
export async function writeHostileFiles(dir: string): Promise<Hostile[]> {
  mkdirSync(dir, { recursive: true });
  const at = (f: string) => join(dir, f);
  const out: Hostile[] = [];
  const put = (file: string, data: Buffer | string, expect: string) => {
    writeFileSync(at(file), data);
    out.push({ file, expect });
  };
  put('cu.xlsx', Buffer.concat([OLE2, Buffer.alloc(512), Buffer.from('Workbook', 'utf16le')]), 'Excel 97-2003 (.xls)');
  put(
    'mat-khau.xlsx',
    Buffer.concat([OLE2, Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]),
    'được đặt mật khẩu',
  );
  const ods = new JSZip();
  ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  ods.file('content.xml', '<office:document-content/>');
  put('calc.xlsx', await ods.generateAsync({ type: 'nodebuffer' }), 'OpenDocument (.ods)');
  put('danh-sach.xlsx', 'stt;ten;loai\n1;Sở Nội vụ;so\n', 'tệp văn bản (có thể là CSV)');
  const docx = new JSZip();
  docx.file('word/document.xml', '<w:document/>');
  put('thu.xlsx', await docx.generateAsync({ type: 'nodebuffer' }), 'không phải sổ Excel (.xlsx)');
  put(
    'hong.xlsx',
    Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]),
    'không phải tệp Excel (.xlsx) hợp lệ',
  );
  // A zip bomb as the issue measured it: small on disk, 400 MB declared once inflated.
  put('bom.xlsx', declareSizes(await deflate(minimalXlsx()), /sheet1\.xml$/, 400 * 1024 * 1024), 'giải nén ra 400 MB');
  // Four parts of 495 MB each (the sum overflows nothing in JS, but is far beyond any report).
  put(
    'bon-phan.xlsx',
    declareSizes(await deflate(minimalXlsx(3)), /sheet\d\.xml$/, 495 * 1024 * 1024),
    'giải nén ra 1980 MB',
  );
  // A lying bomb: a part declared as 1,000 bytes that inflates to 8 MB (a real one holds gigabytes).
  const liar = minimalXlsx();
  liar.file('xl/media/pad.xml', ' '.repeat(8 * 1024 * 1024));
  put('gia.xlsx', declareSizes(await deflate(liar), /pad\.xml$/, 1000, true), 'nhiều hơn kích thước tệp nén khai báo');
  // A real (honest) sheet part of about 20 MB: a used range 450,000 rows long on an extra sheet.
  const long = minimalXlsx(1);
  long.file('xl/worksheets/sheet2.xml', longSheet(450_000));
  put('dai.xlsx', await deflate(long), 'một trang giải nén ra');
  // Devices and pipes: reading them never ends (or waits forever for a writer).
  symlinkSync('/dev/zero', at('zero.xlsx'));
  out.push({ file: 'zero.xlsx', expect: 'không phải một tệp thông thường (thiết bị)' });
  try {
    execFileSync('mkfifo', [at('ong.xlsx')]);
    out.push({ file: 'ong.xlsx', expect: 'không phải một tệp thông thường (ống dẫn FIFO)' });
  } catch {
    // No mkfifo on this machine: the device case stands for both.
  }
  return out;
}

// Run as a script only (bundled into bench, `module` is the bundle's own).
if (require.main === module && /hostile-files/.test(process.argv[1] ?? '')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: scripts/hostile-files.ts <folder>');
  void writeHostileFiles(dir).then((list) => list.forEach((h) => console.log(`${h.file}: ${h.expect}`)));
}
