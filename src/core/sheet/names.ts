/** The sheets the add-on owns, named once; agency tabs may not take these names. */
export const SETTINGS_SHEET = 'Thiết lập';
export const VALIDATION_SHEET = 'Kết quả kiểm tra';
export const SUMMARY_SHEET = 'Tổng hợp';
export const DETAIL_SHEET = 'Chi tiết theo đơn vị';
export const SUBMISSION_SHEET = 'Tình hình gửi báo cáo';

export const RESERVED_SHEETS: readonly string[] = [
  SETTINGS_SHEET,
  VALIDATION_SHEET,
  SUMMARY_SHEET,
  DETAIL_SHEET,
  SUBMISSION_SHEET,
];
