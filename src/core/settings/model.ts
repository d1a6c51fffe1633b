/**
 * What the settings are: the typed settings, the agency types and which rows each is asked, and
 * the rules for an agency's tab name.
 */
import { Indicator, Tier, asks } from '../catalog/catalog';
import { IsoDate } from '../primitives/dates';
import { Period } from '../periods';
import { RESERVED_SHEETS } from '../sheet/names';
import { fold, foldAscii, squish } from '../primitives/text';

export { RESERVED_SHEETS, SETTINGS_SHEET } from '../sheet/names';

export const AGENCY_TYPES = ['so', 'xa', 'nganh_doc', 'khac', 'huyen'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  so: 'Sở, ban, ngành',
  xa: 'UBND cấp xã',
  nganh_doc: 'Ngành dọc',
  khac: 'Khác',
  huyen: 'UBND cấp huyện (trước 01/07/2025)',
};

export interface Agency {
  readonly stt: number;
  readonly name: string;
  readonly type: AgencyType;
  readonly sheet: string;
  readonly emails: readonly string[];
  readonly note: string;
  /**
   * The body above it in its report's header, as Thiết lập's agency table gives it ("UBND tỉnh
   * Vĩnh Long", "Bộ Công an"); blank or absent: the default for its kind (report/issuers.ts).
   */
  readonly parentBody?: string;
  /** The abbreviation after "BC-" in its report's number ("STP"); blank or absent: its kind's default. */
  readonly symbol?: string;
  /**
   * The branch workbook ("sổ nhánh") that holds its form, as Thiết lập's column "Sổ nhánh" names it
   * ("Nhánh 1"); blank or absent: the main workbook.
   */
  readonly branch?: string;
}

export interface Settings {
  readonly parentBody: string;
  readonly issuingBody: string;
  readonly place: string;
  /** Which period, which year, and the days whose data it reports. */
  readonly period: Period;
  readonly deadline: IsoDate;
  readonly reportDate: IsoDate | null;
  readonly guidance: string;
  /**
   * The province's own CCHC plan ("Kế hoạch số 75/KH-UBND ngày 30/12/2020 của UBND tỉnh …") that
   * agencies' reports cite as their basis (seed 003); empty: a highlighted placeholder there.
   */
  readonly provincePlan: string;
  readonly docNumber: string;
  readonly authority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
  readonly disabled: readonly string[];
  readonly includeErrors: boolean;
  readonly onTimeTarget: number | null;
  readonly onlineTarget: number | null;
  readonly templateDoc: string | null;
  /**
   * Who agencies call for help ("Liên hệ hỗ trợ": name, phone, email), shown on every agency tab's
   * header line and in the help sidebar; empty: not shown.
   */
  readonly supportContact: string;
  readonly agencies: readonly Agency[];
  /** Owner indicator code -> the agency that supplies it (null: nobody designated). */
  readonly owners: Readonly<Record<string, string | null>>;
  /** The province's own indicators ("Chỉ tiêu bổ sung"), added to the period's catalog. */
  readonly extraIndicators: readonly Indicator[];
  /** The most agencies one branch workbook may hold (each agency has one to three clerks). */
  readonly branchCapacity: number;
  /**
   * Blank in the main workbook; in a branch's own copy of Thiết lập, the branch's name: a run on
   * that workbook alone then concerns only the agencies whose "Sổ nhánh" is this name.
   */
  readonly thisBranch: string;
  /** Where each branch is, as the row "Đường dẫn các sổ nhánh" gives it (main workbook only). */
  readonly branchLinks: readonly BranchLink[];
}

/** A branch workbook's name (column "Sổ nhánh") and its spreadsheet's address (a URL or an id). */
export interface BranchLink {
  readonly name: string;
  readonly url: string;
}

// The five concerns the settings hold, each a view of the same settings: a step takes the ones it
// reads, so its signature says what it depends on (a catalog is catalogFor(settings), never a part).

/** When: the period reported and the agencies' deadline. */
export type Schedule = Pick<Settings, 'period' | 'deadline'>;
/** Who reports: the agencies, and who supplies which procedure counts. */
export type Roster = Pick<Settings, 'agencies' | 'owners'>;
/** Who writes to whom and who signs: the report's heading, basis and signature. */
export type ReportHeader = Pick<
  Settings,
  | 'parentBody'
  | 'issuingBody'
  | 'place'
  | 'reportDate'
  | 'docNumber'
  | 'authority'
  | 'signerTitle'
  | 'signerName'
  | 'recipients'
  | 'provincePlan'
  | 'templateDoc'
>;
/** The province's targets the report measures against. */
export type Targets = Pick<Settings, 'onTimeTarget' | 'onlineTarget'>;
/**
 * Google lets about 100 people work on one Sheets file at the same time (Docs Editors Help, "Share
 * files from Google Drive", support.google.com/docs/answer/2494822); with one to three clerks an
 * agency, 60 agencies a branch stays under it in the deadline week.
 */
export const DEFAULT_BRANCH_CAPACITY = 60;
export const MAX_BRANCH_CAPACITY = 200;

/** The branch holding an agency's form; '' for the main workbook. */
export function branchOf(agency: Pick<Agency, 'branch'>): string {
  return squish(agency.branch ?? '');
}

/** Whether two branch names are the same branch (case, accents and spaces aside). */
export function sameBranch(a: string, b: string): boolean {
  return fold(squish(a)) === fold(squish(b));
}

/**
 * What keeps a workbook's own Thiết lập from belonging to the same report as the main one's: another
 * period, the same period over other dates, or another issuing body (another province). A branch of
 * last period pasted by mistake is the case to catch: its figures must not be consolidated, nor its
 * tabs rewritten with this period. Null: the same report.
 */
export function reportMismatch(
  own: Pick<Settings, 'period' | 'issuingBody'>,
  main: Pick<Settings, 'period' | 'issuingBody'>,
): 'period' | 'dates' | 'body' | null {
  if (own.period.id !== main.period.id || own.period.year !== main.period.year) return 'period';
  if (own.period.from !== main.period.from || own.period.to !== main.period.to) return 'dates';
  if (fold(squish(own.issuingBody)) !== fold(squish(main.issuingBody))) return 'body';
  return null;
}

/** The branches the agency table names, in the order they first appear, each with its agencies. */
export function branchesOf(settings: Pick<Settings, 'agencies'>): { name: string; agencies: Agency[] }[] {
  const out: { name: string; agencies: Agency[] }[] = [];
  for (const a of settings.agencies) {
    const name = branchOf(a);
    if (!name) continue;
    const hit = out.find((b) => sameBranch(b.name, name));
    if (hit) hit.agencies.push(a);
    else out.push({ name, agencies: [a] });
  }
  return out;
}

/** Each branch that holds more agencies than the settings allow, in Vietnamese; empty when none. */
export function branchCapacityProblems(settings: Pick<Settings, 'agencies' | 'branchCapacity'>): string[] {
  return branchesOf(settings)
    .filter((b) => b.agencies.length > settings.branchCapacity)
    .map(
      (b) =>
        `Sổ nhánh "${b.name}" có ${b.agencies.length} đơn vị, nhiều hơn số tối đa ${settings.branchCapacity} (dòng "Số đơn vị tối đa mỗi sổ nhánh"): Google chỉ cho khoảng 100 người cùng làm việc trên một bảng tính, hãy chuyển bớt đơn vị sang sổ nhánh khác ở cột "Sổ nhánh".`,
    );
}

/** A spreadsheet's address in a line: a URL, or an id as Google writes it (letters, digits, - and _). */
const ADDRESS = /(https?:\/\/\S+|\b[\w-]{25,}\b)/;

/**
 * The row "Đường dẫn các sổ nhánh": one branch a line, its name then its address ("Nhánh 1:
 * https://docs.google.com/spreadsheets/d/…"). Lines with no address come back as bad.
 */
export function parseBranchLinks(text: string): { links: BranchLink[]; bad: string[] } {
  const links: BranchLink[] = [];
  const bad: string[] = [];
  for (const line of text
    .split(/[\n;]+/)
    .map(squish)
    .filter(Boolean)) {
    const m = ADDRESS.exec(line);
    const name = m ? squish(line.slice(0, m.index).replace(/[:=–-]\s*$/, '')) : '';
    if (!m || !name) bad.push(line);
    else links.push({ name, url: m[1]! });
  }
  return { links, bad };
}

/** The address Thiết lập gives for a branch; null if none. */
export function branchLink(settings: Pick<Settings, 'branchLinks'>, branch: string): string | null {
  return settings.branchLinks.find((l) => sameBranch(l.name, branch))?.url ?? null;
}

/**
 * Where the forms go when a province asks for branches and its list names none: the provincial
 * agencies stay in the main workbook with the settings and outputs, and the communes are shared out
 * in list order over as few branches as keep each within the capacity ("Nhánh 1", "Nhánh 2", …).
 * A list that names a branch for any agency is kept as it is.
 */
export function assignBranches(settings: Settings): Settings {
  if (settings.agencies.some((a) => branchOf(a))) return settings;
  const communes = settings.agencies.filter((a) => a.type === 'xa' || a.type === 'huyen');
  const count = Math.ceil(communes.length / settings.branchCapacity);
  if (!count) return settings;
  const per = Math.ceil(communes.length / count);
  const branch = new Map(communes.map((a, i) => [a, `Nhánh ${Math.floor(i / per) + 1}`]));
  return { ...settings, agencies: settings.agencies.map((a) => (branch.has(a) ? { ...a, branch: branch.get(a) } : a)) };
}

/** A file name for a branch: "Nhánh 1" -> "nhanh-1". */
export function branchFileStem(name: string): string {
  return (
    foldAscii(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'nhanh'
  );
}

/**
 * The settings a run on one workbook concerns: all agencies for the main workbook, only its own for
 * a branch's copy of Thiết lập (its other rows, owners included, stay the province's).
 */
export function ownAgencies(settings: Settings): Settings {
  if (!settings.thisBranch) return settings;
  return { ...settings, agencies: settings.agencies.filter((a) => sameBranch(branchOf(a), settings.thisBranch)) };
}

/** What the form asks and what the summary counts: rows switched off, the province's own rows, tabs with errors. */
export type FormRules = Pick<
  Settings,
  'disabled' | 'extraIndicators' | 'includeErrors' | 'guidance' | 'supportContact'
>;

/** What an agency's form and its checks depend on: when, who, and the rows asked. */
export type FormSettings = Schedule & Roster & FormRules;

export interface SettingsProblem {
  readonly cell: string | null;
  readonly message: string;
}

/** Problems block every action; warnings (e.g. a deadline before the cut-off) never do. */
export type SettingsResult =
  { ok: true; settings: Settings; warnings: SettingsProblem[] } | { ok: false; problems: SettingsProblem[] };

/** The rows of the settings sheet's field table: the period's parts are rows of their own there. */
export type FieldKey =
  | Exclude<keyof Settings, 'agencies' | 'owners' | 'extraIndicators' | 'period' | 'branchLinks'>
  | 'branchLinks'
  | 'period'
  | 'year'
  | 'cutoffFrom'
  | 'cutoffTo';

export interface ExampleAgency {
  readonly name: string;
  readonly type: AgencyType;
}

export function agencyTypeFromLabel(label: string): AgencyType | null {
  const t = foldAscii(label);
  if (!t) return null;
  const hit = AGENCY_TYPES.find((k) => foldAscii(AGENCY_TYPE_LABELS[k]) === t || k === t);
  if (hit) return hit;
  if (t.startsWith('ubnd cap huyen') || t === 'huyen' || t === 'cap huyen') return 'huyen';
  // "xã", "phường", "đặc khu", "UBND xã", "UBND phường", "cấp xã": the commune level, by any of its names.
  if (/^(ubnd )?(cap xa|xa|phuong|thi tran|dac khu)( phuong)?$/.test(t) || t.startsWith('ubnd cap xa')) return 'xa';
  if (/^nganh[ _-]?doc$/.test(t)) return 'nganh_doc';
  if (t.startsWith('so') || t.startsWith('ban')) return 'so';
  return null;
}

/**
 * The hồ sơ block (3.4 and its rows): the only figures a vertical agency (ngành dọc) reports to the
 * province (shared/spec/DOMAIN.md, "Which figures make a province figure").
 */
export function isCaseRow(code: string): boolean {
  return code === '3.4' || code.startsWith('3.4.');
}

/**
 * The tier of the province's apparatus an agency of this type belongs to ("khác" is asked what a sở
 * is); null for a vertical agency, which is asked the hồ sơ block alone.
 */
export function tierOfType(type: AgencyType): Tier | null {
  switch (type) {
    case 'so':
    case 'khac':
      return 'so';
    case 'huyen':
      return 'huyen';
    case 'xa':
      return 'xa';
    case 'nganh_doc':
      return null;
  }
}

/** Which catalog rows an agency of this type is asked, before owner rules. */
export function appliesToType(row: Pick<Indicator, 'appliesTo' | 'code'>, type: AgencyType): boolean {
  const tier = tierOfType(type);
  // A vertical agency reports its hồ sơ, on the rows a provincial agency is asked.
  if (tier === null) return isCaseRow(row.code) && asks(row, 'so');
  return asks(row, tier);
}

// ---------------------------------------------------------------------------------------------
// Tab names
// ---------------------------------------------------------------------------------------------

export const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;
export const MAX_SHEET_NAME = 31;

/** A tab name Excel can open, from an agency's name: "UBND xã Long Hòa". */
export function defaultSheetName(agencyName: string): string {
  let s = squish(agencyName)
    .replace(/Ủy ban nhân dân|Uỷ ban nhân dân/gi, 'UBND')
    .replace(/Hội đồng nhân dân/gi, 'HĐND')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '');
  s = squish(s);
  return s.length <= MAX_SHEET_NAME ? s : s.slice(0, MAX_SHEET_NAME).trim();
}

export function isReservedSheet(name: string): boolean {
  return RESERVED_SHEETS.some((x) => fold(x) === fold(name));
}

export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(fold));
  if (!used.has(fold(name))) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(fold(candidate))) return candidate;
  }
}

/** The agency whose tab is `sheet`, if any. */
export function agencyOfSheet(settings: Settings, sheet: string): Agency | null {
  return settings.agencies.find((a) => a.sheet === sheet) ?? null;
}
