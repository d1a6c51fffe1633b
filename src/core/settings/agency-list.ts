/**
 * An agency list as people keep one: a table with a header row (English "name, type" or the
 * settings sheet's own "STT | Tên đơn vị | Loại | Tên trang tính | Email | Ghi chú", any case, with
 * or without accents), below a title or not. One row checker serves this list (a CSV or a sheet
 * given to `template --agencies`) and the settings sheet's agency table (read-tables.ts), so a
 * name, a type label or a tab name is judged the same wherever it was typed or pasted; only where
 * a problem is (a file's line, a sheet's cell) differs.
 */
import * as z from 'zod/mini';
import { TextRecord, parseDelimited } from '../catalog/csv';
import { IsoDate } from '../primitives/dates';
import { districtLevelExists } from '../periods';
import { fold, foldAscii, squish } from '../primitives/text';
import {
  AGENCY_TYPES,
  AGENCY_TYPE_LABELS,
  AgencyType,
  ExampleAgency,
  FORBIDDEN_IN_SHEET_NAME,
  MAX_SHEET_NAME,
  agencyTypeFromLabel,
  defaultSheetName,
  isReservedSheet,
  uniqueSheetName,
} from './model';

const Email = z.email();

/** An agency's name as it is kept: NFC (a Mac or Word may give decomposed accents), one space between words. */
export function agencyName(raw: string): string {
  return squish(raw.normalize('NFC'));
}

export type AgencyColumn = 'name' | 'type' | 'sheet' | 'emails' | 'note';

export interface AgencyRowProblem {
  readonly column: AgencyColumn;
  readonly message: string;
}

/** What one row gives, before it is checked. */
export interface AgencyRowInput {
  readonly name: string;
  readonly type: string;
  /** Blank: made from the name. */
  readonly sheet: string;
  readonly emails: string;
  readonly note: string;
}

export interface CheckedAgencyRow {
  readonly name: string;
  readonly type: AgencyType | null;
  readonly sheet: string;
  readonly emails: string[];
  readonly note: string;
}

/**
 * What the rows checked so far hold, by folded name and tab, with how each row is called
 * ("dòng 7"); `sheets` also holds the tabs made from names, so a made tab that collides is renamed.
 */
export class AgencyRowsSeen {
  readonly names = new Map<string, string>();
  readonly sheets = new Map<string, string>();
  /**
   * @param numberMadeTabs a tab made from a name that another row's tab already has is numbered
   *   ("… (2)"), as a new list's tabs are; on the settings sheet, where tabs already exist, it is a problem.
   */
  constructor(readonly numberMadeTabs = false) {}
}

function typeChoices(): string {
  return AGENCY_TYPES.filter((t) => t !== 'huyen')
    .map((t) => `${AGENCY_TYPE_LABELS[t]} (${t})`)
    .join('; ');
}

/**
 * One agency row checked: the name there, its type known, its tab a name Excel opens that no other
 * row and none of our sheets takes, its emails well formed. A blank tab is made from the name (and
 * numbered when another row's tab has it). `where` names the row in messages ("dòng 7").
 */
export function checkAgencyRow(
  input: AgencyRowInput,
  where: string,
  seen: AgencyRowsSeen,
  cutoffTo: IsoDate | null,
): { row: CheckedAgencyRow | null; problems: AgencyRowProblem[] } {
  const problems: AgencyRowProblem[] = [];
  const add = (column: AgencyColumn, message: string) => problems.push({ column, message });
  const name = agencyName(input.name);
  if (!name) {
    add('name', `thiếu tên đơn vị.`);
    return { row: null, problems };
  }
  const typeText = squish(input.type);
  const type = agencyTypeFromLabel(typeText);
  if (!typeText) add('type', `Đơn vị "${name}": chưa ghi loại đơn vị; chọn một trong: ${typeChoices()}.`);
  else if (!type) add('type', `Đơn vị "${name}": loại "${typeText}" không hợp lệ; chọn một trong: ${typeChoices()}.`);
  else if (type === 'huyen' && cutoffTo && !districtLevelExists(cutoffTo))
    add('type', `Đơn vị "${name}": từ 01/07/2025 không còn cấp huyện; chọn loại khác hoặc xóa đơn vị khỏi danh sách.`);
  const given = agencyName(input.sheet);
  const made = !given;
  let sheet = given || defaultSheetName(name);
  if (made && seen.numberMadeTabs && seen.sheets.has(fold(sheet)))
    sheet = uniqueSheetName(sheet, [...seen.sheets.keys()]); // only on a clash: a long list stays linear
  const fix = made ? 'hãy đổi tên đơn vị hoặc ghi tên trang khác ở cột Tên trang tính' : 'hãy đặt tên khác';
  if (sheet.length > MAX_SHEET_NAME)
    add(
      'sheet',
      `Đơn vị "${name}": tên trang tính "${sheet}" dài ${sheet.length} ký tự; Excel chỉ mở được tên tối đa ${MAX_SHEET_NAME} ký tự. Hãy rút gọn.`,
    );
  if (FORBIDDEN_IN_SHEET_NAME.test(sheet))
    add(
      'sheet',
      `Đơn vị "${name}": tên trang tính "${sheet}" chứa ký tự Excel không chấp nhận ([ ] : * ? / \\). Hãy bỏ các ký tự này.`,
    );
  if (isReservedSheet(sheet))
    add('sheet', `Đơn vị "${name}": tên trang tính "${sheet}" trùng với trang của tiện ích; ${fix}.`);
  const prevName = seen.names.get(fold(name));
  if (prevName !== undefined) add('name', `Đơn vị "${name}" bị trùng (đã có ở ${prevName}).`);
  else seen.names.set(fold(name), where);
  const prevSheet = seen.sheets.get(fold(sheet));
  if (prevSheet !== undefined && prevName === undefined)
    add('sheet', `Tên trang tính "${sheet}" bị trùng với ${prevSheet}; mỗi đơn vị cần một trang riêng, ${fix}.`);
  if (prevSheet === undefined) seen.sheets.set(fold(sheet), where);
  const emails = input.emails.split(/[\s,;]+/).filter(Boolean);
  for (const e of emails)
    if (!z.safeParse(Email, e).success) add('emails', `Đơn vị "${name}": email "${e}" không hợp lệ.`);
  return { row: { name, type, sheet, emails, note: squish(input.note) }, problems };
}

// ---------------------------------------------------------------------------------------------
// A list with a header row
// ---------------------------------------------------------------------------------------------

/** Header texts of each column, folded without accents or punctuation. */
const HEADERS: Record<AgencyColumn | 'stt' | 'branch', readonly string[]> = {
  stt: ['stt', 'so tt', 'tt', 'so thu tu', 'no'],
  name: ['name', 'ten don vi', 'ten', 'don vi', 'ten co quan', 'co quan', 'co quan don vi', 'ten co quan don vi'],
  type: ['type', 'loai', 'loai don vi', 'kind'],
  sheet: ['sheet', 'ten trang tinh', 'trang tinh', 'ten trang', 'tab'],
  emails: ['email', 'emails', 'e mail', 'thu dien tu', 'email cua don vi'],
  note: ['note', 'ghi chu'],
  branch: ['so nhanh', 'branch', 'nhanh'],
};

function headerKey(text: string): string {
  return foldAscii(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Columns = Partial<Record<AgencyColumn | 'branch', number>>;

function columnsOf(cells: readonly string[]): Columns {
  const cols: Columns = {};
  cells.forEach((c, i) => {
    const key = headerKey(c);
    for (const col of ['name', 'type', 'sheet', 'emails', 'note', 'branch'] as const)
      if (cols[col] === undefined && HEADERS[col].includes(key)) cols[col] = i;
  });
  return cols;
}

/** How many of the first rows a header may sit under (a title, a blank line, the province's name). */
const HEADER_SEARCH = 10;

export interface ListProblem {
  /** The file's line (or the sheet's row) the problem is on. */
  readonly line: number;
  readonly message: string;
}

export interface ListedAgency extends ExampleAgency {
  readonly sheet: string;
  readonly emails: readonly string[];
  readonly note: string;
  /** The branch workbook ("Sổ nhánh") that holds its form; absent: the main one. */
  readonly branch?: string;
}

export interface AgencyListResult {
  readonly agencies: ListedAgency[];
  readonly problems: ListProblem[];
  /** The header line found (null: none). */
  readonly header: number | null;
}

/**
 * The agencies of a table's records: the header row is the first of the first ten records that
 * names a name column; every record below it is one agency, checked by checkAgencyRow. Problems
 * name the record's line; nothing is dropped silently.
 */
export function agenciesFromRecords(records: readonly TextRecord[], cutoffTo: IsoDate | null = null): AgencyListResult {
  const headerAt = records.slice(0, HEADER_SEARCH).findIndex((r) => columnsOf(r.cells).name !== undefined);
  if (headerAt < 0) {
    const first = records[0];
    return {
      agencies: [],
      header: null,
      problems: [
        {
          line: first?.line ?? 1,
          message: first
            ? `không thấy dòng tiêu đề có cột tên đơn vị ("Tên đơn vị" hoặc "name") trong ${HEADER_SEARCH} dòng đầu; dòng đầu đang là "${first.cells.map(squish).filter(Boolean).join(' | ').slice(0, 120)}". Hãy thêm một dòng tiêu đề: Tên đơn vị, Loại.`
            : 'danh sách trống; cần một dòng tiêu đề (Tên đơn vị, Loại) và mỗi đơn vị một dòng.',
        },
      ],
    };
  }
  const head = records[headerAt]!;
  const cols = columnsOf(head.cells);
  if (cols.type === undefined)
    return {
      agencies: [],
      header: head.line,
      problems: [
        {
          line: head.line,
          message: `thiếu cột loại đơn vị (tiêu đề "Loại" hoặc "type"). Hãy thêm cột đó, mỗi dòng ghi một trong: ${typeChoices()}.`,
        },
      ],
    };
  const seen = new AgencyRowsSeen(true);
  const agencies: ListedAgency[] = [];
  const problems: ListProblem[] = [];
  const at = (cells: readonly string[], col: AgencyColumn | 'branch') => {
    const i = cols[col];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  for (const r of records.slice(headerAt + 1)) {
    if ((['name', 'type', 'sheet', 'emails'] as const).every((c) => !squish(at(r.cells, c)))) continue; // a numbered blank line
    const { row, problems: found } = checkAgencyRow(
      {
        name: at(r.cells, 'name'),
        type: at(r.cells, 'type'),
        sheet: at(r.cells, 'sheet'),
        emails: at(r.cells, 'emails'),
        note: at(r.cells, 'note'),
      },
      `dòng ${r.line}`,
      seen,
      cutoffTo,
    );
    for (const p of found) problems.push({ line: r.line, message: p.message });
    const branch = squish(at(r.cells, 'branch'));
    if (row?.type && !found.length) agencies.push({ ...row, type: row.type, ...(branch && { branch }) });
  }
  if (!agencies.length && !problems.length)
    problems.push({ line: head.line, message: 'danh sách chưa có đơn vị nào dưới dòng tiêu đề.' });
  return { agencies, problems, header: head.line };
}

const SEPARATORS = ['\t', ';', ','] as const;

/**
 * The agencies of a delimited text: the separator is the one (tab, semicolon or comma) under which
 * a header row is found with the most known columns; quoted fields may hold any of them.
 */
export function agenciesFromText(text: string, cutoffTo: IsoDate | null = null): AgencyListResult {
  let best: { records: TextRecord[]; score: number } | null = null;
  for (const sep of SEPARATORS) {
    const records = parseDelimited(text, sep);
    const head = records.slice(0, HEADER_SEARCH).find((r) => columnsOf(r.cells).name !== undefined);
    const score = head ? Object.keys(columnsOf(head.cells)).length : 0;
    if (!best || score > best.score) best = { records, score };
  }
  return agenciesFromRecords(best!.records, cutoffTo);
}
