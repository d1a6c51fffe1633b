/**
 * HtmlService with project HTML files, and google.script.run between a dialog and the server,
 * as strict as Google documents them:
 * - createHtmlOutputFromFile(name) serves an HTML file of the project (HtmlService reference). For
 *   an unknown name it throws here; Google's exact message was not found, so no test relies on it.
 * - google.script.run is asynchronous; "Legal parameters are JavaScript primitives ... as well as
 *   objects and arrays composed of primitives ... Requests fail if you attempt to pass a Date,
 *   Function, DOM element besides a form ... undefined fields within arrays become null", and
 *   the server receives a copy (developers.google.com/apps-script/guides/html/reference/run;
 *   tanaikech.github.io/2023/08/28/report-values-to-transfer-between-javascript-and-google-apps-script-with-google.script.run).
 *   Return values come back the same way (a Date in a return value makes the call fail).
 */
import { Calls, fakeHtmlService } from './gas';

export function fakeHtmlServiceWithFiles(calls: Calls, files: Record<string, string>) {
  const base = fakeHtmlService(calls);
  return {
    ...base,
    createHtmlOutputFromFile(name: string) {
      calls.hit('HtmlService.createHtmlOutputFromFile');
      if (!(name in files)) throw new Error(`No HTML file named ${name} in the project.`);
      const out: { content: string; setWidth(): unknown; setHeight(): unknown; setTitle(): unknown } = {
        content: files[name],
        setWidth: () => out,
        setHeight: () => out,
        setTitle: () => out,
      };
      return out;
    },
  };
}

/** A copy as Google's transport makes it; throws on what Google refuses. */
export function transport(v: unknown, path = 'argument'): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return null;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    throw new Error(`google.script.run: ${path} is a Date, which cannot be passed`);
  if (typeof v === 'function') throw new Error(`google.script.run: ${path} is a function, which cannot be passed`);
  if (Array.isArray(v)) return v.map((x, i) => transport(x, `${path}[${i}]`));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      if (x !== undefined) out[k] = transport(x, `${path}.${k}`);
    return out;
  }
  throw new Error(`google.script.run: ${path} has an illegal type ${typeof v}`);
}

export interface ScriptRunLog {
  calls: { fn: string; bytes: number }[];
  pending: Promise<unknown>[];
}

/**
 * google.script.run over a server whose top-level functions are in `server` (the Code.js sandbox).
 * Each call runs after the current task, like a real round trip; `log.pending` lets a test await it.
 */
export function fakeScriptRun(server: Record<string, unknown>, log: ScriptRunLog = { calls: [], pending: [] }) {
  type Handler = (v: unknown) => void;
  const make = (ok: Handler | null, fail: Handler | null): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (f: Handler) => make(f, fail);
          if (prop === 'withFailureHandler') return (f: Handler) => make(ok, f);
          return (...args: unknown[]) => {
            const fn = server[prop];
            const p = Promise.resolve().then(() => {
              if (typeof fn !== 'function') throw new Error(`Script function not found: ${prop}`);
              const sent = args.map((a, i) => transport(a, `argument ${i}`));
              log.calls.push({ fn: prop, bytes: JSON.stringify(sent).length });
              return transport((fn as (...a: unknown[]) => unknown)(...sent), 'return value');
            });
            log.pending.push(
              p.then(
                (v) => ok?.(v),
                (e: Error) => fail?.({ message: e.message }),
              ),
            );
          };
        },
      },
    );
  return { run: make(null, null), log };
}
