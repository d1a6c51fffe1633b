/** The sample province's names and phrases: agencies, communes, free-text answers, people. */
import { ExampleAgency } from '../core/settings';

export const PROVINCIAL_AGENCIES: readonly ExampleAgency[] = [
  { name: 'Văn phòng UBND tỉnh', type: 'so' },
  { name: 'Sở Nội vụ', type: 'so' },
  { name: 'Sở Tài chính', type: 'so' },
  { name: 'Sở Tư pháp', type: 'so' },
  { name: 'Sở Công Thương', type: 'so' },
  { name: 'Sở Giáo dục và Đào tạo', type: 'so' },
  { name: 'Sở Y tế', type: 'so' },
  { name: 'Sở Xây dựng', type: 'so' },
  { name: 'Sở Nông nghiệp và Môi trường', type: 'so' },
  { name: 'Sở Khoa học và Công nghệ', type: 'so' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', type: 'so' },
  { name: 'Sở Dân tộc và Tôn giáo', type: 'so' },
  { name: 'Sở Ngoại vụ', type: 'so' },
  { name: 'Thanh tra tỉnh', type: 'so' },
  { name: 'Ban Quản lý Khu kinh tế', type: 'so' },
  { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', type: 'so' },
  { name: 'Công an tỉnh', type: 'nganh_doc' },
  { name: 'Bảo hiểm xã hội tỉnh', type: 'nganh_doc' },
  { name: 'Thuế tỉnh', type: 'nganh_doc' },
  { name: 'Kho bạc Nhà nước khu vực', type: 'nganh_doc' },
];

export const PLACE_A = [
  'Long',
  'Tân',
  'Phước',
  'Hòa',
  'Mỹ',
  'An',
  'Vĩnh',
  'Bình',
  'Phú',
  'Thạnh',
  'Đại',
  'Hiệp',
  'Trung',
  'Đông',
  'Tây',
  'Nhị',
  'Ngũ',
  'Kim',
  'Song',
  'Thanh',
];
export const PLACE_B = [
  'Hòa',
  'An',
  'Lộc',
  'Phú',
  'Thuận',
  'Hưng',
  'Mỹ',
  'Bình',
  'Lợi',
  'Sơn',
  'Hải',
  'Thành',
  'Đức',
  'Xuân',
  'Quới',
  'Trường',
  'Khánh',
  'Tiến',
  'Long',
  'Hiệp',
];

export function communeNames(n: number, random: () => number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  while (names.length < n) {
    const kind = random() < 0.2 ? 'phường' : 'xã';
    const a = PLACE_A[Math.floor(random() * PLACE_A.length)];
    const b = PLACE_B[Math.floor(random() * PLACE_B.length)];
    let name = `UBND ${kind} ${a} ${b}`;
    if (a === b) continue;
    for (let i = 2; seen.has(name); i++) name = `UBND ${kind} ${a} ${b} ${i}`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

export const HIGHLIGHTS = [
  'Duy trì 100% hồ sơ được tiếp nhận và trả kết quả qua Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.',
  'Tổ chức đối thoại với người dân về thủ tục đất đai; tiếp thu và giải quyết dứt điểm 05 kiến nghị.',
  'Triển khai ký số trên 95% văn bản đi; đẩy mạnh thanh toán trực tuyến phí, lệ phí.',
  'Hoàn thành rà soát, đơn giản hóa 12 thủ tục hành chính thuộc thẩm quyền.',
];
export const DIFFICULTIES = [
  'Đường truyền Internet tại bộ phận một cửa thường xuyên chập chờn, ảnh hưởng việc tiếp nhận hồ sơ trực tuyến.',
  'Người dân lớn tuổi chưa quen nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.',
  'Thiếu công chức chuyên trách công nghệ thông tin sau sắp xếp bộ máy.',
  'Một số thủ tục liên thông với cơ quan ngành dọc còn chậm trả kết quả.',
];
export const PROPOSALS = [
  'Đề nghị Sở Khoa học và Công nghệ nâng cấp đường truyền và thiết bị cho bộ phận một cửa cấp xã.',
  'Đề nghị tổ chức tập huấn sử dụng Cổng dịch vụ công cho công chức mới.',
  'Đề nghị bổ sung kinh phí số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.',
];

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Dương', 'Thạch'];
export const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thị Hạnh',
  'Hoàng Long',
  'Thanh Tâm',
  'Ngọc Trâm',
  'Sơn',
  'Kim Yến',
];
