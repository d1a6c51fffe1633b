// The maintainer's clasp steps, so they work as README writes them (issue 30):
//   node scripts/clasp.mjs create [title]   a new spreadsheet with its bound Apps Script project,
//                                           whether or not a .clasp.json is already there
//   node scripts/clasp.mjs create-addon [title]   a standalone project, as an editor add-on must be
//   node scripts/clasp.mjs use <scriptId>   attach to an existing spreadsheet's project
//   node scripts/clasp.mjs push             push build/ without clasp's interactive question
// clasp is found on PATH (npm puts node_modules/.bin first; the tests put a stub there). Its
// English output is passed through, and the messages a maintainer meets are explained in Vietnamese.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.CCHC_CLASP_ROOT || join(import.meta.dirname, '..');
const projectFile = join(root, '.clasp.json');
const ROOT_DIR = 'build';
const DEFAULT_TITLE = 'Báo cáo CCHC';

/** clasp's English messages (clasp 3.4.1), and what they mean for this project, in Vietnamese. */
const EXPLAINED = [
  [
    /Project file already exists/,
    'clasp nói "đã có tệp dự án": thư mục này đã có .clasp.json. Dùng "npm run clasp:create" (tự cất tệp cũ sang .clasp.json.cu) thay cho "npx clasp create-script".',
  ],
  [
    /Manifest file has been updated\. Do you want to push and overwrite\?/,
    'clasp hỏi "tệp kê khai (appsscript.json) đã đổi, có ghi đè lên bản trên Google không?". Với dự án này luôn là có: "npm run push" tự trả lời có (clasp push --force).',
  ],
  [
    /Skipping push\./,
    'clasp đã bỏ qua, chưa đẩy mã lên (câu hỏi ghi đè được trả lời "không"). Chạy lại "npm run push".',
  ],
  [
    /Script is already up to date\./,
    'Mã trên Google đã giống hệt bản này: không có gì để đẩy lên. Tải lại bảng tính để thấy menu Báo cáo CCHC.',
  ],
  [
    /Pushed (\d+|one) files?/,
    'Đã đẩy mã lên Google. Tải lại bảng tính (F5): menu Báo cáo CCHC xuất hiện sau vài giây.',
  ],
  [
    /Created new document: (\S+)/,
    'Đã tạo bảng tính mới kèm dự án Apps Script (đường liên kết sau "Created new document"). Tiếp theo: npm run push.',
  ],
  [
    /Not logged in|No credentials|unauthenticated|invalid_grant/i,
    'clasp chưa đăng nhập (hoặc phiên đăng nhập đã hết hạn): chạy "npx clasp login" rồi làm lại.',
  ],
  [
    /Apps Script API|usersettings/,
    'Tài khoản chưa bật Apps Script API: mở https://script.google.com/home/usersettings, bật "Google Apps Script API", đợi vài phút rồi làm lại.',
  ],
  [
    /Script ID is not set/,
    'Chưa có mã tập lệnh (scriptId) trong .clasp.json: chạy "npm run clasp:create" hoặc "npm run clasp:use -- <Mã tập lệnh>".',
  ],
];

/** The placeholder older clones shipped ("REPLACE_WITH_YOUR_SCRIPT_ID"), or nothing. */
const PLACEHOLDER = /^$|REPLACE/;
/** An Apps Script project's ID: letters, digits, "-" and "_", some 57 characters. */
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;

function say(line) {
  process.stdout.write(`${line}\n`);
}
function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The scriptId of .clasp.json: null when there is no file, '' for the placeholder or an unreadable file. */
function currentScriptId() {
  if (!existsSync(projectFile)) return null;
  try {
    const id = JSON.parse(readFileSync(projectFile, 'utf8')).scriptId;
    return typeof id === 'string' && !PLACEHOLDER.test(id) ? id : '';
  } catch {
    return '';
  }
}

/** Runs clasp with these arguments, passing its output through; then explains what it said. */
function clasp(args) {
  const run = spawnSync('clasp', args, {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (run.error) {
    fail(
      run.error.code === 'ENOENT'
        ? 'Không tìm thấy clasp. Chạy "npm ci" trong thư mục dự án rồi dùng lệnh qua npm (npm run push), không gọi thẳng node.'
        : `Không chạy được clasp: ${run.error.message}`,
    );
  }
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  const said = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const notes = EXPLAINED.filter(([pattern]) => pattern.test(said)).map(([, note]) => note);
  for (const note of notes) say(`→ ${note}`);
  if (run.status !== 0 && !notes.length)
    say(
      '→ clasp báo lỗi (tiếng Anh, ở trên). Các lỗi thường gặp và cách xử lý: docs/trien-khai.md, mục "clasp nói gì".',
    );
  return run.status ?? 1;
}

/** A new project: bound to a new spreadsheet ('sheets'), or standalone for the add-on route. */
function create(title, type = 'sheets') {
  const id = currentScriptId();
  if (id !== null) {
    const aside = `${projectFile}.cu`;
    renameSync(projectFile, aside);
    say(
      id
        ? `Đã cất .clasp.json cũ (dự án ${id}) sang .clasp.json.cu: muốn quay lại dự án đó thì đổi tên tệp này lại.`
        : 'Đã cất .clasp.json mẫu (chưa có mã tập lệnh) sang .clasp.json.cu.',
    );
  }
  const status = clasp(['create-script', '--type', type, '--title', title || DEFAULT_TITLE, '--rootDir', ROOT_DIR]);
  if (status === 0)
    say(
      type === 'sheets'
        ? '→ Bước tiếp theo: npm run push (đóng gói rồi đẩy mã lên bảng tính vừa tạo).'
        : '→ Bước tiếp theo: npm run push:addon, rồi làm tiếp theo docs/trien-khai.md, mục "Tiện ích bổ sung cho cả miền".',
    );
  return status;
}

function use(scriptId) {
  const id = (scriptId ?? '').trim();
  if (!SCRIPT_ID.test(id))
    fail(
      'Cần Mã tập lệnh (Script ID) của bảng tính: mở bảng tính, Tiện ích mở rộng → Apps Script → Cài đặt dự án (biểu tượng bánh răng), chép "Mã tập lệnh", rồi chạy: npm run clasp:use -- <Mã tập lệnh>',
    );
  const old = currentScriptId();
  if (old && old !== id) {
    renameSync(projectFile, `${projectFile}.cu`);
    say(`Đã cất .clasp.json cũ (dự án ${old}) sang .clasp.json.cu.`);
  }
  writeFileSync(projectFile, `${JSON.stringify({ scriptId: id, rootDir: ROOT_DIR }, null, 2)}\n`);
  say(`Đã ghi .clasp.json: dự án ${id}, thư mục ${ROOT_DIR}/. Bước tiếp theo: npm run push.`);
  return 0;
}

function push() {
  const id = currentScriptId();
  if (!id)
    fail(
      'Chưa gắn dự án Apps Script nào (.clasp.json chưa có mã tập lệnh). Bảng tính mới: npm run clasp:create. Bảng tính có sẵn: npm run clasp:use -- <Mã tập lệnh>.',
    );
  if (!existsSync(join(root, ROOT_DIR, 'Code.js')))
    fail('Chưa có build/Code.js: chạy "npm run push" (đóng gói trước khi đẩy).');
  // --force: clasp otherwise asks in English whether to overwrite the manifest, and Enter means no.
  return clasp(['push', '--force']);
}

const [command, arg] = process.argv.slice(2);
const commands = {
  create: () => create(arg),
  'create-addon': () => create(arg, 'standalone'),
  use: () => use(arg),
  push,
};
if (!(command in commands))
  fail('Dùng: node scripts/clasp.mjs create [tên] | create-addon [tên] | use <Mã tập lệnh> | push');
process.exit(commands[command]());
