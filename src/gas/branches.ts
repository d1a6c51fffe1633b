/**
 * A province spread over several spreadsheets: the main one (Thiết lập, the outputs) and the
 * branch spreadsheets ("sổ nhánh") Thiết lập names, opened for one run and given to the use cases
 * as one WorkbookSet (src/core/workbook-set.ts).
 *
 * Why openById and not IMPORTRANGE: SpreadsheetApp.openById needs the full `spreadsheets` scope
 * ("Authorization: Scripts that use this method require authorization with …/auth/spreadsheets",
 * developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String));
 * `spreadsheets.currentonly` covers only the bound file. IMPORTRANGE needs no scope but brings
 * values only (support.google.com/docs/answer/3093340): it cannot create, protect or mark a tab in
 * a branch, so it could do neither "Tạo biểu mẫu" nor the marks of "Kiểm tra tất cả đơn vị".
 * Least privilege by granular consent (developers.google.com/apps-script/concepts/scopes): only a
 * run whose Thiết lập names a branch asks for the scope, so a province in one file may leave it
 * unticked. Agencies never need it: their onEdit gate runs in their own spreadsheet.
 *
 * A branch is a copy of the main spreadsheet the owner makes by hand (Tệp → Tạo bản sao), before
 * the first "Tạo biểu mẫu": the copy carries the bound script, so the onEdit gate works there, and
 * the owner chooses its folder and its sharing. The script does not create it with
 * Spreadsheet.copy: that copies every tab of the main one (to be deleted again), and a script
 * should not make files in someone's Drive unasked. The guide: docs/huong-dan-tong-hop.md, "Sổ nhánh".
 */
import {
  Settings,
  branchCapacityProblems,
  branchLink,
  branchesOf,
  fieldLabel,
  ownBranchName,
  readSettings,
  reportMismatch,
  sameBranch,
  settingsPlan,
} from '../core/settings';
import { SETTINGS_SHEET } from '../core/settings';
import { RawCell } from '../core/sheet/grid';
import { inText } from '../core/periods';
import { formatDmy } from '../core/primitives/dates';
import { WorkbookSet, BranchEntry, OpenBook, placeName } from '../core/workbook-set';
import { classify } from './errors';
import { docIdFrom } from './docs';
import { GasWorkbook } from './sheets';

export const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** The province for one run: the workbook the use cases get, and what to tell the consolidator. */
export interface Province {
  /** The main workbook alone when Thiết lập names no branch (no scope asked), else the set. */
  readonly wb: GasWorkbook | WorkbookSet;
  /** Every GasWorkbook of the run, main first, for the protections they could not apply. */
  readonly books: readonly GasWorkbook[];
  /** The branches opened, by name, for "Tạo biểu mẫu" (their own Thiết lập copy). */
  readonly branches: readonly { name: string; wb: GasWorkbook }[];
  /** Each branch that could not be opened, in Vietnamese. */
  readonly problems: readonly string[];
  readonly set: WorkbookSet | null;
}

/**
 * A branch's state is the main workbook's (WorkbookSet keeps it there); its GasWorkbook gets a
 * store of its own for the run so that its Protector never overwrites the main one's record of
 * the consolidators.
 */
function runStore(): GoogleAppsScript.Properties.Properties {
  const m = new Map<string, string>();
  const store = {
    getProperty: (k: string) => m.get(k) ?? null,
    setProperty: (k: string, v: string) => (m.set(k, v), store),
  };
  return store as unknown as GoogleAppsScript.Properties.Properties;
}

/**
 * What the consolidator must know about the branches after a run: those not opened, and each
 * agency tab found in two spreadsheets (refused, counted nowhere).
 */
export function branchLines(p: Province, settings: Settings): string[] {
  const set = p.set;
  if (!set) return [];
  const twice = settings.agencies.flatMap((a) => {
    const problem = set.tabProblem(a.sheet);
    return problem?.rule === 'sheet-duplicate' ? [problem.message] : [];
  });
  return [...p.problems, ...twice];
}

/** Why a branch did not open, in Vietnamese, from what Apps Script threw. */
function whyUnopened(e: unknown): string {
  const err = classify(e);
  if (err.code === 'permission')
    return 'tài khoản của bạn không có quyền sửa bảng tính này (nhờ chủ sở hữu chia sẻ với bạn quyền Người chỉnh sửa)';
  return 'không tìm thấy bảng tính theo đường dẫn trên trang Thiết lập (bảng tính đã bị xóa, hoặc đường dẫn sai)';
}

/**
 * Why the Thiết lập found at a branch's link is not this report's, in Vietnamese; null when it is
 * (a branch written by this main, or a fresh copy of it).
 */
function otherReport(values: RawCell[][], settings: Settings, name: string): string | null {
  const read = readSettings(values);
  const at = `bảng tính ở đường dẫn ghi cho "${name}"`;
  const rewrite = `nếu đó đúng là sổ nhánh của báo cáo này (trang Thiết lập của sổ chính vừa được sửa), hãy xóa trang Thiết lập của sổ nhánh rồi chạy lại`;
  if (!read.ok)
    return `trang Thiết lập của ${at} không đọc được (${read.problems[0]?.message ?? 'sai mẫu'}), nên công cụ không ghi gì vào đó; ${rewrite}`;
  const own = read.settings;
  switch (reportMismatch(own, settings)) {
    case 'period':
      return `${at} là sổ của ${inText(own.period)}, khác kỳ của sổ chính (${inText(settings.period)}), có thể là sổ của kỳ trước; công cụ không đọc và không ghi gì vào đó. Hãy dán đường dẫn của sổ nhánh kỳ này (Tệp → Tạo bản sao từ sổ chính); ${rewrite}`;
    case 'dates':
      return `${at} lấy số liệu từ ${formatDmy(own.period.from)} đến ${formatDmy(own.period.to)}, khác sổ chính (từ ${formatDmy(settings.period.from)} đến ${formatDmy(settings.period.to)}); công cụ không đọc và không ghi gì vào đó; ${rewrite}`;
    case 'body':
      return `${at} là sổ của ${own.issuingBody}, không phải của ${settings.issuingBody}; công cụ không đọc và không ghi gì vào đó. Hãy dán đúng đường dẫn sổ nhánh của mình`;
    case null:
      return null;
  }
}

/**
 * Opens the branches Thiết lập names and wraps the province. A branch's own copy of Thiết lập
 * (thisBranch set) is a province of its own agencies: nothing else is opened from it.
 */
export function openProvince(main: GasWorkbook, settings: Settings): Province {
  const named = requireBranchScope(settings);
  if (!named.length) return { wb: main, books: [main], branches: [], problems: [], set: null };
  const mainId = SpreadsheetApp.getActiveSpreadsheet().getId();
  const entries: BranchEntry[] = [];
  const opened: { name: string; wb: GasWorkbook }[] = [];
  for (const { name } of named) {
    const link = branchLink(settings, name);
    const id = link ? docIdFrom(link) : null;
    if (!link || !id) {
      entries.push({
        name,
        problem: link
          ? `"${link}" không phải đường dẫn của một bảng tính Google`
          : 'chưa có đường dẫn của sổ này ở dòng "Đường dẫn các sổ nhánh" trên trang Thiết lập',
      });
      continue;
    }
    if (id === mainId) {
      entries.push({ name, problem: 'đường dẫn trên trang Thiết lập là của chính sổ chính' });
      continue;
    }
    let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
    try {
      ss = SpreadsheetApp.openById(id);
    } catch (e) {
      if (classify(e).code === 'authorization') throw e;
      entries.push({ name, problem: whyUnopened(e) });
      continue;
    }
    const wb = new GasWorkbook(ss, SpreadsheetApp, runStore(), Utilities);
    // A link pasted on the wrong line opens another branch: its own Thiết lập says which (a fresh
    // copy of the main one says nothing yet, and is named at "Tạo biểu mẫu").
    const own = wb.read(SETTINGS_SHEET, { valuesOnly: true })?.values;
    const claims = ownBranchName(own ?? []);
    if (claims && !sameBranch(claims, name)) {
      entries.push({
        name,
        problem: `đường dẫn ghi cho "${name}" trên dòng "${fieldLabel('branchLinks')}" là của sổ nhánh "${claims}" (dòng "${fieldLabel('thisBranch')}" trên trang Thiết lập của bảng tính đó); hãy dán đúng đường dẫn của mỗi sổ nhánh vào dòng của sổ đó`,
      });
      continue;
    }
    // A spreadsheet with a Thiết lập of its own must be of this report: last period's branch, or
    // another province's book, is neither read nor written.
    const foreign = own && otherReport(own, settings, name);
    if (foreign) {
      entries.push({ name, problem: foreign });
      continue;
    }
    opened.push({ name, wb });
    entries.push({ name, book: wb } satisfies OpenBook);
  }
  const set = new WorkbookSet(main, entries, settings);
  return { wb: set, books: [main, ...opened.map((o) => o.wb)], branches: opened, problems: set.problems(), set };
}

/**
 * The branches this run must open; when there are any, ends the run and asks for the
 * `spreadsheets` scope unless the user has granted it (granular consent). A dialog asks at its
 * menu item, not later from google.script.run.
 */
export function requireBranchScope(settings: Settings): ReturnType<typeof branchesOf> {
  const named = settings.thisBranch ? [] : branchesOf(settings);
  if (named.length) ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SPREADSHEETS_SCOPE]);
  return named;
}

/**
 * "Tạo biểu mẫu" on a spread province, before the agency tabs: refuses a branch over its capacity,
 * writes each opened branch's own Thiết lập (naming itself, without the other branches'
 * addresses) protected for the main one's consolidators, and leaves out of the run the agencies
 * whose tab cannot be reached (a branch not opened, a tab in two places). Returns the refusal,
 * or the settings to run with and the lines to add to the answer.
 */
export function prepareBranches(
  p: Province,
  settings: Settings,
): { refused: string[] } | { settings: Settings; lines: string[] } {
  if (!p.set) return { settings, lines: [] };
  const over = branchCapacityProblems(settings);
  if (over.length) return { refused: over };
  const consolidators = p.books[0]!.protector.consolidators();
  for (const b of p.branches) {
    const plan = settingsPlan({ ...settings, thisBranch: b.name, branchLinks: [] });
    if (b.wb.sheetNames().includes(SETTINGS_SHEET)) b.wb.replace(plan);
    else b.wb.create(plan);
    // The branch's consolidators are the province's: the agency tabs there are protected for them.
    if (consolidators.length) b.wb.protector.addConsolidators(consolidators);
  }
  const set = p.set;
  const skipped = settings.agencies.flatMap((a) => {
    const problem = set.tabProblem(a.sheet);
    return problem ? [{ a, problem }] : [];
  });
  const lines = [...p.problems];
  if (skipped.length)
    lines.push(
      `Chưa tạo hoặc cập nhật biểu mẫu của ${skipped.length} đơn vị:`,
      ...skipped.slice(0, 12).map((s) => `  • ${s.problem.message}`),
      ...(skipped.length > 12 ? [`  … và ${skipped.length - 12} đơn vị khác`] : []),
    );
  const left = new Set(skipped.map((s) => s.a));
  const branchLines = p.branches.map(
    (b) =>
      `${placeName({ name: b.name })}: ${settings.agencies.filter((a) => sameBranch(a.branch ?? '', b.name)).length} đơn vị.`,
  );
  return {
    settings: { ...settings, agencies: settings.agencies.filter((a) => !left.has(a)) },
    lines: [...lines, ...branchLines],
  };
}
