/**
 * The previous period's (or the same period last year's) consolidated summary, for the comparison
 * sentences and the "Kỳ trước" column. It arrives as the JSON of `consolidate --json`, or as the
 * "Tổng hợp" sheet of an earlier workbook (copied into this spreadsheet as "Kỳ trước", or read from
 * a consolidated .xlsx). Both are checked here: same province, an earlier period.
 */
import * as z from 'zod/mini';
import { Catalog } from '../catalog/catalog';
import { IsoDate, formatDmy, isIsoDate, readDate } from '../primitives/dates';
import { SheetSnapshot, cellText } from '../sheet/grid';
import { PLAUSIBLE_LIMIT } from '../primitives/numbers';
import { readCode } from '../form/parse';
import { PERIOD_IDS, Period, PeriodId, QUARTERS, inText, periodInText, previousPeriod, sameLastYear } from '../periods';
import { ReportHeader, Roster, Schedule } from '../settings';
import { fold, upper } from '../primitives/text';
import { WorkbookPort } from '../workbook';

/** The sheet the add-on looks for: a copy of last period's "Tổng hợp", renamed. */
export const PREVIOUS_SHEET = 'Kỳ trước';
/** The names Google Sheets gives a copied "Tổng hợp" tab (Vietnamese and English UI), also accepted. */
export const PREVIOUS_SHEET_COPIES = ['Bản sao của Tổng hợp', 'Copy of Tổng hợp'];

export interface PreviousSummary {
  /** The issuing body of the earlier report; null in files made before it was recorded. */
  readonly issuer: string | null;
  /** Agencies of the earlier consolidation (JSON only), used when the issuer is not recorded. */
  readonly agencies: readonly string[];
  readonly period: PeriodId;
  readonly year: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Indicator code -> value (percentages in points); null where the earlier summary had none. */
  readonly values: ReadonlyMap<string, number | null>;
  /** Where it came from, for messages: 'tệp "q2.json"', 'trang "Kỳ trước"'. */
  readonly source: string;
}

export type PreviousRead =
  { readonly ok: true; readonly previous: PreviousSummary } | { readonly ok: false; readonly problem: string };

const IsoDateString = z.string().check(z.refine(isIsoDate, 'ngày phải có dạng yyyy-mm-dd'));

/** What `consolidate --json` writes (summaryJson); extra fields are ignored. */
const SummaryJson = z.object({
  issuer: z.optional(z.object({ body: z.string() })),
  period: z.object({ id: z.enum(PERIOD_IDS), year: z.int(), from: IsoDateString, to: IsoDateString }),
  submission: z.optional(z.array(z.object({ agency: z.string() }))),
  indicators: z.record(z.string(), z.object({ value: z.nullable(z.number()), unit: z.optional(z.string()) })),
});

export function previousFromJson(text: string, source: string): PreviousRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: `${source} không phải tệp JSON hợp lệ. Dùng tệp do lệnh "consolidate --json" tạo ra.`,
    };
  }
  // JSON's 1e999 parses as Infinity, which the schema would only call "not a number".
  const raw = (data as { indicators?: unknown } | null)?.indicators;
  if (raw && typeof raw === 'object') {
    const infinite = Object.entries(raw as Record<string, { value?: unknown }>)
      .filter(([, v]) => typeof v?.value === 'number' && !Number.isFinite(v.value))
      .map(([code, v]) => [code, v.value as number, false] as const);
    if (infinite.length) return { ok: false, problem: badValues(source, valueProblems(infinite)) };
  }
  const parsed = z.safeParse(SummaryJson, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (mục ${issue.path.join('.')})` : '';
    return {
      ok: false,
      problem: `${source} không phải số liệu tổng hợp do lệnh "consolidate --json" tạo ra${where}. Hãy tạo lại tệp đó từ sổ tổng hợp kỳ trước.`,
    };
  }
  const j = parsed.data;
  const bad = valueProblems(Object.entries(j.indicators).map(([code, v]) => [code, v.value, v.unit === '%']));
  if (bad.length) return { ok: false, problem: badValues(source, bad) };
  return {
    ok: true,
    previous: {
      issuer: j.issuer?.body ?? null,
      agencies: (j.submission ?? []).map((s) => s.agency),
      period: j.period.id,
      year: j.period.year,
      from: j.period.from as IsoDate,
      to: j.period.to as IsoDate,
      values: new Map(Object.entries(j.indicators).map(([code, v]) => [code, v.value])),
      source,
    },
  };
}

/**
 * An earlier summary is checked like any input: every figure finite, not negative, not beyond
 * what a province could count, and a rate between 0 and 100 %. A hand-edited file would
 * otherwise print "Infinity" in the appendix or "tăng 59.922 hồ sơ" in the text.
 */
function valueProblems(entries: readonly (readonly [string, number | null, boolean])[]): string[] {
  const out: string[] = [];
  for (const [code, v, percent] of entries) {
    if (v === null) continue;
    const shown = Number.isFinite(v)
      ? Math.abs(v) < 1e15
        ? String(v).replace('.', ',')
        : v.toExponential(2)
      : 'vô hạn';
    if (!Number.isFinite(v) || Math.abs(v) > PLAUSIBLE_LIMIT)
      out.push(`chỉ tiêu ${code}: ${shown} quá lớn, không phải số liệu thật`);
    else if (v < 0) out.push(`chỉ tiêu ${code}: ${shown} là số âm`);
    else if (percent && v > 100) out.push(`chỉ tiêu ${code}: tỷ lệ ${shown}% vượt 100%`);
  }
  return out;
}

function badValues(source: string, bad: readonly string[]): string {
  return `${source} có số liệu không dùng được để so sánh: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? `; và ${bad.length - 5} chỉ tiêu khác` : ''}. Hãy tạo lại tệp từ sổ tổng hợp kỳ trước (lệnh consolidate --json) thay vì sửa tay, hoặc sửa các số đó.`;
}

/** The line under the title of the "Tổng hợp" sheet, as outputs.ts writes it. */
const SUMMARY_LINE = /^(?:Cơ quan báo cáo: (.+?)\. )?Số liệu từ (\d{2}\/\d{2}\/\d{4}) đến (\d{2}\/\d{2}\/\d{4})/;

/** Reads a "Tổng hợp" sheet (this add-on's own layout): title with the period, then the table. */
export function previousFromSheet(catalog: Catalog, snap: SheetSnapshot, source: string): PreviousRead {
  const values = snap.values;
  const notSummary: PreviousRead = {
    ok: false,
    problem: `${source} không phải trang "Tổng hợp" của tiện ích: không thấy tiêu đề "TỔNG HỢP SỐ LIỆU THỐNG KÊ …" ở ô B1. Hãy sao chép nguyên trang "Tổng hợp" của bảng tính kỳ trước.`,
  };
  const title = cellText(values[0]?.[1]).trim();
  const year = /NĂM (\d{4})$/.exec(title);
  if (!title.startsWith('TỔNG HỢP SỐ LIỆU THỐNG KÊ') || !year) return notSummary;
  const period = PERIOD_IDS.find((id) => title.endsWith(`CHÍNH ${upper(periodInText(id, Number(year[1])))}`));
  const line = SUMMARY_LINE.exec(cellText(values[1]?.[1]).trim());
  const from = line ? readDate(line[2]) : null;
  const to = line ? readDate(line[3]) : null;
  if (!period || !from || !to) return notSummary;
  const header = values.findIndex((row) => fold(cellText(row?.[0])) === 'stt');
  if (header < 0) return notSummary;
  const read = new Map<string, number | null>();
  // The province's table ends at its first row without a code; the vertical agencies' block below is not its figures.
  for (const row of values.slice(header + 1)) {
    if (!cellText(row?.[0]).trim()) break;
    const code = readCode(row?.[0] ?? '');
    const ind = code ? catalog.get(code) : undefined;
    if (!ind || ind.kind === 'group') continue;
    const v = row[3];
    const n = typeof v === 'number' && Number.isFinite(v) ? v : null;
    // The sheet holds percentages as fractions shown with a % format.
    read.set(code, n === null ? null : ind.kind === 'percent' ? Math.round(n * 100 * 1e9) / 1e9 : n);
  }
  const bad = valueProblems([...read].map(([code, v]) => [code, v, catalog.get(code)?.kind === 'percent']));
  if (bad.length) return { ok: false, problem: badValues(source, bad) };
  return {
    ok: true,
    previous: {
      issuer: line?.[1] ?? null,
      agencies: [],
      period,
      year: Number(year[1]),
      from,
      to,
      values: read,
      source,
    },
  };
}

function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => fold(s).replace(/ủy ban nhân dân|uỷ ban nhân dân/g, 'ubnd');
  return norm(a) === norm(b);
}

/**
 * Null when the earlier summary can be compared with this period; otherwise why not, in
 * Vietnamese, naming both sides and the fix.
 */
export function checkPrevious(
  prev: PreviousSummary,
  settings: Schedule & Roster & Pick<ReportHeader, 'issuingBody'>,
): string | null {
  const here = inText(settings.period);
  const there = periodInText(prev.period, prev.year);
  const fix = `Cần số liệu tổng hợp của ${wanted(settings.period)} của chính cơ quan này.`;
  if (prev.issuer !== null) {
    if (!sameBody(prev.issuer, settings.issuingBody))
      return `Số liệu kỳ trước (${prev.source}) là của "${prev.issuer}", không phải của "${settings.issuingBody}". ${fix}`;
  } else {
    const ours = new Set(settings.agencies.map((a) => fold(a.name)));
    if (!prev.agencies.some((a) => ours.has(fold(a))))
      return prev.agencies.length
        ? `Số liệu kỳ trước (${prev.source}) không có đơn vị nào trùng với danh sách đơn vị trên trang Thiết lập: có thể là số liệu của tỉnh khác. ${fix}`
        : `Số liệu kỳ trước (${prev.source}) không ghi cơ quan báo cáo (được tạo bằng phiên bản cũ). Hãy chạy lại "Tổng hợp số liệu" ở bảng tính kỳ trước rồi sao chép lại trang "Tổng hợp".`;
  }
  const now = settings.period;
  if (prev.period === now.id && prev.year === now.year)
    return `Số liệu kỳ trước (${prev.source}) là của chính kỳ này (${here}). ${fix}`;
  // Quarters follow each other; the cumulative periods (6 tháng, 9 tháng, năm) compare only with themselves.
  if (prev.period !== now.id && !(QUARTERS.includes(prev.period) && QUARTERS.includes(now.id)))
    return `Số liệu kỳ trước (${prev.source}) là của ${there}, không so sánh được với ${here}: hai kỳ dài ngắn khác nhau. Cần số liệu của ${wanted(now)}.`;
  if (prev.to >= settings.period.to)
    return `Số liệu kỳ trước (${prev.source}) là của ${there} (đến ${formatDmy(prev.to)}), không trước kỳ báo cáo này (${here}, đến ${formatDmy(settings.period.to)}). ${fix}`;
  return null;
}

/** The periods a report compares with, named: "quý II năm 2026 (kỳ trước) hoặc quý III năm 2025 (cùng kỳ năm trước)". */
function wanted(now: Pick<Period, 'id' | 'year'>): string {
  const before = previousPeriod(now);
  const last = sameLastYear(now);
  if (before.id === last.id && before.year === last.year) return `${inText(last)} (cùng kỳ năm trước)`;
  return `${inText(before)} (kỳ trước) hoặc ${inText(last)} (cùng kỳ năm trước)`;
}

/** "cùng kỳ năm 2025" or "kỳ trước (quý II năm 2026)": what the sentences compare with. */
export function comparedWith(prev: PreviousSummary, settings: Schedule): string {
  const last = sameLastYear(settings.period);
  if (prev.period === last.id && prev.year === last.year)
    return last.id === 'Y' ? `năm ${prev.year}` : `cùng kỳ năm ${prev.year}`;
  return `kỳ trước (${periodInText(prev.period, prev.year)})`;
}

/** The first of "Kỳ trước", "Bản sao của Tổng hợp", "Copy of Tổng hợp" present, read as a summary. */
export function previousInWorkbook(wb: WorkbookPort, catalog: Catalog): PreviousRead | null {
  for (const name of [PREVIOUS_SHEET, ...PREVIOUS_SHEET_COPIES]) {
    const snap = wb.read(name, { protection: false });
    if (snap) return previousFromSheet(catalog, snap, `trang "${name}"`);
  }
  return null;
}
