/**
 * A sample province in the in-memory workbook, as a consolidator's spreadsheet holds it after a
 * period: Thiết lập read back, every agency's tab made, and what each agency typed written in.
 */
import { catalogFor } from '../../../src/core/catalog/versions';
import { IsoDate } from '../../../src/core/primitives/dates';
import { settingsPlan } from '../../../src/core/settings';
import { runContext } from '../../../src/core/settings/run-context';
import { generateTemplates, loadSettings } from '../../../src/core/use-cases';
import { AgencyFill, sampleProvince, writeFill } from '../../../src/demo/sample';
import { MemoryWorkbook } from '../../fakes/memory-workbook';

export function sampleBook(
  sample: ReturnType<typeof sampleProvince>,
  today: IsoDate,
  /** What an agency typed instead of the sample's figures (a planted contradiction, say). */
  typed: (fill: AgencyFill) => AgencyFill = (f) => f,
) {
  const wb = new MemoryWorkbook(today);
  wb.create(settingsPlan(sample.settings));
  const loaded = loadSettings(wb);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const settings = loaded.settings;
  const catalog = catalogFor(settings);
  generateTemplates(wb, runContext(settings));
  for (const f of sample.fills) writeFill(wb, catalog, settings, typed(f));
  return { wb, settings, catalog };
}
