/**
 * The add-on's dialogs and help sidebar in Chromium: the real build/*.html, clicked as a user
 * clicks, talking to the real build/Code.js on the fake of Google. A consolidator downloads every
 * agency's form, an agency fills its file, the consolidator imports the files back.
 * Set CCHC_SCREENSHOTS=<folder> to keep the screenshots the consolidator's guide shows:
 * `CCHC_SCREENSHOTS=docs/hinh npx jest tests/dialog` remakes docs/hinh/*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import JSZip from 'jszip';
import { Browser, Frame, Page } from 'playwright-core';
import { consolidateWorkbook, generateTemplates, splitPlans } from '../../src/core/use-cases';
import { summaryJson } from '../../src/core/figures/consolidate';
import { writeFill } from '../../src/demo/sample';
import { settingsPlan } from '../../src/core/settings';
import { agencyFileBytes } from '../../src/local/agency-file';
import { guardedGrids } from '../../src/local/xlsx-guard';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { MENU_ITEMS } from '../../src/gas/main';
import { fakeHtmlServiceWithFiles } from '../fakes/html';
import { NOW, catalog, gasWorkbook, province } from '../gas/setup';
import { cliWith, scratch } from '../cli/helpers';
import { launch, openDialog } from './chromium';
import { BUILD } from '../paths';
import { runContext } from '../../src/core/settings/run-context';

const html = (name: string) => readFileSync(join(BUILD, `${name}.html`), 'utf8');
const SHOTS = process.env.CCHC_SCREENSHOTS;

/** Keeps a picture of the dialog for the guides, as tall as its content (a sidebar scrolls). */
async function shot(d: { page: Page; frame: Frame }, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const size = d.page.viewportSize()!;
  const height = Number(await d.frame.evaluate('document.documentElement.scrollHeight'));
  if (height > size.height) await d.page.setViewportSize({ width: size.width, height });
  await d.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (height > size.height) await d.page.setViewportSize(size);
}

/** A province whose first agency already typed its figures into its tab, and the add-on's server. */
function addon() {
  const p = province({ provincial: 3, communes: 3, notSentShare: 0, mistakeShare: 0 });
  generateTemplates(p.wb, runContext(p.settings));
  writeFill(p.wb, catalog, p.settings, p.fills[0]);
  const files = { import: html('import'), download: html('download') };
  const globals = { ...p.fake.globals, HtmlService: fakeHtmlServiceWithFiles(p.fake.calls, files) };
  const server = vm.createContext({ ...globals, console: { log() {}, error() {}, warn() {} } });
  vm.runInContext(readFileSync(join(BUILD, 'Code.js'), 'utf8'), server, { filename: 'Code.js' });
  return { ...p, server };
}

const toArrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sheetValues = async (name: string, bytes: Uint8Array) =>
  (await guardedGrids(name, bytes)).sheets.map((s) => ({ name: s.name, values: s.values }));

/**
 * Every part of an .xlsx (sheet XML with its validations, protection and formulas, styles, notes)
 * except the document properties, which hold the time the file was made.
 */
async function xlsxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const z = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(z.files).sort())
    if (name !== 'docProps/core.xml' && !z.files[name].dir) out[name] = await z.file(name)!.async('string');
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the dialogs in Chromium', () => {
  it('downloads every agency form as split makes it, and the filled files import back', async () => {
    const p = addon();
    (p.server.menuDownloadAgencyForms as () => void)();
    expect(p.fake.ui.dialogs.pop()).toContain('id="go"');

    // Download: one call to the script, one .zip holding split's files under split's names.
    const dl = await openDialog(browser, html('download'), p.server, { width: 760, height: 520 });
    await shot(dl, 'tai-bieu-mau-truoc');
    const [download] = await Promise.all([dl.page.waitForEvent('download'), dl.frame.click('#go')]);
    const zipped = await JSZip.loadAsync(readFileSync(await download.path()));
    await dl.frame.waitForSelector('ol.files');
    await shot(dl, 'tai-bieu-mau');
    expect(dl.calls.map((c) => c.fn)).toEqual(['agencyFormGrids']);
    expect(download.suggestedFilename()).toBe('Bieu mau CCHC - Quy III 2026.zip');
    expect(await dl.frame.textContent('#out')).toContain('Đã tạo 6 tệp biểu mẫu');
    const plans = splitPlans(runContext(p.settings));
    expect(Object.keys(zipped.files).sort()).toEqual(plans.map((f) => f.fileName).sort());

    // The same files `split` writes from a workbook holding the same figures, cell for cell.
    const offline = XlsxWorkbook.create(() => NOW);
    offline.create(settingsPlan(p.settings));
    generateTemplates(offline, runContext(p.settings));
    writeFill(offline, catalog, p.settings, p.fills[0]);
    const downloaded = new Map<string, Uint8Array>();
    for (const f of plans) {
      const bytes = await zipped.file(f.fileName)!.async('uint8array');
      downloaded.set(f.agency.sheet, bytes);
      const bySplit = await agencyFileBytes(runContext(p.settings), f, offline.read(f.agency.sheet), () => NOW);
      expect(await sheetValues(f.fileName, bytes)).toEqual(await sheetValues(f.fileName, bySplit));
      expect(await xlsxParts(bytes)).toEqual(await xlsxParts(bySplit));
    }

    // An agency fills its file offline; both files come back through the import dialog.
    const fourth = await XlsxWorkbook.fromBuffer(toArrayBuffer(downloaded.get(p.fills[3].agency.sheet)!));
    writeFill(fourth, catalog, p.settings, p.fills[3]);
    const back = [
      {
        name: plans[0].fileName,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(downloaded.get(plans[0].agency.sheet)!),
      },
      { name: plans[3].fileName, mimeType: 'application/octet-stream', buffer: await fourth.toBuffer() },
    ];
    const im = await openDialog(browser, html('import'), p.server, { width: 760, height: 560 });
    await im.frame.setInputFiles('#files', back);
    await shot(im, 'nhap-tep-truoc');
    await im.frame.click('#go');
    await im.frame.waitForSelector('#out table');
    await shot(im, 'nhap-tep');
    expect(im.calls.map((c) => c.fn)).toEqual(['importAgencyGrids']);
    expect(await im.frame.textContent('#out')).toContain('Đã nhận 2/2 tệp');

    // The consolidation equals typing the same figures into the tabs directly.
    const direct = province({ provincial: 3, communes: 3, notSentShare: 0, mistakeShare: 0 });
    generateTemplates(direct.wb, runContext(direct.settings));
    for (const i of [0, 3]) writeFill(direct.wb, catalog, direct.settings, direct.fills[i]);
    const expected = summaryJson(consolidateWorkbook(direct.wb, runContext(direct.settings)));
    const viaDialogs = summaryJson(consolidateWorkbook(gasWorkbook(p.fake).wb, runContext(p.settings)));
    expect(viaDialogs).toEqual(expected);

    // The same downloaded files collect back through the command line's `collect` as well.
    const { at } = scratch('cchc-download-');
    writeFileSync(at('tinh.xlsx'), await offline.toBuffer());
    for (const f of back) writeFileSync(at(f.name), f.buffer);
    const cli = cliWith(() => NOW);
    const res = await cli('collect', at('tinh.xlsx'), ...back.map((f) => at(f.name)), '--out', at('moi.xlsx'));
    expect(res.out).toContain('Đã nhận 2/2 tệp');
    expect(res.code).toBe(0);
    const collected = await XlsxWorkbook.fromBuffer(toArrayBuffer(readFileSync(at('moi.xlsx'))));
    expect(summaryJson(consolidateWorkbook(collected, runContext(p.settings)))).toEqual(expected);
  });

  it("gives agency staff no other agency's figures", async () => {
    const p = addon();
    p.fake.ss.me = 'nhaplieu@example.gov.vn';
    const dl = await openDialog(browser, html('download'), p.server, { width: 760, height: 520 });
    await dl.frame.click('#go');
    await dl.frame.waitForSelector('#out .err');
    expect(await dl.frame.textContent('#out')).toContain('Chỉ người tổng hợp');
    expect(await dl.frame.locator('#zip').count()).toBe(0);
  });

  it('shows the help sidebar at Google’s 300 px width, naming every menu item', async () => {
    const p = addon();
    (p.server.menuHelp as () => void)();
    const sidebar = p.fake.ui.dialogs.pop()!;
    const hp = await openDialog(browser, sidebar, p.server, { width: 300, height: 900 });
    await shot(hp, 'huong-dan');
    const text = (await hp.frame.textContent('body'))!;
    for (const item of MENU_ITEMS) if (item) expect(text).toContain(item[0].replace(/ \(.*\)$/, ''));
    // Nothing wider than the sidebar: no sideways scrolling.
    expect(await hp.frame.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
  });
});
