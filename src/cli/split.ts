/**
 * `split <sổ.xlsx> --out <thư mục>`: one .xlsx per agency, its tab only, with the identity
 * block `collect` trusts. Every file is checked (files.ts: not an input, not another output, not
 * an existing file without --force) before any is built or written.
 */
import { join } from 'node:path';
import { inText } from '../core/periods';
import { splitPlans } from '../core/use-cases';
import { loadAgencyFileBytes } from '../local/lazy';
import { Io, openForChecking, settingsOf, userFile } from './commands';
import { Output, checkOutputs, writeOutputs } from './files';
import { runContext } from '../core/settings/run-context';

export async function split(io: Io, opts: { file: string; out: string; force?: boolean }): Promise<number> {
  const input = userFile(io, opts.file);
  const wb = await openForChecking(input, io); // split only reads the province's workbook
  const settings = settingsOf(wb, input.shown, io);
  const ctx = runContext(settings);
  const plans = splitPlans(ctx);
  const agencyFileBytes = await loadAgencyFileBytes();
  const dir = userFile(io, opts.out).path;
  const outputs: Output[] = plans.map((f) => ({
    shown: join(opts.out, f.fileName),
    path: join(dir, f.fileName),
    data: async () => Buffer.from(await agencyFileBytes(ctx, f, wb.read(f.agency.sheet), io.clock)),
  }));
  const force = !!opts.force;
  checkOutputs(outputs, [input], { force }); // all of them, before the first is built
  await writeOutputs(outputs, [input], { force });
  for (const f of plans) io.out(`  ${f.fileName}`);
  io.out(
    `Đã tách ${plans.length} tệp biểu mẫu (${inText(settings.period)}) vào thư mục ${opts.out}. Gửi mỗi đơn vị đúng tệp của mình; khi nhận lại, dùng lệnh collect.`,
  );
  return 0;
}
