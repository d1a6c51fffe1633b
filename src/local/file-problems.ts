/**
 * File problems, typed, and the one place that words them in Vietnamese with the file, what went
 * wrong and the fix: the CLI (src/cli/errors.ts) and the add-on's import dialog both show these,
 * so a .xls, a password or a zip bomb reads the same wherever it is chosen. No Node imports: the
 * dialog's browser bundle includes this file.
 */

export type FileErrorCode =
  | 'not-found'
  | 'cannot-create'
  | 'no-read-permission'
  | 'no-write-permission'
  | 'no-space'
  | 'quota'
  | 'is-directory'
  | 'not-a-directory'
  | 'read-only-fs'
  | 'exists'
  | 'output-is-input'
  | 'outputs-collide'
  | 'too-large'
  | 'too-many-cells'
  | 'xls'
  | 'ods'
  | 'text'
  | 'encrypted'
  | 'zip-not-workbook'
  | 'not-xlsx'
  | 'damaged-zip'
  | 'not-regular'
  | 'output-not-regular'
  | 'file-too-big-for-disk'
  | 'busy'
  | 'open-in-excel'
  | 'excel-lock'
  | 'list-encoding'
  | 'run-in-progress'
  | 'symlink-output'
  | 'link-loop'
  | 'name-too-long'
  | 'too-many-open'
  | 'io-error'
  | 'os-other';

/** A file-system or file-format problem, with the path the user typed and what we know. */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly path: string,
    readonly detail: string = '',
  ) {
    super(`${code}: ${path}${detail ? ` (${detail})` : ''}`);
  }
}

const HELP = 'npm run cchc -- --help';

/** The Vietnamese message for a FileError: the file, what is wrong, what to do. */
export function fileMessage(e: FileError): string {
  const f = `"${e.path}"`;
  switch (e.code) {
    case 'not-found':
      return `Không tìm thấy ${f}. Hãy kiểm tra tên tệp, thư mục (đường dẫn tương đối tính từ thư mục đang đứng khi gõ lệnh).`;
    case 'cannot-create':
      return `Không tạo được tệp ${f}: thư mục không tồn tại hoặc không cho tạo tệp. Hãy chọn thư mục khác cho tệp kết quả.`;
    case 'no-read-permission':
      return `Không có quyền đọc ${f}. Hãy xin quyền đọc tệp hoặc sao chép tệp vào thư mục của mình rồi chạy lại.`;
    case 'no-write-permission':
      return `Không có quyền ghi ${f}. Hãy chọn thư mục khác (tùy chọn --out) hoặc xin quyền ghi vào thư mục đó.`;
    case 'no-space':
      return `Ổ đĩa đã đầy: không ghi được ${f}. Lệnh đã dừng và dọn tệp tạm, không để lại tệp ghi dở; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy giải phóng dung lượng (xóa bớt tệp, dọn Thùng rác) hoặc ghi sang ổ khác, rồi chạy lại.`;
    case 'quota':
      return `Tài khoản của bạn đã hết hạn mức dung lượng (quota) trên ổ chứa ${f}, nên không ghi được. Lệnh đã dừng và dọn tệp tạm; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy xóa bớt tệp của mình trên ổ đó, nhờ quản trị mạng tăng hạn mức, hoặc ghi sang ổ khác, rồi chạy lại.`;
    case 'is-directory':
      return `${f} là một thư mục, không phải tệp. Hãy ghi cả tên tệp trong thư mục đó, ví dụ ${e.path.replace(/[/\\]$/, '')}/ten-tep.xlsx.`;
    case 'not-a-directory':
      return `Đường dẫn ${f} có một phần là tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn.`;
    case 'read-only-fs':
      return `Không ghi được ${f}: ổ đĩa chỉ đọc (USB gạt khóa ghi, đĩa CD, ổ mạng hoặc thư mục chỉ cho đọc). Hãy chọn thư mục trên ổ khác cho tệp kết quả rồi chạy lại.`;
    case 'exists':
      return e.detail
        ? `Đã có tệp ${f} ${e.detail}; lệnh không ghi đè tệp có sẵn. Hãy chọn tên hoặc thư mục khác, hoặc thêm --force nếu chắc chắn muốn thay các tệp này.`
        : `Đã có tệp ${f}; lệnh không ghi đè tệp có sẵn. Hãy chọn tên khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này.`;
    case 'output-is-input':
      return `Không ghi vào ${f}: đó là tệp đầu vào${e.detail ? ` (${e.detail})` : ''}. Tiện ích không bao giờ ghi vào tệp của các đơn vị; hãy chọn tên tệp kết quả khác.`;
    case 'outputs-collide':
      return `Hai tệp kết quả cùng trỏ tới ${f}${e.detail ? ` (${e.detail})` : ''}. Hãy đặt tên khác nhau cho --out và --json.`;
    case 'too-large':
      return `Tệp ${f} quá lớn so với nhu cầu của một tỉnh (${e.detail}); tiện ích từ chối đọc để tránh treo máy. Hãy kiểm tra đúng tệp, hoặc xóa các trang, dòng, cột thừa rồi lưu lại.`;
    case 'too-many-cells':
      return `Tệp ${f}: ${e.detail}, quá nhu cầu của một tỉnh. Hãy xóa các dòng, cột thừa (Ctrl+End cho biết ô cuối cùng đang dùng) rồi lưu lại.`;
    case 'xls':
      return `${f} là tệp Excel 97-2003 (.xls), tiện ích chỉ đọc .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, chọn Lưu thành (Save As) kiểu "Excel Workbook (.xlsx)", rồi chạy lại với tệp mới.`;
    case 'ods':
      return `${f} là bảng tính OpenDocument (.ods), tiện ích chỉ đọc .xlsx. Hãy mở bằng LibreOffice Calc, chọn Lưu thành kiểu "Excel 2007-365 (.xlsx)", rồi chạy lại với tệp mới.`;
    case 'text':
      return `${f} là tệp văn bản (có thể là CSV), không phải sổ Excel. Hãy dùng sổ .xlsx tạo bằng lệnh template (hoặc tải từ Google Sheets: Tệp › Tải xuống › Microsoft Excel (.xlsx)).`;
    case 'encrypted':
      return `${f} được đặt mật khẩu mở tệp (mã hóa), nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa trống), lưu lại rồi chạy lại.`;
    case 'zip-not-workbook':
      return `${f} là tệp nén nhưng không phải sổ Excel (.xlsx) (có thể là .docx hoặc .zip đổi tên). Hãy chọn đúng sổ số liệu .xlsx.`;
    case 'not-xlsx':
      return `Không đọc được ${f}: không phải tệp Excel (.xlsx) hợp lệ${e.detail ? ` (${e.detail})` : ''}. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.`;
    case 'damaged-zip':
      return `Tệp ${f} bị hỏng (${e.detail}): mỗi chương trình có thể đọc ra số liệu khác nhau từ tệp này, nên tiện ích không đọc. Hãy mở tệp bằng Excel (hoặc LibreOffice), kiểm tra lại số liệu, chọn Lưu thành (Save As) kiểu "Excel Workbook (.xlsx)" rồi chạy lại với tệp mới.`;
    case 'not-regular':
      return `${f} không phải một tệp thông thường (${e.detail || 'thiết bị, ống dẫn hoặc socket'}), nên không đọc: đọc nó có thể không bao giờ dừng. Hãy chọn đúng tệp .xlsx.`;
    case 'output-not-regular':
      return `${f} không phải một tệp thông thường (${e.detail || 'thiết bị, ống dẫn hoặc socket'}); lệnh không ghi kết quả vào đó, kể cả khi có --force. Hãy đặt tên tệp kết quả mới, ví dụ tong-hop.xlsx.`;
    case 'file-too-big-for-disk':
      return `Không ghi được ${f}: tệp vượt kích thước tối đa mà ổ đĩa hoặc giới hạn của hệ thống cho phép. Hãy ghi sang ổ khác rồi chạy lại.`;
    case 'open-in-excel':
      return `Không thay được ${f}: tệp đang mở trong Excel (hoặc chương trình khác đang giữ nó). Hãy đóng tệp trong Excel rồi chạy lại; tệp cũ vẫn còn nguyên.`;
    case 'excel-lock':
      return `${f} là tệp khóa tạm của Excel, không phải sổ số liệu: Excel tạo nó khi đang mở tệp "${e.detail}" trong Excel và tự xóa khi đóng. Hãy đóng Excel rồi chọn tệp "${e.detail}".`;
    case 'list-encoding':
      return `Không đọc chắc chắn được chữ tiếng Việt trong ${f}${e.detail ? ` (${e.detail})` : ''}: tệp không lưu bằng Unicode (có thể là bảng mã TCVN3 (ABC), VNI hoặc Windows-1258 lẫn ký tự lạ), và tiện ích không đoán để khỏi ghi sai tên đơn vị. Hãy mở tệp bằng Excel, chọn Tệp › Lưu thành (File › Save As), kiểu tệp "CSV UTF-8 (Comma delimited) (*.csv)" (LibreOffice: Lưu thành CSV, bộ ký tự "Unicode (UTF-8)"), rồi chạy lại với tệp mới; hoặc dùng thẳng tệp .xlsx. Nếu chữ trong Excel cũng hiện sai (phông .VnTime), hãy chuyển mã sang Unicode bằng công cụ chuyển mã của Unikey trước.`;
    case 'busy':
      return `${f} đang bị chương trình khác sử dụng hoặc khóa. Hãy đóng chương trình đó (nếu Excel đang mở tệp: đóng tệp trong Excel) rồi chạy lại.`;
    case 'run-in-progress':
      return `Một lần chạy khác đang ghi ${f} (có tệp khóa "${e.detail}"); lần chạy này dừng lại, không ghi gì. Hãy chờ lần chạy kia xong rồi xem kết quả của nó; nếu không còn lần chạy nào (máy vừa tắt đột ngột), hãy xóa tệp khóa đó rồi chạy lại.`;
    case 'symlink-output':
      return `${f} là một liên kết tượng trưng (symlink)${e.detail ? ` trỏ tới "${e.detail}"` : ''}; lệnh không ghi qua liên kết vì nó có thể trỏ ra ngoài thư mục kết quả. Hãy xóa liên kết đó hoặc chọn thư mục khác (--out-dir).`;
    case 'link-loop':
      return `Đường dẫn ${f} chứa liên kết tượng trưng (symlink) vòng lặp, không trỏ tới tệp nào. Hãy dùng đường dẫn thật của tệp.`;
    case 'name-too-long':
      return `Tên hoặc đường dẫn ${f} quá dài so với giới hạn của hệ thống. Hãy đặt tên ngắn hơn hoặc chọn thư mục nông hơn.`;
    case 'too-many-open':
      return `Hệ thống đang mở quá nhiều tệp nên không mở được ${f}. Hãy đóng bớt chương trình rồi chạy lại.`;
    case 'io-error':
      return `Lỗi đọc/ghi thiết bị với ${f} (ổ đĩa, USB hoặc ổ mạng có thể bị lỗi hoặc bị rút ra). Hãy kiểm tra thiết bị, sao chép tệp sang ổ khác rồi chạy lại.`;
    case 'os-other':
      return `Lỗi hệ thống với ${f}${e.detail ? ` (mã lỗi ${e.detail})` : ''}. Hãy kiểm tra tệp, thư mục rồi chạy lại. Xem: ${HELP}`;
  }
}
