import { SETTINGS_SHEET, SettingsResult, readSettings } from '../settings';
import { ReadableWorkbook } from '../workbook';

export type LoadedSettings = SettingsResult | { ok: false; missing: true; problems: [] };

/** The settings; the catalog they use is catalogFor(settings) (the period's version and the province's rows). */
export function loadSettings(wb: ReadableWorkbook): LoadedSettings {
  const snap = wb.read(SETTINGS_SHEET);
  if (!snap) return { ok: false, missing: true, problems: [] };
  return readSettings(snap.values);
}
