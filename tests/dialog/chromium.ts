/**
 * The dialogs in a real browser: Debian's Chromium driven by playwright-core (which downloads no
 * browser of its own), each dialog's real build/*.html, and google.script.run stubbed so that
 * every call reaches the real build/Code.js running on the fake of Google (tests/fakes), with the
 * same copy rules as Google's transport (tests/fakes/html.ts).
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import vm from 'node:vm';
import { Browser, Frame, Page, chromium } from 'playwright-core';
import { transport } from '../fakes/html';

/** The names .ci/run looks for too (Debian's package installs /usr/bin/chromium). */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Fails, never skips, when there is no browser: a dialog test that did not run did not pass. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(
    `No Chromium found for the browser tests (looked for ${NAMES.join(', ')} on PATH, and $CHROMIUM_PATH). ` +
      'Install it: "sudo apt-get update && sudo apt-get install -y chromium" (Debian/Ubuntu; .ci/run does this), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

/** Playwright gives every launch a fresh temporary profile (its own --user-data-dir). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=vi',
    ],
  });
}

const HOST_URL = 'https://dialog.invalid/';
const DIALOG_URL = 'https://dialog.invalid/userCodeAppPanel';

/**
 * Apps Script shows a dialog's HTML in an iframe sandboxed with these keywords ("HTML Service:
 * Restrictions", developers.google.com/apps-script/guides/html/restrictions): without
 * allow-downloads the browser would drop the download dialog's .zip.
 */
const GOOGLE_SANDBOX = [
  'allow-same-origin',
  'allow-forms',
  'allow-scripts',
  'allow-popups',
  'allow-downloads',
  'allow-modals',
  'allow-popups-to-escape-sandbox',
].join(' ');
const HOST_HTML =
  '<!doctype html><html><body style="margin:0"><iframe id="dialog" ' +
  `sandbox="${GOOGLE_SANDBOX}" src="${DIALOG_URL}" style="border:0;width:100vw;height:100vh"></iframe></body></html>`;

export interface ScriptCall {
  readonly fn: string;
  /** JSON size of the arguments sent and of the answer returned. */
  readonly bytes: number;
  readonly returned: number;
  readonly ms: number;
}

/**
 * Opens a dialog's HTML in a sandboxed iframe, as Google does, whose google.script.run calls
 * `server` (the Code.js sandbox); `frame` is the dialog, `page` the window around it. Sidebar and
 * dialog sizes are Google's: `width` as the dialog's setWidth (sidebars are 300 px).
 */
export async function openDialog(
  browser: Browser,
  html: string,
  server: vm.Context,
  size: { width: number; height: number },
): Promise<{ page: Page; frame: Frame; calls: ScriptCall[] }> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  const page = await context.newPage();
  const calls: ScriptCall[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (process.env.DEBUG_DIALOG) page.on('console', (m) => console.log(m.text()));
  if (process.env.DEBUG_DIALOG) page.on('pageerror', (m) => console.log(m));
  await page.exposeFunction('__scriptRun', (fn: string, args: unknown[]) => {
    const f = (server as Record<string, unknown>)[fn];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${fn}`);
    const sent = args.map((a, i) => transport(a, `argument ${i}`));
    const start = Date.now();
    const answer = transport((f as (...a: unknown[]) => unknown)(...sent), 'return value');
    calls.push({
      fn,
      bytes: JSON.stringify(sent).length,
      returned: JSON.stringify(answer).length,
      ms: Date.now() - start,
    });
    return answer;
  });
  await page.addInitScript(() => {
    type Handler = ((v: unknown) => void) | null;
    const w = globalThis as unknown as {
      __scriptRun(fn: string, args: unknown[]): Promise<unknown>;
      google: unknown;
    };
    const make = (ok: Handler, fail: Handler): unknown =>
      new Proxy(
        {},
        {
          get(_t, prop: string) {
            if (prop === 'withSuccessHandler') return (f: Handler) => make(f, fail);
            if (prop === 'withFailureHandler') return (f: Handler) => make(ok, f);
            return (...args: unknown[]) => {
              w.__scriptRun(prop, args).then(
                (v) => ok?.(v),
                (e: Error) => fail?.({ message: e.message }),
              );
            };
          },
        },
      );
    w.google = { script: { run: make(null, null) } };
  });
  // Served at a made-up address from memory; any other request fails: the dialogs need no network.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const body = url === HOST_URL ? HOST_HTML : url === DIALOG_URL ? html : null;
    return body === null ? route.abort() : route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
  await page.goto(HOST_URL, { waitUntil: 'load' });
  const frame = page.frames().find((f) => f.url() === DIALOG_URL);
  if (!frame) throw new Error('The dialog did not load in its iframe.');
  if (errors.length) throw new Error(`The dialog's script failed: ${errors.join('; ')}`);
  return { page, frame, calls };
}
