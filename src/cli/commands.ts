/**
 * The CLI's commands: the same use cases as the menu, over .xlsx files. Input files are only
 * read; results go to the files named by --out and --json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { consolidateWorkbook, generateTemplates, loadSettings, validateAll } from '../core/app';
import { Catalog } from '../core/catalog/catalog';
import { catalogFor } from '../core/catalog/versions';
import { Summary, formatResult, summaryJson } from '../core/consolidate';
import { agenciesFromCsv, travinhExample } from '../core/example-agencies';
import { PeriodId, periodFromLabel, periodInText } from '../core/periods';
import { draftReport } from '../core/draft';
import { SUMMARY_SHEET } from '../core/outputs';
import { PreviousRead, comparedWith, previousFromJson, previousFromSheet } from '../core/report/previous';
import { sampleProvince, writeFill, SampleOptions } from '../core/sample';
import { Agency, Settings, exampleSettings, settingsPlan } from '../core/settings';
import { fold } from '../core/text';
import { AGENCY_STATUS_LABELS, AgencyResult, AgencyStatus, RULES } from '../core/validate';
import { renderDocx } from '../local/docx-writer';
import { XlsxWorkbook } from '../local/xlsx-workbook';

/** Exit codes: 0 fine, 1 the data has errors, 2 the input cannot be used. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export interface Io {
  out(line: string): void;
  clock(): Date;
}

function write(path: string, data: string | Buffer): string {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
  return full;
}

export async function open(path: string, io: Io): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new CliError(`Không đọc được "${path}": không tìm thấy tệp.`);
  try {
    return await XlsxWorkbook.load(path, io.clock);
  } catch {
    throw new CliError(`Không đọc được "${path}": không phải tệp Excel (.xlsx) hợp lệ.`);
  }
}

export function settingsOf(wb: XlsxWorkbook, path: string, io?: Io): Settings {
  const loaded = loadSettings(wb);
  if (loaded.ok) {
    for (const w of loaded.warnings) io?.out(`Lưu ý${w.cell ? ` (ô ${w.cell} trang "Thiết lập")` : ''}: ${w.message}`);
    return loaded.settings;
  }
  if ('missing' in loaded)
    throw new CliError(
      `"${path}" không phải sổ báo cáo CCHC: không có trang "Thiết lập". Tạo sổ mới bằng lệnh template.`,
    );
  throw new CliError(
    `Trang "Thiết lập" của "${path}" chưa hợp lệ:\n${loaded.problems.map((p) => `  - ${p.cell ? `Ô ${p.cell}: ` : ''}${p.message}`).join('\n')}`,
  );
}

// ---------------------------------------------------------------------------------------------

export async function template(
  io: Io,
  opts: { out: string; agencies?: string; period?: string; year?: string },
): Promise<number> {
  const today = io.clock();
  let period: PeriodId = 'Q1';
  if (opts.period) {
    const p = periodFromLabel(opts.period);
    if (!p)
      throw new CliError(
        `Kỳ báo cáo "${opts.period}" không hợp lệ; dùng Q1, Q2, H1, Q3, M9, Q4, Y hoặc "Quý I", "6 tháng", …`,
      );
    period = p;
  }
  const year = opts.year ? Number(opts.year) : today.getFullYear();
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw new CliError(`Năm "${opts.year}" không hợp lệ.`);
  let agencies = travinhExample();
  if (opts.agencies) {
    let text: string;
    try {
      text = readFileSync(opts.agencies, 'utf8');
    } catch {
      throw new CliError(`Không đọc được danh sách đơn vị "${opts.agencies}".`);
    }
    const parsed = agenciesFromCsv(text);
    if (parsed.problems.length)
      throw new CliError(
        `Danh sách đơn vị "${opts.agencies}" có lỗi:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    agencies = parsed.agencies;
  }
  const wb = XlsxWorkbook.create(io.clock);
  wb.create(settingsPlan(exampleSettings(period, year, agencies)));
  const settings = settingsOf(wb, opts.out, io);
  const catalog = catalogFor(settings);
  const outcome = generateTemplates(wb, catalog, settings);
  const path = write(opts.out, await wb.toBuffer());
  io.out(
    `Đã tạo ${outcome.created.length} trang biểu mẫu (${periodInText(period, year)}) và trang "Thiết lập": ${path}`,
  );
  const dropped = agencies.length - settings.agencies.length;
  if (dropped) io.out(`Bỏ qua ${dropped} đơn vị cấp huyện: từ 01/07/2025 không còn cấp huyện.`);
  return 0;
}

export function validationJson(results: readonly AgencyResult[]): unknown {
  return {
    agencies: results.map((r) => ({
      agency: r.agency.name,
      sheet: r.agency.sheet,
      status: AGENCY_STATUS_LABELS[r.status],
      errors: r.errors,
      warnings: r.warnings,
    })),
    findings: results.flatMap((r) =>
      r.findings.map((f) => ({
        agency: f.agency,
        sheet: f.sheet,
        cell: f.cell,
        indicator: f.indicator,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
    ),
  };
}

export async function validate(io: Io, opts: { file: string; json?: string }): Promise<number> {
  const wb = await open(opts.file, io);
  const settings = settingsOf(wb, opts.file, io);
  const catalog = catalogFor(settings);
  const results = validateAll(wb, catalog, settings, { mark: false });
  for (const r of results)
    io.out(
      `${AGENCY_STATUS_LABELS[r.status].padEnd(20)} ${r.agency.name}${r.errors || r.warnings ? ` (${r.errors} lỗi, ${r.warnings} cảnh báo)` : ''}`,
    );
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const warnings = results.reduce((n, r) => n + r.warnings, 0);
  for (const f of results.flatMap((r) => r.findings).filter((f) => f.severity === 'error'))
    io.out(`  [Lỗi] ${f.sheet}${f.cell ? `!${f.cell}` : ''}: ${f.message}`);
  io.out(`Tổng: ${results.length} đơn vị, ${errors} lỗi, ${warnings} cảnh báo.`);
  if (opts.json) io.out(`Kết quả chi tiết: ${write(opts.json, JSON.stringify(validationJson(results), null, 2))}`);
  return errors ? 1 : 0;
}

export async function consolidate(io: Io, opts: { file: string; out: string; json?: string }): Promise<number> {
  const wb = await open(opts.file, io);
  const settings = settingsOf(wb, opts.file, io);
  const catalog = catalogFor(settings);
  if (resolve(opts.out) === resolve(opts.file))
    throw new CliError('Tệp kết quả (--out) phải khác tệp đầu vào: tiện ích không ghi vào tệp của các đơn vị.');
  const summary = consolidateWorkbook(wb, catalog, settings);
  printSummary(io, summary);
  io.out(`Sổ tổng hợp: ${write(opts.out, await wb.toBuffer())}`);
  if (opts.json) io.out(`Số liệu tổng hợp (JSON): ${write(opts.json, JSON.stringify(summaryJson(summary), null, 2))}`);
  return 0;
}

export async function report(
  io: Io,
  opts: { file: string; out: string; agency?: string; previous?: string },
): Promise<number> {
  const wb = await open(opts.file, io);
  const settings = settingsOf(wb, opts.file, io);
  const catalog = catalogFor(settings);
  for (const input of [opts.file, opts.previous])
    if (input && resolve(opts.out) === resolve(input))
      throw new CliError('Tệp báo cáo (--out) phải khác các tệp đầu vào: tiện ích không ghi vào tệp đầu vào.');
  let agency: Agency | undefined;
  if (opts.agency) {
    const wanted = fold(opts.agency);
    agency = settings.agencies.find((a) => fold(a.name) === wanted || fold(a.sheet) === wanted);
    if (!agency)
      throw new CliError(
        `Không có đơn vị "${opts.agency}" trên trang Thiết lập của "${opts.file}". Ghi đúng tên đơn vị hoặc tên trang tính, ví dụ: --agency "${settings.agencies[0]?.name ?? 'Sở Nội vụ'}".`,
      );
    if (opts.previous)
      throw new CliError(
        '--previous chỉ dùng cho báo cáo tổng hợp; báo cáo của một đơn vị (--agency) không so sánh với kỳ trước.',
      );
  }
  const previous = opts.previous ? await readPrevious(opts.previous, catalog, io) : undefined;
  const outcome = draftReport(wb, catalog, settings, { agency, previous });
  if (!outcome.ok) throw new CliError(outcome.problem);
  const path = write(opts.out, await renderDocx(outcome.model));
  if (outcome.kind === 'agency') io.out(`Dự thảo báo cáo của ${outcome.agency.name}: ${path}`);
  else {
    io.out(`Dự thảo báo cáo: ${path}`);
    if (outcome.previous)
      io.out(`So sánh với ${comparedWith(outcome.previous, settings)} (${outcome.previous.source}).`);
  }
  return 0;
}

/** --previous: the JSON of `consolidate --json`, or a consolidated workbook (its "Tổng hợp" sheet). */
async function readPrevious(path: string, catalog: Catalog, io: Io): Promise<PreviousRead> {
  const source = `tệp "${path}"`;
  if (/\.json$/i.test(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new CliError(`Không đọc được ${source}: không tìm thấy tệp.`);
    }
    return previousFromJson(text, source);
  }
  const wb = await open(path, io);
  const snap = wb.read(SUMMARY_SHEET);
  if (!snap)
    throw new CliError(
      `${source} không có trang "${SUMMARY_SHEET}". Dùng sổ đã tổng hợp (lệnh consolidate --out) hoặc tệp của consolidate --json.`,
    );
  const read = previousFromSheet(catalog, snap, source);
  if (!read.ok || read.previous.issuer !== null) return read;
  // A sheet made before it named its issuer: the workbook's own settings say who it was.
  const loaded = loadSettings(wb);
  return loaded.ok ? { ok: true, previous: { ...read.previous, issuer: loaded.settings.issuingBody } } : read;
}

export async function sample(
  io: Io,
  opts: { out: string; communes?: string; provincial?: string; seed?: string; mistakes?: string },
): Promise<number> {
  const num = (v: string | undefined, what: string, max: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > max) throw new CliError(`${what} "${v}" không hợp lệ (từ 0 đến ${max}).`);
    return n;
  };
  const wb = await buildSample(io, {
    communes: num(opts.communes, '--communes', 1000),
    provincial: num(opts.provincial, '--provincial', 20),
    seed: num(opts.seed, '--seed', 2 ** 32),
    mistakeShare: num(opts.mistakes, '--mistakes', 1),
  });
  io.out(`Sổ mẫu đã nhập số liệu: ${write(opts.out, await wb.wb.toBuffer())}`);
  return 0;
}

export async function buildSample(io: Io, opts: SampleOptions): Promise<{ wb: XlsxWorkbook; mistakes: number }> {
  const { settings, fills } = sampleProvince(opts);
  const catalog = catalogFor(settings);
  const wb = XlsxWorkbook.create(io.clock);
  wb.create(settingsPlan(settings));
  generateTemplates(wb, catalog, settingsOf(wb, 'sample'));
  for (const f of fills) writeFill(wb, catalog, settings, f);
  // Round-trip through the file format, as a user's workbook would arrive.
  return {
    wb: await XlsxWorkbook.fromBuffer(await wb.toBuffer(), io.clock),
    mistakes: fills.filter((f) => f.mistakes.length).length,
  };
}

function printSummary(io: Io, s: Summary): void {
  const sent = s.submission.filter((e) => e.submitted);
  const late = sent.filter((e) => e.daysLate);
  const included = s.submission.filter((e) => e.included);
  io.out(
    `Kỳ: ${periodInText(s.settings.period, s.settings.year)}; ${s.submission.length} đơn vị, ${sent.length} đã gửi (${late.length} chậm), ${included.length} được tổng hợp.`,
  );
  for (const code of ['3.4.a', '3.4.b', '3.4.1', '3.4.3', '7.6.2.1', '7.8.4']) {
    const r = s.indicators.get(code);
    if (!r) continue;
    io.out(`  ${code.padEnd(8)} ${(formatResult(r) ?? '(chưa có số liệu)').padStart(10)}  ${r.ind.name} — ${r.note}`);
  }
}

export async function demo(io: Io, opts: { outDir: string }): Promise<number> {
  const started = Date.now();
  const dir = resolve(opts.outDir);
  const { wb, mistakes } = await buildSample(io, { provincial: 20, communes: 40 });
  const settings = settingsOf(wb, 'demo', io);
  const catalog = catalogFor(settings);
  const input = write(join(dir, 'so-lieu-cac-don-vi.xlsx'), await wb.toBuffer());
  io.out(
    `1. Sổ số liệu mẫu của ${settings.agencies.length} đơn vị (20 sở, ngành và 40 xã, phường; ${mistakes} trang có lỗi được cài sẵn): ${input}`,
  );

  const checked = await XlsxWorkbook.fromBuffer(await wb.toBuffer(), io.clock);
  const results = validateAll(checked, catalog, settings);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const byStatus = (st: AgencyStatus) => results.filter((r) => r.status === st).length;
  const json = write(join(dir, 'ket-qua-kiem-tra.json'), JSON.stringify(validationJson(results), null, 2));
  const checkedPath = write(join(dir, 'da-kiem-tra.xlsx'), await checked.toBuffer());
  io.out(
    `2. Kiểm tra: ${byStatus('ok')} đạt, ${byStatus('warnings')} có cảnh báo, ${byStatus('errors')} có lỗi (${errors} lỗi), ${byStatus('not-sent')} chưa gửi.`,
  );
  const rules = new Map<string, number>();
  for (const f of results.flatMap((r) => r.findings))
    if (f.severity === 'error') rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  for (const [rule, n] of rules) io.out(`     ${n} × ${RULES[rule as keyof typeof RULES]}`);
  io.out(`   Sổ có đánh dấu ô lỗi: ${checkedPath}\n   Danh sách lỗi (JSON): ${json}`);

  const summary = consolidateWorkbook(wb, catalog, settings);
  const summaryPath = write(join(dir, 'tong-hop.xlsx'), await wb.toBuffer());
  write(join(dir, 'tong-hop.json'), JSON.stringify(summaryJson(summary), null, 2));
  io.out(`3. Tổng hợp: ${summaryPath}`);
  printSummary(io, summary);

  const draft = draftReport(wb, catalog, settings, { summary });
  if (!draft.ok) throw new CliError(draft.problem);
  const model = draft.model;
  const docx = write(join(dir, 'du-thao-bao-cao.docx'), await renderDocx(model));
  io.out(`4. Dự thảo báo cáo (Nghị định 30/2020): ${docx}`);
  io.out(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} giây. Các tệp nằm trong ${dir}`);
  return 0;
}
