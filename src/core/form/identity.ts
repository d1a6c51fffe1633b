/**
 * The identity block of a per-agency file made by `split`: which agency, period, province and
 * form version the file is for, and a checksum over exactly those fields.
 *
 * What the checksum protects against: a header edited by hand (a typo in the agency id, another
 * period typed in), a block copied from one agency's file into another's and then "fixed" to the
 * other agency, and a file from an older split. What it does not protect against: anyone who
 * reads this (open) code and recomputes the checksum on purpose, and an agency filling the right
 * file with another agency's figures. It is a seal against slips, not a signature; a signature
 * would need a secret key the agencies' machines do not have.
 */
import { Catalog } from '../catalog/catalog';
import { formRows } from './row-modes';
import { COLORS, PlanCell } from '../sheet/plan';
import { RawCell, cellText } from '../sheet/grid';
import { PERIOD_IDS, PeriodId, periodInText } from '../periods';
import { Agency, FormRules, FormSettings, ReportHeader, Roster } from '../settings';
import { fold, squish } from '../primitives/text';

export const IDENTITY_TITLE = 'THÔNG TIN NHẬN DẠNG BIỂU MẪU (không sửa các ô dưới đây)';

export const IDENTITY_LABELS = {
  agencyId: 'Mã đơn vị:',
  agencyName: 'Tên đơn vị:',
  period: 'Kỳ báo cáo (mã):',
  province: 'Cơ quan tổng hợp:',
  form: 'Phiên bản biểu mẫu:',
  checksum: 'Mã kiểm tra:',
} as const;
type IdentityField = keyof typeof IDENTITY_LABELS;

export interface FormIdentity {
  /** The agency's STT in the settings sheet. */
  readonly agencyId: number;
  readonly agencyName: string;
  readonly period: PeriodId;
  readonly year: number;
  /** The consolidating body ("Cơ quan báo cáo" in the settings): names the province. */
  readonly province: string;
  /** Catalog version and a fingerprint of the rows this agency is asked, in this mode. */
  readonly form: string;
}

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. Enough to catch
 * edits and copies; not a cryptographic hash, and it does not need to be (see the header).
 */
function hash53(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).toUpperCase().padStart(14, '0');
}

/** The rows and modes this agency is asked: changes when the catalog, switched-off rows or owners change. */
export function formVersion(catalog: Catalog, settings: Roster & FormRules, agency: Agency): string {
  const shape = formRows(catalog, settings, agency)
    .map((r) => `${r.ind.code}:${r.mode.kind}`)
    .join(',');
  return `${catalog.version}/${hash53(shape).slice(-8)}`;
}

export function identityOf(
  catalog: Catalog,
  settings: FormSettings & Pick<ReportHeader, 'issuingBody'>,
  agency: Agency,
): FormIdentity {
  return {
    agencyId: agency.stt,
    agencyName: squish(agency.name),
    period: settings.period.id,
    year: settings.period.year,
    province: squish(settings.issuingBody),
    form: formVersion(catalog, settings, agency),
  };
}

function canonical(id: FormIdentity): string {
  return ['cchc-identity-v1', id.agencyId, fold(id.agencyName), id.period, id.year, fold(id.province), id.form].join(
    '\u001f',
  );
}

export function checksum(id: FormIdentity): string {
  const h = hash53(canonical(id));
  return `${h.slice(0, 4)}-${h.slice(4, 9)}-${h.slice(9)}`;
}

export function periodCode(id: Pick<FormIdentity, 'period' | 'year'>): string {
  return `${id.period}/${id.year}`;
}

/** The block appended to the agency's tab in its own file: a title and label/value rows (B and C). */
export function identityRows(id: FormIdentity, width: number): PlanCell[][] {
  const line = (cells: PlanCell[]): PlanCell[] => [
    ...cells,
    ...Array.from({ length: width - cells.length }, () => ({ v: null })),
  ];
  const locked = { background: COLORS.locked, color: COLORS.lockedText, numberFormat: '@' };
  const values: Record<IdentityField, string> = {
    agencyId: String(id.agencyId).padStart(2, '0'),
    agencyName: id.agencyName,
    period: periodCode(id),
    province: id.province,
    form: id.form,
    checksum: checksum(id),
  };
  return [
    line([]),
    line([{ v: null }, { v: IDENTITY_TITLE, s: { bold: true, background: COLORS.header } }]),
    ...(Object.keys(IDENTITY_LABELS) as IdentityField[]).map((k) =>
      line([{ v: null }, { v: IDENTITY_LABELS[k], s: { bold: true } }, { v: values[k], s: locked }]),
    ),
  ];
}

export type IdentityReading =
  | { readonly found: false }
  | {
      readonly found: true;
      readonly identity: FormIdentity | null;
      readonly sealed: boolean;
      readonly problem?: string;
    };

/**
 * Finds the block in a grid by its title and labels (never by position) and checks the seal.
 * Values are read leniently: "07", 7 and " 07 " are the same id, whichever tool saved the file.
 */
export function readIdentity(values: readonly (readonly RawCell[])[]): IdentityReading {
  const title = fold(IDENTITY_TITLE);
  const start = values.findIndex((row) => fold(cellText(row?.[1])).startsWith(title.slice(0, 30)));
  if (start < 0) return { found: false };
  const raw: Partial<Record<IdentityField, string>> = {};
  for (let r = start + 1; r < Math.min(values.length, start + 12); r++) {
    const label = fold(cellText(values[r]?.[1]));
    const key = (Object.keys(IDENTITY_LABELS) as IdentityField[]).find((k) => fold(IDENTITY_LABELS[k]) === label);
    if (key && raw[key] === undefined) raw[key] = squish(cellText(values[r]?.[2]));
  }
  const missing = (Object.keys(IDENTITY_LABELS) as IdentityField[]).filter((k) => !raw[k]);
  if (missing.length)
    return {
      found: true,
      identity: null,
      sealed: false,
      problem: `khối nhận dạng thiếu ${missing.map((k) => `"${IDENTITY_LABELS[k]}"`).join(', ')}`,
    };
  const agencyId = Number(raw.agencyId);
  const pm = /^([A-Z0-9]+)\/(\d{4})$/.exec(raw.period!.toUpperCase());
  const period = pm?.[1] && (PERIOD_IDS as readonly string[]).includes(pm[1]) ? (pm[1] as PeriodId) : null;
  if (!Number.isInteger(agencyId) || !period)
    return {
      found: true,
      identity: null,
      sealed: false,
      problem: 'khối nhận dạng có mã đơn vị hoặc mã kỳ không đọc được',
    };
  const identity: FormIdentity = {
    agencyId,
    agencyName: raw.agencyName!,
    period,
    year: Number(pm![2]),
    province: raw.province!,
    form: raw.form!,
  };
  return { found: true, identity, sealed: checksum(identity) === raw.checksum!.toUpperCase() };
}

export function identityText(id: FormIdentity): string {
  return `${id.agencyName} (mã ${String(id.agencyId).padStart(2, '0')}), ${periodInText(id.period, id.year)}`;
}
