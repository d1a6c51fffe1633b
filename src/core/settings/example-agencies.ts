/**
 * A real province's reporting agencies, used to pre-fill the settings sheet on a first run: the
 * province as it was during the period, since Trà Vinh was merged into Vĩnh Long on 01/07/2025.
 */
import { agenciesFromText } from './agency-list';
import { districtLevelExists } from '../periods';
import { IsoDate } from '../primitives/dates';
import { ExampleAgency } from './model';

/** Trà Vinh, Q1/2020 (seed 000's appendix), verbatim from shared/spec/agencies-travinh-2020.csv. */

export const TRAVINH_2020_CSV = `stt,name,type,submitted,submitted_on
1,Văn phòng Hội đồng nhân dân tỉnh,so,x,09/3
2,Văn phòng Ủy ban nhân dân tỉnh,so,x,28/02
3,Sở Nội vụ,so,x,04/3
4,Sở Tài chính,so,x,03/3
5,Sở Giáo dục và Đào tạo,so,x,04/3
6,"Sở Văn hóa, Thể thao và Du lịch",so,x,03/3
7,Sở Thông tin Truyền thông,so,x,03/3
8,Sở Công Thương,so,x,03/3
9,Sở Nông nghiệp và Phát triển nông thôn,so,x,05/3
10,Sở Y tế,so,x,04/3
11,Sở Xây dựng,so,x,03/3
12,Sở Kế hoạch và Đầu tư,so,x,04/3
13,Sở Tư pháp,so,x,04/3
14,Sở Tài nguyên và Môi trường,so,x,03/3
15,"Sở Giao thông, Vận tải",so,x,09/3
16,Sở Khoa học và Công nghệ,so,x,04/3
17,"Sở Lao động, Thương binh và Xã hội",so,x,03/3
18,Thanh tra tỉnh,so,x,04/3
19,Ban Dân tộc tỉnh,so,x,02/3
20,UBND thành phố Trà Vinh,huyen,x,03/3
21,UBND huyện Càng Long,huyen,x,04/3
22,UBND huyện Tiểu Cần,huyen,x,04/3
23,UBND huyện Cầu Kè,huyen,x,06/3
24,UBND huyện Trà Cú,huyen,x,04/3
25,UBND huyện Châu Thành,huyen,x,04/3
26,UBND huyện Cầu Ngang,huyen,x,04/3
27,UBND huyện Duyên Hải,huyen,x,04/3
28,UBND thị xã Duyên Hải,huyen,x,02/3
29,Đại học Trà Vinh,so,x,04/3
30,Ban Quản lý Khu Kinh tế,so,x,04/3
31,Công an tỉnh,nganh_doc,x,03/3
32,Bảo hiểm Xã hội tỉnh,nganh_doc,x,05/3
`;

/**
 * Vĩnh Long as it is from 01/07/2025 (Vĩnh Long, Bến Tre and Trà Vinh merged; Nghị quyết
 * 202/2025/QH15), its agencies as the 2025 reorganisation left them:
 * - the 12 departments every province keeps (Nghị định 150/2025/NĐ-CP, Điều 8: Sở Nội vụ … Thanh
 *   tra tỉnh, Văn phòng UBND), plus Sở Dân tộc và Tôn giáo, one of the Điều 9 departments that
 *   Vĩnh Long has (its site: sdttg.vinhlong.gov.vn), and the office of the province's delegation
 *   to the National Assembly and People's Council;
 * - its 124 commune-level units, 105 xã and 19 phường (Nghị quyết 1687/NQ-UBTVQH15 of 16/6/2025),
 *   named and ordered as in the national list of 3,321 units (transcribed in github.com/Chat-Tom/
 *   emyland-vn, src/data/vietnam-locations.ts, province 32; its counts match the resolution's);
 * - Công an tỉnh, a vertical agency that reports its hồ sơ to the province.
 */
export const VINHLONG_2025_CSV = `name,type
Văn phòng Ủy ban nhân dân tỉnh,so
Sở Nội vụ,so
Sở Tư pháp,so
Sở Tài chính,so
Sở Công Thương,so
Sở Nông nghiệp và Môi trường,so
Sở Xây dựng,so
Sở Khoa học và Công nghệ,so
"Sở Văn hóa, Thể thao và Du lịch",so
Sở Giáo dục và Đào tạo,so
Sở Y tế,so
Thanh tra tỉnh,so
Sở Dân tộc và Tôn giáo,so
Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh,so
UBND phường Phú Khương,xa
UBND phường An Hội,xa
UBND phường Sơn Đông,xa
UBND phường Bến Tre,xa
UBND xã Giao Long,xa
UBND xã Phú Túc,xa
UBND xã Tân Phú,xa
UBND phường Phú Tân,xa
UBND xã Tiên Thủy,xa
UBND xã Chợ Lách,xa
UBND xã Phú Phụng,xa
UBND xã Vĩnh Thành,xa
UBND xã Hưng Khánh Trung,xa
UBND xã Mỏ Cày,xa
UBND xã Phước Mỹ Trung,xa
UBND xã Tân Thành Bình,xa
UBND xã Đồng Khởi,xa
UBND xã Nhuận Phú Tân,xa
UBND xã An Định,xa
UBND xã Thành Thới,xa
UBND xã Hương Mỹ,xa
UBND xã Giồng Trôm,xa
UBND xã Lương Hòa,xa
UBND xã Lương Phú,xa
UBND xã Châu Hòa,xa
UBND xã Phước Long,xa
UBND xã Tân Hào,xa
UBND xã Hưng Nhượng,xa
UBND xã Bình Đại,xa
UBND xã Phú Thuận,xa
UBND xã Lộc Thuận,xa
UBND xã Châu Hưng,xa
UBND xã Thạnh Trị,xa
UBND xã Thạnh Phước,xa
UBND xã Thới Thuận,xa
UBND xã Ba Tri,xa
UBND xã Mỹ Chánh Hòa,xa
UBND xã Bảo Thạnh,xa
UBND xã Tân Xuân,xa
UBND xã An Ngãi Trung,xa
UBND xã An Hiệp,xa
UBND xã Tân Thủy,xa
UBND xã Thạnh Phú,xa
UBND xã Quới Điền,xa
UBND xã Đại Điền,xa
UBND xã Thạnh Hải,xa
UBND xã An Qui,xa
UBND xã Thạnh Phong,xa
UBND phường Trà Vinh,xa
UBND phường Nguyệt Hóa,xa
UBND phường Long Đức,xa
UBND xã Càng Long,xa
UBND xã An Trường,xa
UBND xã Tân An,xa
UBND xã Bình Phú,xa
UBND xã Nhị Long,xa
UBND xã Cầu Kè,xa
UBND xã An Phú Tân,xa
UBND xã Phong Thạnh,xa
UBND xã Tam Ngãi,xa
UBND xã Tiểu Cần,xa
UBND xã Hùng Hòa,xa
UBND xã Tập Ngãi,xa
UBND xã Tân Hòa,xa
UBND xã Châu Thành,xa
UBND xã Song Lộc,xa
UBND phường Hòa Thuận,xa
UBND xã Hưng Mỹ,xa
UBND xã Hòa Minh,xa
UBND xã Long Hòa,xa
UBND xã Cầu Ngang,xa
UBND xã Mỹ Long,xa
UBND xã Vinh Kim,xa
UBND xã Nhị Trường,xa
UBND xã Hiệp Mỹ,xa
UBND xã Trà Cú,xa
UBND xã Tập Sơn,xa
UBND xã Lưu Nghiệp Anh,xa
UBND xã Hàm Giang,xa
UBND xã Đại An,xa
UBND xã Đôn Châu,xa
UBND xã Long Hiệp,xa
UBND phường Duyên Hải,xa
UBND xã Long Thành,xa
UBND phường Trường Long Hòa,xa
UBND xã Long Hữu,xa
UBND xã Ngũ Lạc,xa
UBND xã Long Vĩnh,xa
UBND xã Đông Hải,xa
UBND phường Long Châu,xa
UBND phường Phước Hậu,xa
UBND phường Tân Ngãi,xa
UBND xã An Bình,xa
UBND phường Thanh Đức,xa
UBND phường Tân Hạnh,xa
UBND xã Long Hồ,xa
UBND xã Phú Quới,xa
UBND xã Nhơn Phú,xa
UBND xã Bình Phước,xa
UBND xã Cái Nhum,xa
UBND xã Tân Long Hội,xa
UBND xã Trung Thành,xa
UBND xã Quới An,xa
UBND xã Quới Thiện,xa
UBND xã Trung Hiệp,xa
UBND xã Trung Ngãi,xa
UBND xã Hiếu Phụng,xa
UBND xã Hiếu Thành,xa
UBND xã Tam Bình,xa
UBND xã Cái Ngang,xa
UBND xã Hòa Hiệp,xa
UBND xã Song Phú,xa
UBND xã Ngãi Tứ,xa
UBND phường Cái Vồn,xa
UBND phường Bình Minh,xa
UBND xã Tân Lược,xa
UBND xã Mỹ Thuận,xa
UBND xã Tân Quới,xa
UBND phường Đông Thành,xa
UBND xã Trà Ôn,xa
UBND xã Hòa Bình,xa
UBND xã Trà Côn,xa
UBND xã Vĩnh Xuân,xa
UBND xã Lục Sĩ Thành,xa
Công an tỉnh Vĩnh Long,nganh_doc
`;

/** Agencies from a CSV with columns name and type (so, xa, huyen, nganh_doc, khac, or the Vietnamese labels). */
export function agenciesFromCsv(csv: string): { agencies: ExampleAgency[]; problems: string[] } {
  const read = agenciesFromText(csv);
  return { agencies: read.agencies, problems: read.problems.map((p) => `Dòng ${p.line}: ${p.message}`) };
}

export function travinhExample(): ExampleAgency[] {
  return agenciesFromCsv(TRAVINH_2020_CSV).agencies;
}

export interface ExampleProvince {
  /** "Vĩnh Long", as "Ủy ban nhân dân tỉnh …" and the place line write it. */
  readonly name: string;
  readonly agencies: readonly ExampleAgency[];
}

/** The example province of a period, by the last day of its data: Vĩnh Long from 01/07/2025, Trà Vinh before. */
export function exampleProvince(periodEnd: IsoDate): ExampleProvince {
  return districtLevelExists(periodEnd)
    ? { name: 'Trà Vinh', agencies: travinhExample() }
    : { name: 'Vĩnh Long', agencies: agenciesFromCsv(VINHLONG_2025_CSV).agencies };
}
