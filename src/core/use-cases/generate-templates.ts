/**
 * "Tạo biểu mẫu cho các đơn vị": one protected tab per agency, created, brought up to date or
 * left alone, resumable across runs (missing tabs first, unchanged tabs skipped by fingerprint).
 */
import { Catalog } from '../catalog/catalog';
import type { LiveCheck } from '../checks/live-checks';
import { formRows } from '../form/row-modes';
import { AgencyReport, parseAgencyTab } from '../form/parse';
import { relabel } from '../form/relabel';
import { Agency, FormRules, FormSettings, Roster, SETTINGS_SHEET, Schedule } from '../settings';
import { SheetSnapshot, a1, cellText, parseA1 } from '../sheet/grid';
import {
  AGENCY_HINT_START,
  COL,
  COUNTER_RANGE,
  agencyHint,
  agencyTabPlan,
  counterCells,
  formStamp,
  indicatorRows,
  periodHeaderText,
  tabRules,
  valueAndNoteRanges,
} from '../form/template';
import { formatNumber } from '../primitives/numbers';
import { fold } from '../primitives/text';
import { ProtectionOutcome, RunOptions, WorkbookPort, stateList, stateMap } from '../workbook';
import { RunContext } from '../settings/run-context';

/** Tabs this add-on made, by hash (by name before): the names of 230 tabs would not fit 9 KB. */
const CREATED_KEY = 'cchc.createdTabs';
/** Per tab, a fingerprint of what the last run made it from; unchanged tabs are skipped. */
const FINGERPRINT_KEY = 'cchc.tabFingerprints';
/**
 * Per tab, under "h." + its hash in the same map, what its header (period, deadline, stamp) was
 * last written from: apart from the fingerprint, so a new deadline rewrites headers without
 * redoing every tab's protection.
 */
const headerSlot = (sheet: string) => `h.${shortHash(sheet)}`;
/**
 * Tabs already dealt with (made, checked or protected again) by a pass that ran out of time, by
 * hash: the next run goes on from there instead of checking every protection again. Emptied when
 * a pass ends.
 */
const PASS_KEY = 'cchc.templatePass';
/**
 * Progress is saved at least this often, so a run Apps Script ends anyway (a slower day than the
 * budget allows for) loses at most this much work.
 */
export const SAVE_EVERY_MS = 30 * 1000;

export interface TemplateOutcome {
  readonly created: string[];
  readonly unchanged: string[];
  readonly upgraded: { sheet: string; added: string[] }[];
  /** Tabs made with another catalog version, relabelled and restamped (values kept). */
  readonly relabeled: string[];
  /** Tabs whose period, deadline or stamp was rewritten to follow the settings (values kept). */
  readonly retimed: string[];
  /** Tabs this add-on created that are gone (deleted or renamed by hand): not recreated over data. */
  readonly vanished: { agency: string; sheet: string; renamedTo: string | null }[];
  /** Tabs of agencies no longer in the settings: kept as they are. */
  readonly orphaned: string[];
  /** Sheets with the configured name that are not agency forms: left untouched. */
  readonly conflicts: string[];
  readonly protection: { sheet: string; note: string }[];
  /** Tabs unchanged since they were made whose protection had been removed or reset: protected again. */
  readonly reprotected: string[];
  /** Agencies not processed because the time budget ran out; running again continues. */
  readonly remaining: string[];
  /** Why nothing was made: the agency list is more than one spreadsheet holds (see `capacityProblem`). */
  readonly refused: string | null;
}

/**
 * Google: a spreadsheet holds at most 10,000,000 cells, blank ones included (Workspace Updates blog,
 * March 2022; support.google.com/drive/answer/37603). Agency tabs are trimmed to their plan
 * (src/gas/sheets.ts), so each uses exactly its rows × columns.
 */
export const SPREADSHEET_CELLS = 10_000_000;
/**
 * Kept for the other sheets: Thiết lập (left at Sheets' 1000 × 26 so agencies can be added below
 * the list) and the results, summary and submission sheets.
 */
const OTHER_SHEETS_CELLS = 100_000;

/**
 * Null when one spreadsheet holds a tab for every agency of the settings; else, in Vietnamese, the
 * limit, one tab's size and how many agencies fit. Built from one tab's plan (every tab has the same
 * rows), so a list of any length is judged at once, before anything is written. Beside its tab, an
 * agency takes one column of the detail sheet (a cell per form row) and a line of Thiết lập (26 cells).
 * `reader`: a tighter cap of the caller's own (the CLI reads back only books within its file limits).
 */
export function capacityProblem(
  catalog: Catalog,
  settings: FormSettings,
  reader?: { readonly maxTabs: number; readonly why: string },
): string | null {
  const first = settings.agencies[0];
  if (!first) return null;
  const { plan } = agencyTabPlan(catalog, settings, first);
  const rows = plan.rows.length;
  const cols = plan.columnWidths.length;
  const googleFit = Math.floor((SPREADSHEET_CELLS - OTHER_SHEETS_CELLS) / (rows * cols + rows + 26));
  const fit = Math.min(googleFit, reader?.maxTabs ?? googleFit);
  const count = settings.agencies.length;
  if (count <= fit) return null;
  const n = (x: number) => formatNumber(x, 0);
  const limit =
    fit < googleFit && reader
      ? reader.why
      : `mỗi bảng tính Google có tối đa ${n(SPREADSHEET_CELLS)} ô, mỗi trang biểu mẫu dùng ${n(rows * cols)} ô ` +
        `(${n(rows)} dòng × ${n(cols)} cột)`;
  return (
    `Danh sách có ${n(count)} đơn vị, nhiều hơn một sổ chứa được: ${limit}, nên một sổ chứa được tối đa ` +
    `${n(fit)} đơn vị. Chưa tạo trang nào. Hãy chia danh sách thành nhiều sổ, mỗi sổ không quá ${n(fit)} đơn vị.`
  );
}

/** A short hash (FNV-1a, base 36): fingerprints must fit the workbook's small state. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** What a tab's rows and protection are made from: when equal, running again changes nothing. */
function tabFingerprint(catalog: Catalog, settings: Roster & FormRules, agency: Agency, key: string): string {
  const rows = formRows(catalog, settings, agency).map((r) => `${r.ind.code}:${r.mode.kind}`);
  // 2: tabs carry the live checks and the "Số ô cần sửa" counter; a tab made before gets them.
  return shortHash(JSON.stringify([2, agency.sheet, [...agency.emails].sort(), rows, key]));
}

/** What a tab's header cells are made from: the stamp (version, data range), period, deadline and support contact. */
function headerKey(catalog: Catalog, settings: Schedule & Pick<FormRules, 'supportContact'>): string {
  const made = [formStamp(catalog, settings), periodHeaderText(settings), settings.deadline];
  // Only when set, so tabs made before the contact existed keep their key.
  if (settings.supportContact) made.push(settings.supportContact);
  return shortHash(JSON.stringify(made));
}

/**
 * Rewrites the header cells that no longer say what the settings say: "Kỳ báo cáo", "Hạn gửi báo
 * cáo", the stamp under the title and the hint line with the support contact (only a line that
 * reads as the hint). Only cells that differ are written; returns whether any was.
 */
function refreshHeader(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Schedule & Pick<FormRules, 'supportContact'>,
  snap: SheetSnapshot,
  report: AgencyReport,
): boolean {
  let wrote = false;
  const period = report.header.period;
  const periodText = periodHeaderText(settings);
  if (period && fold(period.text) !== fold(periodText)) {
    wb.writeCells(snap.name, period.cell, [[periodText]]);
    wrote = true;
  }
  if (report.deadline.cell && report.deadline.date !== settings.deadline) {
    wb.writeCells(snap.name, report.deadline.cell, [[{ date: settings.deadline }]]);
    wrote = true;
  }
  const stamp = report.version;
  if (stamp && stamp.version === catalog.version) {
    const { row, col } = parseA1(stamp.cell);
    const expected = formStamp(catalog, settings);
    if (cellText(snap.values[row - 1]?.[col - 1]) !== expected) {
      wb.writeCells(snap.name, stamp.cell, [[expected]]);
      wrote = true;
    }
  }
  const phone = report.header.phone;
  if (phone) {
    const row = parseA1(phone.cell).row + 1;
    const hint = cellText(snap.values[row - 1]?.[COL.name - 1]);
    const expected = agencyHint(settings);
    if (hint.startsWith(AGENCY_HINT_START) && hint !== expected) {
      wb.writeCells(snap.name, a1(row, COL.name), [[expected]]);
      wrote = true;
    }
  }
  return wrote;
}

/**
 * Creates the tabs that are missing first, then brings the others up to date, skipping those
 * whose fingerprint is unchanged; stops before the budget runs out, so each run progresses.
 */
export function generateTemplates(wb: WorkbookPort, ctx: RunContext, opts: RunOptions = {}): TemplateOutcome {
  const { catalog, settings } = ctx;
  const now = opts.now ?? (() => Date.now());
  const start = now();
  const out: TemplateOutcome = {
    created: [],
    unchanged: [],
    upgraded: [],
    relabeled: [],
    retimed: [],
    vanished: [],
    orphaned: [],
    conflicts: [],
    protection: [],
    reprotected: [],
    remaining: [],
    refused: capacityProblem(catalog, settings),
  };
  if (out.refused) return out;
  const existing = new Set(wb.sheetNames());
  const configured = new Set(settings.agencies.map((a) => a.sheet));
  // Only what a later run can use is kept: names of tabs that are configured or still there, and
  // the fingerprints of configured tabs (renamed and removed agencies would fill the 9 KB value).
  /** The state as stored, so that only what changed is written again. */
  const saved = new Map<string, string>();
  const state = {
    getState: (k: string) => {
      const v = wb.getState(k);
      saved.set(k, v ?? (k === PASS_KEY ? '[]' : ''));
      return v;
    },
  };
  const known = new Map<string, string>();
  for (const n of [...configured, ...existing]) known.set(n, n).set(shortHash(n), n);
  const created = new Set(stateList(state, CREATED_KEY).flatMap((e) => (known.has(e) ? [known.get(e)!] : [])));
  const stored = stateMap(state, FINGERPRINT_KEY);
  const fingerprints: Record<string, string> = {};
  for (const a of settings.agencies)
    for (const slot of [shortHash(a.sheet), headerSlot(a.sheet)]) {
      const v = stored[slot];
      if (typeof v === 'string') fingerprints[slot] = v;
    }
  const pass = new Set(stateList(state, PASS_KEY));
  const header = headerKey(catalog, settings);
  const key = wb.protectionKey?.() ?? '';
  const total = settings.agencies.length;
  let done = 0;
  const outOfTime = () => opts.budgetMs !== undefined && now() - start > opts.budgetMs;
  let lastSave = start;
  /** Writes the state that changed since it was last written. */
  const save = (finished: boolean) => {
    const state: [string, string][] = [
      [CREATED_KEY, JSON.stringify([...created].map(shortHash))],
      [FINGERPRINT_KEY, JSON.stringify(fingerprints)],
      [PASS_KEY, JSON.stringify(finished ? [] : [...pass])],
    ];
    for (const [k, v] of state) {
      if (saved.get(k) === v) continue;
      wb.setState(k, v);
      saved.set(k, v);
    }
    lastSave = now();
  };
  /** After each tab: the tab counts as done for this pass, and progress is saved now and then. */
  const dealtWith = (sheet: string) => {
    pass.add(shortHash(sheet));
    if (now() - lastSave >= SAVE_EVERY_MS) save(false);
  };
  const missing = settings.agencies.filter((a) => !existing.has(a.sheet));
  const present = settings.agencies.filter((a) => existing.has(a.sheet));
  const skipped: Agency[] = [];
  // Tabs that were made once and are gone now are not made again (vanished, below).
  const plans = new Map(
    missing.filter((a) => !created.has(a.sheet)).map((a) => [a.sheet, agencyTabPlan(catalog, settings, a).plan]),
  );
  wb.expectTabs?.([...plans.values()]);
  try {
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
      const outcome = wb.create(plans.get(agency.sheet)!);
      noteProtection(out, agency, outcome);
      created.add(agency.sheet);
      out.created.push(agency.sheet);
      fingerprints[headerSlot(agency.sheet)] = header;
      if (outcome.applied) fingerprints[shortHash(agency.sheet)] = tabFingerprint(catalog, settings, agency, key);
      dealtWith(agency.sheet);
    }
  } finally {
    wb.expectTabs?.([]); // whatever stopped the loop, no scratch tab outlives it
  }
  for (const agency of present) {
    const fp = tabFingerprint(catalog, settings, agency, key);
    const same = created.has(agency.sheet) && fingerprints[shortHash(agency.sheet)] === fp;
    // Checked already by this pass, in a run that then ran out of time.
    const checked = same && pass.has(shortHash(agency.sheet));
    // The check takes 8 calls a tab, about 1 s each on a slow day: it is under the budget too.
    if (same && !checked && outOfTime()) {
      skipped.push(agency);
      continue;
    }
    // A tab made as planned may still have lost its protection since (removed, or reset to
    // mirror the sharing): then it goes through the full path below and is protected again.
    const holds = same && (checked || (wb.protectionHolds?.(agency.sheet, agency.emails) ?? true));
    if (same && !holds) out.reprotected.push(agency.sheet);
    if (same && holds) {
      // Left as made, but a paste may have replaced its validation and live checks: one read, and
      // they are put back at the rows the tab has (once a pass), the header only where it is stale.
      const stale = fingerprints[headerSlot(agency.sheet)] !== header;
      if (stale || !checked) {
        // Not checked yet: the budget was looked at just before its protection was.
        if (checked && outOfTime()) {
          skipped.push(agency);
          continue;
        }
        opts.progress?.(done++, total, agency.name);
        const snap = wb.read(agency.sheet, { protection: false, valuesOnly: true })!;
        const report = parseAgencyTab(catalog, snap);
        if (report.tableHeaderRow === null) {
          out.conflicts.push(agency.sheet);
          continue;
        }
        if (stale) {
          if (refreshHeader(wb, catalog, settings, snap, report)) out.retimed.push(agency.sheet);
          fingerprints[headerSlot(agency.sheet)] = header;
        }
        if (!checked) putRulesBack(wb, catalog, settings, agency, report);
      }
      out.unchanged.push(agency.sheet);
      if (!agency.emails.length) noteProtection(out, agency, { applied: true });
      dealtWith(agency.sheet);
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
    if (refreshHeader(wb, catalog, settings, snap, report)) out.retimed.push(agency.sheet);
    fingerprints[headerSlot(agency.sheet)] = header;
    const added = addMissingRows(wb, catalog, settings, agency, report);
    if (added.length) out.upgraded.push({ sheet: agency.sheet, added });
    else out.unchanged.push(agency.sheet);
    const fresh = added.length ? parseAgencyTab(catalog, wb.read(agency.sheet)!) : report;
    // Validation, live checks and their counter, at the rows the tab has now (older tabs had no checks).
    const checks = putRulesBack(wb, catalog, settings, agency, fresh);
    wb.writeCells(agency.sheet, COUNTER_RANGE, [counterCells(checks).map((c) => c.v)]);
    const outcome = wb.protect(agency.sheet, {
      kind: 'agency',
      editors: agency.emails,
      editable: editableRanges(catalog, settings, agency, fresh),
    });
    noteProtection(out, agency, outcome);
    created.add(agency.sheet);
    if (outcome.applied) fingerprints[shortHash(agency.sheet)] = fp;
    else delete fingerprints[shortHash(agency.sheet)];
    dealtWith(agency.sheet);
  }
  // In the order of the settings, as before.
  const order = new Map(settings.agencies.map((a, i) => [a.sheet, i]));
  out.remaining.push(...skipped.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!).map((a) => a.name));
  for (const name of created) if (!configured.has(name) && existing.has(name)) out.orphaned.push(name);
  save(!skipped.length);
  return out;
}

/** A tab's validation and live checks, written again at the rows it has (one write of each). */
function putRulesBack(
  wb: WorkbookPort,
  catalog: Catalog,
  settings: Roster & FormRules,
  agency: Agency,
  report: AgencyReport,
): LiveCheck[] {
  const rules = tabRules(catalog, settings, agency, report);
  if (!rules) return [];
  wb.setValidations(agency.sheet, rules.range, rules.validations);
  wb.setChecks(agency.sheet, rules.checks);
  return rules.checks;
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
  settings: FormSettings,
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
function editableRanges(
  catalog: Catalog,
  settings: Roster & FormRules,
  agency: Agency,
  report: AgencyReport,
): string[] {
  const modes = new Map(formRows(catalog, settings, agency).map((r) => [r.ind.code, r.mode.kind]));
  const ranges = valueAndNoteRanges(
    [...report.codeRows].filter(([, code]) => modes.get(code) === 'input').map(([r]) => r),
  );
  const header = [report.status.cell, report.sentOn.cell, report.header.preparer?.cell, report.header.phone?.cell];
  return [...header, ...ranges, ...Object.values(report.freeTextCells)].filter((c): c is string => !!c);
}
