/**
 * Findings are worded for the Sheets menu; the CLI has no menu, so each menu step a message names
 * is replaced by what a CLI user does instead. Keyed by the core's own constants, so a reworded
 * menu step cannot slip through unnoticed (tests/cli/main.test.ts checks no menu wording is printed).
 */
import { MENU_STEPS } from '../core/checks/rules';

const CLI_STEPS: Record<keyof typeof MENU_STEPS, string> = {
  regenerate: 'cập nhật biểu mẫu bằng lệnh npm run cchc -- template --from <sổ.xlsx> --out <sổ-mới.xlsx>',
  markSent: 'nhập "Đã gửi" vào ô Trạng thái',
  triggerSkipped: 'ngoài bảng tính Google, chọn "Đã gửi" không tự kiểm tra và không tự ghi ngày gửi',
};

export function forCli(message: string): string {
  let out = message;
  for (const key of Object.keys(MENU_STEPS) as (keyof typeof MENU_STEPS)[])
    out = out.split(MENU_STEPS[key]).join(CLI_STEPS[key]);
  return out;
}
