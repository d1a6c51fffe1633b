/**
 * Every .xlsx a command writes holds only values the OOXML schema allows, whatever program saved
 * its input: our own sample, the same saved by openpyxl and by LibreOffice Calc
 * (tests/fixtures/interop). openpyxl refuses a workbook with `<patternFill patternType="undefined"/>`,
 * which excelts wrote back for openpyxl's `<patternFill/>`. (By hand, with openpyxl and soffice
 * installed, scripts/interop/check-outputs.sh opens the same outputs in both programs.)
 */
import JSZip from 'jszip';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliWith, scratch } from '../cli/helpers';
import { NOW } from '../gas/setup';
import { FIXTURES } from '../paths';

const dir = join(FIXTURES, 'interop');
const { at } = scratch('cchc-outputs-');
const cli = cliWith(() => NOW);

/** ECMA-376 Part 1, §18.18.55 ST_PatternType. */
const PATTERNS = new Set([
  'none',
  'solid',
  'mediumGray',
  'darkGray',
  'lightGray',
  'darkHorizontal',
  'darkVertical',
  'darkDown',
  'darkUp',
  'darkGrid',
  'darkTrellis',
  'lightHorizontal',
  'lightVertical',
  'lightDown',
  'lightUp',
  'lightGrid',
  'lightTrellis',
  'gray125',
  'gray0625',
]);

/** What in the file's XML no schema allows: JavaScript's words for a missing or broken value. */
async function invalidValues(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const bad: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/\s([\w:]+)="(undefined|null|NaN|Infinity|-Infinity|\[object Object\])"/g))
      bad.push(`${name}: ${m[1]}="${m[2]}"`);
    for (const m of xml.matchAll(/<patternFill\b[^>]*?patternType="([^"]*)"/g))
      if (!PATTERNS.has(m[1])) bad.push(`${name}: patternType="${m[1]}"`);
  }
  return bad;
}

describe.each(['sample.xlsx', 'sample.openpyxl.xlsx', 'sample.libreoffice.xlsx'])('outputs made from %s', (input) => {
  const src = join(dir, input);
  const tag = input.replace(/\.xlsx$/, '');

  it('the input itself is what the test is about (openpyxl writes <patternFill/>)', async () => {
    const styles = await (await JSZip.loadAsync(readFileSync(src))).file('xl/styles.xml')!.async('string');
    if (input.includes('openpyxl')) expect(styles).toContain('<patternFill/>');
    expect(styles).toContain('<patternFill');
  });

  it('consolidate, split and collect write only valid style and XML values', async () => {
    const summary = at(`${tag}.tong-hop.xlsx`);
    expect((await cli('consolidate', src, '--out', summary, '--json', at(`${tag}.json`))).code).toBeLessThan(2);
    const parts = at(`${tag}.split`);
    expect((await cli('split', src, '--out', parts)).code).toBe(0);
    const files = readdirSync(parts).sort();
    const collected = at(`${tag}.collected.xlsx`);
    const res = await cli('collect', src, join(parts, files[0]), '--out', collected);
    expect(res.code).toBeLessThan(2);
    const outputs = [summary, join(parts, files[0]), collected];
    for (const f of outputs) expect({ file: f, bad: await invalidValues(f) }).toEqual({ file: f, bad: [] });
  });
});
