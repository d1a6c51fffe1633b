/** Fixtures for the core tests: settings, and agency tabs built from the real template. */
import { catalogFor } from '../src/core/catalog/versions';
import { parts } from '../src/core/primitives/dates';
import { RawCell, SheetSnapshot, parseA1 } from '../src/core/sheet/grid';
import { SheetPlan } from '../src/core/sheet/plan';
import { parseAgencyTab } from '../src/core/form/parse';
import { AgencyType, ExampleAgency, Settings, exampleSettings } from '../src/core/settings';
import { agencyTabPlan } from '../src/core/form/template';

/** The catalog of the fixtures' period (quý III/2026: the two-level version). */
export const catalog = catalogFor(exampleSettings('Q3', 2026, []));

export function settingsFor(agencies: ExampleAgency[], overrides: Partial<Settings> = {}): Settings {
  const s = exampleSettings('Q3', 2026, agencies);
  return { ...s, ...overrides };
}

export const SO = (name: string): ExampleAgency => ({ name, type: 'so' as AgencyType });
export const XA = (name: string): ExampleAgency => ({ name, type: 'xa' as AgencyType });

/** What a sheet holding this plan returns to getValues (formulas read blank) and getNumberFormats. */
export function snapshotOf(plan: SheetPlan): SheetSnapshot {
  const values: RawCell[][] = plan.rows.map((row) =>
    row.map((c) => {
      const v = c.v;
      if (v === null) return '';
      if (typeof v !== 'object') return v;
      if ('date' in v) {
        const { y, m, d } = parts(v.date);
        return new Date(y, m - 1, d);
      }
      if ('link' in v) return v.link.text;
      return '';
    }),
  );
  const formats = plan.rows.map((row) => row.map((c) => c.s?.numberFormat ?? ''));
  return { name: plan.name, values, formats, isProtected: true };
}

export interface TabInput {
  values?: Record<string, RawCell>;
  status?: string;
  sentOn?: RawCell;
  freeText?: Partial<Record<'highlights' | 'difficulties' | 'proposals', string>>;
}

/** An agency tab as the template makes it, with values typed into Số liệu by code. */
export function tabFor(settings: Settings, agencyName: string, input: TabInput = {}) {
  const agency = settings.agencies.find((a) => a.name === agencyName)!;
  const cat = catalogFor(settings);
  const { plan, layout } = agencyTabPlan(cat, settings, agency);
  const snap = snapshotOf(plan);
  const put = (a1: string, v: RawCell) => {
    const { row, col } = parseA1(a1);
    snap.values[row - 1][col - 1] = v;
  };
  for (const [code, v] of Object.entries(input.values ?? {})) {
    const row = layout.codeRows.get(code);
    if (!row) throw new Error(`test: ${code} not on ${agencyName}'s tab`);
    put(`D${row}`, v);
  }
  if (input.status !== undefined) put(layout.headerCells.status, input.status);
  if (input.sentOn !== undefined) put(layout.headerCells.sentOn, input.sentOn);
  for (const [k, v] of Object.entries(input.freeText ?? {})) put(layout.freeTextCells[k as 'highlights'], v);
  return { agency, snap, layout, report: () => parseAgencyTab(cat, snap) };
}

/**
 * A consistent hồ sơ block (3.4.a-3.4.c): received = carried over + new, resolved = on time + late,
 * the rest pending and not yet due. The online count (3.4.a.3) is left blank unless given.
 */
export function hoSoBlock(
  received: number,
  resolved: number,
  onTime: number,
  opts: { readonly carried?: number; readonly online?: number } = {},
): Record<string, number> {
  const carried = opts.carried ?? 0;
  return {
    '3.4.a': received,
    '3.4.a.1': carried,
    '3.4.a.2': received - carried,
    ...(opts.online === undefined ? {} : { '3.4.a.3': opts.online }),
    '3.4.b': resolved,
    '3.4.b.1': onTime,
    '3.4.b.2': resolved - onTime,
    '3.4.c': received - resolved,
    '3.4.c.1': received - resolved,
    '3.4.c.2': 0,
  };
}

/** A complete, consistent set of figures for a provincial agency. */
export const CLEAN_SO: Record<string, RawCell> = {
  '1.1.1': 10,
  '1.1.2': 9,
  '1.1.3': 2,
  '1.2': 1,
  '3.4.a': 120,
  '3.4.a.1': 20,
  '3.4.a.2': 100,
  '3.4.a.3': 60,
  '3.4.b': 110,
  '3.4.b.1': 100,
  '3.4.b.2': 10,
  '3.4.c': 10,
  '3.4.c.1': 10,
  '3.4.c.2': 0,
  '4.2.1': 28,
  '4.2.2': 27,
};
