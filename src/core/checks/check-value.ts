/**
 * The checks of one cell on its own: what the agency typed (or failed to type) in a value cell,
 * read as its indicator's kind asks. Relations between cells are validate.ts's.
 */
import { formatNumber, formatPercent } from '../primitives/numbers';
import { ParsedRow } from '../form/parse';
import type { Uncomputable } from '../form/formula-eval';
import { AddFn } from './rules';

/** Float noise below this is no difference (sums of fractions typed as percentages). */
export const EPS = 1e-9;

/** `rates`: the rates the form computes from this cell (what a count typed as text leaves blank). */
export function checkValue(row: ParsedRow, add: AddFn, rates: readonly string[] = []): void {
  const { ind, cell, reading, stale } = row;
  const at = `Ô ${cell} (chỉ tiêu ${ind.code})`;
  if (stale)
    add(
      'formula-stale',
      'warning',
      cell,
      ind.code,
      `${at}: có công thức ${stale.formula}, kết quả lưu trong tệp là ${stale.cached} nhưng tính lại được ${stale.computed}; đã dùng ${stale.computed}.`,
    );
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
      case 'uncomputable':
        add(
          reading.why === 'other-sheet' ? 'formula-other-sheet' : 'formula-uncomputable',
          'error',
          cell,
          ind.code,
          `${at}: ${uncomputable(reading.detail, reading.why, reading.about ?? '', cell)}; hãy nhập số thay cho công thức.`,
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

/** Why a formula in a value cell gives no figure, in the user's words (its end is the caller's). */
function uncomputable(shown: string, why: Uncomputable | undefined, about: string, cell: string): string {
  const f = shown === '=' ? 'một công thức mà tệp không ghi rõ (công thức dùng chung mất ô gốc)' : `công thức ${shown}`;
  switch (why) {
    case 'volatile':
      return `${f} dùng hàm ${about}, cho kết quả khác nhau mỗi lần tính, nên không có một số liệu xác định`;
    case 'indirect':
      return `${f} dùng hàm ${about} (tham chiếu gián tiếp), chương trình không tính lại được`;
    case 'other-sheet':
      return `${f} lấy số liệu từ trang hoặc tệp khác; mỗi đơn vị báo cáo số liệu của chính mình`;
    case 'name':
      return `${f} dùng tên "${about}" đặt trong sổ (Name Manager), chương trình không tính lại được`;
    case 'self':
      return `${f} tham chiếu đến chính ô ${cell}, nên không có kết quả`;
    case 'cycle':
      return `${f} tham chiếu vòng (các ô công thức tính lẫn nhau, qua ô ${about}), nên không có kết quả`;
    case 'function':
      return about && !/^[A-Z]+\d+$/.test(about)
        ? `${f} dùng hàm ${about}, chương trình không tính lại được`
        : `${f} đọc ô ${about || 'khác'} mà chương trình không đọc được số liệu`;
    case 'text':
      return /^[A-Z]+\d+$/.test(about)
        ? `${f} tính trên ô ${about} có chữ thay cho số`
        : `${f} tính trên chữ "${about}" thay cho số`;
    case 'array':
      return `${f} là công thức mảng trải trên nhiều ô (${about}), chương trình không tính lại được`;
    case 'range':
      return `${f} dùng cả một vùng ô ở chỗ cần một số, chương trình không tính lại được`;
    case 'depth':
      return `${f} phụ thuộc một chuỗi công thức quá dài, chương trình không tính lại được`;
    default:
      return `chương trình không tính lại được ${f}`;
  }
}
