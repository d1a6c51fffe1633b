// Builds the Apps Script bundle (build/Code.js + appsscript.json) and the Node CLI (dist/).
// Apps Script only calls real top-level function declarations, so after bundling the entry
// as an IIFE we read its export names from the bundle itself and append one forwarder each:
// the list of entry points is never written twice by hand.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
// 300 KB (issue 18): Apps Script parses and evaluates the whole bundle on every execution, including
// every onEdit of every user. Whitespace, syntax and local identifiers are minified (311 KB -> 261 KB
// when the draft's issuer, wording and consistency rules landed); keepNames gives every function its
// own name back, and V8 prints that name in a stack trace, so the Apps Script execution log still
// names our functions.
const BUDGET_BYTES = 300 * 1024;
const GLOBAL = 'CCHC';

async function buildAppsScript() {
  const outfile = join(root, 'build', 'Code.js');
  await build({
    entryPoints: [join(root, 'src', 'gas', 'main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile,
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    keepNames: true,
    // Vietnamese text as UTF-8, not \uXXXX escapes (six bytes a letter): Apps Script reads UTF-8 source.
    charset: 'utf8',
    logLevel: 'warning',
    define: { __ADDON__: args.has('--addon') ? 'true' : 'false' },
  });
  const bundle = readFileSync(outfile, 'utf8');
  const names = exportNames(bundle);
  if (!names.includes('onOpen')) throw new Error('src/gas/main.ts must export onOpen');
  const footer = names.map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`).join('\n');
  const code = `${bundle}\n// Entry points Apps Script can call (generated from src/gas/main.ts exports).\n${footer}\n`;
  writeFileSync(outfile, code);
  copyFileSync(join(root, 'appsscript.json'), join(root, 'build', 'appsscript.json'));
  const size = Buffer.byteLength(code);
  if (!quiet) {
    console.log(
      `build/Code.js: ${(size / 1024).toFixed(1)} KB (budget ${BUDGET_BYTES / 1024} KB), ${names.length} entry points`,
    );
  }
  if (size > BUDGET_BYTES) throw new Error(`build/Code.js is ${size} bytes, over the ${BUDGET_BYTES}-byte budget`);
}

/** Evaluates the IIFE in an empty context: it only defines functions, so this is safe and exact. */
function exportNames(bundle) {
  const ctx = vm.createContext({});
  vm.runInContext(`${bundle}\nthis.__names = Object.keys(${GLOBAL});`, ctx);
  return ctx.__names.filter((n) => typeof ctx[GLOBAL][n] === 'function' && /^[A-Za-z_$][\w$]*$/.test(n));
}

async function buildNode(entry, out) {
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    outfile: join(root, out),
    logLevel: 'warning',
  });
}

/**
 * build/import.html and build/download.html: the dialogs with their script inlined (Apps Script
 * serves one HTML file per dialog; no network, so no CDN). Their size is mostly the .xlsx reader
 * and writer (excelts' browser build).
 */
const DIALOG_BUDGET_BYTES = 1536 * 1024;
async function buildDialog(name, entry) {
  const result = await build({
    entryPoints: [join(root, 'src', 'dialog', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    // Vietnamese text as UTF-8, not \uXXXX escapes (six bytes a letter): the dialog declares utf-8.
    charset: 'utf8',
    logLevel: 'warning',
  });
  // A "</script" inside the bundle would end the inline script early.
  const js = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const html = readFileSync(join(root, 'src', 'dialog', `${name}.html`), 'utf8').replace('/*DIALOG_BUNDLE*/', () => js);
  writeFileSync(join(root, 'build', `${name}.html`), html);
  const size = Buffer.byteLength(html);
  if (!quiet)
    console.log(`build/${name}.html: ${(size / 1024).toFixed(1)} KB (budget ${DIALOG_BUDGET_BYTES / 1024} KB)`);
  if (size > DIALOG_BUDGET_BYTES)
    throw new Error(`build/${name}.html is ${size} bytes, over the ${DIALOG_BUDGET_BYTES}-byte budget`);
}

mkdirSync(join(root, 'build'), { recursive: true });
if (!args.has('--cli-only')) await buildAppsScript();
if (!args.has('--cli-only')) await buildDialog('import', 'entry.ts');
if (!args.has('--cli-only')) await buildDialog('download', 'download-entry.ts');
await buildNode('src/cli/main.ts', 'dist/cli.js');
if (!args.has('--cli-only') && existsSync(join(root, 'bench', 'bench.ts')))
  await buildNode('bench/bench.ts', 'dist/bench.js');
