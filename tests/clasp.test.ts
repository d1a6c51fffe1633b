/**
 * The maintainer's clasp steps as README writes them (npm run clasp:create, clasp:use, push), run
 * against a stub `clasp` on PATH that records its arguments and answers as clasp 3.4.1 does: it
 * refuses to create a project beside an existing .clasp.json ("Project file already exists.") and,
 * without --force, asks whether to overwrite the manifest and skips the push on Enter.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { scratch } from './cli/helpers';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts/clasp.mjs');
const NEW_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnopq';

const STUB = `#!/bin/sh
printf '%s\\n' "$*" >> "$CLASP_LOG"
case "$1" in
  create-script)
    if [ -f .clasp.json ]; then echo "Project file already exists." >&2; exit 1; fi
    printf '{"scriptId":"${NEW_ID}","rootDir":"build"}' > .clasp.json
    echo "Created new document: https://drive.google.com/open?id=sheet1"
    echo "Created new script: https://script.google.com/d/${NEW_ID}/edit" ;;
  push)
    if [ "$2" = "--force" ]; then echo "Pushed 4 files at 10:00:00."; exit 0; fi
    echo "? Manifest file has been updated. Do you want to push and overwrite? (y/N)"
    echo "Skipping push." ;;
esac
`;

/** A project folder with a built bundle, and a PATH whose first `clasp` is the stub. */
function setup() {
  const project = scratch('cchc-clasp-');
  const bin = project.at('bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'clasp'), STUB);
  chmodSync(join(bin, 'clasp'), 0o755);
  mkdirSync(project.at('build'));
  writeFileSync(project.at('build/Code.js'), '// bundle\n');
  const log = project.at('clasp-calls.txt');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [SCRIPT, ...args], {
      cwd: project.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH}`,
        CLASP_LOG: log,
        CCHC_CLASP_ROOT: project.dir,
      },
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  const claspJson = () => JSON.parse(readFileSync(project.at('.clasp.json'), 'utf8')) as Record<string, string>;
  return { ...project, run, calls, claspJson };
}

describe('the clasp steps', () => {
  it('are the npm scripts README names, over scripts/clasp.mjs', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['clasp:create']).toBe('node scripts/clasp.mjs create');
    expect(scripts['clasp:create-addon']).toBe('node scripts/clasp.mjs create-addon');
    expect(scripts['clasp:use']).toBe('node scripts/clasp.mjs use');
    expect(scripts.push).toBe('npm run build && node scripts/clasp.mjs push');
    expect(scripts['push:addon']).toBe('npm run build -- --addon && node scripts/clasp.mjs push');
    expect(existsSync(join(ROOT, '.clasp.json'))).toBe(false); // no placeholder shipped
  });

  it('create a spreadsheet and its project when no .clasp.json exists', () => {
    const p = setup();
    const r = p.run('create', 'Báo cáo CCHC Vĩnh Long');
    expect(r.code).toBe(0);
    expect(p.calls()).toEqual(['create-script --type sheets --title Báo cáo CCHC Vĩnh Long --rootDir build']);
    expect(p.claspJson().scriptId).toBe(NEW_ID);
    expect(r.out).toContain('Tiếp theo: npm run push');
  });

  it('create the project even beside the placeholder .clasp.json an older clone has, keeping it aside', () => {
    const p = setup();
    writeFileSync(p.at('.clasp.json'), '{"scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "build"}');
    const r = p.run('create');
    expect(r.code).toBe(0);
    expect(p.calls()).toEqual(['create-script --type sheets --title Báo cáo CCHC --rootDir build']);
    expect(r.out).not.toContain('Project file already exists');
    expect(p.claspJson().scriptId).toBe(NEW_ID);
    expect(readFileSync(p.at('.clasp.json.cu'), 'utf8')).toContain('REPLACE_WITH_YOUR_SCRIPT_ID');
  });

  it('create a new project beside a real one, saying where the old one went', () => {
    const p = setup();
    writeFileSync(p.at('.clasp.json'), '{"scriptId": "1oldOldOldOldOldOldOldOldOld", "rootDir": "build"}');
    const r = p.run('create');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã cất .clasp.json cũ (dự án 1oldOldOldOldOldOldOldOldOld) sang .clasp.json.cu');
    expect(p.claspJson().scriptId).toBe(NEW_ID);
  });

  it('create a standalone project for the add-on route, as an editor add-on must be', () => {
    const p = setup();
    const r = p.run('create-addon');
    expect(r.code).toBe(0);
    expect(p.calls()).toEqual(['create-script --type standalone --title Báo cáo CCHC --rootDir build']);
    expect(r.out).toContain('npm run push:addon');
  });

  it('attach to an existing spreadsheet by its Script ID, keeping build/ as the root', () => {
    const p = setup();
    expect(p.run('use', NEW_ID).code).toBe(0);
    expect(p.claspJson()).toEqual({ scriptId: NEW_ID, rootDir: 'build' });
    const wrong = p.run('use', 'https://docs.google.com/x');
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('Tiện ích mở rộng → Apps Script → Cài đặt dự án');
    expect(p.calls()).toEqual([]); // clasp itself is not needed for this
  });

  it('push without clasp asking anything, and say so in Vietnamese', () => {
    const p = setup();
    p.run('use', NEW_ID);
    const r = p.run('push');
    expect(r.code).toBe(0);
    expect(p.calls()).toEqual(['push --force']);
    expect(r.out).not.toContain('Skipping push');
    expect(r.out).toContain('Đã đẩy mã lên Google. Tải lại bảng tính');
  });

  it('refuse to push before a project is attached, naming both ways to attach one', () => {
    const p = setup();
    writeFileSync(p.at('.clasp.json'), '{"scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "build"}');
    const r = p.run('push');
    expect(r.code).toBe(1);
    expect(r.out).toContain('npm run clasp:create');
    expect(r.out).toContain('npm run clasp:use -- <Mã tập lệnh>');
    expect(p.calls()).toEqual([]);
  });

  it("explain clasp's English question and its 'Skipping push.' when clasp is run by hand", () => {
    const p = setup();
    writeFileSync(
      join(p.dir, 'bin', 'clasp'),
      '#!/bin/sh\necho "Skipping push."\necho "Project file already exists." >&2\nexit 1\n',
    );
    p.run('use', NEW_ID);
    const r = p.run('push');
    expect(r.code).toBe(1);
    expect(r.out).toContain('clasp đã bỏ qua, chưa đẩy mã lên');
    expect(r.out).toContain('clasp nói "đã có tệp dự án"');
  });
});
