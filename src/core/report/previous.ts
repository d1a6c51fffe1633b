/**
 * The previous period's (or the same period last year's) consolidated summary, for the comparison
 * sentences and the "Kỳ trước" column. It arrives as the JSON of `consolidate --json`, or as the
 * "Tổng hợp" sheet of an earlier workbook (copied into this spreadsheet as "Kỳ trước", or read from
 * a consolidated .xlsx), with each agency's figures when the JSON has them or the workbook's
 * "Chi tiết theo đơn vị" sheet comes along. Both are checked here like any input (same province,
 * the period before or the same period last year, whole counts, rates within 0..100); the
 * comparison itself is comparison.ts's.
 */
import * as z from 'zod/mini';
import { Catalog, ValueIndicator, isValueRow } from '../catalog/catalog';
import { IsoDate, formatDmy, isIsoDate, parts, readDate } from '../primitives/dates';
import { SheetSnapshot, cellText } from '../sheet/grid';
import { PLAUSIBLE_LIMIT, formatNumber } from '../primitives/numbers';
import { readCode } from '../form/parse';
import { PERIOD_IDS, Period, PeriodId, QUARTERS, inText, periodInText, previousPeriod, sameLastYear } from '../periods';
import { ReportHeader, Roster, Schedule } from '../settings';
import { fold, upper } from '../primitives/text';
import { WorkbookPort } from '../workbook';
import { DETAIL_SHEET } from '../sheet/names';
import { comparedCodes } from './comparison';

/** The sheet the add-on looks for: a copy of last period's "Tổng hợp", renamed. */
export const PREVIOUS_SHEET = 'Kỳ trước';
/** The names Google Sheets gives a copied "Tổng hợp" tab (Vietnamese and English UI), also accepted. */
export const PREVIOUS_SHEET_COPIES = ['Bản sao của Tổng hợp', 'Copy of Tổng hợp'];
/** Last period's "Chi tiết theo đơn vị", copied and renamed (or left with the name the copy got). */
export const PREVIOUS_DETAIL_SHEETS = ['Kỳ trước - Chi tiết', `Bản sao của ${DETAIL_SHEET}`, `Copy of ${DETAIL_SHEET}`];

/** One agency of the earlier consolidation whose figures went into it, with its figures. */
export interface PreviousAgency {
  readonly name: string;
  /** Indicator code -> the agency's figure (percentages in points); only the codes a comparison reads. */
  readonly figures: ReadonlyMap<string, number>;
}

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
  /** Agencies consolidated out of all listed, when the file says ("43/56"). */
  readonly coverage: { readonly included: number; readonly total: number } | null;
  /** The agencies consolidated, each with its figures; null when the file has no per-agency part. */
  readonly detail: readonly PreviousAgency[] | null;
  /** Where it came from, for messages: 'tệp "q2.json"', 'trang "Kỳ trước"'. */
  readonly source: string;
}

export type PreviousRead =
  { readonly ok: true; readonly previous: PreviousSummary } | { readonly ok: false; readonly problem: string };

/** The years a report can be about (as Thiết lập accepts them). */
const YEARS = { min: 2015, max: 2100 } as const;

/**
 * What `consolidate --json` writes (summaryJson); extra fields are ignored. The per-agency figures
 * (`submission[].figures`) came later: a file without them is still read, and compared with both
 * coverages stated. Built on first use: the Apps Script bundle, which reads no JSON, leaves it out.
 */
function summarySchema() {
  const IsoDateString = z.string().check(z.refine(isIsoDate, 'ngày phải có dạng yyyy-mm-dd'));
  return z.object({
    issuer: z.optional(z.object({ body: z.string() })),
    period: z.object({ id: z.enum(PERIOD_IDS), year: z.number(), from: IsoDateString, to: IsoDateString }),
    submission: z.optional(
      z.array(
        z.object({
          agency: z.string(),
          included: z.optional(z.boolean()),
          vertical: z.optional(z.boolean()),
          figures: z.optional(z.record(z.string(), z.number())),
        }),
      ),
    ),
    indicators: z.record(z.string(), z.object({ value: z.nullable(z.number()), unit: z.optional(z.string()) })),
  });
}

/** JSON's 1e999 parses as Infinity, which the schema would only call "not a number". */
function infiniteValues(data: unknown): [string, number][] {
  const out: [string, number][] = [];
  const d = data as { indicators?: unknown; submission?: unknown } | null;
  if (d?.indicators && typeof d.indicators === 'object')
    for (const [code, v] of Object.entries(d.indicators as Record<string, { value?: unknown }>))
      if (typeof v?.value === 'number' && !Number.isFinite(v.value)) out.push([code, v.value]);
  if (Array.isArray(d?.submission))
    for (const e of d.submission as { figures?: unknown }[])
      if (e?.figures && typeof e.figures === 'object')
        for (const [code, v] of Object.entries(e.figures as Record<string, unknown>))
          if (typeof v === 'number' && !Number.isFinite(v)) out.push([code, v]);
  return out;
}

export function previousFromJson(catalog: Catalog, text: string, source: string): PreviousRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: `${source} không phải tệp JSON hợp lệ. Dùng tệp do lệnh "consolidate --json" tạo ra.`,
    };
  }
  const infinite = infiniteValues(data);
  if (infinite.length)
    return {
      ok: false,
      problem: badValues(
        source,
        infinite.map(([code]) => `chỉ tiêu ${code}: vô hạn quá lớn`),
      ),
    };
  const parsed = z.safeParse(summarySchema(), data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (mục ${issue.path.join('.')})` : '';
    return {
      ok: false,
      problem: `${source} không phải số liệu tổng hợp do lệnh "consolidate --json" tạo ra${where}. Hãy tạo lại tệp đó từ sổ tổng hợp kỳ trước.`,
    };
  }
  const j = parsed.data;
  const periodProblem = checkPeriodFields(j.period.id, j.period.year, j.period.from as IsoDate, j.period.to as IsoDate);
  if (periodProblem) return { ok: false, problem: badPeriod(source, periodProblem) };
  const values = knownValues(
    catalog,
    Object.entries(j.indicators).map(([code, v]) => [code, v.value] as const),
  );
  const bad = valueProblems(catalog, [...values]);
  const submission = j.submission ?? [];
  const withFigures = submission.some((e) => e.figures !== undefined);
  const detail: PreviousAgency[] = [];
  for (const e of submission) {
    if (!withFigures || e.included === false || !e.figures) continue;
    const figures = knownValues(catalog, Object.entries(e.figures));
    bad.push(...valueProblems(catalog, [...figures]).map((p) => `${e.agency}, ${p}`));
    detail.push({ name: e.agency, figures: figures as Map<string, number> });
  }
  if (bad.length) return { ok: false, problem: badValues(source, bad) };
  const knowsIncluded = submission.length > 0 && submission.every((e) => e.included !== undefined);
  return {
    ok: true,
    previous: {
      issuer: j.issuer?.body ?? null,
      agencies: submission.map((s) => s.agency),
      period: j.period.id,
      year: j.period.year,
      from: j.period.from as IsoDate,
      to: j.period.to as IsoDate,
      values,
      coverage: knowsIncluded ? coverageOfOwn(submission.filter((e) => !e.vertical)) : null,
      detail: withFigures ? detail : null,
      source,
    },
  };
}

/** How many of the province's own agencies (vertical ones are marked and reported apart) were consolidated. */
function coverageOfOwn(own: readonly { readonly included?: boolean }[]): { included: number; total: number } {
  return { included: own.filter((e) => e.included).length, total: own.length };
}

/** The figures of codes this catalog knows (an older file may carry codes since retired). */
function knownValues<T extends number | null>(
  catalog: Catalog,
  entries: readonly (readonly [string, T])[],
): Map<string, T> {
  return new Map(
    entries.filter(([code]) => {
      const ind = catalog.get(code);
      return ind !== undefined && isValueRow(ind);
    }),
  );
}

/** Why the period an earlier file claims cannot be a report's (null when it can). */
function checkPeriodFields(id: PeriodId, year: number, from: IsoDate, to: IsoDate): string | null {
  if (!Number.isInteger(year) || year < YEARS.min || year > YEARS.max)
    return `năm ${Number.isFinite(year) && Math.abs(year) < 1e15 ? String(year).replace('.', ',') : 'không hợp lệ'} không phải năm báo cáo (từ ${YEARS.min} đến ${YEARS.max})`;
  if (from > to) return `ngày bắt đầu ${formatDmy(from)} sau ngày kết thúc ${formatDmy(to)}`;
  if (parts(to).y !== year) return `${periodInText(id, year)} không thể kết thúc ngày ${formatDmy(to)}`;
  return null;
}

function badPeriod(source: string, problem: string): string {
  return `${source} ghi kỳ báo cáo không dùng được: ${problem}. Hãy tạo lại tệp từ sổ tổng hợp kỳ trước (lệnh consolidate --json) thay vì sửa tay.`;
}

/**
 * An earlier figure is checked as a workbook's would be: finite, not negative, not beyond what a
 * province could count; a count whole; a rate between 0 and 100 %; a coded answer one of its codes.
 * A hand-edited file would otherwise print "Infinity" in the appendix or "tăng 10.638,5 hồ sơ".
 */
function valueProblems(catalog: Catalog, entries: readonly (readonly [string, number | null])[]): string[] {
  const out: string[] = [];
  for (const [code, v] of entries) {
    if (v === null) continue;
    const ind = catalog.get(code) as ValueIndicator;
    const shown = shownValue(v);
    if (Math.abs(v) > PLAUSIBLE_LIMIT) out.push(`chỉ tiêu ${code}: ${shown} quá lớn, không phải số liệu thật`);
    else if (v < 0) out.push(`chỉ tiêu ${code}: ${shown} là số âm`);
    else if (ind.kind === 'percent' && v > 100) out.push(`chỉ tiêu ${code}: tỷ lệ ${shown}% vượt 100%`);
    else if (ind.kind === 'count' && !Number.isInteger(v)) out.push(`chỉ tiêu ${code}: ${shown} không phải số nguyên`);
    else if (ind.kind === 'code' && !ind.answers.some((a) => a.code === v))
      out.push(
        `chỉ tiêu ${code}: ${shown} không phải mã trả lời (${ind.answers.map((a) => `${a.code} = ${a.label}`).join('; ')})`,
      );
  }
  return out;
}

/** A figure of a file, as a message quotes it: vi-VN, with what a hand edit left ("0,5", "1.00e+308"). */
function shownValue(v: number): string {
  if (Math.abs(v) >= 1e15) return v.toExponential(2);
  if (v !== 0 && Math.abs(v) < 1e-6) return `${v < 0 ? '-' : ''}0,000000… (gần bằng 0)`;
  return formatNumber(v, 6);
}

function badValues(source: string, bad: readonly string[]): string {
  return `${source} có số liệu không dùng được để so sánh: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? `; và ${bad.length - 5} chỉ tiêu khác` : ''}. Hãy tạo lại tệp từ sổ tổng hợp kỳ trước (lệnh consolidate --json) thay vì sửa tay, hoặc sửa các số đó.`;
}

/** The line under the title of the "Tổng hợp" sheet, as outputs.ts writes it. */
const SUMMARY_LINE = /^(?:Cơ quan báo cáo: (.+?)\. )?Số liệu từ (\d{2}\/\d{2}\/\d{4}) đến (\d{2}\/\d{2}\/\d{4})/;
/** "tổng hợp từ 43/56 đơn vị" on the same line. */
const SUMMARY_COVERAGE = /tổng hợp từ (\d+)\/(\d+) đơn vị/;

/** Reads a "Tổng hợp" sheet (this add-on's own layout): title with the period, then the table. */
export function previousFromSheet(catalog: Catalog, snap: SheetSnapshot, source: string): PreviousRead {
  const values = snap.values;
  const notSummary: PreviousRead = {
    ok: false,
    problem: `${source} không phải trang "Tổng hợp" của tiện ích: không thấy tiêu đề "TỔNG HỢP SỐ LIỆU THỐNG KÊ …" ở ô B1. Hãy sao chép nguyên trang "Tổng hợp" của bảng tính kỳ trước.`,
  };
  const title = cellText(values[0]?.[1]).trim();
  const year = /NĂM (-?\d+)$/.exec(title);
  if (!title.startsWith('TỔNG HỢP SỐ LIỆU THỐNG KÊ') || !year) return notSummary;
  const period = PERIOD_IDS.find((id) => title.endsWith(`CHÍNH ${upper(periodInText(id, Number(year[1])))}`));
  const lineText = cellText(values[1]?.[1]).trim();
  const line = SUMMARY_LINE.exec(lineText);
  const from = line ? readDate(line[2]) : null;
  const to = line ? readDate(line[3]) : null;
  if (!period || !from || !to) return notSummary;
  const periodProblem = checkPeriodFields(period, Number(year[1]), from, to);
  if (periodProblem) return { ok: false, problem: badPeriod(source, periodProblem) };
  const header = values.findIndex((row) => fold(cellText(row?.[0])) === 'stt');
  if (header < 0) return notSummary;
  const read = new Map<string, number | null>();
  // The province's table ends at its first row without a code; the vertical agencies' block below is not its figures.
  for (const row of values.slice(header + 1)) {
    if (!cellText(row?.[0]).trim()) break;
    const code = readCode(row?.[0] ?? '');
    const ind = code ? catalog.get(code) : undefined;
    if (!ind || !isValueRow(ind)) continue;
    read.set(code, sheetNumber(ind, row[3]));
  }
  const bad = valueProblems(catalog, [...read]);
  if (bad.length) return { ok: false, problem: badValues(source, bad) };
  const cov = SUMMARY_COVERAGE.exec(lineText);
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
      coverage: cov ? { included: Number(cov[1]), total: Number(cov[2]) } : null,
      detail: null,
      source,
    },
  };
}

/** A cell of the add-on's sheets as a figure: percentages are held as fractions shown with a % format. */
function sheetNumber(ind: ValueIndicator, v: unknown): number | null {
  const n = typeof v === 'number' && Number.isFinite(v) ? v : null;
  return n === null ? null : ind.kind === 'percent' ? Math.round(n * 100 * 1e9) / 1e9 : n;
}

/**
 * Each consolidated agency's figures from the earlier workbook's "Chi tiết theo đơn vị" sheet
 * (outputs.ts: agencies as columns from E, a status row "Được tổng hợp" under their names, then one
 * row per code). Only the codes a comparison reads are kept. Null when the sheet is not that one.
 */
export function detailFromSheet(
  catalog: Catalog,
  snap: SheetSnapshot,
  source: string,
): { ok: true; detail: PreviousAgency[] } | { ok: false; problem: string } {
  const values = snap.values;
  const header = values.findIndex(
    (row) => fold(cellText(row?.[0])) === 'mã' && fold(cellText(row?.[3])) === 'toàn tỉnh',
  );
  const status = values[header + 1];
  if (header < 0 || !status || fold(cellText(status[1])) !== 'tình trạng')
    return {
      ok: false,
      problem: `${source} không phải trang "${DETAIL_SHEET}" của tiện ích: không thấy dòng tiêu đề "Mã | Chỉ tiêu thống kê | Đơn vị tính | Toàn tỉnh" và dòng "Tình trạng". Hãy sao chép nguyên trang đó của bảng tính kỳ trước.`,
    };
  const wanted = new Set(comparedCodes(catalog));
  const columns: { col: number; name: string; figures: Map<string, number> }[] = [];
  values[header]!.forEach((cell, col) => {
    const name = cellText(cell);
    if (col >= 4 && name && cellText(status[col]).startsWith('Được tổng hợp'))
      columns.push({ col, name, figures: new Map() });
  });
  const bad: string[] = [];
  for (const row of values.slice(header + 2)) {
    const code = readCode(row?.[0] ?? '');
    const ind = code && wanted.has(code) ? catalog.get(code) : undefined;
    if (!ind || !isValueRow(ind)) continue;
    for (const c of columns) {
      const v = sheetNumber(ind, row[c.col]);
      if (v === null) continue;
      bad.push(...valueProblems(catalog, [[ind.code, v]]).map((p) => `${c.name}, ${p}`));
      c.figures.set(ind.code, v);
    }
  }
  if (bad.length) return { ok: false, problem: badValues(source, bad) };
  return { ok: true, detail: columns.map((c) => ({ name: c.name, figures: c.figures })) };
}

/** The summary with its per-agency part, read from the detail sheet of the same workbook. */
export function withDetail(
  catalog: Catalog,
  read: PreviousRead,
  snap: SheetSnapshot | null,
  source: string,
): PreviousRead {
  if (!read.ok || !snap) return read;
  const d = detailFromSheet(catalog, snap, source);
  if (!d.ok) return d;
  return { ok: true, previous: { ...read.previous, detail: d.detail } };
}

function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => fold(s).replace(/ủy ban nhân dân|uỷ ban nhân dân/g, 'ubnd');
  return norm(a) === norm(b);
}

/**
 * Null when the earlier summary can be compared with this period; otherwise why not, in
 * Vietnamese, naming both sides and the fix. It must be the period just before in the series or
 * the same period last year, of the same body: not merely a period that ends earlier.
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
  const is = (p: Pick<Period, 'id' | 'year'>) => p.id === prev.period && p.year === prev.year;
  if (!is(previousPeriod(now)) && !is(sameLastYear(now)))
    return `Số liệu kỳ trước (${prev.source}) là của ${there}, không phải kỳ liền trước hay cùng kỳ năm trước của ${here}. ${fix}`;
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

/**
 * The first of "Kỳ trước", "Bản sao của Tổng hợp", "Copy of Tổng hợp" present, read as a summary,
 * with the per-agency figures of a copied "Chi tiết theo đơn vị" when there is one.
 */
export function previousInWorkbook(wb: WorkbookPort, catalog: Catalog): PreviousRead | null {
  for (const name of [PREVIOUS_SHEET, ...PREVIOUS_SHEET_COPIES]) {
    const snap = wb.read(name, { protection: false });
    if (!snap) continue;
    const read = previousFromSheet(catalog, snap, `trang "${name}"`);
    if (!read.ok) return read;
    for (const detail of PREVIOUS_DETAIL_SHEETS) {
      const d = wb.read(detail, { protection: false });
      if (d) return withDetail(catalog, read, d, `trang "${detail}"`);
    }
    return read;
  }
  return null;
}
