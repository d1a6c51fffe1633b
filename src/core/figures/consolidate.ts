/**
 * Consolidation: the province's figure for every indicator, made by the catalog's `aggregate`
 * rule, with a note saying how it was made and which agencies it rests on. A consolidated
 * percentage is always recomputed from summed counts, never averaged, unless no agency gave
 * counts, in which case the mean is labelled as such.
 */
import { Aggregate, Catalog, Indicator, Tier, ValueIndicator, isValueRow, tierOf } from '../catalog/catalog';
import { IsoDate, daysBetween } from '../primitives/dates';
import { askedRows, rowMode } from '../form/row-modes';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { valueOf } from '../form/parse';
import { inText } from '../periods';
import { Agency, FormRules, Schedule, Settings, isCaseRow, tierOfType } from '../settings';
import { AgencyResult } from '../checks/validate';
import { RULES, TabProblem } from '../checks/rules';
import { AgencyStatus } from '../checks/status';
import { rateFrom, rateOperands } from '../catalog/rate';

export interface SubmissionEntry {
  readonly agency: Agency;
  readonly submitted: boolean;
  readonly date: IsoDate | null;
  readonly daysLate: number | null;
  readonly status: AgencyStatus;
  readonly included: boolean;
  /** Why the agency's figures are left out, when they are. */
  readonly exclusion: Exclusion | null;
  /** The same, as shown to a user (exclusionLabel). */
  readonly excludedReason: string | null;
}

export type Exclusion =
  | { readonly kind: 'sheet-missing' }
  /** The tab is in two workbooks of the set, or in a branch not opened (workbook-set.ts). */
  | { readonly kind: 'tab-unreachable'; readonly rule: TabProblem['rule'] }
  | { readonly kind: 'not-sent' }
  | { readonly kind: 'errors'; readonly count: number };

export function exclusionLabel(e: Exclusion): string {
  switch (e.kind) {
    case 'sheet-missing':
      return 'Không tìm thấy trang';
    case 'tab-unreachable':
      return RULES[e.rule];
    case 'not-sent':
      return 'Chưa gửi báo cáo';
    case 'errors':
      return `Còn ${e.count} lỗi`;
  }
}

function isTabProblemRule(rule: string): rule is TabProblem['rule'] {
  return rule === 'sheet-duplicate' || rule === 'branch-unopened';
}

export type Method = 'sum' | 'ratio' | 'mean' | 'derived' | 'owner' | 'codes';

export interface IndicatorResult {
  readonly ind: ValueIndicator;
  /** Counts as numbers, percentages in points (0-100), coded answers as their code. */
  readonly value: number | null;
  readonly method: Method;
  /** Agencies whose figures went into the value. */
  readonly contributors: readonly string[];
  /** Agencies that were asked this figure and are included in the consolidation. */
  readonly eligible: number;
  /**
   * How the figure was made and on whom it rests, in full, for the consolidator (the workbook's
   * "Tổng hợp" sheet, the CLI, the JSON): "Tổng của 44/56 đơn vị (…); thiếu: Sở A, …".
   */
  readonly note: string;
  /**
   * What a document's appendix says about this row: only what is particular to it (its owner, the
   * included agencies that left it blank, the counts a rate is made of, a fallback mean); the
   * coverage common to every row is said once, at the appendix's head (appendixCoverage).
   * Empty when nothing is particular, as most of seed 003's notes are.
   */
  readonly remark: string;
  /** Included agencies asked this row that gave no figure for it. */
  readonly blank?: readonly string[];
  readonly num?: number;
  readonly den?: number;
  readonly distribution?: Readonly<Record<string, number>>;
  /** For owner rows: figures other agencies typed there, which are not used. */
  readonly ignored?: readonly { agency: string; value: number }[];
  /** Percent-only agencies left out of a ratio. */
  readonly leftOut?: readonly string[];
  /** Agencies asked this row whose figure is not in the value (not sent, errors, left blank). */
  readonly missing?: readonly string[];
  /** A rate over nothing (0/0): no hồ sơ of the kind this period; reads "không phát sinh". */
  readonly nothing?: boolean;
  /**
   * No agency on the roster is asked this row (a commune rate in a book of sở and UBND cấp huyện):
   * it reads "Không áp dụng", never a placeholder waiting for a figure that cannot come.
   */
  readonly notApplicable?: boolean;
  readonly flagged: boolean;
}

export interface Summary {
  readonly settings: Settings;
  readonly catalogVersion: string;
  readonly asked: readonly Indicator[];
  readonly results: readonly AgencyResult[];
  readonly submission: readonly SubmissionEntry[];
  readonly indicators: ReadonlyMap<string, IndicatorResult>;
  /**
   * The hồ sơ block (3.4.x) over the vertical agencies (ngành dọc) alone: reported apart, never in
   * the province's totals or rates (shared/spec/DOMAIN.md, "Which figures make a province figure").
   * Empty when no vertical agency is asked.
   */
  readonly vertical: ReadonlyMap<string, IndicatorResult>;
}

/** Vertical agencies belong to their ministries: their figures stay out of the province's. */
export function isVertical(agency: Pick<Agency, 'type'>): boolean {
  return agency.type === 'nganh_doc';
}

export function consolidate(catalog: Catalog, settings: Settings, results: readonly AgencyResult[]): Summary {
  const submission = results.map((r) => submissionEntry(settings, r));
  const included = new Set(submission.filter((s) => s.included).map((s) => s.agency.name));
  const asked = askedRows(catalog, settings);
  const askedCodes = new Set(asked.map((r) => r.code));
  const indicators = new Map<string, IndicatorResult>();
  const ctx: Ctx = { catalog, settings, results, included, vertical: false };
  const vctx: Ctx = { ...ctx, vertical: true };
  const vertical = new Map<string, IndicatorResult>();
  const anyVertical = results.some((r) => isVertical(r.agency));
  for (const ind of asked) {
    if (!isValueRow(ind)) continue;
    indicators.set(
      ind.code,
      ind.aggregate !== 'owner' && !askedOf(ctx, ind).length ? notApplicable(ind) : aggregate(ctx, ind, askedCodes),
    );
    // Only the rows some vertical agency is asked (not the commune rate 3.4.3, say).
    if (anyVertical && isCaseRow(ind.code) && ind.aggregate !== 'owner' && askedOf(vctx, ind).length)
      vertical.set(ind.code, aggregate(vctx, ind, askedCodes));
  }
  return { settings, catalogVersion: catalog.version, asked, results, submission, indicators, vertical };
}

function submissionEntry(settings: Schedule & Pick<FormRules, 'includeErrors'>, r: AgencyResult): SubmissionEntry {
  const submitted = r.report?.status.value === 'sent';
  const date = submitted ? (r.report?.sentOn.date ?? null) : null;
  const daysLate = date ? Math.max(0, daysBetween(settings.deadline, date)) : null;
  let exclusion: Exclusion | null = null;
  const unreachable = r.report ? undefined : r.findings.find((f) => isTabProblemRule(f.rule));
  if (unreachable && isTabProblemRule(unreachable.rule))
    exclusion = { kind: 'tab-unreachable', rule: unreachable.rule };
  else if (!r.report) exclusion = { kind: 'sheet-missing' };
  else if (!submitted) exclusion = { kind: 'not-sent' };
  else if (r.errors && !settings.includeErrors) exclusion = { kind: 'errors', count: r.errors };
  return {
    agency: r.agency,
    submitted,
    date,
    daysLate,
    status: r.status,
    included: exclusion === null,
    exclusion,
    excludedReason: exclusion && exclusionLabel(exclusion),
  };
}

interface Ctx {
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly results: readonly AgencyResult[];
  readonly included: ReadonlySet<string>;
  /** Aggregate over the vertical agencies only (true) or over the province's apparatus (false). */
  readonly vertical: boolean;
}

/** Agencies of the scope asked to fill this row themselves, included or not. */
function askedOf(ctx: Ctx, ind: Indicator): AgencyResult[] {
  return ctx.results.filter(
    (r) => isVertical(r.agency) === ctx.vertical && rowMode(ctx.catalog, ctx.settings, r.agency, ind).kind === 'input',
  );
}

/** Included agencies asked to fill this row themselves, with their figures. */
function contributions(ctx: Ctx, ind: Indicator, code = ind.code): { agency: string; value: number | null }[] {
  return askedOf(ctx, ind)
    .filter((r) => ctx.included.has(r.agency.name))
    .map((r) => ({ agency: r.agency.name, value: valueOf(r.report!, code) }));
}

/**
 * Coverage out of everyone asked: "Tổng của 66/78 đơn vị; thiếu: Sở A, UBND xã B" (the agencies
 * that were asked the row and whose figure is not in the total, for whatever reason).
 */
function coverage(ctx: Ctx, ind: Indicator, given: readonly string[]): { asked: number; missing: string[] } {
  const has = new Set(given);
  const asked = askedOf(ctx, ind).map((r) => r.agency.name);
  return { asked: asked.length, missing: asked.filter((a) => !has.has(a)) };
}

/**
 * Who is asked the row: the tiers of the agencies actually asked it this period ("sở, ban, ngành và
 * UBND cấp huyện" in a 2020 book, "sở, ban, ngành và UBND cấp xã" in a 2026 one).
 */
function scope(ctx: Ctx, ind: ValueIndicator): string {
  if (ctx.vertical) return ' (cơ quan ngành dọc)';
  const present = askedOf(ctx, ind)
    .map((r) => tierOfType(r.agency.type))
    .filter((t): t is Tier => t !== null);
  return ` (${tierOf(ind, present).asked})`;
}

export const NOT_APPLICABLE = 'Không áp dụng';

/** A row no agency on the roster is asked (see IndicatorResult.notApplicable). */
function notApplicable(ind: ValueIndicator): IndicatorResult {
  return {
    ind,
    value: null,
    method: ind.aggregate,
    contributors: [],
    eligible: 0,
    note: NOT_APPLICABLE,
    remark: NOT_APPLICABLE,
    notApplicable: true,
    flagged: false,
  };
}

function missingNote(missing: readonly string[]): string {
  return missing.length ? `; thiếu: ${missing.join(', ')}` : '';
}

const NONE = 'Chưa có đơn vị nào báo cáo số liệu';

/** Agencies named in a row's remark before the rest are counted ("và 5 cơ quan, đơn vị khác"). */
const NAMED = 3;

function someNames(names: readonly string[]): string {
  const more = names.length - NAMED;
  return more > 0 ? `${names.slice(0, NAMED).join(', ')} và ${more} cơ quan, đơn vị khác` : names.join(', ');
}

function blankOf(all: readonly { agency: string; value: number | null }[]): string[] {
  return all.filter((c) => c.value === null).map((c) => c.agency);
}

/** "Chưa có số liệu của Sở A, UBND xã B": included agencies asked the row that left it blank. */
function blankRemark(blank: readonly string[]): string {
  return blank.length ? `Chưa có số liệu của ${someNames(blank)}` : '';
}

function joinRemarks(...parts: string[]): string {
  const kept = parts.filter(Boolean);
  return kept.map((p, i) => (i ? p.charAt(0).toLocaleLowerCase('vi') + p.slice(1) : p)).join('; ');
}

function aggregate(ctx: Ctx, ind: ValueIndicator, askedCodes: ReadonlySet<string>): IndicatorResult {
  switch (ind.aggregate) {
    case 'sum':
      return sum(ctx, ind);
    case 'owner':
      return owner(ctx, ind);
    case 'codes':
      return codes(ctx, ind);
    case 'ratio':
    case 'derived':
      return percent(ctx, ind, askedCodes);
  }
}

function sum(ctx: Ctx, ind: ValueIndicator): IndicatorResult {
  const all = contributions(ctx, ind);
  const given = all.filter((c) => c.value !== null) as { agency: string; value: number }[];
  const value = given.length ? given.reduce((a, c) => a + c.value, 0) : null;
  const cov = coverage(
    ctx,
    ind,
    given.map((g) => g.agency),
  );
  const note = given.length
    ? `Tổng của ${given.length}/${cov.asked} đơn vị${scope(ctx, ind)}${missingNote(cov.missing)}`
    : NONE;
  const blank = blankOf(all);
  return {
    ind,
    value,
    method: 'sum',
    remark: given.length ? blankRemark(blank) : NONE,
    blank,
    missing: cov.missing,
    contributors: given.map((c) => c.agency),
    eligible: all.length,
    note,
    flagged: value === null,
  };
}

function owner(ctx: Ctx, ind: ValueIndicator): IndicatorResult {
  const who = ctx.settings.owners[ind.code] ?? null;
  const ignored = ctx.results
    .filter((r) => r.report && r.agency.name !== who)
    .map((r) => ({ agency: r.agency.name, value: valueOf(r.report!, ind.code) }))
    .filter((x): x is { agency: string; value: number } => x.value !== null);
  const ignoredNote = ignored.length ? `; bỏ qua số liệu do ${ignored.map((i) => i.agency).join(', ')} tự ghi` : '';
  if (!who) {
    return {
      ind,
      value: null,
      method: 'owner',
      contributors: [],
      eligible: 0,
      note: `Chưa chỉ định đơn vị cung cấp (trang Thiết lập)${ignoredNote}`,
      remark: 'Chưa có số liệu',
      ignored,
      flagged: true,
    };
  }
  const result = ctx.results.find((r) => r.agency.name === who);
  const value = result?.report && ctx.included.has(who) ? valueOf(result.report, ind.code) : null;
  const note =
    value !== null
      ? `Theo số liệu của ${who}${ignoredNote}`
      : `Chưa có số liệu của ${who}${ctx.included.has(who) ? '' : ' (chưa gửi báo cáo hoặc báo cáo còn lỗi)'}${ignoredNote}`;
  return {
    ind,
    value,
    method: 'owner',
    contributors: value === null ? [] : [who],
    eligible: ctx.included.has(who) ? 1 : 0,
    note,
    // Figures other agencies typed here are the consolidator's business (the workbook), not the Ministry's.
    remark: value !== null ? `Do ${who} cung cấp` : `Chưa có số liệu của ${who}`,
    ignored,
    flagged: value === null,
  };
}

function codes(ctx: Ctx, ind: ValueIndicator): IndicatorResult {
  if (ind.kind !== 'code') throw new Error(`${ind.code}: codes aggregate needs a coded row`);
  const all = contributions(ctx, ind);
  const given = all.filter((c) => c.value !== null) as { agency: string; value: number }[];
  const distribution: Record<string, number> = {};
  for (const a of ind.answers) distribution[a.label] = given.filter((g) => g.value === a.code).length;
  // The official form asks one answer of the province: the furthest any of its agencies went.
  const value = given.length ? Math.max(...given.map((g) => g.value)) : null;
  const cov = coverage(
    ctx,
    ind,
    given.map((g) => g.agency),
  );
  const counted = (of: number) =>
    [...ind.answers]
      .reverse()
      .map((a) => `${a.label}: ${distribution[a.label]}/${of} đơn vị`)
      .join('; ');
  const note = given.length ? counted(cov.asked) + missingNote(cov.missing) : 'Chưa có đơn vị nào báo cáo';
  const blank = blankOf(all);
  return {
    ind,
    value,
    method: 'codes',
    // Out of the agencies whose reports are consolidated: the head of the appendix says how many.
    remark: given.length ? joinRemarks(counted(all.length), blankRemark(blank)) : NONE,
    blank,
    missing: cov.missing,
    contributors: given.map((g) => g.agency),
    eligible: cov.asked,
    note,
    distribution,
    flagged: value === null,
  };
}

function percent(ctx: Ctx, ind: ValueIndicator, askedCodes: ReadonlySet<string>): IndicatorResult {
  const f = ctx.catalog.formula(ind.code)!;
  const [aCode, bCode] = rateOperands(f);
  const all = contributions(ctx, ind);
  const rows = all.map((c) => {
    const r = ctx.results.find((x) => x.agency.name === c.agency)!.report!;
    return {
      agency: c.agency,
      stated: c.value,
      a: askedCodes.has(aCode) ? valueOf(r, aCode) : null,
      b: askedCodes.has(bCode) ? valueOf(r, bCode) : null,
    };
  });
  const withCounts = rows.filter((r) => r.a !== null && r.b !== null) as {
    agency: string;
    a: number;
    b: number;
    stated: number | null;
  }[];
  const leftOut = rows.filter((r) => (r.a === null || r.b === null) && r.stated !== null).map((r) => r.agency);
  const leftNote = leftOut.length ? `; không tính ${leftOut.join(', ')} (chỉ ghi tỷ lệ, thiếu số liệu chi tiết)` : '';
  const A = withCounts.reduce((s, r) => s + r.a, 0);
  const B = withCounts.reduce((s, r) => s + r.b, 0);
  const contributors = withCounts.map((r) => r.agency);
  const cov = coverage(ctx, ind, [...contributors, ...leftOut]);
  const of = `${withCounts.length}/${cov.asked} đơn vị${scope(ctx, ind)}${missingNote(cov.missing)}`;
  const blank = rows.filter((r) => (r.a === null || r.b === null) && r.stated === null).map((r) => r.agency);
  const base = { ind, eligible: all.length, leftOut, contributors, missing: cov.missing, blank };
  const particular = joinRemarks(
    blankRemark(blank),
    leftOut.length ? `không tính ${someNames(leftOut)} (chỉ ghi tỷ lệ, không có số liệu chi tiết)` : '',
  );
  const value = rateFrom(f, A, B);
  if (f.kind === 'ratio' && value !== null) {
    const unit = ctx.catalog.must(bCode).unit.toLowerCase();
    return {
      ...base,
      value,
      method: 'ratio',
      num: A,
      den: B,
      note: `Tính từ ${formatNumber(A)}/${formatNumber(B)} ${unit} của ${of}${leftNote}`,
      remark: joinRemarks(`Tính từ ${formatNumber(A)}/${formatNumber(B)} ${unit}`, particular),
      flagged: leftOut.length > 0,
    };
  }
  if (f.kind === 'reduction' && value !== null) {
    return {
      ...base,
      value,
      method: 'derived',
      num: A - B,
      den: A,
      note: `Tính từ biên chế năm 2015 (${formatNumber(A)}) và hiện nay (${formatNumber(B)}) của ${of}${leftNote}`,
      remark: joinRemarks(
        `Tính từ biên chế năm 2015 (${formatNumber(A)}) và hiện nay (${formatNumber(B)})`,
        particular,
      ),
      flagged: leftOut.length > 0,
    };
  }
  const stated = rows.filter((r) => r.stated !== null) as { agency: string; stated: number }[];
  if (stated.length) {
    const mean = stated.reduce((s, r) => s + r.stated, 0) / stated.length;
    return {
      ...base,
      contributors: stated.map((s) => s.agency),
      value: mean,
      method: 'mean',
      note: `Trung bình cộng tỷ lệ của ${stated.length} đơn vị (không có số liệu chi tiết để tính chính xác)`,
      remark: joinRemarks(
        `Trung bình cộng tỷ lệ của ${stated.length} đơn vị (không có số liệu chi tiết để tính chính xác)`,
        blankRemark(blank),
      ),
      flagged: true,
    };
  }
  if (f.kind === 'ratio' && withCounts.length && B === 0)
    return {
      ...base,
      value: null,
      method: 'ratio',
      nothing: true,
      num: 0,
      den: 0,
      note: `Không phát sinh (0/0 ${ctx.catalog.must(bCode).unit.toLowerCase()} của ${of})`,
      remark: joinRemarks(`Không phát sinh ${ctx.catalog.must(bCode).unit.toLowerCase()}`, blankRemark(blank)),
      flagged: false,
    };
  return {
    ...base,
    value: null,
    method: f.kind === 'ratio' ? 'ratio' : 'derived',
    note: NONE,
    remark: NONE,
    flagged: true,
  };
}

/** Value as written in Vietnamese text: "1.949", "65,56%", "Có". */
export function formatResult(r: IndicatorResult): string | null {
  if (r.value === null) return null;
  if (r.ind.kind === 'percent') return formatPercent(r.value);
  if (r.ind.kind === 'code') return r.ind.answers.find((a) => a.code === r.value)?.label ?? String(r.value);
  return formatNumber(r.value);
}

/**
 * The summary as JSON, for the CLI. Percentages are numbers from 0 to 100. Each consolidated
 * agency carries its own figures for `detailCodes` (the codes a later report compares,
 * report/previous.ts comparedCodes), so that the next period compares like with like.
 */
export function summaryJson(s: Summary, detailCodes: readonly string[] = []): unknown {
  const reports = new Map(s.results.map((r) => [r.agency.name, r.report]));
  const figuresOf = (agency: string): Record<string, number> => {
    const report = reports.get(agency);
    const out: Record<string, number> = {};
    for (const code of detailCodes) {
      const v = report ? valueOf(report, code) : null;
      if (v !== null) out[code] = v;
    }
    return out;
  };
  const indicators: Record<string, unknown> = {};
  for (const [code, r] of s.indicators) {
    indicators[code] = {
      value: r.value,
      unit: r.ind.kind === 'percent' ? '%' : r.ind.unit,
      aggregate: r.ind.aggregate as Aggregate,
      method: r.method,
      contributors: r.contributors.length,
      note: r.note,
      ...(r.distribution ? { distribution: r.distribution } : {}),
    };
  }
  return {
    // Who reported: a later report refuses to compare itself with another province's figures.
    issuer: { body: s.settings.issuingBody, parent: s.settings.parentBody, place: s.settings.place },
    period: {
      id: s.settings.period.id,
      year: s.settings.period.year,
      label: inText(s.settings.period),
      from: s.settings.period.from,
      to: s.settings.period.to,
      deadline: s.settings.deadline,
      catalog: s.catalogVersion,
    },
    submission: s.submission.map((e) => ({
      agency: e.agency.name,
      submitted: e.submitted,
      date: e.date,
      daysLate: e.daysLate,
      included: e.included,
      // Reported apart: a later comparison counts the province's own agencies only.
      ...(isVertical(e.agency) ? { vertical: true } : {}),
      ...(e.excludedReason ? { excludedReason: e.excludedReason } : {}),
      ...(e.included && detailCodes.length ? { figures: figuresOf(e.agency.name) } : {}),
    })),
    indicators,
  };
}

/**
 * Sent on time: sent, on a known date no later than the deadline (the deadline day itself is on
 * time). The one definition: Phụ lục I's notes and totals and the report's "n đơn vị gửi đúng hạn"
 * count by it, so the sentence equals the rows marked "Đúng hạn".
 */
export function sentOnTime(e: SubmissionEntry): boolean {
  return e.submitted && e.date !== null && e.daysLate === 0;
}

/** Sent after the deadline (daysLate > 0). A report sent with no known date is neither. */
export function sentLate(e: SubmissionEntry): boolean {
  return e.submitted && e.date !== null && (e.daysLate ?? 0) > 0;
}

/**
 * What Phụ lục I notes about a submission, as seed 000 does: only when it was sent ("Đúng hạn",
 * "Gửi muộn 3 ngày"); empty when it was not sent (the table's column says so). Never the result
 * of the checks: that belongs in the workbook (submissionNote).
 */
export function submissionRemark(e: SubmissionEntry): string {
  if (!e.submitted) return '';
  if (sentOnTime(e)) return 'Đúng hạn';
  if (sentLate(e)) return `Gửi muộn ${e.daysLate} ngày`;
  return 'Không rõ ngày gửi';
}

/** The workbook's note on a submission: the document's, then why its figures are left out. */
export function submissionNote(e: SubmissionEntry): string {
  const parts: string[] = [];
  const absent = e.exclusion?.kind === 'sheet-missing' || e.exclusion?.kind === 'tab-unreachable';
  if (!e.submitted) parts.push(absent && e.exclusion ? exclusionLabel(e.exclusion) : 'Chưa gửi');
  else parts.push(submissionRemark(e));
  if (e.submitted && !e.included && e.excludedReason) parts.push(`${e.excludedReason}, chưa tổng hợp`);
  return parts.join('; ');
}

/**
 * Whose reports the province's figures rest on: its own agencies (vertical agencies are reported
 * apart), how many of them are consolidated, and who is missing for whatever reason. Said once,
 * at the head of the statistics appendix, so that no row repeats it.
 */
export function provinceCoverage(s: Summary): {
  readonly used: number;
  readonly of: number;
  readonly missing: readonly string[];
  /** Some agencies are vertical and kept out of these figures. */
  readonly verticalApart: boolean;
} {
  const own = s.submission.filter((e) => !isVertical(e.agency));
  return {
    used: own.filter((e) => e.included).length,
    of: own.length,
    missing: own.filter((e) => !e.included).map((e) => e.agency.name),
    verticalApart: own.length < s.submission.length,
  };
}
