/**
 * The settings sheet "Thiết lập": its layout, the example it starts with, and reading it back.
 * Reading validates everything and reports every problem at once, in Vietnamese, by cell.
 */
import * as z from 'zod/mini';
import { Catalog, isValueRow } from './catalog/catalog';
import { IsoDate, formatDmy, readDate } from './dates';
import { COLORS, PlanCell, RawCell, SheetPlan, a1, cellText, isBlank } from './grid';
import {
  PERIOD_LABELS,
  PeriodId,
  defaultCutoff,
  defaultDeadline,
  districtLevelExists,
  periodFromLabel,
  periodLabel,
} from './periods';
import { fold, foldAscii, squish } from './text';

export const SETTINGS_SHEET = 'Thiết lập';

export const AGENCY_TYPES = ['so', 'xa', 'nganh_doc', 'khac', 'huyen'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  so: 'Sở, ban, ngành',
  xa: 'UBND cấp xã',
  nganh_doc: 'Ngành dọc',
  khac: 'Khác',
  huyen: 'UBND cấp huyện (trước 01/07/2025)',
};

export interface Agency {
  readonly stt: number;
  readonly name: string;
  readonly type: AgencyType;
  readonly sheet: string;
  readonly emails: readonly string[];
  readonly note: string;
}

export interface Settings {
  readonly parentBody: string;
  readonly issuingBody: string;
  readonly place: string;
  readonly period: PeriodId;
  readonly year: number;
  readonly cutoffFrom: IsoDate;
  readonly cutoffTo: IsoDate;
  readonly deadline: IsoDate;
  readonly reportDate: IsoDate | null;
  readonly guidance: string;
  readonly docNumber: string;
  readonly authority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
  readonly disabled: readonly string[];
  readonly includeErrors: boolean;
  readonly onTimeTarget: number | null;
  readonly onlineTarget: number | null;
  readonly templateDoc: string | null;
  readonly agencies: readonly Agency[];
  /** Owner indicator code -> the agency that supplies it (null: nobody designated). */
  readonly owners: Readonly<Record<string, string | null>>;
}

export interface SettingsProblem {
  readonly cell: string | null;
  readonly message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

type FieldKey = Exclude<keyof Settings, 'agencies' | 'owners'>;

interface Field {
  readonly key: FieldKey;
  readonly label: string;
  readonly hint: string;
  readonly choices?: readonly string[];
}

const YES = 'Có';
const NO = 'Không';

export const FIELDS: readonly Field[] = [
  { key: 'parentBody', label: 'Cơ quan chủ quản', hint: 'Để trống nếu cơ quan báo cáo là UBND tỉnh.' },
  { key: 'issuingBody', label: 'Cơ quan báo cáo', hint: 'Tên cơ quan ban hành báo cáo.' },
  { key: 'place', label: 'Địa danh', hint: 'Ghi ở dòng ngày tháng: "<Địa danh>, ngày … tháng … năm …".' },
  { key: 'period', label: 'Kỳ báo cáo', hint: 'Chọn trong danh sách.', choices: PERIOD_LABELS },
  { key: 'year', label: 'Năm', hint: 'Năm của kỳ báo cáo, ví dụ 2026.' },
  { key: 'cutoffFrom', label: 'Số liệu từ ngày', hint: 'Để trống: theo Nghị định 09/2019/NĐ-CP.' },
  { key: 'cutoffTo', label: 'Ngày chốt số liệu', hint: 'Để trống: theo Nghị định 09/2019/NĐ-CP.' },
  { key: 'deadline', label: 'Hạn gửi báo cáo', hint: 'Ngày cuối cùng các đơn vị gửi báo cáo (dd/mm/yyyy).' },
  { key: 'reportDate', label: 'Ngày ban hành báo cáo', hint: 'Để trống: ngày soạn dự thảo.' },
  { key: 'guidance', label: 'Văn bản hướng dẫn', hint: 'Được trích ở câu mở đầu báo cáo.' },
  { key: 'docNumber', label: 'Số ký hiệu', hint: 'Ví dụ: /BC-UBND (để trống số, điền khi ban hành).' },
  {
    key: 'authority',
    label: 'Thẩm quyền ký',
    hint: 'TM., KT., Q., TL., TUQ. hoặc để trống nếu người đứng đầu ký.',
    choices: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'TM. BAN CHỈ ĐẠO', 'KT. GIÁM ĐỐC'],
  },
  { key: 'signerTitle', label: 'Chức vụ người ký', hint: 'Ví dụ: PHÓ CHỦ TỊCH.' },
  { key: 'signerName', label: 'Người ký', hint: 'Họ và tên người ký.' },
  { key: 'recipients', label: 'Nơi nhận', hint: 'Mỗi nơi nhận một dòng (Alt+Enter để xuống dòng).' },
  { key: 'disabled', label: 'Chỉ tiêu không sử dụng', hint: 'Mã chỉ tiêu, cách nhau bởi dấu phẩy, ví dụ: 5.2.3, 6.5.' },
  {
    key: 'includeErrors',
    label: 'Tổng hợp cả đơn vị còn lỗi',
    hint: 'Không: chỉ tổng hợp các trang không có lỗi.',
    choices: [NO, YES],
  },
  {
    key: 'onTimeTarget',
    label: 'Mục tiêu tỷ lệ hồ sơ đúng hạn (%)',
    hint: 'Dùng để nêu hạn chế trong báo cáo; để trống nếu không đặt.',
  },
  {
    key: 'onlineTarget',
    label: 'Mục tiêu tỷ lệ hồ sơ trực tuyến (%)',
    hint: 'Dùng để nêu hạn chế trong báo cáo; để trống nếu không đặt.',
  },
  {
    key: 'templateDoc',
    label: 'Mẫu báo cáo riêng (Google Docs)',
    hint: 'Đường dẫn hoặc ID; để trống để dùng mẫu chuẩn.',
  },
];

export const OWNER_TITLE = 'ĐƠN VỊ CUNG CẤP SỐ LIỆU DÙNG CHUNG TOÀN TỈNH';
export const OWNER_HEADER = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị cung cấp'] as const;
export const AGENCY_TITLE = 'DANH SÁCH ĐƠN VỊ BÁO CÁO';
export const AGENCY_HEADER = [
  'STT',
  'Tên đơn vị',
  'Loại',
  'Tên trang tính',
  'Email người nhập liệu',
  'Ghi chú',
] as const;

/** Sheets the add-on owns; agency tabs may not take these names. */
export const RESERVED_SHEETS = [
  SETTINGS_SHEET,
  'Kết quả kiểm tra',
  'Tổng hợp',
  'Chi tiết theo đơn vị',
  'Tình hình gửi báo cáo',
];

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;
export const MAX_SHEET_NAME = 31;

/** A tab name Excel can open, from an agency's name: "UBND xã Long Hòa". */
export function defaultSheetName(agencyName: string): string {
  let s = squish(agencyName)
    .replace(/Ủy ban nhân dân|Uỷ ban nhân dân/gi, 'UBND')
    .replace(/Hội đồng nhân dân/gi, 'HĐND')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '');
  s = squish(s);
  return s.length <= MAX_SHEET_NAME ? s : s.slice(0, MAX_SHEET_NAME).trim();
}

export function agencyTypeFromLabel(label: string): AgencyType | null {
  const t = foldAscii(label);
  if (!t) return null;
  const hit = AGENCY_TYPES.find((k) => foldAscii(AGENCY_TYPE_LABELS[k]) === t || k === t);
  if (hit) return hit;
  if (t.startsWith('ubnd cap huyen') || t === 'huyen') return 'huyen';
  if (t.startsWith('ubnd cap xa') || t === 'xa') return 'xa';
  if (t.startsWith('so') || t.startsWith('ban')) return 'so';
  return null;
}

/** Which catalog rows an agency of this type is asked, before owner rules. */
export function appliesToType(row: { appliesTo: string }, type: AgencyType): boolean {
  switch (row.appliesTo) {
    case 'all':
      return true;
    case 'so':
      return type === 'so' || type === 'nganh_doc' || type === 'khac';
    case 'xa':
      return type === 'xa';
    case 'huyen':
      return type === 'huyen';
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults and the example
// ---------------------------------------------------------------------------------------------

export interface ExampleAgency {
  readonly name: string;
  readonly type: AgencyType;
}

export function defaultOwners(catalog: Catalog, agencies: readonly { name: string }[]): Record<string, string | null> {
  const owners: Record<string, string | null> = {};
  for (const row of catalog.rows) {
    if (!isValueRow(row) || row.aggregate !== 'owner') continue;
    const hit = catalog
      .ownerCandidates(row.code)
      .map((c) => agencies.find((a) => foldAscii(a.name) === foldAscii(c)))
      .find(Boolean);
    owners[row.code] = hit ? hit.name : null;
  }
  return owners;
}

export function exampleSettings(
  catalog: Catalog,
  period: PeriodId,
  year: number,
  agencies: readonly ExampleAgency[],
): Settings {
  const cutoff = defaultCutoff(period, year);
  const usable = agencies.filter((a) => a.type !== 'huyen' || districtLevelExists(cutoff.to));
  const list: Agency[] = usable.map((a, i) => ({
    stt: i + 1,
    name: a.name,
    type: a.type,
    sheet: uniqueSheetName(
      defaultSheetName(a.name),
      usable.slice(0, i).map((b) => defaultSheetName(b.name)),
    ),
    emails: [],
    note: '',
  }));
  return {
    parentBody: '',
    issuingBody: 'Ủy ban nhân dân tỉnh Trà Vinh',
    place: 'Trà Vinh',
    period,
    year,
    cutoffFrom: cutoff.from,
    cutoffTo: cutoff.to,
    deadline: defaultDeadline(period, year),
    reportDate: null,
    guidance: 'Công văn số 6459/BNV-CCHC ngày 07/12/2020 của Bộ Nội vụ về việc hướng dẫn báo cáo cải cách hành chính',
    docNumber: '/BC-UBND',
    authority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: '',
    recipients: ['Bộ Nội vụ;', 'Vụ Cải cách hành chính - BNV;', 'CT, các PCT UBND tỉnh;', 'Sở Nội vụ;', 'Lưu: VT, NC.'],
    disabled: [],
    includeErrors: false,
    onTimeTarget: 95,
    onlineTarget: 50,
    templateDoc: null,
    agencies: list,
    owners: defaultOwners(catalog, list),
  };
}

function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(fold));
  if (!used.has(fold(name))) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(fold(candidate))) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const WIDTHS = [250, 330, 150, 200, 230, 200];
const COLS = WIDTHS.length;

function fieldValue(s: Settings, key: FieldKey): PlanCell['v'] {
  const v = s[key];
  switch (key) {
    case 'period':
      return periodLabel(s.period);
    case 'cutoffFrom':
    case 'cutoffTo':
    case 'deadline':
    case 'reportDate':
      return v ? { date: v as IsoDate } : null;
    case 'recipients':
      return s.recipients.map((r) => `- ${r}`).join('\n');
    case 'disabled':
      return s.disabled.join(', ');
    case 'includeErrors':
      return s.includeErrors ? YES : NO;
    default:
      return (v as string | number | null) ?? null;
  }
}

/** The settings sheet with the given content (the example on a first run). */
export function settingsPlan(catalog: Catalog, s: Settings): SheetPlan {
  const rows: PlanCell[][] = [];
  const pad = (cells: PlanCell[]): PlanCell[] => [
    ...cells,
    ...Array.from({ length: COLS - cells.length }, () => ({ v: null })),
  ];
  const title = (text: string): PlanCell[] => pad([{ v: text, s: { bold: true, color: COLORS.title } }]);
  const header = (labels: readonly string[]): PlanCell[] =>
    pad(labels.map((l) => ({ v: l, s: { bold: true, background: COLORS.header, align: 'center' as const } })));

  rows.push(title('THIẾT LẬP KỲ BÁO CÁO CẢI CÁCH HÀNH CHÍNH'));
  rows.push(
    pad([
      {
        v: 'Điền cột B, danh sách đơn vị và đơn vị cung cấp số liệu; sau đó chọn menu Báo cáo CCHC → Tạo biểu mẫu cho các đơn vị.',
        s: { italic: true },
      },
    ]),
  );
  rows.push(pad([]));
  for (const f of FIELDS) {
    const isDate = ['cutoffFrom', 'cutoffTo', 'deadline', 'reportDate'].includes(f.key);
    rows.push(
      pad([
        { v: f.label, s: { bold: true } },
        {
          v: fieldValue(s, f.key),
          s: {
            wrap: true,
            background: COLORS.input,
            numberFormat: isDate ? 'dd/mm/yyyy' : f.key === 'year' ? '0' : '@',
            validation: f.choices ? { kind: 'list', values: f.choices } : isDate ? { kind: 'date' } : undefined,
          },
        },
        { v: f.hint, s: { italic: true, color: COLORS.lockedText } },
      ]),
    );
  }
  rows.push(pad([]));
  rows.push(title(OWNER_TITLE));
  rows.push(header(OWNER_HEADER));
  const agencyNames = s.agencies.map((a) => a.name);
  for (const row of catalog.rows) {
    if (!isValueRow(row) || row.aggregate !== 'owner') continue;
    rows.push(
      pad([
        { v: row.code },
        { v: row.name, s: { wrap: true } },
        {
          v: s.owners[row.code] ?? null,
          s: { validation: agencyNames.length ? { kind: 'list', values: agencyNames } : undefined, wrap: true },
        },
      ]),
    );
  }
  rows.push(pad([]));
  rows.push(title(AGENCY_TITLE));
  rows.push(header(AGENCY_HEADER));
  const typeChoices = AGENCY_TYPES.map((t) => AGENCY_TYPE_LABELS[t]);
  const agencyRow = (a: Agency | null): PlanCell[] => [
    { v: a ? a.stt : null, s: { align: 'center' } },
    { v: a ? a.name : null, s: { wrap: true } },
    { v: a ? AGENCY_TYPE_LABELS[a.type] : null, s: { validation: { kind: 'list', values: typeChoices } } },
    { v: a ? a.sheet : null, s: { numberFormat: '@' } },
    { v: a ? a.emails.join(', ') : null },
    { v: a ? a.note : null, s: { wrap: true } },
  ];
  for (const a of s.agencies) rows.push(agencyRow(a));
  for (let i = 0; i < 20; i++) rows.push(agencyRow(null));
  return {
    name: SETTINGS_SHEET,
    rows,
    columnWidths: WIDTHS,
    frozenRows: 1,
    protection: { kind: 'consolidator' },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const Email = z.email();

function findRow(values: RawCell[][], col: number, text: string, from = 0): number {
  const want = fold(text);
  for (let r = from; r < values.length; r++) if (fold(cellText(values[r]?.[col])) === want) return r;
  return -1;
}

/** Reads and checks the settings sheet against the catalog. */
export function readSettings(values: RawCell[][], catalog: Catalog): SettingsResult {
  const problems: SettingsProblem[] = [];
  const problem = (r: number | null, c: number, message: string) =>
    problems.push({ cell: r === null ? null : a1(r + 1, c + 1), message });

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
    raw.set(f.key, { row: r, v: values[r][1] ?? '' });
  }
  const text = (k: FieldKey) => squish(cellText(raw.get(k)?.v));
  const at = (k: FieldKey) => raw.get(k)?.row ?? null;
  const required = (k: FieldKey, label: string) => {
    if (raw.has(k) && !text(k)) problem(at(k), 1, `Chưa điền "${label}".`);
  };

  required('issuingBody', 'Cơ quan báo cáo');
  required('place', 'Địa danh');

  const period = periodFromLabel(text('period'));
  if (raw.has('period') && !period) {
    problem(
      at('period'),
      1,
      text('period')
        ? `Kỳ báo cáo "${text('period')}" không hợp lệ; chọn một trong: ${PERIOD_LABELS.join(', ')}.`
        : 'Chưa chọn "Kỳ báo cáo".',
    );
  }
  const yearRaw = raw.get('year')?.v;
  const year = typeof yearRaw === 'number' ? yearRaw : Number(text('year'));
  const yearOk = Number.isInteger(year) && year >= 2015 && year <= 2100;
  if (raw.has('year') && !yearOk)
    problem(
      at('year'),
      1,
      text('year') ? `Năm "${text('year')}" không hợp lệ; nhập năm gồm 4 chữ số, ví dụ 2026.` : 'Chưa điền "Năm".',
    );

  const dateOf = (k: FieldKey, label: string): IsoDate | null | 'bad' => {
    const v = raw.get(k)?.v;
    if (v === undefined || isBlank(v)) return null;
    const d = readDate(v);
    if (!d) {
      problem(at(k), 1, `"${label}" phải là ngày dạng dd/mm/yyyy (đang là "${cellText(v)}").`);
      return 'bad';
    }
    return d;
  };
  const cut = period && yearOk ? defaultCutoff(period, year) : null;
  const from = dateOf('cutoffFrom', 'Số liệu từ ngày');
  const to = dateOf('cutoffTo', 'Ngày chốt số liệu');
  const deadline = dateOf('deadline', 'Hạn gửi báo cáo');
  const reportDate = dateOf('reportDate', 'Ngày ban hành báo cáo');
  const cutoffFrom = from === 'bad' ? null : (from ?? cut?.from ?? null);
  const cutoffTo = to === 'bad' ? null : (to ?? cut?.to ?? null);
  if (cutoffFrom && cutoffTo && cutoffFrom > cutoffTo)
    problem(
      at('cutoffTo'),
      1,
      `Ngày chốt số liệu (${formatDmy(cutoffTo)}) trước ngày bắt đầu (${formatDmy(cutoffFrom)}).`,
    );
  const deadlineDate =
    deadline === 'bad' ? null : (deadline ?? (period && yearOk ? defaultDeadline(period, year) : null));
  if (deadlineDate && cutoffTo && deadlineDate < cutoffTo) {
    problem(
      at('deadline'),
      1,
      `Hạn gửi báo cáo (${formatDmy(deadlineDate)}) trước ngày chốt số liệu (${formatDmy(cutoffTo)}): các đơn vị chưa thể có đủ số liệu. Sửa hạn gửi hoặc ngày chốt số liệu.`,
    );
  }

  const target = (k: FieldKey, label: string): number | null => {
    const v = raw.get(k)?.v;
    if (v === undefined || isBlank(v)) return null;
    const n =
      typeof v === 'number' ? (v <= 1 && v > 0 ? v * 100 : v) : Number(cellText(v).replace('%', '').replace(',', '.'));
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      problem(at(k), 1, `"${label}" phải là số từ 0 đến 100.`);
      return null;
    }
    return n;
  };
  const onTimeTarget = target('onTimeTarget', 'Mục tiêu tỷ lệ hồ sơ đúng hạn (%)');
  const onlineTarget = target('onlineTarget', 'Mục tiêu tỷ lệ hồ sơ trực tuyến (%)');

  const disabled = text('disabled')
    .split(/[,;\s]+/)
    .map((c) => c.replace(/\.$/, ''))
    .filter(Boolean);
  for (const c of disabled) {
    if (!catalog.get(c)) problem(at('disabled'), 1, `"Chỉ tiêu không sử dụng": không có chỉ tiêu mã "${c}".`);
  }
  const includeText = fold(text('includeErrors'));
  if (includeText && includeText !== fold(YES) && includeText !== fold(NO))
    problem(at('includeErrors'), 1, '"Tổng hợp cả đơn vị còn lỗi" chỉ nhận "Có" hoặc "Không".');

  const agencies = readAgencies(values, problem, cutoffTo);
  const owners = readOwners(values, catalog, agencies, problem);

  if (problems.length || !period || !yearOk || !cutoffFrom || !cutoffTo || !deadlineDate) {
    return { ok: false, problems };
  }
  const recipients = cellText(raw.get('recipients')?.v)
    .split(/\n/)
    .map((l) => squish(l).replace(/^[-–+•]\s*/, ''))
    .filter(Boolean);
  return {
    ok: true,
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
    },
  };
}

type ProblemFn = (r: number | null, c: number, message: string) => void;

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
    if (RESERVED_SHEETS.some((x) => fold(x) === fold(sheet)))
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
): Record<string, string | null> {
  const owners = defaultOwners(catalog, agencies);
  const title = findRow(values, 0, OWNER_TITLE);
  const head = title < 0 ? -1 : findRow(values, 0, OWNER_HEADER[0], title);
  if (head < 0) return owners; // defaults
  const byName = new Map(agencies.map((a) => [fold(a.name), a.name]));
  for (let r = head + 1; r < values.length; r++) {
    const code = cellText(values[r]?.[0]).replace(/\.$/, '');
    if (!code) break;
    const row = catalog.get(code);
    if (!row || !isValueRow(row) || row.aggregate !== 'owner') {
      problem(r, 0, `Bảng đơn vị cung cấp số liệu: "${code}" không phải chỉ tiêu do một đơn vị cung cấp.`);
      continue;
    }
    const who = squish(cellText(values[r][2]));
    if (!who) {
      owners[code] = null;
      continue;
    }
    const hit = byName.get(fold(who));
    if (!hit) problem(r, 2, `Chỉ tiêu ${code}: đơn vị cung cấp "${who}" không có trong danh sách đơn vị báo cáo.`);
    owners[code] = hit ?? null;
  }
  return owners;
}
