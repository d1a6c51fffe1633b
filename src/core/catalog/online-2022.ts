/**
 * The 2021 form's wording for periods ending from 01/08/2022: Nghị định 42/2022/NĐ-CP replaced
 * online public services "mức độ 3, 4" with "toàn trình" (≈ mức độ 4) and "một phần" (≈ mức độ 3).
 * Codes, kinds and checks stay; only labels change. The two-level form builds on these rows.
 */
export const ONLINE_2022_VERSION = 'BNV-6459-2021-ND42';

/** New names of the rows that said "mức độ 3" or "mức độ 4". */
export const ONLINE_2022_NAMES: Readonly<Record<string, string>> = {
  '3.2.2': 'Số TTHC cung cấp dịch vụ công trực tuyến toàn trình và một phần đã tích hợp lên Cổng DVC quốc gia',
  '3.5.2': 'Số TTHC cung cấp dịch vụ công trực tuyến toàn trình và một phần trên Cổng DVC',
  '7.8.1': 'Tổng số TTHC cung cấp dịch vụ công trực tuyến một phần',
  '7.8.2': 'Tổng số TTHC cung cấp dịch vụ công trực tuyến toàn trình',
  '7.8.3': 'Tỷ lệ hồ sơ xử lý trực tuyến một phần',
  '7.8.3.a': 'Số hồ sơ dịch vụ công trực tuyến một phần nộp trực tuyến',
  '7.8.3.b': 'Tổng số hồ sơ tiếp nhận của TTHC cung cấp dịch vụ công trực tuyến một phần',
  '7.8.4': 'Tỷ lệ hồ sơ xử lý trực tuyến toàn trình',
  '7.8.4.a': 'Số hồ sơ dịch vụ công trực tuyến toàn trình nộp trực tuyến',
  '7.8.4.b': 'Tổng số hồ sơ tiếp nhận của TTHC cung cấp dịch vụ công trực tuyến toàn trình',
};

/** The 2021 records with the online services named as Nghị định 42/2022 names them. */
export function online2022Records(records: readonly Record<string, string>[]): Record<string, string>[] {
  return records.map((r) => {
    const name = ONLINE_2022_NAMES[r.code ?? ''];
    return name ? { ...r, name } : { ...r };
  });
}
