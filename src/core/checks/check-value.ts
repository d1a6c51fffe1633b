/**
 * The checks of one cell on its own: what the agency typed (or failed to type) in a value cell,
 * read as its indicator's kind asks. Relations between cells are validate.ts's.
 */
import { formatNumber, formatPercent } from '../primitives/numbers';
import { ParsedRow } from '../form/parse';
import { AddFn } from './rules';

/** Float noise below this is no difference (sums of fractions typed as percentages). */
export const EPS = 1e-9;

/** `rates`: the rates the form computes from this cell (what a count typed as text leaves blank). */
export function checkValue(row: ParsedRow, add: AddFn, rates: readonly string[] = []): void {
  const { ind, cell, reading } = row;
  const at = `Ô ${cell} (chỉ tiêu ${ind.code})`;
  if (reading.state === 'blank') return;
  if (reading.state === 'invalid') {
    switch (reading.problem) {
      case 'formula-error':
        add(
          'formula-error',
          'error',
          cell,
          ind.code,
          `${at}: công thức trả về lỗi ${reading.detail}. Hãy sửa công thức hoặc nhập số liệu trực tiếp.`,
        );
        return;
      case 'ambiguous':
        add(
          'ambiguous-number',
          'error',
          cell,
          ind.code,
          `${at}: ${reading.detail}. Hãy nhập lại cho rõ, ví dụ ${ind.kind === 'percent' ? '5% hoặc 12,5%' : '1.949 (một nghìn chín trăm bốn mươi chín) hoặc 12,5'}.`,
        );
        return;
      case 'code':
        if (ind.kind === 'code')
          add(
            'code-answer',
            'error',
            cell,
            ind.code,
            `${at}: "${reading.detail}" không thuộc danh sách. Hãy chọn một giá trị: ${ind.answers.map((a) => `${a.code} - ${a.label}`).join('; ')}.`,
          );
        return;
      case 'merged':
        add(
          'merged-cell',
          'error',
          cell,
          ind.code,
          `${at}: ô nằm trong vùng gộp ô ${reading.detail}, nên không biết số liệu thuộc dòng nào. Hãy bỏ gộp ô (Unmerge) và nhập số liệu riêng cho từng dòng.`,
        );
        return;
      case 'uncached':
        add(
          'formula-uncached',
          'error',
          cell,
          ind.code,
          `${at}: có công thức ${reading.detail} nhưng tệp không lưu kết quả tính. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc nhập số liệu trực tiếp thay cho công thức.`,
        );
        return;
      case 'cross-sheet':
        add(
          'formula-other-sheet',
          'error',
          cell,
          ind.code,
          `${at}: công thức ${reading.detail} lấy số liệu từ trang khác; mỗi đơn vị báo cáo số liệu của chính mình. Hãy nhập số liệu trực tiếp thay cho công thức.`,
        );
        return;
      case 'implausible':
        add(
          'implausible-number',
          'error',
          cell,
          ind.code,
          `${at}: số ${reading.detail} lớn bất thường (quá 1.000 tỷ), có thể do gõ nhầm; số này không được tổng hợp. Hãy kiểm tra và nhập lại số liệu.`,
        );
        return;
      case 'text':
        add(
          'not-number',
          'error',
          cell,
          ind.code,
          `${at}: "${reading.detail}" không phải là số. Hãy nhập ${ind.kind === 'percent' ? 'tỷ lệ, ví dụ 12,5%' : 'số, ví dụ 1.949'}; ghi chú đưa sang cột Ghi chú.`,
        );
        return;
    }
  }
  const v = reading.value;
  if (reading.warning) add('number-format', 'warning', cell, ind.code, `${at}: ${reading.warning}.`);
  if (reading.asText && Number.isInteger(v) && v >= 0)
    add(
      'number-as-text',
      'warning',
      cell,
      ind.code,
      `${at}: "${String(row.raw).trim()}" được nhập dạng chữ (văn bản), không phải dạng số. Chương trình hiểu là ${formatNumber(v)}, nhưng bảng tính không cộng, không tính được với ô này${rates.length ? ` nên tỷ lệ ở chỉ tiêu ${rates.join(', ')} để trống` : ''}. Hãy gõ lại ${v} (không có dấu chấm, không có dấu ' ở đầu) vào ô.`,
    );
  if (v < 0) {
    add('negative', 'error', cell, ind.code, `${at}: số liệu ${formatNumber(v)} là số âm. Hãy nhập số từ 0 trở lên.`);
    return;
  }
  if (ind.kind === 'count' && !Number.isInteger(v)) {
    const whole = Math.trunc(v);
    const shifted = Math.round(v * 1000);
    add(
      'fractional-count',
      'error',
      cell,
      ind.code,
      `${at}: ${formatNumber(v, 6)} không phải số nguyên; số đếm (${ind.unit.toLowerCase()}) phải là số nguyên. Có thể ý là ${formatNumber(whole)} hoặc ${formatNumber(shifted)}; hãy kiểm tra và nhập lại.`,
    );
  }
  if (ind.kind === 'percent' && v > 100 + EPS) {
    add(
      'percent-range',
      'error',
      cell,
      ind.code,
      `${at}: tỷ lệ ${formatPercent(v)} vượt quá 100%. Hãy kiểm tra lại số liệu.`,
    );
  }
}
