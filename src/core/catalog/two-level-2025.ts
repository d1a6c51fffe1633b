/**
 * The catalog for periods from 01/07/2025, when local government became two-level (tỉnh, xã):
 * the 2021 form (Công văn 6459/BNV-CCHC) with the rows that only make sense for cấp huyện
 * dropped and every label that names a district reworded. Derived from the 2021 rows, so each
 * indicator is still stated once; a test checks that no label or answer of this version names
 * a district.
 */
export const TWO_LEVEL_VERSION = 'BNV-6459-2021-2CAP';

type Change = Partial<Record<'name' | 'unit' | 'check' | 'note', string>>;

/** What changes in the rows kept; every other field stays as in 2021. */
export const TWO_LEVEL_CHANGES: Readonly<Record<string, Change>> = {
  // The total is made of the parts that still exist (cấp huyện dropped).
  '3.1.3': { check: '= 3.1.3.1 + 3.1.3.3' },
  '3.4.4': { name: 'Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn (ở cấp tỉnh và cấp xã)' },
  '3.4.5': { name: 'Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn (ở cấp tỉnh và cấp xã)' },
  // Units once under UBND cấp huyện (schools, centres) now belong to UBND cấp xã; the total
  // 4.1.4 = 4.1.4.1 + 4.1.4.2 + 4.1.4.3 only adds up with them.
  '4.1.4.3': { name: 'Trong đó: Số ĐVSNCL thuộc UBND cấp xã', note: 'reworded for the two-level era' },
  '5.2.3': { name: 'Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp tỉnh' },
  '5.4.2': { name: 'Số lãnh đạo cấp sở, ngành bị kỷ luật' },
  '5.4.3': { name: 'Số lãnh đạo cấp phòng thuộc sở, ngành bị kỷ luật' },
  // Answer codes keep their order: 2 is still "reaches every commune".
  '7.2': {
    name: 'Xây dựng và vận hành Hệ thống họp trực tuyến từ UBND tỉnh đến UBND cấp xã',
    unit: 'Chưa có = 0; Đến một phần UBND cấp xã = 1; Đến 100% UBND cấp xã = 2',
  },
  '7.4': { name: 'Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp xã được cấp chứng thư số' },
  '7.6.1.3': { name: 'Trong đó: Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND tỉnh' },
};

/**
 * The 2021 records turned into the two-level ones: rows the 2021 list marks as district-only
 * (applies_to "huyen" alone, or a note saying the level was abolished) are dropped unless reworded
 * above; a row also asked of another tier ("so huyen") stays, asked of that tier.
 */
export function twoLevelRecords(records: readonly Record<string, string>[]): Record<string, string>[] {
  return records
    .filter((r) => !isDistrictOnly(r) || (r.code ?? '') in TWO_LEVEL_CHANGES)
    .map((r) => ({ ...r, ...TWO_LEVEL_CHANGES[r.code ?? ''] }));
}

export function isDistrictOnly(r: { applies_to?: string; note?: string }): boolean {
  return (r.applies_to ?? '').trim() === 'huyen' || /district level abolished/.test(r.note ?? '');
}
