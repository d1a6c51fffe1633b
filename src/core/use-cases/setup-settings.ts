import { currentPeriod } from '../periods';
import { ExampleAgency, SETTINGS_SHEET, exampleSettings, settingsPlan } from '../settings';
import { WorkbookPort } from '../workbook';
import { LoadedSettings, loadSettings } from './load-settings';

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
