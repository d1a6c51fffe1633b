/**
 * Which catalog a period uses, and the province's own indicators on top of it. The 2021 form
 * (BNV-6459-2021) serves periods whose data ends before 01/08/2022; the same form worded for
 * Nghị định 42/2022 ("toàn trình / một phần") serves periods to 30/06/2025; the two-level form
 * serves later ones. The version is stamped on every agency form and checked when the form is read.
 */
import { IsoDate } from '../primitives/dates';
import { districtLevelExists, onlineLevelsRenamed } from '../periods';
import { CATALOG_VERSION, INDICATORS_CSV } from './bnv-6459-2021';
import { Catalog, Indicator, indicatorFromRecord } from './catalog';
import { csvRecords } from './csv';
import { ONLINE_2022_VERSION, online2022Records } from './online-2022';
import { TWO_LEVEL_VERSION, twoLevelRecords } from './two-level-2025';

/** How each version is named to a user. */
export const CATALOG_VERSION_LABELS: Readonly<Record<string, string>> = {
  [CATALOG_VERSION]: 'theo Công văn 6459/BNV-CCHC, trước khi bỏ cấp huyện',
  [ONLINE_2022_VERSION]:
    'theo Công văn 6459/BNV-CCHC, dịch vụ công trực tuyến toàn trình, một phần (Nghị định 42/2022/NĐ-CP), trước khi bỏ cấp huyện',
  [TWO_LEVEL_VERSION]: 'chính quyền địa phương 2 cấp, từ 01/07/2025',
};

const built = new Map<string, Catalog>();

function build(version: string, records: Record<string, string>[]): Catalog {
  let c = built.get(version);
  if (!c) {
    c = new Catalog(version, records.map(indicatorFromRecord));
    built.set(version, c);
  }
  return c;
}

/** The 2021 catalog (parsed once per execution). */
export function catalog2021(): Catalog {
  return build(CATALOG_VERSION, csvRecords(INDICATORS_CSV));
}

/** The 2021 catalog worded for Nghị định 42/2022, for periods ending from 01/08/2022 to 30/06/2025. */
export function online2022Catalog(): Catalog {
  return build(ONLINE_2022_VERSION, online2022Records(csvRecords(INDICATORS_CSV)));
}

/** The two-level catalog, for periods from 01/07/2025. */
export function twoLevelCatalog(): Catalog {
  return build(TWO_LEVEL_VERSION, twoLevelRecords(online2022Records(csvRecords(INDICATORS_CSV))));
}

/** The standard catalog of a period, by the day its data ends. */
export function catalogForPeriod(cutoffTo: IsoDate): Catalog {
  if (!districtLevelExists(cutoffTo)) return twoLevelCatalog();
  return onlineLevelsRenamed(cutoffTo) ? online2022Catalog() : catalog2021();
}

export interface CatalogSettings {
  readonly period: { readonly to: IsoDate };
  /** The province's own indicators (Thiết lập, "Chỉ tiêu bổ sung"), already checked. */
  readonly extraIndicators: readonly Indicator[];
}

const withExtras = new WeakMap<CatalogSettings, Catalog>();

/** The catalog these settings use: the period's version plus the province's indicators. */
export function catalogFor(settings: CatalogSettings): Catalog {
  let c = withExtras.get(settings);
  if (!c) {
    const base = catalogForPeriod(settings.period.to);
    c = settings.extraIndicators.length ? base.withRows(settings.extraIndicators) : base;
    withExtras.set(settings, c);
  }
  return c;
}

export function versionLabel(version: string): string {
  const label = CATALOG_VERSION_LABELS[version];
  return label ? `${version} (${label})` : version;
}

/** The name of a 2021 row the two-level form dropped (a district's), when `code` is one. */
export function retiredIndicator(code: string): string | null {
  const row = catalog2021().get(code);
  return row && !twoLevelCatalog().get(code) ? row.name : null;
}
