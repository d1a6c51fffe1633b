/**
 * A province as a set of workbooks: one main workbook (Thiết lập, the outputs, the state) and named
 * branch workbooks ("sổ nhánh") that hold some agencies' forms, because Google lets only about 100
 * people work on one file at the same time (shared/spec GOOGLE.md). The set is itself a
 * WorkbookPort, so the use cases run on it unchanged:
 * - an agency's tab is read, marked, protected and written where it is, whichever workbook that is;
 * - every other sheet (Thiết lập, Tổng hợp, Chi tiết, Kết quả kiểm tra, Kỳ trước) and the state are
 *   the main workbook's;
 * - a tab found in two workbooks is read as absent (never counted twice) and its finding names both
 *   places; a tab in a branch that could not be opened is absent and its finding names the branch.
 * Where each tab is, is learnt with one sheetNames() per workbook, the first time it is needed.
 */
import { TabProblem } from './checks/rules';
import type { LiveCheck } from './checks/live-checks';
import type { PaintGroup } from './figures/output-sheets';
import { IsoDate } from './primitives/dates';
import { Agency, Roster, branchOf, sameBranch } from './settings/model';
import { SheetSnapshot } from './sheet/grid';
import { CellInput, PlanCell, Protection, SheetPlan, Validation } from './sheet/plan';
import { ProtectionOutcome, ReadableWorkbook, WorkbookPort } from './workbook';

/** A workbook of the set: the main one (name '') or a branch, opened. */
export interface OpenBook {
  /** The branch's name as the column "Sổ nhánh" gives it ("Nhánh 1"); '' for the main workbook. */
  readonly name: string;
  /** How a person finds it, for messages: a file name, a spreadsheet's title; default: by its name. */
  readonly where?: string;
  /** Read-only books (a file checked by `validate`) refuse writes. */
  readonly book: ReadableWorkbook | WorkbookPort;
}

/** A branch that could not be opened: named in the results, and the rest goes on. */
export interface UnopenedBranch {
  readonly name: string;
  readonly where?: string;
  /** Why, in Vietnamese ("không có quyền mở bảng tính này"). */
  readonly problem: string;
}

export type BranchEntry = OpenBook | UnopenedBranch;

const isOpen = (b: BranchEntry): b is OpenBook => 'book' in b;

/** "sổ chính", "sổ nhánh "Nhánh 1" (nhanh-1.xlsx)". */
export function placeName(b: { name: string; where?: string }): string {
  const what = b.name ? `sổ nhánh "${b.name}"` : 'sổ chính';
  return b.where && b.where !== b.name ? `${what} (${b.where})` : what;
}

function writable(b: ReadableWorkbook | WorkbookPort): b is WorkbookPort {
  return typeof (b as Partial<WorkbookPort>).writeCells === 'function';
}

export class WorkbookSet implements WorkbookPort {
  private readonly main: OpenBook;
  private readonly opened: OpenBook[];
  private readonly unopened: UnopenedBranch[];
  /** Agencies by folded tab name. */
  private readonly agencies = new Map<string, Agency>();
  /** Folded tab name -> the workbooks that have it; built on first use. */
  private located: Map<string, OpenBook[]> | null = null;

  constructor(main: ReadableWorkbook | WorkbookPort, branches: readonly BranchEntry[], roster: Roster, where?: string) {
    this.main = { name: '', where, book: main };
    this.opened = [this.main, ...branches.filter(isOpen)];
    this.unopened = branches.filter((b): b is UnopenedBranch => !isOpen(b));
    for (const a of roster.agencies) this.agencies.set(key(a.sheet), a);
  }

  /** The branches that could not be opened, each with its reason, in Vietnamese. */
  problems(): string[] {
    return this.unopened.map(
      (b) => `Không mở được ${placeName(b)}: ${b.problem}. Các đơn vị có biểu mẫu ở sổ này được coi là chưa có trang.`,
    );
  }

  private where(): Map<string, OpenBook[]> {
    if (this.located) return this.located;
    const located = new Map<string, OpenBook[]>();
    for (const b of this.opened)
      for (const name of b.book.sheetNames()) {
        const k = key(name);
        // A branch's own Thiết lập copy (and any other sheet of its own) is not the province's.
        if (b !== this.main && !this.agencies.has(k)) continue;
        const list = located.get(k) ?? [];
        if (!list.includes(b)) list.push(b);
        located.set(k, list);
      }
    this.located = located;
    return located;
  }

  /** The one workbook an agency tab is in, or the main one for every other sheet; null if none or two. */
  private holder(name: string): OpenBook | null {
    const k = key(name);
    if (!this.agencies.has(k)) return this.main;
    const places = this.where().get(k) ?? [];
    return places.length === 1 ? places[0]! : null;
  }

  /** Where a write to an agency tab goes: where it is, else (new, or in two places) where Thiết lập puts it. */
  private target(name: string): WorkbookPort {
    const k = key(name);
    const agency = this.agencies.get(k);
    let b = this.holder(name);
    if (!b && agency) {
      const branch = branchOf(agency);
      const places = this.where().get(k) ?? [];
      b =
        places.find((p) => sameBranch(p.name, branch)) ??
        this.opened.find((p) => sameBranch(p.name, branch)) ??
        places[0] ??
        null;
    }
    if (!b)
      throw new Error(
        `The branch workbook holding "${name}" is not open: ${this.unopened.map((u) => u.name).join(', ')}`,
      );
    if (!writable(b.book)) throw new Error(`The workbook holding "${name}" was opened read-only.`);
    return b.book;
  }

  /**
   * Where an agency tab's validation and live checks are put back; null for a branch opened
   * read-only (the command line reads a branch file and never writes it back, so there is nothing
   * to mend: every run that does write the branch's tabs puts them back there).
   */
  private restorable(name: string): WorkbookPort | null {
    const b = this.holder(name);
    return b && !writable(b.book) ? null : this.target(name);
  }

  private mainBook(): WorkbookPort {
    if (!writable(this.main.book)) throw new Error('The main workbook was opened read-only.');
    return this.main.book;
  }

  /** Why an agency's tab reads as absent when it is in two workbooks or in a branch not opened; null otherwise. */
  tabProblem(name: string): TabProblem | null {
    const k = key(name);
    const agency = this.agencies.get(k);
    if (!agency) return null;
    const places = this.where().get(k) ?? [];
    if (places.length > 1)
      return {
        rule: 'sheet-duplicate',
        message: `Trang "${agency.sheet}" của ${agency.name} có ở cả ${places.map(placeName).join(' và ')}: số liệu của đơn vị chưa được tính, để không tính hai lần. Hãy xóa trang thừa, chỉ giữ trang ở ${placeName({ name: branchOf(agency) })} (cột "Sổ nhánh" trên trang Thiết lập).`,
      };
    if (places.length) return null;
    const branch = branchOf(agency);
    const lost = this.unopened.find((u) => sameBranch(u.name, branch));
    if (branch && lost)
      return {
        rule: 'branch-unopened',
        message: `Trang "${agency.sheet}" của ${agency.name} ở ${placeName(lost)}, sổ này không mở được (${lost.problem}): chưa đọc được số liệu của đơn vị.`,
      };
    if (branch && !this.opened.some((b) => sameBranch(b.name, branch)))
      return {
        rule: 'branch-unopened',
        message: `Trang "${agency.sheet}" của ${agency.name} ở sổ nhánh "${branch}" (cột "Sổ nhánh" trên trang Thiết lập), nhưng sổ nhánh này không có trong lần chạy: chưa đọc được số liệu của đơn vị.`,
      };
    return null;
  }

  sheetNames(): string[] {
    const names = this.main.book.sheetNames();
    const seen = new Set(names.map(key));
    for (const b of this.opened) {
      if (b === this.main) continue;
      for (const n of b.book.sheetNames())
        if (this.agencies.has(key(n)) && !seen.has(key(n))) {
          seen.add(key(n));
          names.push(n);
        }
    }
    return names;
  }

  read(name: string, opts?: Parameters<ReadableWorkbook['read']>[1]): SheetSnapshot | null {
    const b = this.holder(name);
    return b ? b.book.read(name, opts) : null;
  }

  today(): IsoDate {
    return this.main.book.today();
  }

  create(plan: SheetPlan): ProtectionOutcome {
    const outcome = this.creator(plan.name).create(plan);
    if (this.agencies.has(key(plan.name))) this.located = null;
    return outcome;
  }

  /** Each workbook is told of the tabs it will create; an empty list goes to every one. */
  expectTabs(plans: readonly SheetPlan[]): void {
    const books = new Map<WorkbookPort, SheetPlan[]>();
    for (const b of this.opened) if (writable(b.book)) books.set(b.book, []);
    for (const p of plans) {
      let book: WorkbookPort;
      try {
        book = this.creator(p.name);
      } catch {
        continue; // create() says why, for that tab alone
      }
      books.get(book)?.push(p);
    }
    for (const [book, own] of books) if (own.length || !plans.length) book.expectTabs?.(own);
  }

  /** The workbook a new sheet of this name goes to. */
  private creator(name: string): WorkbookPort {
    const k = key(name);
    const agency = this.agencies.get(k);
    if (!agency) return this.mainBook();
    if (this.where().get(k)?.length) return this.target(name); // the book refuses the taken name
    // A new tab goes where Thiết lập puts it.
    const branch = branchOf(agency);
    const b = this.opened.find((o) => sameBranch(o.name, branch));
    if (!b || !writable(b.book))
      throw new Error(`The workbook for branch "${branch}" of "${name}" is not open for writing.`);
    return b.book;
  }

  replace(plan: SheetPlan): void {
    this.target(plan.name).replace(plan);
  }

  insertRows(name: string, afterRow: number, rows: readonly (readonly PlanCell[])[]): void {
    this.target(name).insertRows(name, afterRow, rows);
  }

  protect(name: string, protection: Protection): ProtectionOutcome {
    return this.target(name).protect(name, protection);
  }

  paint(name: string, groups: readonly PaintGroup[]): void {
    this.target(name).paint(name, groups);
  }

  setChecks(name: string, checks: readonly LiveCheck[]): void {
    this.restorable(name)?.setChecks(name, checks);
  }

  setValidations(name: string, range: string, validations: readonly (readonly (Validation | null)[])[]): void {
    this.restorable(name)?.setValidations(name, range, validations);
  }

  writeCells(name: string, range: string, cells: CellInput[][]): void {
    this.target(name).writeCells(name, range, cells);
  }

  getState(key: string): string | null {
    return this.mainBook().getState(key);
  }

  setState(key: string, value: string): void {
    this.mainBook().setState(key, value);
  }

  stamp(): string {
    return this.mainBook().stamp();
  }

  protectionKey(): string {
    return this.mainBook().protectionKey?.() ?? '';
  }

  protectionHolds(name: string, agencyEditors: readonly string[]): boolean {
    const b = this.holder(name);
    if (!b || !writable(b.book) || !b.book.protectionHolds) return true;
    return b.book.protectionHolds(name, agencyEditors);
  }
}

/** Sheet names are unique regardless of case in Sheets and Excel. */
function key(name: string): string {
  return name.toLowerCase();
}
