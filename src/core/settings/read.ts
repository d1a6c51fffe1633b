/**
 * Reading the settings sheet back. Everything is checked and every problem reported at once, in
 * Vietnamese, by cell; a warning (such as a deadline before the cut-off) never blocks anything.
 */
import * as z from 'zod/mini';
import { Catalog, Indicator, isValueRow } from '../catalog/catalog';
import { catalogFor, catalogForPeriod, retiredIndicator, twoLevelCatalog } from '../catalog/versions';
import { IsoDate, formatDmy, readDate } from '../dates';
import { RawCell, a1, cellText, isBlank } from '../grid';
import {
  PERIOD_LABELS,
  defaultCutoff,
  defaultDeadline,
  districtLevelExists,
  estimateNotice,
  periodFromLabel,
} from '../periods';
import { fold, squish } from '../text';
import { defaultOwners } from './example';
import { readExtras } from './extras';
import {
  AGENCY_HEADER,
  AGENCY_TITLE,
  EXTRA_HEADER,
  EXTRA_TITLE,
  FIELDS,
  NO,
  OWNER_HEADER,
  OWNER_TITLE,
  YES,
  fieldLabel,
} from './layout';
import {
  AGENCY_TYPES,
  AGENCY_TYPE_LABELS,
  Agency,
  FORBIDDEN_IN_SHEET_NAME,
  FieldKey,
  MAX_SHEET_NAME,
  SETTINGS_SHEET,
  SettingsProblem,
  SettingsResult,
  agencyTypeFromLabel,
  defaultSheetName,
  isReservedSheet,
} from './model';

const Email = z.email();

function findRow(values: RawCell[][], col: number, text: string, from = 0): number {
  const want = fold(text);
  for (let r = from; r < values.length; r++) if (fold(cellText(values[r]?.[col])) === want) return r;
  return -1;
}

type ProblemFn = (r: number | null, c: number, message: string) => void;

/** Reads and checks the settings sheet; the catalog it is checked against follows from the period. */
export function readSettings(values: RawCell[][]): SettingsResult {
  const problems: SettingsProblem[] = [];
  const warnings: SettingsProblem[] = [];
  const cellOf = (r: number | null, c: number) => (r === null ? null : a1(r + 1, c + 1));
  const problem: ProblemFn = (r, c, message) => problems.push({ cell: cellOf(r, c), message });

  const raw = new Map<FieldKey, { row: number; v: RawCell }>();
  for (const f of FIELDS) {
    const r = findRow(values, 0, f.label);
    if (r < 0) {
      problem(
        null,
        0,
        `Không tìm thấy dòng "${f.label}" ở cột A của trang "${SETTINGS_SHEET}". Hãy khôi phục dòng này (hoặc xóa trang để tạo lại từ mẫu).`,
      );
      continue;
    }
    raw.set(f.key, { row: r, v: values[r]?.[1] ?? '' });
  }
  const text = (k: FieldKey) => squish(cellText(raw.get(k)?.v));
  const at = (k: FieldKey) => raw.get(k)?.row ?? null;
  const required = (k: FieldKey) => {
    if (raw.has(k) && !text(k)) problem(at(k), 1, `Chưa điền "${fieldLabel(k)}".`);
  };

  required('issuingBody');
  required('place');

  const period = periodFromLabel(text('period'));
  if (raw.has('period') && !period) {
    problem(
      at('period'),
      1,
      text('period')
        ? `${fieldLabel('period')} "${text('period')}" không hợp lệ; chọn một trong: ${PERIOD_LABELS.join(', ')}.`
        : `Chưa chọn "${fieldLabel('period')}".`,
    );
  }
  const yearRaw = raw.get('year')?.v;
  const year = typeof yearRaw === 'number' ? yearRaw : Number(text('year'));
  const yearOk = Number.isInteger(year) && year >= 2015 && year <= 2100;
  if (raw.has('year') && !yearOk)
    problem(
      at('year'),
      1,
      text('year')
        ? `${fieldLabel('year')} "${text('year')}" không hợp lệ; nhập năm gồm 4 chữ số, ví dụ 2026.`
        : `Chưa điền "${fieldLabel('year')}".`,
    );

  const dateOf = (k: FieldKey): IsoDate | null | 'bad' => {
    const v = raw.get(k)?.v;
    if (v === undefined || isBlank(v)) return null;
    const d = readDate(v);
    if (!d) {
      problem(at(k), 1, `"${fieldLabel(k)}" phải là ngày dạng dd/mm/yyyy (đang là "${cellText(v)}").`);
      return 'bad';
    }
    return d;
  };
  const cut = period && yearOk ? defaultCutoff(period, year) : null;
  const from = dateOf('cutoffFrom');
  const to = dateOf('cutoffTo');
  const deadline = dateOf('deadline');
  const reportDate = dateOf('reportDate');
  const cutoffFrom = from === 'bad' ? null : (from ?? cut?.from ?? null);
  const cutoffTo = to === 'bad' ? null : (to ?? cut?.to ?? null);
  if (cutoffFrom && cutoffTo && cutoffFrom > cutoffTo)
    problem(
      at('cutoffTo'),
      1,
      `${fieldLabel('cutoffTo')} (${formatDmy(cutoffTo)}) trước ngày bắt đầu (${formatDmy(cutoffFrom)}).`,
    );
  const deadlineDate =
    deadline === 'bad' ? null : (deadline ?? (period && yearOk ? defaultDeadline(period, year) : null));
  const notice = deadlineDate && cutoffTo ? estimateNotice(deadlineDate, cutoffTo) : null;
  if (notice) warnings.push({ cell: cellOf(at('deadline'), 1), message: `${notice} Đây là lưu ý, không phải lỗi.` });

  const target = (k: FieldKey): number | null => {
    const v = raw.get(k)?.v;
    if (v === undefined || isBlank(v)) return null;
    const n =
      typeof v === 'number' ? (v <= 1 && v > 0 ? v * 100 : v) : Number(cellText(v).replace('%', '').replace(',', '.'));
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      problem(at(k), 1, `"${fieldLabel(k)}" phải là số từ 0 đến 100.`);
      return null;
    }
    return n;
  };
  const onTimeTarget = target('onTimeTarget');
  const onlineTarget = target('onlineTarget');

  // The period decides the catalog version; the province's indicators are added to it.
  const base = cutoffTo ? catalogForPeriod(cutoffTo) : twoLevelCatalog();
  const extraIndicators = readExtraTable(values, base, problem);
  const catalog = withExtras(base, cutoffTo, extraIndicators, problem);

  const disabled = text('disabled')
    .split(/[,;\s]+/)
    .map((c) => c.replace(/\.$/, ''))
    .filter(Boolean);
  const retired = (code: string) =>
    `chỉ tiêu ${code} "${retiredIndicator(code)}" không còn trong biểu mẫu từ 01/07/2025 (không còn cấp huyện)`;
  const warn = (r: number | null, c: number, message: string) => warnings.push({ cell: cellOf(r, c), message });
  for (const c of disabled) {
    if (catalog.get(c)) continue;
    if (retiredIndicator(c)) warn(at('disabled'), 1, `"${fieldLabel('disabled')}": ${retired(c)}; có thể xóa mã này.`);
    else problem(at('disabled'), 1, `"${fieldLabel('disabled')}": không có chỉ tiêu mã "${c}".`);
  }
  const includeText = fold(text('includeErrors'));
  if (includeText && includeText !== fold(YES) && includeText !== fold(NO))
    problem(at('includeErrors'), 1, `"${fieldLabel('includeErrors')}" chỉ nhận "${YES}" hoặc "${NO}".`);

  const agencies = readAgencies(values, problem, cutoffTo);
  const { owners, listed, end } = readOwners(values, catalog, agencies, problem, (r, code) =>
    warn(r, 0, `Bảng đơn vị cung cấp số liệu: ${retired(code)}; dòng này được bỏ qua, có thể xóa.`),
  );
  for (const i of extraIndicators) {
    if (!isValueRow(i) || i.aggregate !== 'owner' || listed.has(i.code) || end === null) continue;
    warn(
      end,
      0,
      `Chỉ tiêu bổ sung ${i.code} "${i.name}" do một đơn vị cung cấp nhưng chưa có trong bảng "${OWNER_TITLE}": thêm một dòng ngay dưới ô A${end} (chèn dòng nếu cần), nhập mã ${i.code} ở cột A và chọn đơn vị cung cấp ở cột C.`,
    );
  }

  if (problems.length || !period || !yearOk || !cutoffFrom || !cutoffTo || !deadlineDate) {
    return { ok: false, problems };
  }
  const recipients = cellText(raw.get('recipients')?.v)
    .split(/\n/)
    .map((l) => squish(l).replace(/^[-–+•]\s*/, ''))
    .filter(Boolean);
  return {
    ok: true,
    warnings,
    settings: {
      parentBody: text('parentBody'),
      issuingBody: text('issuingBody'),
      place: text('place'),
      period,
      year,
      cutoffFrom,
      cutoffTo,
      deadline: deadlineDate,
      reportDate: reportDate === 'bad' ? null : reportDate,
      guidance: text('guidance'),
      docNumber: text('docNumber'),
      authority: text('authority'),
      signerTitle: text('signerTitle'),
      signerName: text('signerName'),
      recipients,
      disabled,
      includeErrors: includeText === fold(YES),
      onTimeTarget,
      onlineTarget,
      templateDoc: text('templateDoc') || null,
      agencies,
      owners,
      extraIndicators,
    },
  };
}

/** The province's indicators, when the sheet has their table (older sheets do not: none then). */
function readExtraTable(values: RawCell[][], base: Catalog, problem: ProblemFn): Indicator[] {
  const title = findRow(values, 0, EXTRA_TITLE);
  const head = title < 0 ? -1 : findRow(values, 0, EXTRA_HEADER[0], title);
  if (head < 0) return [];
  const next = findRow(values, 0, AGENCY_TITLE, head);
  return readExtras(values, head, next < 0 ? values.length : next, base, problem);
}

function withExtras(base: Catalog, cutoffTo: IsoDate | null, extras: Indicator[], problem: ProblemFn): Catalog {
  if (!extras.length || !cutoffTo) return base;
  try {
    return catalogFor({ cutoffTo, extraIndicators: extras });
  } catch (e) {
    // readExtras checks everything a catalog needs; this is a net for what it might miss.
    problem(
      null,
      0,
      `Bảng "${EXTRA_TITLE}" chưa dùng được (${(e as Error).message}). Hãy kiểm tra lại các mã chỉ tiêu.`,
    );
    return base;
  }
}

function readAgencies(values: RawCell[][], problem: ProblemFn, cutoffTo: IsoDate | null): Agency[] {
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
    });
  }
  if (!agencies.length) problem(head + 1, 1, 'Danh sách đơn vị báo cáo đang trống; hãy thêm ít nhất một đơn vị.');
  return agencies;
}

function readOwners(
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
