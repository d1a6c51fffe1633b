/**
 * The two tables of the settings sheet read row by row: the agencies (name, type, tab, emails)
 * and the owners of province-wide figures. Every problem is reported by its cell.
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { retiredIndicator } from '../catalog/versions';
import { IsoDate } from '../primitives/dates';
import { RawCell, cellText, isBlank } from '../sheet/grid';
import { fold, squish } from '../primitives/text';
import { defaultOwners } from './example';
import { AGENCY_HEADER, AGENCY_OPTIONAL_COLUMNS, AGENCY_TITLE, EXTRA_TITLE, OWNER_HEADER, OWNER_TITLE } from './layout';
import { Agency, SETTINGS_SHEET } from './model';
import { AgencyColumn, AgencyRowsSeen, checkAgencyRow } from './agency-list';

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
  const columnOf = (label: string) => headRow.findIndex((c) => fold(cellText(c)) === fold(label));
  const parentCol = columnOf(AGENCY_HEADER[AGENCY_OPTIONAL_COLUMNS.parentBody]);
  const symbolCol = columnOf(AGENCY_HEADER[AGENCY_OPTIONAL_COLUMNS.symbol]);
  const branchCol = columnOf(AGENCY_HEADER[AGENCY_OPTIONAL_COLUMNS.branch]);
  const optional = (row: RawCell[], c: number) => (c < 0 ? '' : squish(cellText(row[c])));
  const agencies: Agency[] = [];
  const seen = new AgencyRowsSeen();
  const column: Record<AgencyColumn, number> = { name: 1, type: 2, sheet: 3, emails: 4, note: 5 };
  for (let r = head + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const text = (c: number) => cellText(row[c]);
    if (!squish(text(1)) && row.slice(2, 5).every(isBlank)) continue;
    const where = `dòng ${r + 1}`;
    const checked = checkAgencyRow(
      { name: text(1), type: text(2), sheet: text(3), emails: text(4), note: text(5) },
      where,
      seen,
      cutoffTo,
    );
    for (const p of checked.problems)
      problem(r, column[p.column], checked.row ? p.message : `Bảng đơn vị, ${where}: ${p.message}`);
    if (!checked.row) continue;
    const sttRaw = row[0];
    agencies.push({
      ...checked.row,
      stt: typeof sttRaw === 'number' ? sttRaw : Number(cellText(sttRaw)) || agencies.length + 1,
      type: checked.row.type ?? 'khac',
      parentBody: optional(row, parentCol),
      symbol: optional(row, symbolCol),
      branch: optional(row, branchCol),
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
