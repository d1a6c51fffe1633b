/** GasWorkbook over the fake, with a sample province's settings sheet in place. */
import { catalogFor } from '../../src/core/catalog/versions';
import { sampleProvince, SampleOptions } from '../../src/demo/sample';
import { Settings, settingsPlan, readSettings } from '../../src/core/settings';
import { GasWorkbook } from '../../src/gas/sheets';
import { fakeGas } from '../fakes/gas';

/** The sample province's catalog (quý III/2026: the two-level version). */
export const catalog = catalogFor(sampleProvince({ provincial: 1, communes: 0 }).settings);
export const NOW = new Date('2026-09-25T03:00:00Z'); // 10:00 in Hà Nội

/** A GasWorkbook as one menu run makes it (it caches sheets for the length of a run). */
export function gasWorkbook(fake = fakeGas({ now: () => NOW })) {
  const g = fake.globals;
  const wb = new GasWorkbook(
    fake.ss as never,
    g.SpreadsheetApp as never,
    g.PropertiesService.getDocumentProperties() as never,
    g.Utilities as never,
    () => NOW,
  );
  return { fake, wb };
}

export function province(opts: SampleOptions = {}) {
  const { fake, wb } = gasWorkbook();
  const sample = sampleProvince({ provincial: 6, communes: 4, ...opts });
  wb.create(settingsPlan(sample.settings));
  const read = readSettings(wb.read('Thiết lập')!.values);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const settings: Settings = read.settings;
  fake.calls.reset();
  return { fake, wb, settings, fills: sample.fills };
}

/**
 * The owner shares the spreadsheet with every agency's staff, after generating the forms as
 * README says (the fake's spreadsheet starts shared with nobody).
 */
export function shareWithAgencies(fake: ReturnType<typeof fakeGas>, settings: Settings, ...others: string[]): void {
  fake.ss.share(...settings.agencies.flatMap((a) => a.emails), ...others);
}
