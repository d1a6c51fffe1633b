/**
 * `npm run cchc -- <lệnh> …`: the offline engine on .xlsx files.
 */
import { parseArgs } from 'node:util';
import { CliError, Io, consolidate, demo, report, sample, template, validate } from './commands';
import { collect } from './collect';
import { split } from './split';

const HELP = `Báo cáo CCHC — công cụ dòng lệnh (chạy trên tệp Excel .xlsx)

Cách dùng: npm run cchc -- <lệnh> [tùy chọn]

Lệnh:
  template --out <sổ.xlsx> [--agencies <đơn-vị.csv>] [--period <kỳ>] [--year <năm>]
        Tạo sổ mới: trang Thiết lập và một trang biểu mẫu cho mỗi đơn vị.
        Kỳ: Q1, Q2, H1 (6 tháng), Q3, M9 (9 tháng), Q4, Y (năm). CSV cần cột name, type.
  validate <sổ.xlsx> [--json <kết-quả.json>]
        Kiểm tra số liệu các đơn vị. Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
  consolidate <sổ.xlsx> --out <tổng-hợp.xlsx> [--json <tổng-hợp.json>]
        Tổng hợp số liệu, ghi sổ mới có các trang Tổng hợp, Chi tiết theo đơn vị,
        Tình hình gửi báo cáo, Kết quả kiểm tra. Không ghi vào tệp đầu vào.
  report <sổ.xlsx> --out <báo-cáo.docx> [--agency "<tên đơn vị>"] [--previous <kỳ-trước.json|.xlsx>]
        Tổng hợp rồi soạn dự thảo báo cáo theo Nghị định 30/2020/NĐ-CP.
        --agency: báo cáo riêng của một đơn vị, từ trang của đơn vị đó.
        --previous: so sánh với kỳ trước hoặc cùng kỳ năm trước (tệp của consolidate --json,
        hoặc sổ đã tổng hợp); tệp của tỉnh khác hoặc của kỳ không trước kỳ này bị từ chối.
  sample --out <sổ.xlsx> [--communes <số xã>] [--provincial <số sở>] [--seed <n>] [--mistakes <0..1>]
        Tạo sổ mẫu đã nhập số liệu; --mistakes là tỷ lệ đơn vị có lỗi thường gặp (mặc định 0,2).
  split <sổ.xlsx> --out <thư mục> [--force]
        Tách mỗi đơn vị một tệp .xlsx (chỉ trang của đơn vị, có khối nhận dạng) để gửi cho đơn vị.
  collect <sổ.xlsx> <tệp hoặc thư mục>… --out <sổ-mới.xlsx> [--prefer newest] [--force]
        Nhận lại tệp của các đơn vị vào sổ mới (tệp đầu vào không bị sửa). Nhận diện đơn vị theo
        khối nhận dạng; từ chối tệp khác kỳ, khác tỉnh, mẫu cũ, đơn vị lạ, trùng đơn vị.
  demo [--out-dir <thư mục>]
        Chạy toàn bộ trên dữ liệu mẫu, ghi kết quả vào demo-output/.
  --help
        Hiện hướng dẫn này.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      agencies: { type: 'string' },
      period: { type: 'string' },
      year: { type: 'string' },
      communes: { type: 'string' },
      provincial: { type: 'string' },
      seed: { type: 'string' },
      mistakes: { type: 'string' },
      'out-dir': { type: 'string' },
      prefer: { type: 'string' },
      force: { type: 'boolean' },
      agency: { type: 'string' },
      previous: { type: 'string' },
    },
  });
  const file = positionals[0];
  const need = (v: string | undefined, what: string): string => {
    if (!v) throw new CliError(`Thiếu ${what}. Xem: npm run cchc -- --help`);
    return v;
  };
  switch (command) {
    case 'template':
      return template(io, {
        out: need(values.out, '--out <sổ.xlsx>'),
        agencies: values.agencies,
        period: values.period,
        year: values.year,
      });
    case 'validate':
      return validate(io, { file: need(file, 'tệp .xlsx cần kiểm tra'), json: values.json });
    case 'consolidate':
      return consolidate(io, {
        file: need(file, 'tệp .xlsx cần tổng hợp'),
        out: need(values.out, '--out <tổng-hợp.xlsx>'),
        json: values.json,
      });
    case 'report':
      return report(io, {
        file: need(file, 'tệp .xlsx'),
        out: need(values.out, '--out <báo-cáo.docx>'),
        agency: values.agency,
        previous: values.previous,
      });
    case 'sample':
      return sample(io, {
        out: need(values.out, '--out <sổ.xlsx>'),
        communes: values.communes,
        provincial: values.provincial,
        seed: values.seed,
        mistakes: values.mistakes,
      });
    case 'split':
      return split(io, {
        file: need(file, 'tệp .xlsx cần tách'),
        out: need(values.out, '--out <thư mục>'),
        force: values.force,
      });
    case 'collect':
      return collect(io, {
        file: need(file, 'sổ tổng hợp .xlsx'),
        inputs: positionals.slice(1),
        out: need(values.out, '--out <sổ-mới.xlsx>'),
        prefer: values.prefer,
        force: values.force,
      });
    case 'demo':
      return demo(io, { outDir: values['out-dir'] ?? 'demo-output' });
    default:
      throw new CliError(`Không có lệnh "${command}". Xem: npm run cchc -- --help`);
  }
}

/** Runs the CLI and turns every failure into a Vietnamese message and an exit code, never a trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.out(e.message);
      return e.exitCode;
    }
    if (
      e instanceof TypeError &&
      /parseArgs|Unknown option|ERR_PARSE_ARGS/.test(`${(e as NodeJS.ErrnoException).code} ${e.message}`)
    ) {
      io.out(`Tùy chọn không hợp lệ: ${e.message}. Xem: npm run cchc -- --help`);
      return 2;
    }
    io.out(`Lỗi ngoài dự kiến: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  const io: Io = { out: (l) => console.log(l), clock: () => new Date() };
  main(process.argv.slice(2), io).then((code) => process.exit(code));
}
