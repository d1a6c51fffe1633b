/** The settings sheet "Thiết lập": its fields, its tables, and the sheet built from settings. */
import { isValueRow } from '../catalog/catalog';
import { catalogFor } from '../catalog/versions';
import { COLORS, PlanCell, SheetPlan } from '../sheet/plan';
import { PERIOD_LABELS, districtLevelExists, periodLabel } from '../periods';
import { EXTRA_HEADER, EXTRA_TITLE, extraPlanRows } from './extras';
import { agencyDefaults } from '../report/issuers';
import { AGENCY_TYPES, AGENCY_TYPE_LABELS, Agency, FieldKey, SETTINGS_SHEET, Settings } from './model';

interface Field {
  readonly key: FieldKey;
  readonly label: string;
  readonly hint: string;
  readonly choices?: readonly string[];
  /** A row added after sheets were in use: a sheet without it reads as the field left blank. */
  readonly optional?: boolean;
}

export const YES = 'Có';
export const NO = 'Không';

export const FIELDS: readonly Field[] = [
  { key: 'parentBody', label: 'Cơ quan chủ quản', hint: 'Để trống nếu cơ quan báo cáo là UBND tỉnh.' },
  { key: 'issuingBody', label: 'Cơ quan báo cáo', hint: 'Tên cơ quan ban hành báo cáo.' },
  { key: 'place', label: 'Địa danh', hint: 'Ghi ở dòng ngày tháng: "<Địa danh>, ngày … tháng … năm …".' },
  { key: 'period', label: 'Kỳ báo cáo', hint: 'Chọn trong danh sách.', choices: PERIOD_LABELS },
  { key: 'year', label: 'Năm', hint: 'Năm của kỳ báo cáo, ví dụ 2026.' },
  { key: 'cutoffFrom', label: 'Số liệu từ ngày', hint: 'Để trống: theo Nghị định 09/2019/NĐ-CP.' },
  { key: 'cutoffTo', label: 'Ngày chốt số liệu', hint: 'Để trống: theo Nghị định 09/2019/NĐ-CP.' },
  {
    key: 'deadline',
    label: 'Hạn gửi báo cáo',
    hint: 'Ngày cuối cùng các đơn vị gửi báo cáo (dd/mm/yyyy). Có thể trước ngày chốt số liệu: khi đó số liệu được ước tính đến ngày chốt. Đổi hạn sau khi đã tạo biểu mẫu: chạy lại "Tạo biểu mẫu cho các đơn vị" (với tệp Excel: lệnh template --from) để các trang ghi hạn mới.',
  },
  { key: 'reportDate', label: 'Ngày ban hành báo cáo', hint: 'Để trống: ngày soạn dự thảo.' },
  {
    key: 'guidance',
    label: 'Văn bản hướng dẫn',
    hint: 'Văn bản hướng dẫn báo cáo CCHC của Bộ Nội vụ đang áp dụng (số, ngày, trích yếu), được trích ở câu mở đầu báo cáo; để trống thì chỗ đó được tô vàng để điền.',
  },
  {
    key: 'provincePlan',
    label: 'Kế hoạch CCHC của tỉnh',
    hint: 'Ví dụ: Kế hoạch số 75/KH-UBND ngày 30/12/2025 của UBND tỉnh về CCHC năm 2026. Báo cáo của đơn vị trích ở câu mở đầu.',
    optional: true,
  },
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
  {
    key: 'supportContact',
    label: 'Liên hệ hỗ trợ',
    hint: 'Người các đơn vị gọi khi cần giúp: họ tên, điện thoại, email. Hiện ở đầu trang của mọi đơn vị và trong Hướng dẫn sử dụng.',
    optional: true,
  },
  {
    key: 'branchCapacity',
    label: 'Số đơn vị tối đa mỗi sổ nhánh',
    hint: 'Để trống: 60. Tỉnh nhiều đơn vị có thể chia biểu mẫu ra các sổ nhánh (cột "Sổ nhánh" của danh sách đơn vị), vì Google chỉ cho khoảng 100 người cùng làm việc trên một bảng tính.',
    optional: true,
  },
  {
    key: 'branchLinks',
    label: 'Đường dẫn các sổ nhánh',
    hint: 'Chỉ khi chia biểu mẫu ra các sổ nhánh: mỗi dòng một sổ, tên như ở cột "Sổ nhánh", dấu hai chấm, rồi đường dẫn của bảng tính đó (ví dụ "Nhánh 1: https://docs.google.com/spreadsheets/d/…"). Xem Hướng dẫn tổng hợp, mục Sổ nhánh.',
    optional: true,
  },
  {
    key: 'thisBranch',
    label: 'Sổ nhánh của tệp này',
    hint: 'Chỉ có ở sổ nhánh, do công cụ ghi khi tạo sổ nhánh: sổ này chỉ giữ biểu mẫu của các đơn vị có cột "Sổ nhánh" là tên này. Không sửa.',
    optional: true,
  },
];

/** A field's label, as the sheet shows it in column A (and as messages quote it). */
export function fieldLabel(key: FieldKey): string {
  return FIELDS.find((f) => f.key === key)!.label;
}

export const DATE_FIELDS: readonly FieldKey[] = ['cutoffFrom', 'cutoffTo', 'deadline', 'reportDate'];

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
  'Cơ quan chủ quản',
  'Ký hiệu viết tắt',
  'Sổ nhánh',
] as const;
/**
 * Columns added after sheets were in use: a sheet without them reads as blank (each kind's default;
 * for "Sổ nhánh", the main workbook).
 */
export const AGENCY_OPTIONAL_COLUMNS = { parentBody: 6, symbol: 7, branch: 8 } as const;
export { EXTRA_HEADER, EXTRA_TITLE };

const WIDTHS = [250, 330, 150, 200, 230, 200, 180, 110, 150];
const COLS = WIDTHS.length;

function fieldValue(s: Settings, key: FieldKey): PlanCell['v'] {
  switch (key) {
    case 'period':
      return periodLabel(s.period.id);
    case 'year':
      return s.period.year;
    case 'cutoffFrom':
      return { date: s.period.from };
    case 'cutoffTo':
      return { date: s.period.to };
    case 'deadline':
      return { date: s.deadline };
    case 'reportDate':
      return s.reportDate ? { date: s.reportDate } : null;
    case 'recipients':
      return s.recipients.map((r) => `- ${r}`).join('\n');
    case 'disabled':
      return s.disabled.join(', ');
    case 'includeErrors':
      return s.includeErrors ? YES : NO;
    case 'thisBranch':
      return s.thisBranch || null;
    case 'branchLinks':
      return s.branchLinks.map((l) => `${l.name}: ${l.url}`).join('\n') || null;
    default:
      return (s[key] as string | number | null) ?? null;
  }
}

/** The settings sheet with the given content (the example on a first run). */
export function settingsPlan(s: Settings): SheetPlan {
  const catalog = catalogFor(s);
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
    if (f.key === 'thisBranch' && !s.thisBranch) continue; // the row of a branch's own copy only
    const isDate = DATE_FIELDS.includes(f.key);
    rows.push(
      pad([
        { v: f.label, s: { bold: true } },
        {
          v: fieldValue(s, f.key),
          s: {
            wrap: true,
            background: COLORS.input,
            numberFormat: isDate ? 'dd/mm/yyyy' : f.key === 'year' || f.key === 'branchCapacity' ? '0' : '@',
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
  rows.push(title(EXTRA_TITLE));
  rows.push(
    pad([
      {
        v: 'Mỗi dòng một chỉ tiêu riêng của tỉnh (ví dụ theo Quyết định 766/QĐ-TTg); chỉ tiêu được thêm vào biểu mẫu của các đơn vị, bảng tổng hợp và báo cáo.',
        s: { italic: true },
      },
    ]),
  );
  rows.push(header(EXTRA_HEADER));
  rows.push(...extraPlanRows(s.extraIndicators).map(pad));
  rows.push(pad([]));
  rows.push(title(AGENCY_TITLE));
  rows.push(header(AGENCY_HEADER));
  // UBND cấp huyện is offered only for periods when districts existed.
  const types = AGENCY_TYPES.filter((t) => t !== 'huyen' || districtLevelExists(s.period.to));
  const typeChoices = types.map((t) => AGENCY_TYPE_LABELS[t]);
  const agencyRow = (a: Agency | null): PlanCell[] =>
    pad([
      { v: a ? a.stt : null, s: { align: 'center' } },
      { v: a ? a.name : null, s: { wrap: true } },
      { v: a ? AGENCY_TYPE_LABELS[a.type] : null, s: { validation: { kind: 'list', values: typeChoices } } },
      { v: a ? a.sheet : null, s: { numberFormat: '@' } },
      { v: a ? a.emails.join(', ') : null },
      { v: a ? a.note : null, s: { wrap: true } },
      // The header of the agency's own report, written with its kind's defaults for a person to correct.
      { v: a ? a.parentBody || agencyDefaults(a, s).parentBody || null : null, s: { wrap: true } },
      { v: a ? a.symbol || agencyDefaults(a, s).symbol || null : null, s: { numberFormat: '@' } },
      { v: a ? a.branch || null : null, s: { numberFormat: '@' } },
    ]);
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
