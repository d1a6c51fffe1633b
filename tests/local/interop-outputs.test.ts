/**
 * Every .xlsx a command writes holds only values the OOXML schema allows, whatever program saved
 * its input: our own sample and template, the same saved by openpyxl and by LibreOffice Calc
 * (tests/fixtures/interop), and one carrying the styles other programs write (a conditional
 * format's fill with no pattern, as LibreOffice and Excel write it) or no program should.
 * openpyxl refuses a workbook with `<patternFill patternType="undefined"/>`, which excelts wrote
 * back for both kinds of fill without a pattern. (By hand, with openpyxl and soffice installed,
 * scripts/interop/check-outputs.sh opens the same outputs in both programs.)
 */
import JSZip from 'jszip';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliWith, scratch } from '../cli/helpers';
import { NOW } from '../gas/setup';
import { FIXTURES } from '../paths';
import { oddStyles } from './hostile-corpus';
import { PATTERN_TYPES, invalidValues, patternTypes } from './ooxml-values';

const dir = join(FIXTURES, 'interop');
const { at } = scratch('cchc-outputs-');
const cli = cliWith(() => NOW);

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

describe.each([
  'sample.xlsx',
  'sample.openpyxl.xlsx',
  'sample.libreoffice.xlsx',
  'template.xlsx',
  'template.openpyxl.xlsx',
  'template.libreoffice.xlsx',
])('template --from and consolidate on %s', (input) => {
  it('write styles whose every fill has a pattern the format allows', async () => {
    const tag = input.replace(/\.xlsx$/, '');
    const outputs = [at(`${tag}.from.xlsx`), at(`${tag}.c.xlsx`)];
    expect((await cli('template', '--from', join(dir, input), '--out', outputs[0])).code).toBe(0);
    expect((await cli('consolidate', join(dir, input), '--out', outputs[1])).code).toBeLessThan(2);
    for (const f of outputs) {
      const types = await patternTypes(f);
      expect(types.length).toBeGreaterThan(0);
      expect({ f, other: types.filter((t) => !PATTERN_TYPES.has(t.split(':')[1])) }).toEqual({ f, other: [] });
      expect({ f, bad: await invalidValues(f) }).toEqual({ f, bad: [] });
    }
  });
});

describe('a workbook whose styles hold what other programs write', () => {
  it('gives outputs whose fills, borders and fonts are all values the format allows', async () => {
    const src = at('kieu-la.xlsx');
    writeFileSync(src, await (await oddStyles()).generateAsync({ type: 'nodebuffer' }));
    // What the input holds: fills with no pattern or a made-up one, a conditional-format fill with none.
    const input = await patternTypes(src);
    expect(input).toEqual(
      expect.arrayContaining(['cell:(none given)', 'cell:undefined', 'cell:bogus', 'dxf:(none given)']),
    );

    const outputs = [at('kieu-la.from.xlsx'), at('kieu-la.c.xlsx'), at('kieu-la.k.xlsx')];
    expect((await cli('template', '--from', src, '--out', outputs[0])).code).toBe(0);
    expect((await cli('consolidate', src, '--out', outputs[1])).code).toBeLessThan(2);
    const parts = at('kieu-la.split');
    expect((await cli('split', src, '--out', parts)).code).toBe(0);
    expect((await cli('collect', src, join(parts, readdirSync(parts)[0]), '--out', outputs[2])).code).toBeLessThan(2);
    for (const f of outputs) {
      // Left out, a pattern means the default (§18.8.32); collect copies the file's own styles.
      const types = (await patternTypes(f)).filter((t) => !t.endsWith('(none given)'));
      expect({ f, other: types.filter((t) => !PATTERN_TYPES.has(t.split(':')[1])) }).toEqual({ f, other: [] });
      expect({ f, bad: await invalidValues(f) }).toEqual({ f, bad: [] });
    }
    // The conditional format still paints: its fill without a pattern meant solid, and is written so.
    expect(await patternTypes(outputs[1])).toContain('dxf:solid');
  }, 60_000);
});
