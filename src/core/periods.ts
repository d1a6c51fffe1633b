/**
 * Reporting periods and their data cut-offs (Nghị định 09/2019/NĐ-CP), and the date local
 * government became two-level (01/07/2025), after which district rows are no longer asked.
 */
import { IsoDate, formatDmy, isoDate, parts } from './primitives/dates';

export const PERIOD_IDS = ['Q1', 'Q2', 'H1', 'Q3', 'M9', 'Q4', 'Y'] as const;
export type PeriodId = (typeof PERIOD_IDS)[number];

interface PeriodDef {
  label: string; // as chosen in the settings sheet
  inText: string; // as written inside a sentence, before "năm 2026"
  from: [monthOfPrevYear: boolean, month: number, day: number];
  to: [month: number, day: number];
}

const DEFS: Record<PeriodId, PeriodDef> = {
  Q1: { label: 'Quý I', inText: 'quý I', from: [true, 12, 15], to: [3, 14] },
  Q2: { label: 'Quý II', inText: 'quý II', from: [false, 3, 15], to: [6, 14] },
  H1: { label: '6 tháng', inText: '6 tháng đầu', from: [true, 12, 15], to: [6, 14] },
  Q3: { label: 'Quý III', inText: 'quý III', from: [false, 6, 15], to: [9, 14] },
  M9: { label: '9 tháng', inText: '9 tháng', from: [true, 12, 15], to: [9, 14] },
  Q4: { label: 'Quý IV', inText: 'quý IV', from: [false, 9, 15], to: [12, 14] },
  Y: { label: 'Năm', inText: '', from: [true, 12, 15], to: [12, 14] },
};

export const PERIOD_LABELS: readonly string[] = PERIOD_IDS.map((id) => DEFS[id].label);

export function periodLabel(id: PeriodId): string {
  return DEFS[id].label;
}

export function periodFromLabel(label: string): PeriodId | null {
  const t = label.trim().toLocaleLowerCase('vi');
  const hit = PERIOD_IDS.find((id) => DEFS[id].label.toLocaleLowerCase('vi') === t || id.toLowerCase() === t);
  return hit ?? null;
}

/** "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function periodInText(id: PeriodId, year: number): string {
  const p = DEFS[id].inText;
  return p ? `${p} năm ${year}` : `năm ${year}`;
}

/**
 * The period after this one, as Section IV names it ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2020"):
 * quý I → quý II, 6 tháng đầu → 6 tháng cuối năm, 9 tháng → quý IV, quý IV → quý I of next year,
 * the year → the next year.
 */
export function nextPeriodInText(id: PeriodId, year: number): string {
  // The rest of the year after 6 and 9 months is not a reporting period of its own.
  if (id === 'H1') return `6 tháng cuối năm ${year}`;
  if (id === 'M9') return periodInText('Q4', year);
  return inText(nextPeriod({ id, year }));
}

export function defaultCutoff(id: PeriodId, year: number): { from: IsoDate; to: IsoDate } {
  const d = DEFS[id];
  const [prev, fm, fd] = d.from;
  return { from: isoDate(prev ? year - 1 : year, fm, fd), to: isoDate(year, d.to[0], d.to[1]) };
}

/**
 * The agencies' default deadline: the 10th of the period's last month, which leaves the consolidator
 * ten days before the province's own report is due (the 20th, Công văn 581/BNV-CCHC; seed 000 asked
 * agencies for 05/03). Provinces set their own.
 */
export function defaultDeadline(id: PeriodId, year: number): IsoDate {
  return isoDate(year, DEFS[id].to[0], DEFAULT_DEADLINE_DAY);
}

/** The day of the period's last month agencies send by, unless the province sets another. */
export const DEFAULT_DEADLINE_DAY = 10;

export const QUARTERS: readonly PeriodId[] = ['Q1', 'Q2', 'Q3', 'Q4'];

/** The quarter whose data range holds this day (from 15/12, data belong to next year's quý I). */
export function currentPeriod(today: IsoDate): { period: PeriodId; year: number } {
  const { y } = parts(today);
  for (const year of [y, y + 1]) {
    for (const period of QUARTERS) {
      const c = defaultCutoff(period, year);
      if (c.from <= today && today <= c.to) return { period, year };
    }
  }
  throw new Error(`no quarter holds ${today}`); // unreachable: the quarters tile the year
}

/**
 * A deadline before the data cut-off is normal (seed 000: agencies by 05/03, data to 14/03): the
 * figures then run to the day of sending and are estimated to the cut-off. Null when it is not so.
 */
export function estimateNotice(deadline: IsoDate, cutoffTo: IsoDate): string | null {
  if (deadline >= cutoffTo) return null;
  return `Hạn gửi báo cáo (${formatDmy(deadline)}) trước ngày chốt số liệu (${formatDmy(cutoffTo)}): số liệu tính đến ngày gửi báo cáo và ước tính đến ngày ${formatDmy(cutoffTo)}.`;
}

/** A reporting period: which one, which year, and the days whose data it reports. */
export interface Period {
  readonly id: PeriodId;
  readonly year: number;
  /** The first and last day of its data: Nghị định 09/2019's by default; Thiết lập may move them. */
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A period with Nghị định 09/2019's cut-off unless another is given. */
export function periodOf(id: PeriodId, year: number, cutoff = defaultCutoff(id, year)): Period {
  return { id, year, from: cutoff.from, to: cutoff.to };
}

/** "quý III năm 2026". */
export function inText(p: Pick<Period, 'id' | 'year'>): string {
  return periodInText(p.id, p.year);
}

/**
 * The report after this one in its series, with the default cut-off: the next quarter (quý IV's is
 * next year's quý I); for 6 tháng, 9 tháng and the year, the same period a year later.
 */
export function nextPeriod(p: Pick<Period, 'id' | 'year'>): Period {
  return stepPeriod(p, 1);
}

/** The report before this one in its series (the one "kỳ trước" means), with the default cut-off. */
export function previousPeriod(p: Pick<Period, 'id' | 'year'>): Period {
  return stepPeriod(p, -1);
}

function stepPeriod(p: Pick<Period, 'id' | 'year'>, step: 1 | -1): Period {
  const q = QUARTERS.indexOf(p.id);
  if (q < 0) return periodOf(p.id, p.year + step);
  const i = q + step;
  return periodOf(QUARTERS[(i + 4) % 4]!, p.year + Math.floor(i / 4));
}

/** The same period a year before, the one seeds compare with ("cùng kỳ năm 2025"). */
export function sameLastYear(p: Pick<Period, 'id' | 'year'>): Pick<Period, 'id' | 'year'> {
  return { id: p.id, year: p.year - 1 };
}

/**
 * Nghị định 42/2022/NĐ-CP, in force from 01/08/2022: online public services are "toàn trình" or
 * "một phần", no longer "mức độ 4" / "mức độ 3".
 */
export const ONLINE_LEVELS_RENAMED_SINCE = isoDate(2022, 8, 1);

/** Whether a period whose data ends on this day speaks of "toàn trình / một phần". */
export function onlineLevelsRenamed(periodEnd: IsoDate): boolean {
  return periodEnd >= ONLINE_LEVELS_RENAMED_SINCE;
}

/** How a period's sentences name online services of each level. */
export interface OnlineWords {
  /** mức độ 3 / một phần */
  readonly partial: string;
  /** mức độ 4 / toàn trình */
  readonly full: string;
  /** Both, after "thủ tục": "mức độ 3, 4" / "trực tuyến toàn trình và một phần". */
  readonly both: string;
}

export function onlineWords(periodEnd: IsoDate): OnlineWords {
  return onlineLevelsRenamed(periodEnd)
    ? { partial: 'một phần', full: 'toàn trình', both: 'trực tuyến toàn trình và một phần' }
    : { partial: 'mức độ 3', full: 'mức độ 4', both: 'mức độ 3, 4' };
}

export const TWO_LEVEL_SINCE = isoDate(2025, 7, 1);

/** District-level rows are asked only of periods whose data ends before 01/07/2025. */
export function districtLevelExists(periodEnd: IsoDate): boolean {
  return periodEnd < TWO_LEVEL_SINCE;
}
