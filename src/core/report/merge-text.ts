/**
 * The agencies' own words, merged: where several wrote the same or nearly the same line, it is
 * written once with the agencies after it. Two lines are the same when, lower-cased and stripped of
 * punctuation and extra spaces, their sets of words overlap by at least SIMILAR (Jaccard index).
 */
import { squish } from '../primitives/text';

export interface Said {
  readonly agency: string;
  readonly text: string;
}

export interface Merged {
  /** As the first agency wrote it, trailing punctuation removed. */
  readonly text: string;
  readonly agencies: readonly string[];
  /**
   * A line with a count that several agencies wrote word for word: the count is each one's own
   * ("giải quyết dứt điểm 05 kiến nghị" at each), never their total.
   */
  readonly each?: boolean;
}

/** Word overlap (|A ∩ B| / |A ∪ B|) from which two lines are one. */
export const SIMILAR = 0.8;

/** A line with no content: "Không", "Không có.", "-". */
const NOTHING = /^(không|không có|0|-|\.)?$/;

export function words(line: string): Set<string> {
  return new Set(
    line
      .normalize('NFC')
      .toLocaleLowerCase('vi')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter(Boolean),
  );
}

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const all = a.size + b.size - common;
  return all ? common / all : 1;
}

/**
 * A count in a line ("giải quyết dứt điểm 05 kiến nghị", "rà soát 12 thủ tục"): each agency's own
 * figure, which merged lines would read as one total. Not a count: a percentage ("95%"), a year or a
 * document's number ("năm 2025", "Nghị định 61/2018/NĐ-CP", "số 12"), a level ("mức độ 3", "3 cấp").
 */
const COUNT =
  /(?<!(?:năm|số|giai đoạn|khóa|mức độ|phiên bản|cấp|quý|tháng|ngày|Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Công văn)\s*)(?<![\p{L}\p{N}/.,-])\d+(?:[.,]\d+)*(?![\p{N}/%-]|\s*%|\s*cấp)/iu;

export function hasCount(line: string): boolean {
  return COUNT.test(line.replace(/mức độ\s*\d+(\s*(,|và)\s*\d+)*/giu, ''));
}

/**
 * Each agency's text split into lines (list marks dropped), lines merged across agencies; the
 * groups most agencies share come first, then in the order they were first written. A line with a
 * count is the agency's own figure: it is merged only with the same words and the same figures, and
 * then marked `each`.
 */
export function mergeSaid(said: readonly Said[]): Merged[] {
  const groups: { text: string; key: Set<string>; agencies: string[]; at: number; counted: boolean }[] = [];
  for (const s of said)
    for (const raw of s.text.split(/\r?\n/)) {
      const text = squish(raw.replace(/^\s*[-–+•*]\s*/, '')).replace(/[\s.;,:]+$/, '');
      const key = words(text);
      if (NOTHING.test([...key].join(' '))) continue;
      const counted = hasCount(text);
      const g = groups.find((x) => x.counted === counted && similarity(x.key, key) >= (counted ? 1 : SIMILAR));
      if (!g) groups.push({ text, key, agencies: [s.agency], at: groups.length, counted });
      else if (!g.agencies.includes(s.agency)) g.agencies.push(s.agency);
    }
  return groups
    .sort((a, b) => b.agencies.length - a.agencies.length || a.at - b.at)
    .map((g) => ({
      text: g.text,
      agencies: g.agencies,
      ...(g.counted && g.agencies.length > 1 ? { each: true } : {}),
    }));
}
