/** A delimited text's records, each with the 1-based line it starts on (a quoted field may span lines). */
export interface TextRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * RFC 4180 records: quoted fields, doubled quotes, CRLF, LF or CR, with any one-character separator
 * (comma; semicolon as Excel saves CSV in a Vietnamese locale; tab in Excel's "Unicode Text").
 * Blank records are dropped.
 */
export function parseDelimited(text: string, sep = ','): TextRecord[] {
  const records: TextRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    row.push(field);
    if (row.some((f) => f.trim() !== '')) records.push({ line: start, cells: row });
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      end();
      start = line;
    } else field += c;
  }
  if (field !== '' || row.length) end();
  return records;
}

/** RFC 4180 CSV (comma-separated). Returns rows of strings. */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text).map((r) => r.cells);
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}
