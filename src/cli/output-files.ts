/**
 * Writing outputs safely for split and collect: never onto an input (compared by real path),
 * never over an existing file without --force, always through a temp file renamed into place so
 * an interrupted run leaves no half-written workbook.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './commands';

export function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function writeOutput(path: string, data: Buffer, opts: { force?: boolean; inputs: readonly string[] }): string {
  const full = resolve(path);
  const real = realOrResolved(full);
  if (opts.inputs.some((i) => realOrResolved(i) === real))
    throw new CliError(`Không ghi vào "${path}": đây là tệp đầu vào. Hãy chọn tên tệp kết quả khác.`);
  if (existsSync(full) && !opts.force)
    throw new CliError(`Đã có tệp "${path}". Thêm --force để ghi đè, hoặc chọn tên khác.`);
  mkdirSync(dirname(full), { recursive: true });
  const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, full);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`Không ghi được "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  return full;
}
