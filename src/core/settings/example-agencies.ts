/**
 * A real province's list of reporting agencies (Trà Vinh, Q1/2020; seed 000's appendix), used to
 * pre-fill the settings sheet on a first run. Verbatim from shared/spec/agencies-travinh-2020.csv.
 */
import { csvRecords } from '../catalog/csv';
import { ExampleAgency, agencyTypeFromLabel } from '.';

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

/** Agencies from a CSV with columns name and type (so, xa, huyen, nganh_doc, khac, or the Vietnamese labels). */
export function agenciesFromCsv(csv: string): { agencies: ExampleAgency[]; problems: string[] } {
  const problems: string[] = [];
  const agencies: ExampleAgency[] = [];
  csvRecords(csv).forEach((r, i) => {
    const name = r.name ?? r['Tên đơn vị'] ?? '';
    const typeText = r.type ?? r['Loại'] ?? '';
    const type = agencyTypeFromLabel(typeText);
    if (!name) problems.push(`Dòng ${i + 2}: thiếu tên đơn vị (cột name).`);
    else if (!type)
      problems.push(`Dòng ${i + 2}: loại đơn vị '${typeText}' không hợp lệ (so, xa, nganh_doc, khac, huyen).`);
    else agencies.push({ name, type });
  });
  return { agencies, problems };
}

export function travinhExample(): ExampleAgency[] {
  return agenciesFromCsv(TRAVINH_2020_CSV).agencies;
}
