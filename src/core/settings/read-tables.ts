/**
 * The two tables of the settings sheet read row by row: the agencies (name, type, tab, emails)
 * and the owners of province-wide figures. Every problem is reported by its cell.
 */
import * as z from 'zod/mini';
import { Catalog, isValueRow } from '../catalog/catalog';
import { retiredIndicator } from '../catalog/versions';
import { IsoDate } from '../primitives/dates';
import { RawCell, cellText, isBlank } from '../sheet/grid';
import { districtLevelExists } from '../periods';
import { fold, squish } from '../primitives/text';
import { defaultOwners } from './example';
import { AGENCY_HEADER, AGENCY_OPTIONAL_COLUMNS, AGENCY_TITLE, EXTRA_TITLE, OWNER_HEADER, OWNER_TITLE } from './layout';
import {
  AGENCY_TYPES,
  AGENCY_TYPE_LABELS,
  Agency,
  FORBIDDEN_IN_SHEET_NAME,
  MAX_SHEET_NAME,
  SETTINGS_SHEET,
  agencyTypeFromLabel,
  defaultSheetName,
  isReservedSheet,
} from './model';

const Email = z.email();

export type ProblemFn = (r: number | null, c: number, message: string) => void;

/** The row whose column `col` reads `text` (case and accents folded), from `from` on; -1 if none. */
export function findRow(values: RawCell[][], col: number, text: string, from = 0): number {
  const want = fold(text);
  for (let r = from; r < values.length; r++) if (fold(cellText(values[r]?.[col])) === want) return r;
  return -1;
}

export function readAgencies(values: RawCell[][], problem: ProblemFn, cutoffTo: IsoDate | null): Agency[] {
  const title = findRow(values, 0, AGENCY_TITLE);
  const head = title < 0 ? -1 : findRow(values, 0, AGENCY_HEADER[0], title);
  if (head < 0) {
    problem(
      null,
      0,
      `Không tìm thấy bảng "${AGENCY_TITLE}" (tiêu đề và dòng "STT | Tên đơn vị | …") trên trang "${SETTINGS_SHEET}".`,
    );
    return [];
  }
  // The newer columns are found by their header, so a sheet written before them still loads.
  const headRow = values[head] ?? [];
  const column = (label: string) => headRow.findIndex((c) => fold(cellText(c)) === fold(label));
  const parentCol = column(AGENCY_HEADER[AGENCY_OPTIONAL_COLUMNS.parentBody]);
  const symbolCol = column(AGENCY_HEADER[AGENCY_OPTIONAL_COLUMNS.symbol]);
  const optional = (row: RawCell[], c: number) => (c < 0 ? '' : squish(cellText(row[c])));
  const agencies: Agency[] = [];
  const names = new Map<string, number>();
  const sheets = new Map<string, number>();
  for (let r = head + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = squish(cellText(row[1]));
    if (!name && row.slice(2, 5).every(isBlank)) continue;
    const where = `dòng ${r + 1}`;
    if (!name) {
      problem(r, 1, `Bảng đơn vị, ${where}: thiếu tên đơn vị.`);
      continue;
    }
    const typeText = cellText(row[2]);
    const type = agencyTypeFromLabel(typeText);
    if (!type) {
      problem(
        r,
        2,
        `Đơn vị "${name}": loại "${typeText}" không hợp lệ; chọn một trong: ${AGENCY_TYPES.filter((t) => t !== 'huyen')
          .map((t) => AGENCY_TYPE_LABELS[t])
          .join('; ')}.`,
      );
    } else if (type === 'huyen' && cutoffTo && !districtLevelExists(cutoffTo)) {
      problem(
        r,
        2,
        `Đơn vị "${name}": từ 01/07/2025 không còn cấp huyện; chọn loại khác hoặc xóa đơn vị khỏi danh sách.`,
      );
    }
    const sheet = squish(cellText(row[3])) || defaultSheetName(name);
    if (sheet.length > MAX_SHEET_NAME)
      problem(
        r,
        3,
        `Đơn vị "${name}": tên trang tính "${sheet}" dài ${sheet.length} ký tự; Excel chỉ mở được tên tối đa ${MAX_SHEET_NAME} ký tự. Hãy rút gọn.`,
      );
    if (FORBIDDEN_IN_SHEET_NAME.test(sheet))
      problem(
        r,
        3,
        `Đơn vị "${name}": tên trang tính "${sheet}" chứa ký tự Excel không chấp nhận ([ ] : * ? / \\). Hãy bỏ các ký tự này.`,
      );
    if (isReservedSheet(sheet))
      problem(r, 3, `Đơn vị "${name}": tên trang tính "${sheet}" trùng với trang của tiện ích; hãy đặt tên khác.`);
    const prevName = names.get(fold(name));
    if (prevName !== undefined) problem(r, 1, `Đơn vị "${name}" bị trùng (đã có ở dòng ${prevName + 1}).`);
    names.set(fold(name), r);
    const prevSheet = sheets.get(fold(sheet));
    if (prevSheet !== undefined)
      problem(r, 3, `Tên trang tính "${sheet}" bị trùng với dòng ${prevSheet + 1}; mỗi đơn vị cần một trang riêng.`);
    sheets.set(fold(sheet), r);
    const emails = cellText(row[4])
      .split(/[\s,;]+/)
      .filter(Boolean);
    for (const e of emails) {
      if (!z.safeParse(Email, e).success) problem(r, 4, `Đơn vị "${name}": email "${e}" không hợp lệ.`);
    }
    const sttRaw = row[0];
    agencies.push({
      stt: typeof sttRaw === 'number' ? sttRaw : Number(cellText(sttRaw)) || agencies.length + 1,
      name,
      type: type ?? 'khac',
      sheet,
      emails,
      note: squish(cellText(row[5])),
      parentBody: optional(row, parentCol),
      symbol: optional(row, symbolCol),
    });
  }
  if (!agencies.length) problem(head + 1, 1, 'Danh sách đơn vị báo cáo đang trống; hãy thêm ít nhất một đơn vị.');
  return agencies;
}

export function readOwners(
  values: RawCell[][],
  catalog: Catalog,
  agencies: Agency[],
  problem: ProblemFn,
  retired: (r: number, code: string) => void,
): { owners: Record<string, string | null>; listed: Set<string>; end: number | null } {
  const owners = defaultOwners(catalog, agencies);
  const listed = new Set<string>();
  const title = findRow(values, 0, OWNER_TITLE);
  const head = title < 0 ? -1 : findRow(values, 0, OWNER_HEADER[0], title);
  if (head < 0) return { owners, listed, end: null }; // defaults
  const byName = new Map(agencies.map((a) => [fold(a.name), a.name]));
  const titles = [EXTRA_TITLE, AGENCY_TITLE].map(fold);
  let r = head + 1;
  for (; r < values.length; r++) {
    const code = cellText(values[r]?.[0]).replace(/\.$/, '');
    if (!code || titles.includes(fold(code))) break;
    listed.add(code);
    const row = catalog.get(code);
    if (!row && retiredIndicator(code)) {
      retired(r, code); // a sheet set up before 01/07/2025, now used for a later period
      continue;
    }
    if (!row || !isValueRow(row) || row.aggregate !== 'owner') {
      problem(r, 0, `Bảng đơn vị cung cấp số liệu: "${code}" không phải chỉ tiêu do một đơn vị cung cấp.`);
      continue;
    }
    const who = squish(cellText(values[r]?.[2]));
    if (!who) {
      owners[code] = null;
      continue;
    }
    const hit = byName.get(fold(who));
    if (!hit) problem(r, 2, `Chỉ tiêu ${code}: đơn vị cung cấp "${who}" không có trong danh sách đơn vị báo cáo.`);
    owners[code] = hit ?? null;
  }
  return { owners, listed, end: r };
}
