/** The settings a first run starts with: a real province's agencies and the period's defaults. */
import { Catalog, isValueRow } from '../catalog/catalog';
import { catalogForPeriod } from '../catalog/versions';
import { PeriodId, defaultCutoff, defaultDeadline, districtLevelExists, periodOf } from '../periods';
import { IsoDate } from '../primitives/dates';
import { fold, foldAscii } from '../primitives/text';
import { exampleProvince } from './example-agencies';
import { Agency, DEFAULT_BRANCH_CAPACITY, ExampleAgency, Settings, defaultSheetName, uniqueSheetName } from './model';

/** Each owner row's supplier by default: the first agency whose name the catalog suggests. */
export function defaultOwners(catalog: Catalog, agencies: readonly { name: string }[]): Record<string, string | null> {
  const owners: Record<string, string | null> = {};
  // Each name folded once: a long list is not refolded for every candidate of every row.
  const byName = new Map<string, string>();
  for (const a of agencies) if (!byName.has(foldAscii(a.name))) byName.set(foldAscii(a.name), a.name);
  for (const row of catalog.rows) {
    if (!isValueRow(row) || row.aggregate !== 'owner') continue;
    const hit = catalog
      .ownerCandidates(row.code)
      .map((c) => byName.get(foldAscii(c)))
      .find(Boolean);
    owners[row.code] = hit ?? null;
  }
  return owners;
}

/**
 * The Ministry's guidance the report cites by default: Công văn 6459/BNV-CCHC guided the 2021 form,
 * used until 30/06/2025; for later periods none is assumed (the draft shows a highlighted
 * placeholder until Thiết lập names the document in force).
 */
export function defaultGuidance(cutoffTo: IsoDate): string {
  return districtLevelExists(cutoffTo)
    ? 'Công văn số 6459/BNV-CCHC ngày 07/12/2020 của Bộ Nội vụ về việc hướng dẫn báo cáo cải cách hành chính'
    : '';
}

/** A period's settings with these agencies, headed as the example province of that period. */
export function exampleSettings(
  period: PeriodId,
  year: number,
  agencies: readonly (ExampleAgency & Partial<Pick<Agency, 'sheet' | 'emails' | 'note' | 'branch'>>)[],
): Settings {
  const cutoff = defaultCutoff(period, year);
  const province = exampleProvince(cutoff.to).name;
  const usable = agencies.filter((a) => a.type !== 'huyen' || districtLevelExists(cutoff.to));
  const list: Agency[] = [];
  // Folded names taken so far: a long list is not rescanned for every agency (10.000 lines would take seconds).
  const taken = new Set<string>();
  for (const a of usable) {
    // A list's own tab (agency-list.ts checked it), else one made from the name, numbered if taken.
    const made = a.sheet || defaultSheetName(a.name);
    const sheet =
      a.sheet || !taken.has(fold(made))
        ? made
        : uniqueSheetName(
            made,
            list.map((b) => b.sheet),
          );
    taken.add(fold(sheet));
    list.push({
      stt: list.length + 1,
      name: a.name,
      type: a.type,
      sheet,
      emails: a.emails ?? [],
      note: a.note ?? '',
      ...(a.branch && { branch: a.branch }),
    });
  }
  return {
    parentBody: '',
    issuingBody: `Ủy ban nhân dân tỉnh ${province}`,
    place: province,
    period: periodOf(period, year, cutoff),
    deadline: defaultDeadline(period, year),
    reportDate: null,
    guidance: defaultGuidance(cutoff.to),
    provincePlan: '',
    docNumber: '/BC-UBND',
    authority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: '',
    recipients: ['Bộ Nội vụ;', 'Vụ Cải cách hành chính - BNV;', 'CT, các PCT UBND tỉnh;', 'Sở Nội vụ;', 'Lưu: VT, NC.'],
    disabled: [],
    includeErrors: false,
    onTimeTarget: 95,
    onlineTarget: 50,
    templateDoc: null,
    supportContact: '',
    agencies: list,
    owners: defaultOwners(catalogForPeriod(cutoff.to), list),
    extraIndicators: [],
    branchCapacity: DEFAULT_BRANCH_CAPACITY,
    thisBranch: '',
    branchLinks: [],
  };
}
