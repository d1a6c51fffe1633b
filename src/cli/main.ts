/**
 * `npm run cchc -- <lệnh> …`: the offline engine on .xlsx files. Commands are a table: each row
 * says its usage, its options, how many file names it takes, and what it runs. Adding a command
 * is adding a row.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { CliError, Io, consolidate, report, sample, template, validate } from './commands';
import { demo } from './demo';
import { collect } from './collect';
import { FileError, failureOf } from './errors';
import { split } from './split';
import { xlsxSelfCheck } from '../local/self-check';

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  readonly name: string;
  /** One line: the command with its arguments. */
  readonly usage: string;
  /** What it does, in a few lines. */
  readonly about: string;
  readonly options: ParseArgsOptionsConfig;
  /** File names it takes, in order (what each is, for the "missing" message). */
  readonly files: readonly string[];
  /** Takes any number of further file names after `files`. */
  readonly more?: boolean;
  /** What each further file name must look like; others are stray words (an unquoted name). */
  readonly moreLike?: RegExp;
  run(io: Io, values: Values, files: string[]): Promise<number>;
}

const str = (v: Values[string]) => (typeof v === 'string' ? v : undefined);
const s = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

function need(v: Values[string], what: string, command: string): string {
  if (typeof v !== 'string' || !v) throw new CliError(`Thiếu ${what}. Xem: npm run cchc -- ${command} --help`);
  return v;
}

const WORKBOOK = /\.xlsx$/i;

const BRANCHES =
  'Tỉnh chia biểu mẫu ra nhiều sổ: nêu sổ chính trước (trang Thiết lập của nó là danh sách đơn vị),\nrồi các sổ nhánh cùng kỳ; trang của một đơn vị có ở hai sổ thì không được tính.';

export const COMMANDS: Command[] = [
  {
    name: 'template',
    usage:
      'template --out <sổ.xlsx> [--agencies <đơn-vị.csv|.xlsx>] [--province <tên tỉnh>] [--period <kỳ>] [--year <năm>] [--deadline <dd/mm/yyyy>] [--from <sổ-cũ.xlsx>] [--branches] [--force]',
    about:
      'Tạo sổ mới: trang Thiết lập và một trang biểu mẫu cho mỗi đơn vị.\nKỳ: Q1, Q2, H1 (6 tháng), Q3, M9 (9 tháng), Q4, Y (năm).\n--agencies: danh sách đơn vị .csv hoặc .xlsx, cột Tên đơn vị và Loại (hoặc name, type);\nCSV lưu bằng UTF-8 (Excel: "CSV UTF-8"), phân cách bằng dấu phẩy, chấm phẩy hoặc tab.\n--province: tên tỉnh, ví dụ "Vĩnh Long" (đơn vị ban hành: Ủy ban nhân dân tỉnh Vĩnh Long).\n--deadline: hạn các đơn vị gửi báo cáo (mặc định: ngày 10 của tháng cuối kỳ, ví dụ 10/03 cho quý I).\n--from: cập nhật sổ đã có theo trang Thiết lập của nó (đơn vị mới, dòng thiếu, kỳ và hạn gửi),\ngiữ nguyên số liệu, ghi ra sổ mới --out; dùng được cùng --deadline, --province.\n--branches: chia biểu mẫu ra các sổ nhánh theo cột "Sổ nhánh" của danh sách đơn vị (không có cột đó:\ncác sở ở sổ chính, các xã chia đều ra các sổ nhánh, mỗi sổ tối đa 60 đơn vị); mỗi sổ nhánh là một tệp\ncạnh --out (ví dụ nhanh-1.xlsx), có bản sao trang Thiết lập và chỉ các trang của đơn vị mình.\nKhông ghi đè tệp có sẵn, trừ khi có --force.',
    options: {
      out: s,
      agencies: s,
      province: s,
      period: s,
      year: s,
      deadline: s,
      from: s,
      branches: flag,
      force: flag,
    },
    files: [],
    run: (io, v) =>
      template(io, {
        out: need(v.out, '--out <sổ.xlsx>', 'template'),
        agencies: str(v.agencies),
        province: str(v.province),
        period: str(v.period),
        year: str(v.year),
        deadline: str(v.deadline),
        from: str(v.from),
        branches: v.branches === true,
        force: v.force === true,
      }),
  },
  {
    name: 'validate',
    usage: 'validate <sổ.xlsx> [<sổ-nhánh.xlsx>…] [--json <kết-quả.json>] [--quiet] [--force]',
    about: `Kiểm tra số liệu các đơn vị: in lỗi, rồi cảnh báo (--quiet để ẩn cảnh báo).\nSổ chưa đơn vị nào nhập số liệu được báo bằng một dòng.\n${BRANCHES}\nMã thoát: 0 không có lỗi, 1 có lỗi (kể cả sổ chưa ai nhập), 2 không đọc được tệp hoặc lệnh sai.`,
    options: { json: s, quiet: flag, force: flag },
    files: ['tệp .xlsx cần kiểm tra'],
    more: true,
    moreLike: WORKBOOK,
    run: (io, v, [file, ...branches]) =>
      validate(io, { file, branches, json: str(v.json), quiet: v.quiet === true, force: v.force === true }),
  },
  {
    name: 'consolidate',
    usage: 'consolidate <sổ.xlsx> [<sổ-nhánh.xlsx>…] --out <tổng-hợp.xlsx> [--json <tổng-hợp.json>] [--force]',
    about: `Tổng hợp số liệu, ghi sổ mới có các trang Tổng hợp, Chi tiết theo đơn vị,\nTình hình gửi báo cáo, Kết quả kiểm tra. Không bao giờ ghi vào tệp đầu vào;\nkhông ghi đè tệp kết quả có sẵn, trừ khi có --force.\n${BRANCHES} Sổ mới là sổ chính cộng các trang kết quả.`,
    options: { out: s, json: s, force: flag },
    files: ['tệp .xlsx cần tổng hợp'],
    more: true,
    moreLike: WORKBOOK,
    run: (io, v, [file, ...branches]) =>
      consolidate(io, {
        file,
        branches,
        out: need(v.out, '--out <tổng-hợp.xlsx>', 'consolidate'),
        json: str(v.json),
        force: v.force === true,
      }),
  },
  {
    name: 'report',
    usage:
      'report <sổ.xlsx> [<sổ-nhánh.xlsx>…] --out <báo-cáo.docx> [--agency "<tên đơn vị>"] [--previous <kỳ-trước.json|.xlsx>] [--force]',
    about: `Tổng hợp rồi soạn dự thảo báo cáo theo Nghị định 30/2020/NĐ-CP.\n--agency: báo cáo riêng của một đơn vị, từ trang của đơn vị đó.\n--previous: so sánh với kỳ trước hoặc cùng kỳ năm trước (tệp của consolidate --json,\nhoặc sổ đã tổng hợp); tệp của tỉnh khác hoặc của kỳ không trước kỳ này bị từ chối.\n${BRANCHES}`,
    options: { out: s, agency: s, previous: s, force: flag },
    files: ['tệp .xlsx'],
    more: true,
    moreLike: WORKBOOK,
    run: (io, v, [file, ...branches]) =>
      report(io, {
        file,
        branches,
        out: need(v.out, '--out <báo-cáo.docx>', 'report'),
        agency: str(v.agency),
        previous: str(v.previous),
        force: v.force === true,
      }),
  },
  {
    name: 'sample',
    usage:
      'sample --out <sổ.xlsx> [--period <kỳ>] [--year <năm>] [--communes <số xã>] [--provincial <số sở>] [--seed <n>] [--mistakes <0..1>] [--force]',
    about:
      'Tạo sổ mẫu đã nhập số liệu; --mistakes là tỷ lệ đơn vị có lỗi thường gặp (mặc định 0,2).\nKỳ mặc định: quý III năm 2026 (--period, --year như lệnh template).\nKhông ghi đè tệp có sẵn, trừ khi có --force.',
    options: { out: s, period: s, year: s, communes: s, provincial: s, seed: s, mistakes: s, force: flag },
    files: [],
    run: (io, v) =>
      sample(io, {
        out: need(v.out, '--out <sổ.xlsx>', 'sample'),
        communes: str(v.communes),
        provincial: str(v.provincial),
        seed: str(v.seed),
        mistakes: str(v.mistakes),
        period: str(v.period),
        year: str(v.year),
        force: v.force === true,
      }),
  },
  {
    name: 'split',
    usage: 'split <sổ.xlsx> --out <thư mục> [--force]',
    about: 'Tách mỗi đơn vị một tệp .xlsx (chỉ trang của đơn vị, có khối nhận dạng) để gửi cho đơn vị.',
    options: { out: s, force: flag },
    files: ['tệp .xlsx cần tách'],
    run: (io, v, [file]) => split(io, { file, out: need(v.out, '--out <thư mục>', 'split'), force: v.force === true }),
  },
  {
    name: 'collect',
    usage: 'collect <sổ.xlsx> <tệp hoặc thư mục>… --out <sổ-mới.xlsx> [--prefer newest] [--force]',
    about:
      'Nhận lại tệp của các đơn vị vào sổ mới (tệp đầu vào không bị sửa). Nhận diện đơn vị theo\nkhối nhận dạng; từ chối tệp khác kỳ, khác tỉnh, mẫu cũ, đơn vị lạ, trùng đơn vị.',
    options: { out: s, prefer: s, force: flag },
    files: ['sổ tổng hợp .xlsx'],
    more: true,
    run: (io, v, [file, ...inputs]) =>
      collect(io, {
        file,
        inputs,
        out: need(v.out, '--out <sổ-mới.xlsx>', 'collect'),
        prefer: str(v.prefer),
        force: v.force === true,
      }),
  },
  {
    name: 'demo',
    usage: 'demo [--out-dir <thư mục>] [--force]',
    about:
      'Chạy toàn bộ trên dữ liệu mẫu, ghi kết quả vào demo-output/ (thêm --force để thay kết quả của lần chạy demo trước).',
    options: { 'out-dir': s, force: flag },
    files: [],
    run: (io, v) => demo(io, { outDir: str(v['out-dir']) ?? 'demo-output', force: v.force === true }),
  },
];

const GUARANTEES = `Đường dẫn tương đối tính từ thư mục đang đứng khi gõ lệnh. Tệp đầu vào chỉ được đọc, không bao giờ bị ghi;
tệp kết quả được ghi vào tệp tạm rồi mới thay vào chỗ, nên lỗi giữa chừng không làm hỏng tệp cũ.`;

function overview(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n${indent(c.about, 8)}`);
  return `Báo cáo CCHC — công cụ dòng lệnh (chạy trên tệp Excel .xlsx)

Cách dùng: npm run cchc -- <lệnh> [tùy chọn]

Lệnh:
${lines.join('\n')}
  <lệnh> --help
        Hướng dẫn riêng của một lệnh.

${GUARANTEES}
`;
}

function commandHelp(c: Command): string {
  return `Cách dùng: npm run cchc -- ${c.usage}\n\n${c.about}\n\n${GUARANTEES}\n`;
}

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new CliError(
      `Không có lệnh "${name}". Các lệnh: ${COMMANDS.map((c) => c.name).join(', ')}. Xem: npm run cchc -- --help`,
    );
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    }) as { values: Values; positionals: string[] };
  } catch (e) {
    throw new CliError(argumentMessage(e, command));
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  const { positionals } = parsed;
  const npm = npmRun(io);
  if (npm) {
    // `npm run cchc template --out x.xlsx`: npm keeps --out (npm_config_out=true) and passes x.xlsx on.
    const kept = Object.keys(command.options).filter(
      (k) => parsed.values[k] === undefined && npm.env[`npm_config_${k.replace(/-/g, '_')}`] !== undefined,
    );
    if (kept.length)
      throw new CliError(
        `npm đã giữ lại ${kept.map((k) => `--${k}`).join(', ')} cho chính nó vì thiếu dấu -- sau tên lệnh npm, nên lệnh ${command.name} không nhận được. Hãy chạy lại với -- ngay sau tên lệnh npm, ví dụ: ${npm.prefix(command.name)} ${kept.map((k) => `--${k}`).join(' ')} …; tên có dấu cách thì đặt trong ngoặc kép.`,
      );
  }
  const further = positionals.slice(command.files.length);
  const stray = !command.more ? further : command.moreLike ? further.filter((f) => !command.moreLike!.test(f)) : [];
  if (stray.length)
    throw new CliError(
      `Lệnh ${command.name} không nhận thêm "${stray.join(' ')}". ${QUOTING} Xem: npm run cchc -- ${command.name} --help`,
    );
  command.files.forEach((what, i) => need(positionals[i], what, command.name));
  return command.run(io, parsed.values, positionals);
}

/** node:util's parseArgs errors, in Vietnamese. */
function argumentMessage(e: unknown, c: Command): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const message = String((e as Error)?.message ?? e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const help = `Xem: npm run cchc -- ${c.name} --help`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Lệnh ${c.name} không có tùy chọn "${option}". ${help}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(message))
        // "--communes -5": Node does not take a value starting with "-" after a space.
        return `Tùy chọn "${option}" của lệnh ${c.name} cần một giá trị, nhưng sau nó là một giá trị bắt đầu bằng dấu "-" (số âm hoặc một tùy chọn khác). Số âm không dùng được ở đây; hãy ghi một số không âm, ví dụ ${option} 5. ${help}`;
      return `Tùy chọn "${option}" của lệnh ${c.name} ${/argument missing/.test(message) ? 'cần một giá trị' : 'không nhận giá trị'}. ${help}`;
    default:
      return `Không hiểu các tham số của lệnh ${c.name}. ${help}`;
  }
}

const QUOTING =
  'Nếu chạy qua npm, đặt -- trước các tùy chọn (npm run cchc -- <lệnh> …); tên có dấu cách thì đặt trong ngoặc kép, ví dụ --agency "Sở Tài chính".';

/** Run through `npm run <script>` (npm says which in npm_lifecycle_event): how to type a command there. */
function npmRun(io: Io): { env: Record<string, string | undefined>; prefix: (command: string) => string } | null {
  const env = io.env ?? process.env;
  const script = env.npm_lifecycle_event;
  if (!script) return null;
  // `npm run demo` is `cli.js demo`: its options follow `--` directly.
  return {
    env,
    prefix: (command) => (script === command ? `npm run ${script} --` : `npm run ${script} -- ${command}`),
  };
}

/** An argument as a shell reads it back: quoted when it holds a space or a shell sign. */
function shellWord(arg: string): string {
  return /^[\p{L}\p{N}_./:=@%+,-]+$/u.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The refusal to replace a file says "add --force"; through npm that is `npm run demo -- --force`
 * (`npm run demo --force` gives --force to npm, which drops it), so the whole command is shown.
 */
function forceHint(argv: readonly string[], io: Io): string {
  const npm = npmRun(io);
  if (!npm || argv.includes('--force')) return '';
  const [command = '', ...rest] = argv;
  const line = [npm.prefix(command), ...rest.map(shellWord), '--force'].join(' ');
  return ` Chạy qua npm thì --force phải đứng sau dấu --: ${line}`;
}

/** Runs the CLI and turns every failure into a Vietnamese message and an exit code, never a trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    const { message, exitCode } = failureOf(e);
    io.out(e instanceof FileError && e.code === 'exists' ? message + forceHint(argv, io) : message);
    return exitCode;
  }
}

if (require.main === module) {
  xlsxSelfCheck.enabled = false; // users get no English warnings, and collect 140 MB less
  const io: Io = { out: (l) => console.log(l), clock: () => new Date() };
  main(process.argv.slice(2), io).then((code) => process.exit(code));
}
