/**
 * Reading the settings sheet back. Everything is checked and every problem reported at once, in
 * Vietnamese, by cell; a warning (such as a deadline before the cut-off) never blocks anything.
 */
import { Catalog, Indicator, isValueRow } from '../catalog/catalog';
import { catalogFor, catalogForPeriod, retiredIndicator, twoLevelCatalog } from '../catalog/versions';
import { IsoDate, formatDmy, readDate } from '../primitives/dates';
import { RawCell, a1, cellText, isBlank } from '../sheet/grid';
import { PERIOD_LABELS, defaultCutoff, defaultDeadline, estimateNotice, periodFromLabel, periodOf } from '../periods';
import { fold, squish } from '../primitives/text';
import { readExtras } from './extras';
import { ProblemFn, findRow, readAgencies, readOwners } from './read-tables';
import { AGENCY_TITLE, EXTRA_HEADER, EXTRA_TITLE, FIELDS, NO, OWNER_TITLE, YES, fieldLabel } from './layout';
import {
  DEFAULT_BRANCH_CAPACITY,
  FieldKey,
  MAX_BRANCH_CAPACITY,
  SETTINGS_SHEET,
  SettingsProblem,
  SettingsResult,
  branchCapacityProblems,
  branchesOf,
  parseBranchLinks,
  sameBranch,
} from './model';

/** Reads and checks the settings sheet; the catalog it is checked against follows from the period. */
/**
 * The branch a spreadsheet's own Thiết lập says it is (the row "Sổ nhánh của tệp này"), read
 * without the rest of the sheet; '' for a main workbook or a fresh copy of one.
 */
export function ownBranchName(values: RawCell[][]): string {
  const r = findRow(values, 0, fieldLabel('thisBranch'));
  return r < 0 ? '' : squish(cellText(values[r]?.[1]));
}

export function readSettings(values: RawCell[][]): SettingsResult {
  const problems: SettingsProblem[] = [];
  const warnings: SettingsProblem[] = [];
  const cellOf = (r: number | null, c: number) => (r === null ? null : a1(r + 1, c + 1));
  const problem: ProblemFn = (r, c, message) => problems.push({ cell: cellOf(r, c), message });

  const raw = new Map<FieldKey, { row: number; v: RawCell }>();
  for (const f of FIELDS) {
    const r = findRow(values, 0, f.label);
    if (r < 0) {
      if (f.optional) continue;
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
  // The default deadline (the 10th of the last month) comes before the cut-off by design: the
  // form and the draft say the figures are estimated; only a deadline chosen by hand is noted here.
  const byDefault = period && yearOk && deadlineDate === defaultDeadline(period, year);
  const notice = deadlineDate && cutoffTo && !byDefault ? estimateNotice(deadlineDate, cutoffTo) : null;
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

  const capacityRaw = raw.get('branchCapacity')?.v;
  let branchCapacity = DEFAULT_BRANCH_CAPACITY;
  if (capacityRaw !== undefined && !isBlank(capacityRaw)) {
    const n = typeof capacityRaw === 'number' ? capacityRaw : Number(text('branchCapacity'));
    if (Number.isInteger(n) && n >= 1 && n <= MAX_BRANCH_CAPACITY) branchCapacity = n;
    else
      problem(
        at('branchCapacity'),
        1,
        `"${fieldLabel('branchCapacity')}" phải là số nguyên từ 1 đến ${MAX_BRANCH_CAPACITY} (đang là "${cellText(capacityRaw)}"); để trống thì mỗi sổ nhánh giữ tối đa ${DEFAULT_BRANCH_CAPACITY} đơn vị.`,
      );
  }

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
  for (const message of branchCapacityProblems({ agencies, branchCapacity })) warn(at('branchCapacity'), 1, message);
  const thisBranch = text('thisBranch');
  if (thisBranch && !branchesOf({ agencies }).some((b) => sameBranch(b.name, thisBranch)))
    warn(
      at('thisBranch'),
      1,
      `Tệp này là sổ nhánh "${thisBranch}" nhưng không đơn vị nào có cột "Sổ nhánh" là tên này: sổ nhánh không còn biểu mẫu nào cần dùng.`,
    );
  const { links: branchLinks, bad: badLinks } = parseBranchLinks(cellText(raw.get('branchLinks')?.v));
  for (const line of badLinks)
    problem(
      at('branchLinks'),
      1,
      `"${fieldLabel('branchLinks')}": dòng "${line}" cần tên sổ nhánh, dấu hai chấm rồi đường dẫn của bảng tính, ví dụ "Nhánh 1: https://docs.google.com/spreadsheets/d/…".`,
    );
  for (const l of branchLinks)
    if (!branchesOf({ agencies }).some((b) => sameBranch(b.name, l.name)))
      warn(
        at('branchLinks'),
        1,
        `"${fieldLabel('branchLinks')}": không đơn vị nào có cột "Sổ nhánh" là "${l.name}"; sổ nhánh này không được dùng.`,
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
      period: periodOf(period, year, { from: cutoffFrom, to: cutoffTo }),
      deadline: deadlineDate,
      reportDate: reportDate === 'bad' ? null : reportDate,
      guidance: text('guidance'),
      provincePlan: text('provincePlan'),
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
      supportContact: text('supportContact'),
      agencies,
      owners,
      extraIndicators,
      branchCapacity,
      thisBranch,
      branchLinks,
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
    return catalogFor({ period: { to: cutoffTo }, extraIndicators: extras });
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
