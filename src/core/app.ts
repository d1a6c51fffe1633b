/**
 * The use cases behind the menu and the CLI, written once against WorkbookPort. Each returns
 * what happened; the adapters decide how to show it (an alert, a toast, the console).
 */
import { Catalog } from './catalog/catalog';
import { Summary, consolidate } from './consolidate';
import { formRows } from './form';
import { SheetSnapshot } from './grid';
import { markPlan, detailSheetPlan, submissionSheetPlan, summarySheetPlan, validationSheetPlan } from './outputs';
import { AgencyReport, parseAgencyTab } from './parse';
import {
  Agency,
  ExampleAgency,
  SETTINGS_SHEET,
  Settings,
  SettingsResult,
  exampleSettings,
  readSettings,
  settingsPlan,
} from './settings';
import { currentPeriod } from './periods';
import { STATUS_SENT, agencyTabPlan, indicatorRows, valueAndNoteRanges } from './template';
import { relabel } from './relabel';
import { fold } from './text';
import { AgencyResult, validateAgency } from './validate';
import { ProtectionOutcome, WorkbookPort } from './workbook';
import { IsoDate } from './dates';

export { currentPeriod };

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export type LoadedSettings = SettingsResult | { ok: false; missing: true; problems: [] };

/** The settings; the catalog they use is catalogFor(settings) (the period's version and the province's rows). */
export function loadSettings(wb: WorkbookPort): LoadedSettings {
  const snap = wb.read(SETTINGS_SHEET);
  if (!snap) return { ok: false, missing: true, problems: [] };
  return readSettings(snap.values);
}

/** Creates the settings sheet with the example when absent; otherwise just reads it. */
export function setupSettings(
  wb: WorkbookPort,
  example: readonly ExampleAgency[],
): { created: boolean; result: LoadedSettings } {
  if (wb.read(SETTINGS_SHEET)) return { created: false, result: loadSettings(wb) };
  const { period, year } = currentPeriod(wb.today());
  wb.create(settingsPlan(exampleSettings(period, year, example)));
  return { created: true, result: loadSettings(wb) };
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

const CREATED_KEY = 'cchc.createdTabs';
/** Per tab, a fingerprint of what the last run made it from; unchanged tabs are skipped. */
const FINGERPRINT_KEY = 'cchc.tabFingerprints';

export interface TemplateOutcome {
  readonly created: string[];
  readonly unchanged: string[];
  readonly upgraded: { sheet: string; added: string[] }[];
  /** Tabs made with another catalog version, relabelled and restamped (values kept). */
  readonly relabeled: string[];
  /** Tabs this add-on created that are gone (deleted or renamed by hand): not recreated over data. */
  readonly vanished: { agency: string; sheet: string; renamedTo: string | null }[];
  /** Tabs of agencies no longer in the settings: kept as they are. */
  readonly orphaned: string[];
  /** Sheets with the configured name that are not agency forms: left untouched. */
  readonly conflicts: string[];
  readonly protection: { sheet: string; note: string }[];
  /** Agencies not processed because the time budget ran out; running again continues. */
  readonly remaining: string[];
}

export interface RunOptions {
  /** Milliseconds since epoch, injected for tests and for Apps Script's 6-minute limit. */
  readonly now?: () => number;
  readonly budgetMs?: number;
  readonly progress?: (done: number, total: number, current: string) => void;
}

/** A list of sheet names kept in the workbook's state; a damaged value reads as empty. */
function stateList(wb: WorkbookPort, key: string): string[] {
  try {
    const v: unknown = JSON.parse(wb.getState(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A short hash (FNV-1a, base 36): fingerprints must fit the workbook's small state. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** What a tab's rows and protection are made from: when equal, running again changes nothing. */
function tabFingerprint(catalog: Catalog, settings: Settings, agency: Agency, key: string): string {
  const rows = formRows(catalog, settings, agency).map((r) => `${r.ind.code}:${r.mode.kind}`);
  return shortHash(JSON.stringify([1, agency.sheet, [...agency.emails].sort(), rows, key]));
}

function stateMap(wb: WorkbookPort, key: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(wb.getState(key) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Creates the tabs that are missing first, then brings the others up to date, skipping those
 * whose fingerprint is unchanged; stops before the budget runs out, so each run progresses.
 */
export function generateTemplates(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  opts: RunOptions = {},
): TemplateOutcome {
  const now = opts.now ?? (() => Date.now());
  const start = now();
  const out: TemplateOutcome = {
    created: [],
    unchanged: [],
    upgraded: [],
    relabeled: [],
    vanished: [],
    orphaned: [],
    conflicts: [],
    protection: [],
    remaining: [],
  };
  const created = new Set(stateList(wb, CREATED_KEY));
  const fingerprints = stateMap(wb, FINGERPRINT_KEY);
  const key = wb.protectionKey?.() ?? '';
  const existing = new Set(wb.sheetNames());
  const configured = new Set(settings.agencies.map((a) => a.sheet));
  const total = settings.agencies.length;
  let done = 0;
  const outOfTime = () => opts.budgetMs !== undefined && now() - start > opts.budgetMs;
  const missing = settings.agencies.filter((a) => !existing.has(a.sheet));
  const present = settings.agencies.filter((a) => existing.has(a.sheet));
  const skipped: Agency[] = [];

  for (const agency of missing) {
    if (created.has(agency.sheet)) {
      out.vanished.push({
        agency: agency.name,
        sheet: agency.sheet,
        renamedTo: findRenamed(wb, catalog, existing, configured, agency),
      });
      continue;
    }
    if (outOfTime()) {
      skipped.push(agency);
      continue;
    }
    opts.progress?.(done++, total, agency.name);
    const { plan } = agencyTabPlan(catalog, settings, agency);
    const outcome = wb.create(plan);
    noteProtection(out, agency, outcome);
    created.add(agency.sheet);
    out.created.push(agency.sheet);
    if (outcome.applied) fingerprints[shortHash(agency.sheet)] = tabFingerprint(catalog, settings, agency, key);
  }
  for (const agency of present) {
    const fp = tabFingerprint(catalog, settings, agency, key);
    if (created.has(agency.sheet) && fingerprints[shortHash(agency.sheet)] === fp) {
      out.unchanged.push(agency.sheet);
      if (!agency.emails.length) noteProtection(out, agency, { applied: true });
      continue;
    }
    if (outOfTime()) {
      skipped.push(agency);
      continue;
    }
    opts.progress?.(done++, total, agency.name);
    const snap = wb.read(agency.sheet)!;
    const report = parseAgencyTab(catalog, snap);
    if (report.tableHeaderRow === null) {
      out.conflicts.push(agency.sheet);
      continue;
    }
    if (report.version && report.version.version !== catalog.version) {
      relabel(wb, catalog, settings, snap, report);
      out.relabeled.push(agency.sheet);
    }
    const added = addMissingRows(wb, catalog, settings, agency, report);
    if (added.length) out.upgraded.push({ sheet: agency.sheet, added });
    else out.unchanged.push(agency.sheet);
    const fresh = added.length ? parseAgencyTab(catalog, wb.read(agency.sheet)!) : report;
    const outcome = wb.protect(agency.sheet, {
      kind: 'agency',
      editors: agency.emails,
      editable: editableRanges(catalog, settings, agency, fresh),
    });
    noteProtection(out, agency, outcome);
    created.add(agency.sheet);
    if (outcome.applied) fingerprints[shortHash(agency.sheet)] = fp;
    else delete fingerprints[shortHash(agency.sheet)];
  }
  // In the order of the settings, as before.
  const order = new Map(settings.agencies.map((a, i) => [a.sheet, i]));
  out.remaining.push(...skipped.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!).map((a) => a.name));
  for (const name of created) if (!configured.has(name) && existing.has(name)) out.orphaned.push(name);
  wb.setState(CREATED_KEY, JSON.stringify([...created]));
  wb.setState(FINGERPRINT_KEY, JSON.stringify(fingerprints));
  return out;
}

function noteProtection(out: TemplateOutcome, agency: Agency, outcome: ProtectionOutcome): void {
  if (!outcome.applied) out.protection.push({ sheet: agency.sheet, note: outcome.reason });
  else if (outcome.note) out.protection.push({ sheet: agency.sheet, note: outcome.note });
  else if (!agency.emails.length) {
    out.protection.push({
      sheet: agency.sheet,
      note: 'chưa có email người nhập liệu: hiện chỉ đơn vị tổng hợp sửa được trang này',
    });
  }
}

/** A sheet not in the settings whose header names this agency: the tab, renamed by hand. */
function findRenamed(
  wb: WorkbookPort,
  catalog: Catalog,
  existing: Set<string>,
  configured: Set<string>,
  agency: Agency,
): string | null {
  for (const name of existing) {
    if (configured.has(name) || name === SETTINGS_SHEET) continue;
    const snap = wb.read(name, { protection: false });
    const header = snap ? parseAgencyTab(catalog, snap).header.agency : undefined;
    if (header && fold(header.text) === fold(agency.name)) return name;
  }
  return null;
}

/** Inserts rows the catalog asks for that the tab lacks (after a catalog or settings change). */
function addMissingRows(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  report: AgencyReport,
): string[] {
  const form = formRows(catalog, settings, agency);
  const present = new Map<string, number>();
  for (const [row, code] of report.codeRows) present.set(code, row);
  const blocks: { after: number; rows: typeof form }[] = [];
  let anchor = report.tableHeaderRow!;
  for (const fr of form) {
    const at = present.get(fr.ind.code);
    if (at !== undefined) {
      anchor = at;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.after === anchor) last.rows.push(fr);
    else blocks.push({ after: anchor, rows: [fr] });
  }
  for (const b of [...blocks].sort((x, y) => y.after - x.after)) {
    wb.insertRows(agency.sheet, b.after, indicatorRows(catalog, b.rows, b.after + 1));
  }
  return blocks.flatMap((b) => b.rows.map((r) => r.ind.code));
}

/** The cells an agency may edit, found in the tab as it is now (rows may have moved). */
function editableRanges(catalog: Catalog, settings: Settings, agency: Agency, report: AgencyReport): string[] {
  const modes = new Map(formRows(catalog, settings, agency).map((r) => [r.ind.code, r.mode.kind]));
  const ranges = valueAndNoteRanges(
    [...report.codeRows].filter(([, code]) => modes.get(code) === 'input').map(([r]) => r),
  );
  const header = [report.status.cell, report.sentOn.cell, report.header.preparer?.cell, report.header.phone?.cell];
  return [...header, ...ranges, ...Object.values(report.freeTextCells)].filter((c): c is string => !!c);
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export interface ReadTab {
  readonly agency: Agency;
  readonly snap: SheetSnapshot | null;
}

/** One batched read per agency tab, shared by validation and consolidation. */
export function readTabs(
  wb: WorkbookPort,
  settings: Settings,
  opts: RunOptions & { protection?: boolean } = {},
): ReadTab[] {
  return settings.agencies.map((agency, i) => {
    opts.progress?.(i, settings.agencies.length, agency.name);
    return { agency, snap: wb.read(agency.sheet, { protection: opts.protection }) };
  });
}

export function validateTabs(
  catalog: Catalog,
  settings: Settings,
  tabs: readonly ReadTab[],
  today: IsoDate,
): AgencyResult[] {
  return tabs.map(({ agency, snap }) => {
    const report = snap ? parseAgencyTab(catalog, snap) : null;
    return validateAgency(catalog, settings, agency, report, { today, isProtected: snap?.isProtected ?? null });
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
  settings: Settings,
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

export function validateAll(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  opts: RunOptions & { mark?: boolean } = {},
): AgencyResult[] {
  const results = validateTabs(catalog, settings, readTabs(wb, settings, opts), wb.today());
  if (opts.mark !== false) markTabs(wb, catalog, settings, results);
  wb.replace(validationSheetPlan(settings, results, wb.stamp()));
  return results;
}

export function agencyOfSheet(settings: Settings, sheet: string): Agency | null {
  return settings.agencies.find((a) => a.sheet === sheet) ?? null;
}

export function validateOne(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  agency: Agency,
  mark = true,
): AgencyResult {
  const [result] = validateTabs(catalog, settings, [{ agency, snap: wb.read(agency.sheet) }], wb.today());
  if (!result) throw new Error(`validateTabs returned nothing for ${agency.sheet}`);
  if (mark) markTabs(wb, catalog, settings, [result]);
  return result;
}

export type SubmitOutcome =
  | { readonly ok: true; readonly date: IsoDate; readonly result: AgencyResult }
  | { readonly ok: false; readonly result: AgencyResult };

/** The submit gate: only a tab without errors can be marked as sent. */
export function markSubmitted(wb: WorkbookPort, catalog: Catalog, settings: Settings, agency: Agency): SubmitOutcome {
  const result = validateOne(wb, catalog, settings, agency);
  const report = result.report;
  if (result.errors || !report?.status.cell || !report.sentOn.cell) return { ok: false, result };
  const today = wb.today();
  const statusRow = Number(report.status.cell.slice(1));
  const dateRow = Number(report.sentOn.cell.slice(1));
  if (dateRow === statusRow + 1) {
    wb.writeCells(agency.sheet, `C${statusRow}:C${dateRow}`, [[STATUS_SENT], [{ date: today }]]);
  } else {
    wb.writeCells(agency.sheet, report.status.cell, [[STATUS_SENT]]);
    wb.writeCells(agency.sheet, report.sentOn.cell, [[{ date: today }]]);
  }
  return { ok: true, date: today, result };
}

// ---------------------------------------------------------------------------------------------
// Consolidation
// ---------------------------------------------------------------------------------------------

export function consolidateWorkbook(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Settings,
  opts: RunOptions = {},
): Summary {
  const tabs = readTabs(wb, settings, opts);
  const results = validateTabs(catalog, settings, tabs, wb.today());
  const summary = consolidate(catalog, settings, results);
  const stamp = wb.stamp();
  // Every plan is built before any sheet is touched, so a failure leaves the old outputs intact.
  const plans = [
    summarySheetPlan(summary, stamp),
    detailSheetPlan(summary),
    submissionSheetPlan(summary),
    validationSheetPlan(settings, results, stamp),
  ];
  for (const p of plans) wb.replace(p);
  return summary;
}
