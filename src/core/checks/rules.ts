/**
 * The validation rules' stable ids and Vietnamese titles, and the shape of a finding: what the
 * results sheet, the CLI's JSON and the tests all speak of.
 */
import { Severity } from '../catalog/catalog';

export const RULES = {
  'sheet-missing': 'Không tìm thấy trang của đơn vị',
  'sheet-duplicate': 'Trang của đơn vị có ở hai sổ',
  'branch-unopened': 'Không mở được sổ nhánh',
  'table-missing': 'Không tìm thấy bảng chỉ tiêu',
  'header-text': 'Tiêu đề cột bị sửa',
  'code-missing': 'Thiếu dòng chỉ tiêu',
  'code-duplicate': 'Mã chỉ tiêu bị lặp',
  'code-unknown': 'Mã chỉ tiêu không có trong biểu mẫu',
  'value-without-code': 'Số liệu ở dòng không có mã chỉ tiêu',
  'protection-removed': 'Trang không còn được bảo vệ',
  'not-number': 'Không phải số',
  'ambiguous-number': 'Số viết không rõ nghĩa',
  'formula-error': 'Công thức bị lỗi',
  'number-format': 'Cách viết số cần xem lại',
  'number-as-text': 'Số nhập dạng chữ',
  negative: 'Số âm',
  'fractional-count': 'Số đếm không phải số nguyên',
  'percent-range': 'Tỷ lệ ngoài 0–100%',
  'code-answer': 'Giá trị không thuộc danh sách',
  relation: 'Số liệu không khớp nhau',
  'ratio-mismatch': 'Tỷ lệ không khớp với số liệu chi tiết',
  'required-missing': 'Thiếu số liệu bắt buộc',
  'value-not-applicable': 'Số liệu ở dòng không thuộc đơn vị',
  'status-unknown': 'Trạng thái báo cáo không hợp lệ',
  'sent-without-date': 'Đã gửi nhưng thiếu ngày gửi',
  'sent-date-invalid': 'Ngày gửi không hợp lệ',
  'merged-cell': 'Ô số liệu bị gộp',
  'formula-uncomputable': 'Công thức không tính lại được',
  'formula-other-sheet': 'Công thức lấy số liệu từ trang khác',
  'formula-stale': 'Kết quả lưu của công thức đã cũ',
  'implausible-number': 'Số quá lớn',
  'catalog-version': 'Biểu mẫu khác phiên bản',
  'deadline-stale': 'Hạn gửi báo cáo khác trang Thiết lập',
} as const;
export type RuleId = keyof typeof RULES;

/**
 * The menu steps and Google-only facts messages name; the CLI words them as its own (src/cli/wording.ts).
 * `triggerSkipped`: the onEdit trigger stamps the sent date (src/gas/on-edit.ts); a Workspace admin who
 * turns Apps Script off blocks simple triggers too (Workspace Admin Help, "Blocked trigger executions
 * include simple triggers"), so a tab can read "Đã gửi" with no date and no check.
 */
export const MENU_STEPS = {
  regenerate: 'chạy lại "Tạo biểu mẫu cho các đơn vị"',
  markSent: 'chọn lại "Đã gửi" ở ô Trạng thái báo cáo (bảng tính tự kiểm tra và ghi ngày gửi)',
  triggerSkipped:
    'việc kiểm tra tự động khi đơn vị chọn "Đã gửi" đã không chạy (quản trị viên Google Workspace có thể đã tắt Apps Script, hoặc trạng thái được dán vào)',
} as const;

/** Why an agency's tab reads as absent in a set of workbooks (workbook-set.ts): in two of them, or in one not opened. */
export interface TabProblem {
  readonly rule: 'sheet-duplicate' | 'branch-unopened';
  readonly message: string;
}

export interface Finding {
  readonly agency: string;
  readonly sheet: string;
  readonly cell: string | null;
  readonly indicator: string | null;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
}

/** How a check reports: the rule, its severity, the cell and indicator, and the message. */
export type AddFn = (
  rule: RuleId,
  severity: Severity,
  cell: string | null,
  indicator: string | null,
  message: string,
) => void;
