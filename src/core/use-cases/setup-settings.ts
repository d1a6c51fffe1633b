import { currentPeriod, defaultCutoff } from '../periods';
import { SETTINGS_SHEET, exampleSettings, settingsPlan } from '../settings';
import { ExampleProvince, exampleProvince } from '../settings/example-agencies';
import { WorkbookPort } from '../workbook';
import { LoadedSettings, loadSettings } from './load-settings';

/**
 * Creates the settings sheet when absent, for the current quarter, with the example province of
 * that quarter (its agencies as they are then); otherwise just reads it.
 */
export function setupSettings(
  wb: WorkbookPort,
):
  | { readonly created: true; readonly result: LoadedSettings; readonly example: ExampleProvince }
  | { readonly created: false; readonly result: LoadedSettings } {
  if (wb.read(SETTINGS_SHEET)) return { created: false, result: loadSettings(wb) };
  const { period, year } = currentPeriod(wb.today());
  const example = exampleProvince(defaultCutoff(period, year).to);
  wb.create(settingsPlan(exampleSettings(period, year, example.agencies)));
  return { created: true, result: loadSettings(wb), example };
}
