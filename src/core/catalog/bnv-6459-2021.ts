/**
 * The standard statistical appendix (Công văn 6459/BNV-CCHC, 2021; seed 003), one row per
 * indicator, verbatim from shared/spec/indicators.csv (`npm run check-spec` compares the two when
 * the shared folder sits beside the repository; tests read only this copy).
 * Kept as text so the same data drives Apps Script and Node without a file system.
 */
export const CATALOG_VERSION = 'BNV-6459-2021';

export const INDICATORS_CSV = `code,parent,name,unit,kind,aggregate,role,applies_to,check,note
1,,Công tác chỉ đạo điều hành CCHC,,group,,,,,
1.1,1,Kế hoạch CCHC,,group,,,,,
1.1.1,1.1,Số nhiệm vụ đề ra trong kế hoạch,Nhiệm vụ,count,sum,,all,,
1.1.2,1.1,Số nhiệm vụ đã hoàn thành,Nhiệm vụ,count,sum,,all,<= 1.1.1,
1.1.3,1.1,Số văn bản chỉ đạo CCHC đã ban hành,Văn bản,count,sum,,all,,
1.2,1,"Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp",Không = 0; Có = 1,code,codes,,all,,
2,,Cải cách thể chế,,group,,,,,
2.1,2,Số VBQPPL đã ban hành/tham mưu ban hành,Văn bản,count,sum,,all,,
2.2,2,Số VBQPPL đã kiểm tra theo thẩm quyền,Văn bản,count,sum,,all,,
2.3,2,Số VBQPPL đã rà soát,Văn bản,count,sum,,all,,
2.4,2,"Số VBQPPL đã kiến nghị xử lý sau kiểm tra, rà soát",Văn bản,count,sum,,all,<= 2.2 + 2.3,
2.5,2,Số VBQPPL có kiến nghị xử lý đã được xử lý xong,Văn bản,count,sum,,all,<= 2.4,
3,,Cải cách thủ tục hành chính,,group,,,,,
3.1,3,Thống kê TTHC,,group,,,,,
3.1.1,3.1,Số TTHC công bố mới,Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.1.2,3.1,"Số TTHC bãi bỏ, thay thế",Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.1.3,3.1,Tổng số TTHC đang có hiệu lực,Thủ tục,count,owner,,all,= 3.1.3.1 + 3.1.3.2 + 3.1.3.3,province-wide figure supplied by one designated agency (default: Văn phòng UBND tỉnh); other tabs leave it blank
3.1.3.1,3.1.3,Trong đó: Số TTHC cấp tỉnh,Thủ tục,count,owner,,all,,
3.1.3.2,3.1.3,Trong đó: Số TTHC cấp huyện,Thủ tục,count,owner,,all,,district level abolished from 01/07/2025: not asked for periods after that date
3.1.3.3,3.1.3,Trong đó: Số TTHC cấp xã,Thủ tục,count,owner,,all,,
3.2,3,Vận hành Cổng dịch vụ công quốc gia,,group,,,,,
3.2.1,3.2,"Số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia",Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.2.2,3.2,Số TTHC mức độ 3 và 4 đã tích hợp lên Cổng DVC quốc gia,Thủ tục,count,owner,,all,<= 3.2.1,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.3,3,"Thực hiện cơ chế một cửa, một cửa liên thông",,group,,,,,
3.3.1,3.3,Số TTHC liên thông cùng cấp,Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.3.2,3.3,Số TTHC liên thông giữa các cấp chính quyền,Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.3.3,3.3,Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ,%,percent,ratio,,all,0..100,
3.3.3.a,3.3.3,Số TTHC đã được phê duyệt quy trình nội bộ,Thủ tục,count,sum,num,all,<= 3.3.3.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.3.3.b,3.3.3,Tổng số TTHC thuộc thẩm quyền giải quyết,Thủ tục,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.3.4,3.3,Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa,%,percent,ratio,,all,0..100,
3.3.4.a,3.3.4,Số quy trình nội bộ đã được điện tử hóa,Quy trình,count,sum,num,all,<= 3.3.4.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.3.4.b,3.3.4,Số quy trình nội bộ đã được phê duyệt,Quy trình,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4,3,Kết quả giải quyết TTHC,,group,,,,,
3.4.a,3.4,Tổng số hồ sơ TTHC tiếp nhận trong kỳ,Hồ sơ,count,sum,total_received,all,= 3.4.a.1 + 3.4.a.2; = 3.4.b + 3.4.c,supporting block (not in the official appendix): the standard hồ sơ figures every narrative report quotes
3.4.a.1,3.4.a,Trong đó: Số hồ sơ kỳ trước chuyển qua,Hồ sơ,count,sum,carried_over,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.a.2,3.4.a,Trong đó: Số hồ sơ mới tiếp nhận,Hồ sơ,count,sum,new,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.a.3,3.4.a.2,Trong đó: Số hồ sơ mới tiếp nhận trực tuyến,Hồ sơ,count,sum,online,all,<= 3.4.a.2,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.b,3.4,Số hồ sơ đã giải quyết,Hồ sơ,count,sum,resolved,all,= 3.4.b.1 + 3.4.b.2,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.b.1,3.4.b,Trong đó: Giải quyết trước hạn và đúng hạn,Hồ sơ,count,sum,on_time,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.b.2,3.4.b,Trong đó: Giải quyết quá hạn,Hồ sơ,count,sum,late,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.c,3.4,Số hồ sơ đang giải quyết,Hồ sơ,count,sum,pending,all,= 3.4.c.1 + 3.4.c.2,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.c.1,3.4.c,Trong đó: Chưa đến hạn,Hồ sơ,count,sum,pending_in_time,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.c.2,3.4.c,Trong đó: Quá hạn,Hồ sơ,count,sum,pending_late,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.d,3.4,"Số hồ sơ tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích",Hồ sơ,count,sum,postal,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.1,3.4,"Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",%,percent,ratio,,so,0..100,ratio = 3.4.b.1 / 3.4.b summed over provincial agencies
3.4.2,3.4,Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn,%,percent,ratio,,huyen,0..100,district level abolished from 01/07/2025: not asked for periods after that date
3.4.3,3.4,Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn,%,percent,ratio,,xa,0..100,ratio = 3.4.b.1 / 3.4.b summed over commune tabs
3.4.4,3.4,Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn (ở cả 3 cấp),%,percent,ratio,,all,0..100,
3.4.4.a,3.4.4,Số hồ sơ lĩnh vực đất đai giải quyết đúng hạn,Hồ sơ,count,sum,num,all,<= 3.4.4.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.4.b,3.4.4,Số hồ sơ lĩnh vực đất đai đã giải quyết,Hồ sơ,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.5,3.4,Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn (ở cả 3 cấp),%,percent,ratio,,all,0..100,printed as a second '3.4' in seed 003: a numbering slip
3.4.5.a,3.4.5,Số hồ sơ lĩnh vực xây dựng giải quyết đúng hạn,Hồ sơ,count,sum,num,all,<= 3.4.5.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.4.5.b,3.4.5,Số hồ sơ lĩnh vực xây dựng đã giải quyết,Hồ sơ,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
3.5,3,Vận hành Cổng dịch vụ công của tỉnh,,group,,,,,
3.5.1,3.5,Số TTHC được tích hợp lên Cổng DVC,Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.5.2,3.5,"Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC",Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
3.5.3,3.5,Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến,Thủ tục,count,owner,,all,,"province-wide count of procedures supplied by one designated agency (default: Văn phòng UBND tỉnh, which controls TTHC); never summed over tabs: the same procedures apply in every commune, so a sum over 60–170 communes multiplies the province figure (seed 000: 991 procedures publicised, 1.949 on the portal)"
4,,Cải cách tổ chức bộ máy hành chính nhà nước,,group,,,,,
4.1,4,Cơ cấu tổ chức bộ máy,,group,,,,,
4.1.1,4.1,Số cơ quan chuyên môn cấp tỉnh,"Cơ quan, đơn vị",count,owner,,all,,owner default: Sở Nội vụ
4.1.2,4.1,Số ban quản lý trực thuộc UBND cấp tỉnh,"Cơ quan, đơn vị",count,owner,,all,,
4.1.3,4.1,Số tổ chức liên ngành do cấp tỉnh thành lập,"Cơ quan, đơn vị",count,owner,,all,,
4.1.4,4.1,Tổng số đơn vị sự nghiệp công lập trên địa bàn tỉnh,"Cơ quan, đơn vị",count,owner,,all,= 4.1.4.1 + 4.1.4.2 + 4.1.4.3,
4.1.4.1,4.1.4,Trong đó: Số ĐVSNCL thuộc UBND tỉnh,"Cơ quan, đơn vị",count,owner,,all,,
4.1.4.2,4.1.4,"Trong đó: Số ĐVSNCL thuộc sở, ngành và tương đương","Cơ quan, đơn vị",count,owner,,all,,
4.1.4.3,4.1.4,Trong đó: Số ĐVSNCL thuộc UBND cấp huyện,"Cơ quan, đơn vị",count,owner,,all,,district level abolished from 01/07/2025
4.1.4.4,4.1.4,Trong đó: Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015,%,percent,owner,,all,0..100,owner-supplied percentage
4.2,4,Số liệu về biên chế công chức,,group,,,,,
4.2.1,4.2,Tổng số biên chế được giao trong năm,Người,count,sum,,all,,
4.2.2,4.2,Tổng số biên chế có mặt tại thời điểm báo cáo,Người,count,sum,,all,<= 4.2.1 (warning),
4.2.3,4.2,Số hợp đồng lao động làm việc tại cơ quan hành chính nhà nước,Người,count,sum,,all,,
4.2.4,4.2,Số biên chế đã tinh giản trong kỳ báo cáo,Người,count,sum,,all,,
4.2.5,4.2,Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015,%,percent,derived,,all,0..100,"= (4.2.5.base - 4.2.1) / 4.2.5.base; seed 003: 28 now, 12,5% => 32 in 2015"
4.2.5.base,4.2.5,Tổng số biên chế công chức được giao năm 2015,Người,count,sum,base,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
4.3,4,Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập,,group,,,,,
4.3.1,4.3,Tổng số người làm việc được giao,Người,count,sum,,all,,
4.3.2,4.3,Tổng số người làm việc có mặt,Người,count,sum,,all,<= 4.3.1 (warning),
4.3.3,4.3,Số người đã tinh giản trong kỳ báo cáo,Người,count,sum,,all,,
4.3.4,4.3,Tỷ lệ % đã tinh giản so với năm 2015,%,percent,derived,,all,0..100,= (4.3.4.base - 4.3.1) / 4.3.4.base
4.3.4.base,4.3.4,Tổng số người làm việc được giao năm 2015,Người,count,sum,base,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
5,,Cải cách chế độ công vụ,,group,,,,,
5.1,5,"Vị trí việc làm của công chức, viên chức",,group,,,,,
5.1.1,5.1,"Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định","Cơ quan, đơn vị",count,sum,,all,,
5.1.2,5.1,Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định,"Cơ quan, đơn vị",count,sum,,all,,
5.1.3,5.1,"Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra","Cơ quan, đơn vị",count,sum,,all,,
5.2,5,"Tuyển dụng công chức, viên chức",,group,,,,,
5.2.1,5.2,"Số công chức được tuyển dụng (thi tuyển, xét tuyển)",Người,count,sum,,all,,
5.2.2,5.2,Số công chức được tuyển dụng theo trường hợp đặc biệt,Người,count,sum,,all,,
5.2.3,5.2,"Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên",Người,count,sum,,all,,
5.2.4,5.2,"Số viên chức được tuyển dụng (thi tuyển, xét tuyển)",Người,count,sum,,all,,
5.2.5,5.2,Số viên chức được tuyển dụng theo trường hợp đặc biệt,Người,count,sum,,all,,
5.3,5,Số liệu về bổ nhiệm công chức lãnh đạo,,group,,,,,
5.3.1,5.3,"Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển",Chưa thực hiện = 0; Đã thực hiện = 1,code,codes,,all,,
5.3.2,5.3,"Số lãnh đạo cấp sở, ngành được bổ nhiệm mới",Người,count,sum,,so,,a sở reports its own (seed 003); not asked of communes
5.3.3,5.3,"Số lãnh đạo cấp phòng thuộc sở, ngành được bổ nhiệm mới",Người,count,sum,,so,,a sở reports its own (seed 003); not asked of communes
5.3.4,5.3,Số lãnh đạo cấp phòng thuộc UBND huyện được bổ nhiệm mới,Người,count,sum,,huyen,,district level abolished from 01/07/2025; a sở leaves it blank (seed 003)
5.4,5,"Số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền)",,group,,,,,
5.4.1,5.4,Số lãnh đạo cấp tỉnh bị kỷ luật,Người,count,owner,,all,,owner default: Sở Nội vụ (leaders of the province are not any agency's own figure; seed 003 leaves it blank)
5.4.2,5.4,"Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật",Người,count,sum,,so huyen,,not asked of communes
5.4.3,5.4,"Số lãnh đạo cấp phòng thuộc sở, ngành và UBND cấp huyện bị kỷ luật",Người,count,sum,,so huyen,,not asked of communes
5.4.4,5.4,Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật,Người,count,sum,,all,,
6,,Cải cách tài chính công,,group,,,,,
6.1,6,Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên và chi đầu tư (lũy kế đến thời điểm báo cáo),"Cơ quan, đơn vị",count,sum,,all,,
6.2,6,Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo),"Cơ quan, đơn vị",count,sum,,all,,
6.3,6,Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên (lũy kế đến thời điểm báo cáo),"Cơ quan, đơn vị",count,sum,,all,,
6.4,6,Số đơn vị SNCL do nhà nước đảm bảo 100% chi thường xuyên (lũy kế đến thời điểm báo cáo),"Cơ quan, đơn vị",count,sum,,all,,
6.5,6,Số lượng đơn vị SNCL đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo),"Cơ quan, đơn vị",count,sum,,all,,
7,,"Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",,group,,,,,
7.1,7,Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0,Chưa = 0; Hoàn thành = 1,code,owner,,all,,province-wide; owner default: Sở Thông tin và Truyền thông (merged into Sở Khoa học và Công nghệ in 2025)
7.2,7,"Xây dựng và vận hành Hệ thống họp trực tuyến (liên thông 2 cấp: từ UBND tỉnh đến 100% UBND cấp huyện; 3 cấp: đến 100% UBND cấp huyện, cấp xã)",Chưa có = 0; 2 cấp = 1; 3 cấp = 2,code,owner,,all,,
7.3,7,Hệ thống thông tin báo cáo và kết nối với Hệ thống thông tin báo cáo quốc gia,Chưa = 0; Đang làm = 1; Hoàn thành = 2,code,owner,,all,,
7.4,7,"Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã được cấp chứng thư số",%,percent,owner,,all,0..100,unit column is blank in seed 003; the value is a percentage
7.5,7,"Triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP)",Chưa = 0; Đang làm = 1; Hoàn thành = 2,code,owner,,all,,
7.6,7,Số liệu về trao đổi văn bản điện tử,,group,,,,,
7.6.1,7.6,"Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh đến cấp xã",,group,,,,,
7.6.1.1,7.6.1,"Trong đó: Tỷ lệ sở, ngành đã kết nối, liên thông với UBND tỉnh",%,percent,owner,,all,0..100,
7.6.1.2,7.6.1,"Trong đó: Tỷ lệ UBND cấp huyện đã kết nối, liên thông với UBND tỉnh",%,percent,owner,,all,0..100,district level abolished from 01/07/2025
7.6.1.3,7.6.1,"Trong đó: Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND huyện",%,percent,owner,,all,0..100,
7.6.2,7.6,Tổng số văn bản đi giữa các cơ quan nhà nước trên địa bàn tỉnh,Văn bản,count,sum,,all,,
7.6.2.1,7.6.2,"Trong đó: Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử)",%,percent,ratio,,all,0..100,ratio = 7.6.2.1.a / 7.6.2
7.6.2.1.a,7.6.2.1,Số văn bản được gửi hoàn toàn dưới dạng điện tử,Văn bản,count,sum,num,all,<= 7.6.2,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
7.6.2.2,7.6.2,Trong đó: Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy,%,percent,ratio,,all,0..100,ratio = 7.6.2.2.a / 7.6.2
7.6.2.2.a,7.6.2.2,Số văn bản được gửi dưới dạng điện tử và song song với văn bản giấy,Văn bản,count,sum,num,all,<= 7.6.2,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
7.7,7,Vận hành Hệ thống thông tin một cửa điện tử tập trung của tỉnh,,group,,,,,
7.7.1,7.7,"Tỷ lệ sở, ngành đã kết nối liên thông với Hệ thống",%,percent,owner,,all,0..100,
7.7.2,7.7,Tỷ lệ đơn vị cấp huyện đã kết nối liên thông với Hệ thống,%,percent,owner,,all,0..100,district level abolished from 01/07/2025
7.7.3,7.7,Tỷ lệ đơn vị cấp xã đã kết nối liên thông với Hệ thống,%,percent,owner,,all,0..100,
7.8,7,Dịch vụ công trực tuyến,,group,,,,,
7.8.1,7.8,Tổng số TTHC cung cấp trực tuyến mức độ 3,TTHC,count,owner,,all,,
7.8.2,7.8,Tổng số TTHC cung cấp trực tuyến mức độ 4,TTHC,count,owner,,all,,
7.8.3,7.8,Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3,%,percent,ratio,,all,0..100,
7.8.3.a,7.8.3,Số hồ sơ mức độ 3 nộp trực tuyến,Hồ sơ,count,sum,num,all,<= 7.8.3.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
7.8.3.b,7.8.3,Tổng số hồ sơ tiếp nhận của TTHC mức độ 3,Hồ sơ,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
7.8.4,7.8,Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4,%,percent,ratio,,all,0..100,
7.8.4.a,7.8.4,Số hồ sơ mức độ 4 nộp trực tuyến,Hồ sơ,count,sum,num,all,<= 7.8.4.b,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
7.8.4.b,7.8.4,Tổng số hồ sơ tiếp nhận của TTHC mức độ 4,Hồ sơ,count,sum,den,all,,supporting row (not in the official appendix): lets the percentage be recomputed from summed counts
`;
