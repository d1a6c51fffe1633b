/**
 * `split <sổ.xlsx> --out <thư mục>`: one .xlsx per agency, its tab only, with the identity
 * block `collect` trusts.
 */
import { join } from 'node:path';
import { catalogFor } from '../core/catalog/versions';
import { periodInText } from '../core/periods';
import { carryOver } from '../core/collect';
import { splitPlans } from '../core/split';
import { XlsxWorkbook } from '../local/xlsx-workbook';
import { Io, open, settingsOf } from './commands';
import { writeOutput } from './output-files';

export async function split(io: Io, opts: { file: string; out: string; force?: boolean }): Promise<number> {
  const wb = await open(opts.file, io);
  const settings = settingsOf(wb, opts.file, io);
  const catalog = catalogFor(settings);
  const plans = splitPlans(catalog, settings);
  for (const f of plans) {
    const one = XlsxWorkbook.create(io.clock);
    one.create(f.plan);
    // What the province tab already holds for this agency goes into its file too.
    const tab = wb.read(f.agency.sheet);
    const fresh = one.read(f.plan.name);
    if (tab && fresh) {
      const w = carryOver(catalog, settings, f.agency, tab, fresh);
      if (!('error' in w)) one.writeCells(f.plan.name, w.range, w.cells);
    }
    writeOutput(join(opts.out, f.fileName), await one.toBuffer(), { force: opts.force, inputs: [opts.file] });
    io.out(`  ${f.fileName}`);
  }
  io.out(
    `Đã tách ${plans.length} tệp biểu mẫu (${periodInText(settings.period, settings.year)}) vào thư mục ${opts.out}. Gửi mỗi đơn vị đúng tệp của mình; khi nhận lại, dùng lệnh collect.`,
  );
  return 0;
}
