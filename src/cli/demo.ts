/**
 * `demo`: a 60-agency sample province end to end (sample, check, consolidate, the province's
 * draft and one agency's own), into a folder; its fixed file names are replaced only with --force.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { consolidateWorkbook, validateAll, draftReport } from '../core/use-cases';
import { summaryJson } from '../core/figures/consolidate';
import { comparedCodes } from '../core/report/comparison';
import { AgencyStatus } from '../core/checks/status';
import { RULES } from '../core/checks/rules';
import { loadDocxWriter, loadXlsxWorkbook } from '../local/lazy';
import { CliError, Io, buildSample, printSummary, safeJson, settingsOf, userFile, validationJson } from './commands';
import { FileError } from './errors';
import { checkOutputs, writeOutputs } from './files';
import { runContext } from '../core/settings/run-context';

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readlinkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/** The files demo writes, by fixed names. */
export const DEMO_FILES = [
  'so-lieu-cac-don-vi.xlsx',
  'ket-qua-kiem-tra.json',
  'da-kiem-tra.xlsx',
  'tong-hop.xlsx',
  'tong-hop.json',
  'du-thao-bao-cao.docx',
  'bao-cao-cua-mot-don-vi.docx',
] as const;

export async function demo(io: Io, opts: { outDir: string; force?: boolean }): Promise<number> {
  const started = Date.now();
  const dir = userFile(io, opts.outDir).path;
  const force = !!opts.force;
  const files = DEMO_FILES.map((name) => ({ shown: join(opts.outDir, name), path: join(dir, name) }));
  // The same rules as every command: nothing replaced without --force, checked before any work;
  // and a name in the folder that is a symlink is never written through (it may point anywhere).
  for (const f of files) if (isSymlink(f.path)) throw new FileError('symlink-output', f.shown, readlinkTarget(f.path));
  checkOutputs(files, [], { force });
  const put = async (name: (typeof DEMO_FILES)[number], data: string | Buffer) =>
    (await writeOutputs([{ ...files[DEMO_FILES.indexOf(name)], data: () => data }], [], { force }))[0];
  const { wb, mistakes } = await buildSample(io, { provincial: 20, communes: 40 });
  const settings = settingsOf(wb, 'demo', io);
  const ctx = runContext(settings);
  const input = await put('so-lieu-cac-don-vi.xlsx', await wb.toBuffer());
  io.out(
    `1. Sổ số liệu mẫu của ${settings.agencies.length} đơn vị (20 sở, ngành và 40 xã, phường; ${mistakes} trang có lỗi được cài sẵn): ${input}`,
  );

  const checked = await (await loadXlsxWorkbook()).fromBuffer(await wb.toBuffer(), io.clock);
  const results = validateAll(checked, ctx);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const byStatus = (st: AgencyStatus) => results.filter((r) => r.status === st).length;
  const json = await put('ket-qua-kiem-tra.json', safeJson(validationJson(results)));
  const checkedPath = await put('da-kiem-tra.xlsx', await checked.toBuffer());
  io.out(
    `2. Kiểm tra: ${byStatus('ok')} đạt, ${byStatus('warnings')} có cảnh báo, ${byStatus('errors')} có lỗi (${errors} lỗi), ${byStatus('not-sent')} chưa gửi.`,
  );
  const rules = new Map<string, number>();
  for (const f of results.flatMap((r) => r.findings))
    if (f.severity === 'error') rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  for (const [rule, n] of rules) io.out(`     ${n} × ${RULES[rule as keyof typeof RULES]}`);
  io.out(`   Sổ có đánh dấu ô lỗi: ${checkedPath}\n   Danh sách lỗi (JSON): ${json}`);

  const summary = consolidateWorkbook(wb, ctx);
  const summaryPath = await put('tong-hop.xlsx', await wb.toBuffer());
  const summaryJsonPath = await put('tong-hop.json', safeJson(summaryJson(summary, comparedCodes(ctx.catalog))));
  io.out(`3. Tổng hợp: ${summaryPath}\n   Số liệu tổng hợp (JSON): ${summaryJsonPath}`);
  printSummary(io, summary);

  const renderDocx = await loadDocxWriter();
  const draft = draftReport(wb, ctx, { summary });
  if (!draft.ok) throw new CliError(draft.problem);
  const docx = await put('du-thao-bao-cao.docx', await renderDocx(draft.model));
  io.out(`4. Dự thảo báo cáo (Nghị định 30/2020): ${docx}`);

  // An agency's own report too: the first commune that reported without errors, else the first agency.
  const clean = results.find((r) => r.status === 'ok' && r.agency.type === 'xa') ?? results[0];
  if (clean) {
    const own = draftReport(wb, ctx, { agency: clean.agency });
    if (!own.ok) throw new CliError(own.problem);
    const ownPath = await put('bao-cao-cua-mot-don-vi.docx', await renderDocx(own.model));
    io.out(`5. Báo cáo riêng của ${clean.agency.name} (lệnh report --agency): ${ownPath}`);
  }
  io.out(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} giây. Các tệp nằm trong ${dir}`);
  return 0;
}
