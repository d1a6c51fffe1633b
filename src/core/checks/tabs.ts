/** The steps every check of the agencies' tabs shares: one read per tab, validation, the marks. */
import { Catalog } from '../catalog/catalog';
import { markPlan } from '../figures/output-sheets';
import { parseAgencyTab } from '../form/parse';
import { tabRules } from '../form/template';
import { IsoDate } from '../primitives/dates';
import { Agency, FormRules, FormSettings, Roster } from '../settings';
import { SheetSnapshot } from '../sheet/grid';
import { ReadableWorkbook, RunOptions, WorkbookPort, stateList } from '../workbook';
import { AgencyResult, validateAgency } from './validate';
import { TabProblem } from './rules';

export interface ReadTab {
  readonly agency: Agency;
  readonly snap: SheetSnapshot | null;
  /** Why the tab is absent when a set of workbooks knows (in two of them, in a branch not opened). */
  readonly problem?: TabProblem | null;
}

/** One batched read per agency tab, shared by validation and consolidation. */
export function readTabs(
  wb: ReadableWorkbook,
  settings: Roster,
  opts: RunOptions & { protection?: boolean } = {},
): ReadTab[] {
  return settings.agencies.map((agency, i) => {
    opts.progress?.(i, settings.agencies.length, agency.name);
    const snap = wb.read(agency.sheet, { protection: opts.protection });
    return { agency, snap, problem: snap ? null : (wb.tabProblem?.(agency.sheet) ?? null) };
  });
}

export function validateTabs(
  catalog: Catalog,
  settings: FormSettings,
  tabs: readonly ReadTab[],
  today: IsoDate,
): AgencyResult[] {
  return tabs.map((tab) => validateTab(catalog, settings, tab, today));
}

/** Validates one tab already read; a tab always gives one result. */
export function validateTab(catalog: Catalog, settings: FormSettings, tab: ReadTab, today: IsoDate): AgencyResult {
  const report = tab.snap ? parseAgencyTab(catalog, tab.snap) : null;
  return validateAgency(catalog, settings, tab.agency, report, {
    today,
    isProtected: tab.snap?.isProtected ?? null,
    absent: tab.problem,
  });
}

const MARKED_KEY = 'cchc.markedTabs';

/**
 * Repaints the marks of tabs that have findings now or had them last run (remembered in the
 * workbook's state), so clean tabs cost no write. Values are never touched.
 */
export function markTabs(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Roster & FormRules,
  results: readonly AgencyResult[],
): void {
  const before = stateList(wb, MARKED_KEY);
  const marked = new Set(results.filter((r) => r.findings.some((f) => f.cell)).map((r) => r.agency.sheet));
  for (const r of results) {
    if (!marked.has(r.agency.sheet) && !before.includes(r.agency.sheet)) continue;
    const groups = markPlan(catalog, settings, r.agency, r);
    if (groups.length) wb.paint(r.agency.sheet, groups);
  }
  const checked = new Set(results.map((r) => r.agency.sheet));
  const still = before.filter((s) => !checked.has(s)); // tabs not checked this time keep their marks
  wb.setState(MARKED_KEY, JSON.stringify([...still, ...marked]));
}

/**
 * Puts back every agency tab's data validation and live checks at the rows it has now, one
 * write of each per tab (protections untouched). A normal paste from another sheet brings that
 * sheet's rules along and drops the tab's own, so pasted wrong figures would stop turning red
 * and the status cell could lose its dropdown; the consolidator's runs mend it.
 */
export function restoreRules(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Roster & FormRules,
  results: readonly AgencyResult[],
): void {
  for (const r of results) {
    const rules = r.report ? tabRules(catalog, settings, r.agency, r.report) : null;
    if (!rules) continue;
    wb.setValidations(r.agency.sheet, rules.range, rules.validations);
    wb.setChecks(r.agency.sheet, rules.checks);
  }
}
