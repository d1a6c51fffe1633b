/** An agency's status after validation: typed ids, and how each is shown. */
export const AGENCY_STATUSES = ['ok', 'warnings', 'errors', 'not-sent', 'sheet-missing'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];
/** How each status is shown (the validation sheet, alerts, the CLI). */
export const AGENCY_STATUS_LABELS: Readonly<Record<AgencyStatus, string>> = {
  ok: 'Đạt',
  warnings: 'Có cảnh báo',
  errors: 'Có lỗi',
  'not-sent': 'Chưa gửi',
  'sheet-missing': 'Không tìm thấy trang',
};

/** "3 đạt, 1 có cảnh báo, 2 có lỗi, 0 chưa gửi, 0 không tìm thấy trang" */
export function statusTally(results: readonly { status: AgencyStatus }[]): string {
  return AGENCY_STATUSES.map(
    (st) => `${results.filter((r) => r.status === st).length} ${AGENCY_STATUS_LABELS[st].toLocaleLowerCase('vi')}`,
  ).join(', ');
}
