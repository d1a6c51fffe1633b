/**
 * One file per agency: the agency's tab exactly as the province workbook's template makes it
 * (layout, validations, locked cells, notes), with the identity block under it, and a file name
 * a person can read and Windows can store.
 */
import { Catalog } from '../catalog/catalog';
import { SheetPlan } from '../sheet/plan';
import { FormIdentity, identityOf, identityRows } from '../form/identity';
import { periodLabel } from '../periods';
import { Agency, FormSettings, ReportHeader, Schedule } from '../settings';
import { TAB_WIDTHS, agencyTabPlan } from '../form/template';

export interface AgencyFile {
  readonly agency: Agency;
  readonly fileName: string;
  readonly plan: SheetPlan;
  readonly identity: FormIdentity;
}

/** "Ủy ban nhân dân xã Tân Hạnh" -> "Uy ban nhan dan xa Tan Hanh": readable on any file system. */
export function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, ' ');
}

/** Characters Windows refuses in file names, and trailing dots and spaces it silently drops. */
function windowsSafe(s: string): string {
  return s
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

const MAX_STEM = 120;

/** `digits`: numbers padded alike ("007" when there are 190 agencies) so files sort in order anywhere. */
export function agencyFileName(settings: Schedule, agency: Agency, digits = 2): string {
  const id = String(agency.stt).padStart(digits, '0');
  const short = agency.name.replace(/Ủy ban nhân dân|Uỷ ban nhân dân/gi, 'UBND');
  const name = windowsSafe(asciiName(short))
    .slice(0, MAX_STEM - 20)
    .trim();
  const period = windowsSafe(asciiName(`${periodLabel(settings.period.id)} ${settings.period.year}`));
  return `${windowsSafe(`${id} - ${name} - ${period}`)}.xlsx`;
}

export function agencyFilePlan(
  catalog: Catalog,
  settings: FormSettings & Pick<ReportHeader, 'issuingBody'>,
  agency: Agency,
  digits = 2,
): AgencyFile {
  const { plan } = agencyTabPlan(catalog, settings, agency);
  const identity = identityOf(catalog, settings, agency);
  return {
    agency,
    identity,
    fileName: agencyFileName(settings, agency, digits),
    plan: { ...plan, rows: [...plan.rows, ...identityRows(identity, TAB_WIDTHS.length)] },
  };
}

/**
 * What the add-on's download dialog gets from the script: the settings sheet and every agency's
 * tab as collect-wire text (it carries dates, which google.script.run refuses), or why not.
 */
export type DownloadAnswer = { ok: true; grids: string } | { ok: false; problem: string };
