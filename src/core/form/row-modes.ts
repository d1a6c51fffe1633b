/**
 * Which rows the form asks of each agency this period, and how: filled by the agency,
 * supplied by another agency, or not applicable to its type.
 */
import { Catalog, Indicator, isValueRow } from '../catalog/catalog';
import { Formula } from '../catalog/rate';
import { Agency, FormRules, Roster, appliesToType } from '../settings/model';

export type RowMode =
  | { readonly kind: 'group' }
  | { readonly kind: 'input'; readonly formula: Formula | null }
  | { readonly kind: 'not-applicable' }
  | { readonly kind: 'owned-by'; readonly owner: string | null };

export interface FormRow {
  readonly ind: Indicator;
  readonly mode: RowMode;
}

/**
 * Rows asked this period: the catalog's rows (its version already leaves out abolished district
 * rows) less the switched-off ones and their children.
 */
export function askedRows(catalog: Catalog, settings: Pick<FormRules, 'disabled'>): Indicator[] {
  const off = new Set(settings.disabled);
  const isOff = (code: string | null): boolean => {
    for (let c = code; c; c = catalog.get(c)?.parent ?? null) if (off.has(c)) return true;
    return false;
  };
  return catalog.rows.filter((r) => !isOff(r.code));
}

export function rowMode(catalog: Catalog, settings: Roster, agency: Agency, ind: Indicator): RowMode {
  if (!isValueRow(ind)) return { kind: 'group' };
  if (!appliesToType(ind, agency.type)) return { kind: 'not-applicable' };
  if (ind.aggregate === 'owner') {
    const owner = settings.owners[ind.code] ?? null;
    if (owner !== agency.name) return { kind: 'owned-by', owner };
  }
  return { kind: 'input', formula: catalog.formula(ind.code) };
}

export function formRows(catalog: Catalog, settings: Roster & FormRules, agency: Agency): FormRow[] {
  return askedRows(catalog, settings).map((ind) => ({ ind, mode: rowMode(catalog, settings, agency, ind) }));
}

/** The Vietnamese words shown in Ghi chú of a row the agency does not fill. */
export function lockedReason(mode: RowMode): string {
  if (mode.kind === 'not-applicable') return 'Không áp dụng';
  if (mode.kind === 'owned-by') return mode.owner ? `Do ${mode.owner} cung cấp` : 'Chưa chỉ định đơn vị cung cấp';
  return '';
}
