import { TEMPLATE_COPY_LINK } from '../core/template-link';
import { escapeHtml } from '../core/primitives/text';

/**
 * The short Vietnamese guide shown by "Hướng dẫn sử dụng", with the support contact of Thiết lập
 * (empty: the line is left out) and the province's template link when the maintainer set one.
 */
export function helpHtml(supportContact: string): string {
  const contact = supportContact.trim()
    ? `<p style="background:#fff2cc;padding:4px 6px"><b>Liên hệ hỗ trợ:</b> ${escapeHtml(supportContact.trim())}</p>`
    : '';
  const template = TEMPLATE_COPY_LINK
    ? `<p>Bảng tính mẫu (tạo bản sao cho kỳ mới): <a href="${TEMPLATE_COPY_LINK}" target="_blank">${TEMPLATE_COPY_LINK}</a></p>`
    : '';
  return HELP_HTML.replace('<!--lien-he-->', contact).replace('<!--ban-mau-->', template);
}

const HELP_HTML = `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5;padding:4px 8px">
<h3 style="margin:4px 0">Báo cáo cải cách hành chính</h3>
<!--lien-he-->
<p><b>Đơn vị tổng hợp (Sở Nội vụ)</b></p>
<ol>
<li><b>Thiết lập kỳ báo cáo</b>: tạo trang "Thiết lập". Điền kỳ báo cáo, năm, hạn gửi, thông tin ký ban hành, danh sách đơn vị (tên, loại, tên trang tính, email người nhập liệu) và đơn vị cung cấp số liệu dùng chung. Chỉ tiêu riêng của tỉnh (ví dụ theo Quyết định 766/QĐ-TTg) thêm ở bảng "Chỉ tiêu bổ sung của tỉnh". Hạn gửi có thể trước ngày chốt số liệu: khi đó số liệu được ước tính đến ngày chốt.</li>
<li><b>Tạo biểu mẫu cho các đơn vị</b>: mỗi đơn vị có một trang riêng, chỉ người có email của đơn vị (và đơn vị tổng hợp) được sửa, và chỉ sửa được các ô số liệu. Chạy lại bất cứ lúc nào: số liệu đã nhập được giữ nguyên.</li>
<li>Chia sẻ bảng tính (quyền chỉnh sửa) cho email người nhập liệu của các đơn vị.</li>
<li>Đơn vị gửi tệp Excel thay vì nhập trực tiếp: chọn <b>Tải biểu mẫu của các đơn vị (.xlsx)</b> để tải một tệp nén (.zip) chứa tệp Excel của từng đơn vị, gửi mỗi đơn vị đúng tệp của mình; khi nhận lại, chọn <b>Nhập tệp Excel của đơn vị</b> (mỗi tệp chỉ ghi vào trang của đúng đơn vị).</li>
<li>Thêm người tổng hợp: chủ sở hữu thêm email vào bảo vệ của trang "Thiết lập" (Dữ liệu → Trang và dải ô được bảo vệ), rồi chạy lại <b>Tạo biểu mẫu cho các đơn vị</b>.</li>
<li><b>Kiểm tra tất cả đơn vị</b>: xem trang "Kết quả kiểm tra"; bấm vào ô để đến đúng chỗ sai.</li>
<li><b>Kiểm tra trang hiện tại</b>: kiểm tra riêng trang đang mở và nói rõ từng ô sai, sai gì, sửa thế nào.</li>
<li><b>Tổng hợp số liệu</b>: tạo các trang "Tổng hợp", "Chi tiết theo đơn vị", "Tình hình gửi báo cáo". Tỷ lệ được tính lại từ tổng số liệu chi tiết, không lấy trung bình các tỷ lệ. Khi in (Tệp → In): chọn khổ A4, "Vừa với chiều rộng" (trang "Chi tiết theo đơn vị" nhiều cột thì in tỷ lệ khoảng 70% qua nhiều trang); hàng tiêu đề bảng và các cột chỉ tiêu đã được cố định nên được lặp lại trên mỗi trang; bật số trang ở phần đầu trang và chân trang.</li>
<li><b>Soạn dự thảo báo cáo</b>: tạo Google Docs theo thể thức Nghị định 30/2020/NĐ-CP, số liệu đã điền sẵn; chỉ cần bổ sung các đoạn tô vàng. Muốn so sánh với kỳ trước: sao chép trang "Tổng hợp" của bảng tính kỳ trước vào bảng tính này và đặt tên "Kỳ trước"; sao chép cả trang "Chi tiết theo đơn vị", đặt tên "Kỳ trước - Chi tiết", để so sánh trên cùng các đơn vị có số liệu ở cả hai kỳ.</li>
</ol>
<p><b>Đơn vị báo cáo</b> (không cần cấp quyền, không cần dùng menu)</p>
<ol>
<li>Mở trang của đơn vị, nhập số liệu vào cột "Số liệu" (số nguyên; tỷ lệ như 12,5%). Các dòng tô xám không thuộc đơn vị. Nhập số dạng số, không gõ dấu ' ở đầu. Chữ trong ô số, số âm, số thập phân ở ô số lượng và tỷ lệ ngoài 0–100% bị bảng tính từ chối ngay (hiện lời nhắc, ô giữ giá trị cũ); sai so với ô khác (thành phần lớn hơn tổng, tỷ lệ không khớp số liệu) được nhận rồi tô đỏ (lỗi) hoặc vàng (cần xem lại). Chép số từ nơi khác thì dán bằng Ctrl+Shift+V (chỉ giá trị): dán thường chép cả quy tắc của nơi chép, số sai không còn tô đỏ.</li>
<li>Ghi ngắn gọn kết quả nổi bật, khó khăn, kiến nghị ở cuối trang.</li>
<li>Nhập xong, chọn <b>Đã gửi</b> ở ô "Trạng thái báo cáo": bảng tính tự kiểm tra trang và ghi ngày gửi. Nếu còn lỗi, trạng thái trở về "Chưa gửi", lý do ghi ở ghi chú của ô trạng thái.</li>
<li>Báo cáo Google Docs của đơn vị do đơn vị tổng hợp soạn từ trang của đơn vị (<b>Soạn báo cáo của đơn vị</b>); đơn vị nào muốn tự soạn thì dùng mục đó và đồng ý cấp quyền.</li>
</ol>
<p><b>Ai cần cấp quyền</b></p>
<ul>
<li>Chỉ người tổng hợp dùng menu; lần đầu Google hỏi quyền sửa bảng tính này, hiện hộp thoại và tạo Google Docs.</li>
<li>Nếu người dùng không cùng tổ chức Google Workspace với chủ sở hữu tập lệnh, Google hiện màn hình "ứng dụng chưa được xác minh" và giới hạn số người dùng chưa xác minh. Cùng một tên miền Workspace, hoặc xác minh ứng dụng với Google, thì không còn màn hình này (developers.google.com/apps-script/guides/client-verification).</li>
<li>Chi tiết: tài liệu docs/quyen-va-uy-quyen.md; khi gặp sự cố: docs/khac-phuc-su-co.md.</li>
</ul>
<!--ban-mau-->
<p>Mở lại hướng dẫn này: menu Báo cáo CCHC → <b>Hướng dẫn sử dụng</b>.</p>
</div>`;
