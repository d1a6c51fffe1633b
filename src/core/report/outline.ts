/**
 * Sentences of the outline that the province's report and an agency's own report both write, kept
 * once: the wording is the same, only the subject differs. Slots are catalog codes ({3.4.a}); see
 * sentence() in figures.ts for "[…]" (left out with a figure not asked), "{~x}" (zero reads "không có")
 * and "⟨…|…||…⟩" (a list naming only the items that are not 0, or the words after "||").
 */
import { OnlineWords } from '../periods';

export const PLAN = (who: string) =>
  `Kế hoạch cải cách hành chính của ${who} đề ra {1.1.1} nhiệm vụ; đến nay đã hoàn thành {1.1.2} nhiệm vụ, đạt {rate} kế hoạch.`;
export const DIRECTIVES = (who: string) =>
  `${who} ⟨đã ban hành {1.1.3} văn bản chỉ đạo, điều hành về cải cách hành chính||chưa ban hành văn bản chỉ đạo, điều hành mới về cải cách hành chính⟩.`;
export const RESOLVED = 'đã giải quyết {3.4.b} hồ sơ ({3.4.b.1} hồ sơ trước hạn và đúng hạn, {~3.4.b.2} hồ sơ quá hạn)';
/** Online services in the period's words: "mức độ 3, 4" before 01/08/2022, "toàn trình / một phần" after. */
export const ONLINE = (o: OnlineWords) =>
  `ỷ lệ hồ sơ xử lý trực tuyến ${o.partial} đạt {7.8.3}, ${o.full} đạt {7.8.4}.`;
export const LEGAL = (who: string) =>
  `Trong kỳ, ${who}⟨đã ::ban hành, tham mưu ban hành {2.1} văn bản quy phạm pháp luật|kiểm tra {2.2} văn bản theo thẩm quyền|rà soát {2.3} văn bản||không có văn bản quy phạm pháp luật được ban hành, kiểm tra, rà soát⟩.`;
export const REVIEWED =
  'Qua kiểm tra, rà soát, ⟨đã kiến nghị xử lý {2.4} văn bản; {2.5} văn bản có kiến nghị xử lý đã được xử lý xong||không có văn bản phải kiến nghị xử lý⟩.';
export const PUBLISHED = 'Công bố mới {3.1.1} thủ tục hành chính; bãi bỏ, thay thế {3.1.2} thủ tục hành chính.';
export const PORTAL = (o: OnlineWords) =>
  `Đã cập nhật, công khai {3.2.1} thủ tục hành chính trên Cổng Dịch vụ công quốc gia, trong đó {3.2.2} thủ tục ${o.both} đã được tích hợp.`;
export const ONE_STOP =
  'Thực hiện cơ chế một cửa, một cửa liên thông: [{3.3.1} thủ tục liên thông cùng cấp, {3.3.2} thủ tục liên thông giữa các cấp chính quyền; ]tỷ lệ thủ tục hành chính đã được phê duyệt quy trình nội bộ đạt {3.3.3}, tỷ lệ quy trình nội bộ đã được điện tử hóa đạt {3.3.4}.';
export const HO_SO = (lead: string) =>
  `${lead} đã tiếp nhận {3.4.a} hồ sơ (kỳ trước chuyển qua {3.4.a.1} hồ sơ, mới tiếp nhận {3.4.a.2} hồ sơ, trong đó {3.4.a.3} hồ sơ trực tuyến); ${RESOLVED}; đang giải quyết {3.4.c} hồ sơ ({3.4.c.1} hồ sơ chưa đến hạn, {~3.4.c.2} hồ sơ quá hạn).`;
export const POSTAL = 'Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích {3.4.d} hồ sơ.';
export const STAFF = (where: string) =>
  `Tổng số biên chế công chức được giao là {4.2.1} người, có mặt {4.2.2} người; có {~4.2.3} hợp đồng lao động làm việc tại ${where}; trong kỳ ⟨đã tinh giản {4.2.4} biên chế||chưa tinh giản biên chế⟩; tỷ lệ biên chế đã tinh giản so với năm 2015 là {4.2.5}.`;
export const PAYROLL = (whose: string) =>
  `⟨Số người làm việc hưởng lương từ ngân sách tại các đơn vị sự nghiệp công lập${whose} được giao là {4.3.1} người, có mặt {4.3.2} người||Không có người làm việc hưởng lương từ ngân sách được giao tại đơn vị sự nghiệp công lập${whose}⟩; trong kỳ ⟨đã tinh giản {4.3.3} người||chưa tinh giản⟩; tỷ lệ đã tinh giản so với năm 2015 là {4.3.4}.`;
export const RECRUITED = (moved: string) =>
  `⟨Tuyển dụng ::{5.2.1} công chức qua thi tuyển, xét tuyển|{5.2.2} công chức theo trường hợp đặc biệt||Chưa tuyển dụng công chức⟩;${moved} ⟨tuyển dụng ::{5.2.4} viên chức qua thi tuyển, xét tuyển|{5.2.5} viên chức theo trường hợp đặc biệt||chưa tuyển dụng viên chức⟩.`;
export const AUTONOMY =
  'Lũy kế đến thời điểm báo cáo, ⟨về mức độ tự chủ của đơn vị sự nghiệp công lập, có ::{6.1} đơn vị tự chủ 100% chi thường xuyên và chi đầu tư|{6.2} đơn vị tự chủ 100% chi thường xuyên|{6.3} đơn vị tự chủ một phần chi thường xuyên|{6.4} đơn vị do Nhà nước bảo đảm 100% chi thường xuyên||không có đơn vị sự nghiệp công lập⟩; {~6.5} đơn vị đã chuyển đổi thành công ty cổ phần.';
export const DOCUMENTS = (between: string) =>
  `Tổng số văn bản đi${between} là {7.6.2} văn bản, trong đó tỷ lệ văn bản gửi hoàn toàn dưới dạng điện tử đạt {7.6.2.1}, tỷ lệ văn bản điện tử gửi song song với văn bản giấy là {7.6.2.2}.`;
