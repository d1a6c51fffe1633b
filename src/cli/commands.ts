/**
 * The CLI's commands: the same use cases as the menu, over .xlsx files. Input files are only
 * read; results go to the files named by --out and --json, through writeOutputs (files.ts).
 */
import {
  capacityProblem,
  checkWorkbook,
  consolidateWorkbook,
  generateTemplates,
  loadSettings,
  draftReport,
} from '../core/use-cases';
import { Catalog } from '../core/catalog/catalog';
import { catalogFor } from '../core/catalog/versions';
import { Summary, formatResult, summaryJson } from '../core/figures/consolidate';
import { exampleProvince } from '../core/settings/example-agencies';
import { ListProblem } from '../core/settings/agency-list';
import { readAgencyListFile } from '../local/agency-list-file';
import { PeriodId, defaultCutoff, defaultDeadline, periodFromLabel, periodInText, inText } from '../core/periods';
import { IsoDate, addDays, formatDmy, isoDate } from '../core/primitives/dates';
import { DETAIL_SHEET, SUMMARY_SHEET } from '../core/figures/output-sheets';
import { PreviousRead, previousFromJson, previousFromSheet, withDetail } from '../core/report/previous';
import { comparedCodes, comparedWith } from '../core/report/comparison';
import { sampleProvince, writeFill, SampleOptions } from '../demo/sample';
import {
  Agency,
  FieldKey,
  SETTINGS_SHEET,
  Settings,
  assignBranches,
  branchCapacityProblems,
  branchFileStem,
  branchOf,
  branchesOf,
  exampleSettings,
  fieldLabel,
  reportMismatch,
  settingsPlan,
} from '../core/settings';
import { CellInput } from '../core/sheet/plan';
import { cellText } from '../core/sheet/grid';
import { fold, foldAscii } from '../core/primitives/text';
import { AGENCY_STATUS_LABELS } from '../core/checks/status';
import { AgencyResult } from '../core/checks/validate';
import { untouched } from '../core/agency-files/collect';
import { formatNumber } from '../core/primitives/numbers';
import type { XlsxWorkbook } from '../local/xlsx-workbook';
import { loadDocxWriter, loadXlsxWorkbook } from '../local/lazy';
import { CliError } from './errors';
import { LIMITS, Output, checkOutputs, defaultCwd, readInputBytes, userPath, writeOutputs } from './files';
import { guardedSnapshots, guardedWorkbook } from '../local/xlsx-guard';
import { SnapshotWorkbook } from '../local/snapshot-workbook';
import { forCli } from './wording';
import { runContext } from '../core/settings/run-context';
import { ReadableWorkbook } from '../core/workbook';
import { WorkbookSet } from '../core/workbook-set';
import { canonical } from './files';
import { basename, dirname, extname, join } from 'node:path';

export { CliError };

export interface Io {
  out(line: string): void;
  clock(): Date;
  /** The folder relative paths are resolved against; INIT_CWD under npm, else the process's. */
  cwd?: string;
  /** The environment (npm's variables say how the command was typed); the process's when absent. */
  env?: Record<string, string | undefined>;
}

/** A path the user typed, resolved where they typed it. */
export interface UserFile {
  readonly shown: string;
  readonly path: string;
}

export function userFile(io: Io, shown: string): UserFile {
  return { shown, path: userPath(shown, io.cwd ?? defaultCwd()) };
}

/** Reads an input workbook to change it: kind sniffed, size checked before unpacking, used ranges before reading. */
export async function open(input: UserFile | string, io: Io): Promise<XlsxWorkbook> {
  const file = typeof input === 'string' ? userFile(io, input) : input;
  return guardedWorkbook(readInputBytes(file.path, file.shown), file.shown, io.clock);
}

/** Reads an input workbook to check it only, through the same guards, into snapshots (no model to edit). */
export async function openForChecking(input: UserFile, io: Io): Promise<SnapshotWorkbook> {
  return guardedSnapshots(readInputBytes(input.path, input.shown), input.shown, io.clock);
}

/** A text input (agency list, earlier summary's JSON) is far below this; /dev/zero is refused before. */
const TEXT_LIMIT = 16 * 1024 * 1024;

/** JSON with nothing non-finite in it (JSON.stringify would silently write null). */
export function safeJson(value: unknown): string {
  return JSON.stringify(
    value,
    (key, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number at "${key}" in JSON output`);
      return v;
    },
    2,
  );
}

export function settingsOf(wb: ReadableWorkbook, shown: string, io?: Io): Settings {
  const loaded = loadSettings(wb);
  if (loaded.ok) {
    for (const w of loaded.warnings) io?.out(`Lưu ý${w.cell ? ` (ô ${w.cell} trang "Thiết lập")` : ''}: ${w.message}`);
    return loaded.settings;
  }
  if ('missing' in loaded)
    throw new CliError(
      `"${shown}" không phải sổ báo cáo CCHC: không có trang "Thiết lập". Tạo sổ mới bằng lệnh: npm run cchc -- template --out <sổ.xlsx>`,
    );
  throw new CliError(
    `Trang "Thiết lập" của "${shown}" chưa hợp lệ; hãy sửa các ô sau rồi chạy lại:\n${loaded.problems.map((p) => `  - ${p.cell ? `Ô ${p.cell}: ` : ''}${p.message}`).join('\n')}`,
  );
}

/** What several workbooks of one period open to: the main one (to write to, or to check) and the set. */
export interface OpenedProvince<W> {
  readonly main: W;
  /** The main workbook alone when no branch is given; else the main one and its branches. */
  readonly book: W | WorkbookSet;
  readonly settings: Settings;
  readonly inputs: UserFile[];
}

/**
 * The workbooks of one province and one period: the first is the main one (its Thiết lập is the
 * roster), the others its branches (read only). A file given twice, a branch as the first file, or
 * a branch of another period or another issuer is refused, naming the file, before any work.
 */
export async function openProvince<W extends ReadableWorkbook>(
  io: Io,
  files: readonly string[],
  openMain: (f: UserFile) => Promise<W>,
): Promise<OpenedProvince<W>> {
  const inputs = files.map((f) => userFile(io, f));
  const seen = new Map<string, string>();
  for (const f of inputs) {
    const real = canonical(f.path);
    const before = seen.get(real);
    if (before !== undefined)
      throw new CliError(`Tệp "${f.shown}" được nêu hai lần (cùng tệp với "${before}"); mỗi sổ chỉ nêu một lần.`);
    seen.set(real, f.shown);
  }
  const [first, ...rest] = inputs;
  const main = await openMain(first!);
  const settings = settingsOf(main, first!.shown, io);
  // A main workbook alone whose forms are partly in branches: their agencies are named as elsewhere.
  const spread = !settings.thisBranch && settings.agencies.some((a) => branchOf(a));
  if (!rest.length)
    return { main, book: spread ? new WorkbookSet(main, [], settings, first!.shown) : main, settings, inputs };
  if (settings.thisBranch)
    throw new CliError(
      `"${first!.shown}" là sổ nhánh "${settings.thisBranch}"; tệp đầu tiên phải là sổ chính (sổ có trang Thiết lập của cả tỉnh và các trang kết quả), rồi đến các sổ nhánh.`,
    );
  const branches = [];
  for (const f of rest) {
    const book = await openForChecking(f, io);
    const own = settingsOf(book, f.shown);
    const mismatch = reportMismatch(own, settings);
    if (mismatch === 'period')
      throw new CliError(
        `"${f.shown}" là sổ của ${inText(own.period)}, khác kỳ của sổ chính "${first!.shown}" (${inText(settings.period)}); các sổ tổng hợp cùng nhau phải cùng một kỳ báo cáo.`,
      );
    if (mismatch === 'dates')
      throw new CliError(
        `"${f.shown}" lấy số liệu từ ${formatDmy(own.period.from)} đến ${formatDmy(own.period.to)}, khác sổ chính "${first!.shown}" (từ ${formatDmy(settings.period.from)} đến ${formatDmy(settings.period.to)}); hãy tạo lại sổ nhánh từ sổ chính.`,
      );
    if (mismatch === 'body')
      throw new CliError(
        `"${f.shown}" là sổ của ${own.issuingBody}, không phải của ${settings.issuingBody} (sổ chính "${first!.shown}").`,
      );
    branches.push({ name: own.thisBranch || f.shown, where: f.shown, book });
  }
  const set = new WorkbookSet(main, branches, settings, first!.shown);
  for (const p of set.problems()) io.out(`Lưu ý: ${p}`);
  return { main, book: set, settings, inputs };
}

/** How the workbooks of a run are named in a line: "chinh.xlsx" or "chinh.xlsx, nhanh-1.xlsx và nhanh-2.xlsx". */
function filesInText(inputs: readonly UserFile[]): string {
  const names = inputs.map((f) => `"${f.shown}"`);
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}

function output(io: Io, shown: string, data: Output['data']): Output {
  return { ...userFile(io, shown), data };
}

// ---------------------------------------------------------------------------------------------

/** --period and --year, checked; the defaults are the caller's. */
function periodOptions(
  opts: { period?: string; year?: string },
  defaults: { period: PeriodId; year: number },
): { period: PeriodId; year: number } {
  let period = defaults.period;
  if (opts.period !== undefined) {
    const p = periodFromLabel(opts.period);
    if (!p)
      throw new CliError(
        `Kỳ báo cáo "${opts.period}" (--period) không hợp lệ; dùng Q1, Q2, H1, Q3, M9, Q4, Y hoặc "Quý I", "6 tháng", …`,
      );
    period = p;
  }
  const year = opts.year !== undefined ? wholeOption(opts.year, '--year', 2015, 2100, 'năm', '2026') : defaults.year;
  return { period, year };
}

/**
 * A whole-number option (--year, --communes, --provincial, --seed): digits only. "2.5" and "2,5"
 * are refused, not rounded; so is "1.000", which a Vietnamese reader means as a thousand.
 */
export function wholeOption(
  raw: string,
  option: string,
  min: number,
  max: number,
  what = 'số',
  example?: string,
): number {
  const range = `nhập ${what} là số nguyên từ ${formatNumber(min)} đến ${formatNumber(max)}`;
  const eg = example ? `, ví dụ ${option} ${example}` : '';
  const text = raw.trim();
  if (/^-?\d*[.,]\d+$/.test(text) && !/^\d{1,3}([.,]\d{3})+$/.test(text))
    throw new CliError(`${option} "${raw}" không hợp lệ: phải là số nguyên, không có phần lẻ; ${range}${eg}.`);
  if (/^\d{1,3}([.,]\d{3})+$/.test(text))
    throw new CliError(
      `${option} "${raw}" không hợp lệ: hãy viết số nguyên liền, không có dấu chấm hay dấu phẩy ngăn cách (ví dụ ${option} ${text.replace(/[.,]/g, '')}); ${range}.`,
    );
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${option} "${raw}" không hợp lệ; ${range}${eg}.`);
  return n;
}

/** The six centrally-run cities (since 12/6/2025): their people's committee is "thành phố", not "tỉnh". */
const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

/**
 * --province: "Vĩnh Long", "tỉnh Vĩnh Long", "thành phố Cần Thơ" or "Cần Thơ" -> the issuing body
 * ("Ủy ban nhân dân tỉnh Vĩnh Long") and the place name the report is dated at ("Vĩnh Long").
 */
export function provinceOption(raw: string): { issuingBody: string; place: string; kind: 'tỉnh' | 'thành phố' } {
  let name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  name = name.replace(/^(ủy|uỷ) ban nhân dân\s+|^ubnd\s+/iu, '');
  let kind: 'tỉnh' | 'thành phố' | null = null;
  const prefix = /^(tỉnh|thành phố|tp\.?)\s+/iu.exec(name);
  if (prefix) {
    kind = /^tỉnh$/iu.test(prefix[1]!) ? 'tỉnh' : 'thành phố';
    name = name.slice(prefix[0].length).trim();
  }
  const bad = !name || name.length > 40 || /[^\p{L}\p{M} .'-]/u.test(name) || !/\p{L}/u.test(name);
  if (bad)
    throw new CliError(
      `Tên tỉnh "${raw}" (--province) không hợp lệ; nhập tên tỉnh hoặc thành phố bằng chữ, ví dụ --province "Vĩnh Long" hoặc --province "thành phố Cần Thơ".`,
    );
  name = name.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
  kind ??= CITIES.some((c) => fold(c) === fold(name)) ? 'thành phố' : 'tỉnh';
  return { issuingBody: `Ủy ban nhân dân ${kind} ${name}`, place: name, kind };
}

/** --deadline dd/mm/yyyy, a real day from the period's first day to three months after its cut-off. */
export function deadlineOption(raw: string, settings: Pick<Settings, 'period'>): IsoDate {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  let date: IsoDate | null = null;
  if (m) {
    try {
      date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    } catch {
      date = null;
    }
  }
  if (!date)
    throw new CliError(
      `Hạn gửi báo cáo "${raw}" (--deadline) không phải ngày hợp lệ; nhập dạng dd/mm/yyyy, ví dụ --deadline ${formatDmy(defaultDeadline(settings.period.id, settings.period.year))}.`,
    );
  const latest = addDays(settings.period.to, 92);
  if (date < settings.period.from || date > latest)
    throw new CliError(
      `Hạn gửi báo cáo ${formatDmy(date)} (--deadline) nằm ngoài kỳ báo cáo: kỳ này lấy số liệu từ ${formatDmy(settings.period.from)} đến ${formatDmy(settings.period.to)}; hãy chọn hạn gửi từ ${formatDmy(settings.period.from)} đến ${formatDmy(latest)} (kiểm tra lại --period và --year).`,
    );
  return date;
}

export async function template(
  io: Io,
  opts: {
    out: string;
    agencies?: string;
    period?: string;
    year?: string;
    province?: string;
    deadline?: string;
    from?: string;
    branches?: boolean;
    force?: boolean;
  },
): Promise<number> {
  if (opts.from !== undefined && opts.branches) {
    const input = userFile(io, opts.from);
    throw new CliError(
      fromBranchesSteps(input.shown, opts.out, settingsOf(await openForChecking(input, io), input.shown)),
    );
  }
  if (opts.from !== undefined) return templateFrom(io, { ...opts, from: opts.from });
  const today = io.clock();
  const { period, year } = periodOptions(opts, { period: 'Q1', year: today.getFullYear() });
  const province = opts.province !== undefined ? provinceOption(opts.province) : null;
  const exampleOf = exampleProvince(defaultCutoff(period, year).to);
  let agencies = exampleOf.agencies;
  const inputs: UserFile[] = [];
  if (opts.agencies) {
    const list = userFile(io, opts.agencies);
    inputs.push(list);
    const read = await readAgencyListFile(readInputBytes(list.path, list.shown, TEXT_LIMIT), list.shown);
    if (read.problems.length) throw new CliError(listProblems(list.shown, read.problems));
    agencies = read.agencies;
  }
  const example = exampleSettings(period, year, agencies);
  if (!opts.branches && example.agencies.some((a) => branchOf(a)))
    throw new CliError(
      `Danh sách đơn vị "${opts.agencies}" có cột "Sổ nhánh": thêm --branches để ghi cả các sổ nhánh, hoặc xóa cột đó để mọi biểu mẫu ở một sổ.`,
    );
  const planned = opts.branches ? assignBranches(example) : example;
  const tooMany = capacityProblem(catalogFor(planned), mainPart(planned), READER_CAP);
  if (tooMany) throw new CliError(tooMany);
  const branches = opts.branches ? branchesOf(planned) : [];
  if (opts.branches && !branches.length)
    throw new CliError(
      'Không có đơn vị nào để đưa sang sổ nhánh: danh sách không có cột "Sổ nhánh" và không có UBND cấp xã. Ghi tên sổ nhánh (ví dụ Nhánh 1) ở cột "Sổ nhánh" của danh sách đơn vị.',
    );
  const overfull = branchCapacityProblems(planned);
  if (overfull.length) throw new CliError(overfull.join('\n'));
  const branchOutputs = branches.map((b) => {
    const file = join(dirname(opts.out), `${branchFileStem(b.name)}.xlsx`);
    return { name: b.name, ...userFile(io, file) };
  });
  checkOutputs([userFile(io, opts.out), ...branchOutputs], inputs, { force: !!opts.force }); // before building anything
  const Xlsx = await loadXlsxWorkbook();
  const wb = Xlsx.create(io.clock);
  const chosen: Settings = {
    ...planned,
    ...(province && {
      issuingBody: province.issuingBody,
      place: province.place,
      recipients: example.recipients.map((r) => r.replace('UBND tỉnh', `UBND ${province.kind}`)),
    }),
    ...(opts.deadline !== undefined && { deadline: deadlineOption(opts.deadline, example) }),
  };
  wb.create(settingsPlan(chosen));
  const settings = settingsOf(wb, opts.out, io);
  const ctx = runContext(settings);
  // Each branch: its own copy of Thiết lập, naming itself; its agencies' tabs are made there.
  const books = branchOutputs.map((b) => {
    const book = Xlsx.create(io.clock);
    book.create(settingsPlan({ ...settings, thisBranch: b.name }));
    return { ...b, book };
  });
  const outcome = generateTemplates(
    books.length
      ? new WorkbookSet(
          wb,
          books.map((b) => ({ name: b.name, where: b.shown, book: b.book })),
          settings,
        )
      : wb,
    ctx,
  );
  const [path, ...branchPaths] = await writeOutputs(
    [output(io, opts.out, () => wb.toBuffer()), ...books.map((b) => ({ ...b, data: () => b.book.toBuffer() }))],
    inputs,
    { force: !!opts.force },
  );
  io.out(
    `Đã tạo ${outcome.created.length} trang biểu mẫu (${periodInText(period, year)}) và trang "Thiết lập": ${path}`,
  );
  if (books.length) {
    const here = mainPart(settings).agencies.length;
    io.out(`Sổ chính giữ trang Thiết lập, các trang kết quả và biểu mẫu của ${here} đơn vị.`);
    books.forEach((b, i) =>
      io.out(
        `Sổ nhánh "${b.name}": ${branchPaths[i]} (${branches[i]!.agencies.length} đơn vị; chia sẻ sổ này cho đúng các đơn vị đó).`,
      ),
    );
  }
  const dropped = agencies.length - settings.agencies.length;
  if (dropped) io.out(`Bỏ qua ${dropped} đơn vị cấp huyện: từ 01/07/2025 không còn cấp huyện.`);
  io.out(`Đơn vị ban hành: ${settings.issuingBody}; hạn gửi báo cáo: ${formatDmy(settings.deadline)}.`);
  if (!opts.agencies)
    io.out(
      `Lưu ý: danh sách đơn vị là ví dụ của tỉnh ${exampleOf.name} trong kỳ này (${exampleOf.agencies.length} đơn vị); dùng --agencies <đơn-vị.csv hoặc .xlsx> (cột Tên đơn vị, Loại; xem tệp mẫu don-vi.csv) để tạo sổ với các đơn vị của tỉnh mình, hoặc sửa trên trang "Thiết lập".`,
    );
  return 0;
}

/**
 * Why `template --from <sổ cũ> --branches` is refused, and the commands that do it instead with
 * the old book's own period, deadline and issuer filled in. Moving tabs that hold figures from one
 * .xlsx into others is not done in one step: split and collect carry the figures, statuses and
 * sent dates, and collect says of each file which book it belongs to.
 */
function fromBranchesSteps(from: string, out: string, settings: Settings): string {
  const arg = (p: string) => (/[\s"]/.test(p) ? `"${p.replace(/"/g, '\\"')}"` : p);
  const files = join(dirname(out), 'tach-so-cu');
  const received = join(dirname(out), `${basename(out, extname(out))}-da-nhan.xlsx`);
  const branch = join(dirname(out), 'nhanh-1.xlsx');
  return [
    `Không dùng --branches cùng --from được: lệnh này không chuyển các trang đã có số liệu của "${from}" sang sổ nhánh. Hãy làm như sau:`,
    `  1. Tách số liệu đã nhập thành tệp của từng đơn vị: npm run cchc -- split ${arg(from)} --out ${arg(files)}`,
    `  2. Lập danh sách đơn vị (tệp CSV hoặc .xlsx, các cột Tên đơn vị, Loại, Sổ nhánh) theo đúng thứ tự trên trang Thiết lập của "${from}"; ghi tên sổ nhánh (ví dụ Nhánh 1) ở cột Sổ nhánh, để trống cho đơn vị ở lại sổ chính.`,
    `  3. Tạo sổ chính và các sổ nhánh: npm run cchc -- template --agencies don-vi.csv --period ${settings.period.id} --year ${settings.period.year} --deadline ${formatDmy(settings.deadline)} --province ${arg(settings.issuingBody)} --branches --out ${arg(out)}`,
    `  4. Nhận lại số liệu vào từng sổ: npm run cchc -- collect ${arg(out)} ${arg(files)} --out ${arg(received)}, rồi cũng vậy với từng sổ nhánh (${arg(branch)}, …). Mỗi sổ từ chối tệp của đơn vị ở sổ khác và nói tệp đó thuộc sổ nào.`,
    `Nếu trang Thiết lập của "${from}" có chỉ tiêu riêng của tỉnh, dòng đã tắt hoặc đơn vị cung cấp số liệu khác mặc định, hãy sửa như vậy trên trang Thiết lập của sổ mới và của từng sổ nhánh trước bước 4; nếu không, biểu mẫu khác phiên bản và tệp bị từ chối.`,
  ].join('\n');
}

/**
 * A book `template` writes must open in this tool's own commands (LIMITS, src/local/xlsx-guard.ts):
 * each agency tab is four zip parts (the sheet, its relations, its notes and their drawing), and a
 * few parts are the book's own.
 */
const TAB_PARTS = 4;
const BOOK_PARTS = 20;
const READER_CAP = {
  maxTabs: Math.floor((LIMITS.entries - BOOK_PARTS) / TAB_PARTS),
  why: `các lệnh của công cụ này chỉ đọc tệp .xlsx có tối đa ${formatNumber(LIMITS.entries, 0)} phần, mỗi trang biểu mẫu là ${TAB_PARTS} phần`,
};

/** The agencies whose forms the main workbook itself holds. */
function mainPart(settings: Settings): Settings {
  return { ...settings, agencies: settings.agencies.filter((a) => !branchOf(a)) };
}

/** How many of a list's problems are printed; the rest are counted (a wrong file gives one per line). */
const LIST_PROBLEMS_SHOWN = 20;

/** An agency list's problems, each by its file and line, before anything is written. */
function listProblems(shown: string, problems: readonly ListProblem[]): string {
  const lines = problems.slice(0, LIST_PROBLEMS_SHOWN).map((p) => `  - ${shown}, dòng ${p.line}: ${p.message}`);
  if (problems.length > LIST_PROBLEMS_SHOWN) lines.push(`  - … và ${problems.length - LIST_PROBLEMS_SHOWN} lỗi khác.`);
  return `Danh sách đơn vị "${shown}" có ${problems.length} lỗi; chưa ghi tệp nào. Hãy sửa rồi chạy lại:\n${lines.join('\n')}`;
}

/**
 * `template --from <sổ.xlsx> --out <sổ-mới.xlsx>`: "Tạo biểu mẫu" on an existing workbook, into a
 * new file: tabs of new agencies made, missing rows added, a stale period, deadline or stamp
 * rewritten, values kept. --deadline and --province are written into Thiết lập first.
 */
async function templateFrom(
  io: Io,
  opts: {
    out: string;
    from: string;
    agencies?: string;
    period?: string;
    year?: string;
    province?: string;
    deadline?: string;
    force?: boolean;
  },
): Promise<number> {
  const clash = (['agencies', 'period', 'year'] as const).filter((k) => opts[k] !== undefined);
  if (clash.length)
    throw new CliError(
      `Với --from, ${clash.map((k) => `--${k}`).join(', ')} lấy từ trang "Thiết lập" của sổ: hãy sửa trang đó bằng Excel rồi chạy lại (chỉ --deadline và --province dùng được cùng --from).`,
    );
  const input = userFile(io, opts.from);
  const force = !!opts.force;
  checkOutputs([userFile(io, opts.out)], [input], { force });
  const wb = await open(input, io);
  let settings = settingsOf(wb, input.shown, io);
  const fields: [FieldKey, CellInput][] = [];
  if (opts.province !== undefined) {
    const p = provinceOption(opts.province);
    fields.push(['issuingBody', p.issuingBody], ['place', p.place]);
  }
  if (opts.deadline !== undefined) fields.push(['deadline', { date: deadlineOption(opts.deadline, settings) }]);
  if (fields.length) {
    const values = wb.read(SETTINGS_SHEET)!.values;
    for (const [key, value] of fields) {
      const row = values.findIndex((r) => fold(cellText(r?.[0])) === fold(fieldLabel(key)));
      if (row >= 0) wb.writeCells(SETTINGS_SHEET, `B${row + 1}`, [[value]]);
    }
    settings = settingsOf(wb, input.shown);
  }
  const tooMany = capacityProblem(catalogFor(settings), settings, READER_CAP);
  if (tooMany) throw new CliError(tooMany);
  const out = generateTemplates(wb, runContext(settings));
  if (out.refused) throw new CliError(out.refused);
  const [path] = await writeOutputs([output(io, opts.out, () => wb.toBuffer())], [input], { force });
  io.out(
    `Đã cập nhật biểu mẫu (${inText(settings.period)}; hạn gửi ${formatDmy(settings.deadline)}) vào sổ mới: ${path}`,
  );
  io.out(
    `Tạo mới ${out.created.length} trang; bổ sung dòng cho ${out.upgraded.length} trang; đổi tên chỉ tiêu theo kỳ cho ${out.relabeled.length} trang; cập nhật kỳ và hạn gửi cho ${out.retimed.length} trang. Số liệu đã nhập được giữ nguyên.`,
  );
  if (out.conflicts.length)
    io.out(`Trang trùng tên nhưng không phải biểu mẫu (không ghi đè): ${out.conflicts.join(', ')}.`);
  if (out.vanished.length)
    io.out(
      `Không thấy trang của: ${out.vanished.map((v) => `${v.agency} ("${v.sheet}")`).join(', ')}; sửa cột Tên trang tính trên trang "Thiết lập".`,
    );
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
        message: forCli(f.message),
      })),
    ),
  };
}

export async function validate(
  io: Io,
  opts: { file: string; branches?: readonly string[]; json?: string; quiet?: boolean; force?: boolean },
): Promise<number> {
  // validate changes nothing: every workbook is read into snapshots
  const {
    book: wb,
    settings,
    inputs,
  } = await openProvince(io, [opts.file, ...(opts.branches ?? [])], (f) => openForChecking(f, io));
  const input = { shown: filesInText(inputs) };
  const ctx = runContext(settings);
  let results: ReturnType<typeof checkWorkbook> = [];
  const json = opts.json ? [output(io, opts.json, () => safeJson(validationJson(results)))] : [];
  checkOutputs(json, inputs, { force: opts.force === true }); // refused before any work
  results = checkWorkbook(wb, ctx);
  if (nothingEntered(results, ctx.catalog)) {
    // A book fresh from `template`: one line, not every required figure of every agency.
    io.out(
      `Chưa đơn vị nào nhập số liệu: cả ${results.length} trang đơn vị của ${input.shown} còn trống. Các đơn vị nhập số liệu vào trang của mình (hoặc vào tệp của lệnh split, nhận lại bằng lệnh collect), rồi kiểm tra lại.`,
    );
    if (json.length)
      io.out(`Kết quả chi tiết: ${(await writeOutputs(json, inputs, { force: opts.force === true }))[0]}`);
    return 1;
  }
  for (const r of results)
    io.out(
      `${AGENCY_STATUS_LABELS[r.status].padEnd(20)} ${r.agency.name}${r.errors || r.warnings ? ` (${r.errors} lỗi, ${r.warnings} cảnh báo)` : ''}`,
    );
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const warnings = results.reduce((n, r) => n + r.warnings, 0);
  const findings = results.flatMap((r) => r.findings);
  // Messages name their cell ("Ô D16 …"); the line adds the tab, and the cell when the message lacks it.
  const line = (label: string, f: (typeof findings)[number]) =>
    `  [${label}] Trang "${f.sheet}"${f.cell && !f.message.includes(f.cell) ? `, ô ${f.cell}` : ''}: ${forCli(f.message)}`;
  if (findings.length) io.out(`${inputs.length > 1 ? 'Các tệp' : 'Tệp'} ${input.shown}:`);
  for (const f of findings.filter((f) => f.severity === 'error')) io.out(line('Lỗi', f));
  if (!opts.quiet) for (const f of findings.filter((f) => f.severity !== 'error')) io.out(line('Cảnh báo', f));
  io.out(
    `Tổng: ${results.length} đơn vị, ${errors} lỗi, ${warnings} cảnh báo.${opts.quiet && warnings ? ' (--quiet: không in cảnh báo)' : ''}`,
  );
  if (json.length) {
    const [path] = await writeOutputs(json, inputs, { force: opts.force === true });
    io.out(`Kết quả chi tiết: ${path}`);
  }
  return errors ? 1 : 0;
}

/**
 * No agency has entered anything: every tab is there, not marked sent, with no free text, no figure
 * typed (only the form's own rate formulas) and nothing found but the required figures missing.
 */
function nothingEntered(results: readonly AgencyResult[], catalog: Catalog): boolean {
  return (
    results.length > 0 &&
    results.every(
      (r) =>
        r.report !== null &&
        untouched(r.report, 0) &&
        r.findings.every((f) => f.rule === 'required-missing') &&
        [...r.report.rows.values()].every((row) => row.reading.state === 'blank' || catalog.formula(row.ind.code)),
    )
  );
}

export async function consolidate(
  io: Io,
  opts: { file: string; branches?: readonly string[]; out: string; json?: string; force?: boolean },
): Promise<number> {
  const {
    main: wb,
    book,
    settings,
    inputs,
  } = await openProvince(io, [opts.file, ...(opts.branches ?? [])], (f) => open(f, io));
  const ctx = runContext(settings);
  // The new book is the main one with the outputs; the branches' tabs stay in their own files.
  const outputs = [output(io, opts.out, () => wb.toBuffer())];
  let summary: Summary | null = null;
  if (opts.json) outputs.push(output(io, opts.json, () => safeJson(summaryJson(summary!, comparedCodes(ctx.catalog)))));
  checkOutputs(outputs, inputs, { force: opts.force === true }); // a bad --out is refused before any work
  summary = consolidateWorkbook(book, ctx);
  printSummary(io, summary);
  const [written, json] = await writeOutputs(outputs, inputs, { force: opts.force === true });
  io.out(`Sổ tổng hợp: ${written}`);
  if (json) io.out(`Số liệu tổng hợp (JSON): ${json}`);
  return 0;
}

export async function report(
  io: Io,
  opts: {
    file: string;
    branches?: readonly string[];
    out: string;
    agency?: string;
    previous?: string;
    force?: boolean;
  },
): Promise<number> {
  const opened = await openProvince(io, [opts.file, ...(opts.branches ?? [])], (f) => open(f, io));
  const { book: wb, settings } = opened;
  const ctx = runContext(settings);
  const inputs = [...opened.inputs, ...(opts.previous ? [userFile(io, opts.previous)] : [])];
  const target = output(io, opts.out, () => Buffer.alloc(0));
  checkOutputs([target], inputs, { force: opts.force === true }); // before any work
  let agency: Agency | undefined;
  if (opts.agency) {
    const wanted = fold(opts.agency);
    agency = settings.agencies.find((a) => fold(a.name) === wanted || fold(a.sheet) === wanted);
    if (!agency) throw new CliError(unknownAgency(opts.agency, opts.file, settings.agencies));
    if (opts.previous)
      throw new CliError(
        '--previous chỉ dùng cho báo cáo tổng hợp; báo cáo của một đơn vị (--agency) không so sánh với kỳ trước.',
      );
  }
  const previous = opts.previous ? await readPrevious(opts.previous, ctx.catalog, io) : undefined;
  const outcome = draftReport(wb, ctx, { agency, previous });
  if (!outcome.ok) throw new CliError(outcome.problem);
  const model = outcome.model;
  const renderDocx = await loadDocxWriter();
  const [path] = await writeOutputs([{ ...target, data: () => renderDocx(model) }], inputs, {
    force: opts.force === true,
  });
  if (outcome.kind === 'agency') io.out(`Dự thảo báo cáo của ${outcome.agency.name}: ${path}`);
  else {
    io.out(`Dự thảo báo cáo: ${path}`);
    if (outcome.previous)
      io.out(`So sánh với ${comparedWith(outcome.previous, settings)} (${outcome.previous.source}).`);
  }
  return 0;
}

/** How far apart two strings are: the fewest one-letter edits (Levenshtein). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The agencies a mistyped --agency may mean, closest first: the same name without accents, a name
 * holding every word typed ("Sở" → every Sở), or one a few letters away ("So Tai chin").
 */
export function closestAgencies(typed: string, agencies: readonly Agency[]): Agency[] {
  const want = foldAscii(typed);
  const words = want.split(' ').filter(Boolean);
  if (!words.length) return [];
  const scored = agencies.map((a) => {
    const score = Math.min(
      ...[a.name, a.sheet].map((n) => {
        const have = foldAscii(n);
        if (have === want) return 0;
        const own = have.split(' ');
        if (words.every((w) => own.includes(w))) return 1 + own.length / 100;
        if (have.includes(want)) return 2 + own.length / 100;
        const d = editDistance(have, want) / Math.max(have.length, want.length);
        return d <= 0.34 ? 3 + d : Infinity;
      }),
    );
    return { a, score };
  });
  return scored
    .filter((s) => s.score < Infinity)
    .sort((x, y) => x.score - y.score)
    .map((s) => s.a);
}

const SUGGESTIONS_SHOWN = 5;

function unknownAgency(typed: string, file: string, agencies: readonly Agency[]): string {
  const close = closestAgencies(typed, agencies);
  const head = `Không có đơn vị "${typed}" trên trang Thiết lập của "${file}".`;
  const quote = 'ghi đúng tên đơn vị (hoặc tên trang tính), đặt trong ngoặc kép';
  if (!close.length) return `${head} Hãy ${quote}, ví dụ: --agency "${agencies[0]?.name ?? 'Sở Nội vụ'}".`;
  const shown = close.slice(0, SUGGESTIONS_SHOWN).map((a) => `"${a.name}"`);
  const more = close.length > SUGGESTIONS_SHOWN ? ` và ${close.length - SUGGESTIONS_SHOWN} đơn vị khác` : '';
  return `${head} ${close.length === 1 ? 'Có phải' : 'Các tên gần giống'}: ${shown.join(', ')}${more}? Hãy ${quote}, ví dụ: --agency "${close[0]!.name}".`;
}

/** --previous: the JSON of `consolidate --json`, or a consolidated workbook (its "Tổng hợp" sheet). */
async function readPrevious(path: string, catalog: Catalog, io: Io): Promise<PreviousRead> {
  const source = `tệp "${path}"`;
  if (/\.json$/i.test(path)) {
    const text = readInputBytes(userFile(io, path).path, path, TEXT_LIMIT).toString('utf8');
    return previousFromJson(catalog, text, source);
  }
  const wb = await open(path, io);
  const snap = wb.read(SUMMARY_SHEET);
  if (!snap)
    throw new CliError(
      `${source} không có trang "${SUMMARY_SHEET}". Dùng sổ đã tổng hợp (lệnh consolidate --out) hoặc tệp của consolidate --json.`,
    );
  // Each agency's figures from its "Chi tiết theo đơn vị" sheet: the comparison is then like with like.
  const read = withDetail(
    catalog,
    previousFromSheet(catalog, snap, source),
    wb.read(DETAIL_SHEET),
    `trang "${DETAIL_SHEET}" của ${source}`,
  );
  if (!read.ok || read.previous.issuer !== null) return read;
  // A sheet made before it named its issuer: the workbook's own settings say who it was.
  const loaded = loadSettings(wb);
  return loaded.ok ? { ok: true, previous: { ...read.previous, issuer: loaded.settings.issuingBody } } : read;
}

export async function sample(
  io: Io,
  opts: {
    out: string;
    communes?: string;
    provincial?: string;
    seed?: string;
    mistakes?: string;
    period?: string;
    year?: string;
    force?: boolean;
  },
): Promise<number> {
  const { period, year } = periodOptions(opts, { period: 'Q3', year: 2026 });
  const whole = (v: string | undefined, option: string, max: number) =>
    v === undefined ? undefined : wholeOption(v, option, 0, max);
  const communes = whole(opts.communes, '--communes', 1000);
  const provincial = whole(opts.provincial, '--provincial', 20);
  const seed = whole(opts.seed, '--seed', 2 ** 32);
  let mistakeShare: number | undefined;
  if (opts.mistakes !== undefined) {
    // A share: a fraction is what it is (0,2 or 0.2).
    mistakeShare = Number(opts.mistakes.trim().replace(',', '.'));
    if (!Number.isFinite(mistakeShare) || mistakeShare < 0 || mistakeShare > 1 || opts.mistakes.trim() === '')
      throw new CliError(`--mistakes "${opts.mistakes}" không hợp lệ; nhập tỷ lệ từ 0 đến 1, ví dụ --mistakes 0,2.`);
  }
  const target = userFile(io, opts.out);
  checkOutputs([target], [], { force: !!opts.force }); // before building anything
  const wb = await buildSample(io, { communes, provincial, seed, mistakeShare, period, year });
  const [path] = await writeOutputs([{ ...target, data: () => wb.wb.toBuffer() }], [], { force: !!opts.force });
  io.out(`Sổ mẫu đã nhập số liệu (${periodInText(period, year)}): ${path}`);
  const now = io.clock();
  if (wb.latestSent && wb.latestSent > isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()))
    io.out(
      `Lưu ý: ${periodInText(period, year)} chưa qua hạn gửi, nên ngày gửi của một số đơn vị mẫu ở sau hôm nay và sẽ bị báo lỗi khi kiểm tra; chọn kỳ đã qua (--period, --year) để có sổ mẫu không lỗi ngày gửi.`,
    );
  return 0;
}

export async function buildSample(
  io: Io,
  opts: SampleOptions,
): Promise<{ wb: XlsxWorkbook; mistakes: number; latestSent: IsoDate | null }> {
  const { settings, fills } = sampleProvince(opts);
  const catalog = catalogFor(settings);
  const XlsxWorkbook = await loadXlsxWorkbook();
  const wb = XlsxWorkbook.create(io.clock);
  wb.create(settingsPlan(settings));
  generateTemplates(wb, runContext(settingsOf(wb, 'sample')));
  for (const f of fills) writeFill(wb, catalog, settings, f);
  // Round-trip through the file format, as a user's workbook would arrive.
  return {
    wb: await XlsxWorkbook.fromBuffer(await wb.toBuffer(), io.clock),
    mistakes: fills.filter((f) => f.mistakes.length).length,
    latestSent: fills.reduce<IsoDate | null>((m, f) => (f.sentOn && (!m || f.sentOn > m) ? f.sentOn : m), null),
  };
}

export function printSummary(io: Io, s: Summary): void {
  const sent = s.submission.filter((e) => e.submitted);
  const late = sent.filter((e) => e.daysLate);
  const included = s.submission.filter((e) => e.included);
  io.out(
    `Kỳ: ${inText(s.settings.period)}; ${s.submission.length} đơn vị, ${sent.length} đã gửi (${late.length} chậm), ${included.length} được tổng hợp.`,
  );
  for (const code of ['3.4.a', '3.4.b', '3.4.1', '3.4.3', '7.6.2.1', '7.8.4']) {
    const r = s.indicators.get(code);
    if (!r) continue;
    io.out(`  ${code.padEnd(8)} ${(formatResult(r) ?? '(chưa có số liệu)').padStart(10)}  ${r.ind.name} — ${r.note}`);
  }
}
