/**
 * Every command on every file of the hostile corpus (tests/local/hostile-corpus.ts, plus the
 * non-workbooks, zip bombs and devices of scripts/hostile-files.ts): each file is either refused
 * whole by every command with the same Vietnamese words and nothing written, or read right by
 * every command (1.1.1 summed to the figure worked out by hand, or the bad cell refused at the
 * cell), every output holding only values the schema allows; no input ever changes.
 */
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHostileFiles } from '../../scripts/hostile-files';
import { cliWith, scratch } from '../cli/helpers';
import { NOW } from '../gas/setup';
import { AGENCY, AGENCY_CORPUS, AgencyCorpusFile, CORPUS, CorpusFile, SAMPLE, TOTAL_111 } from './hostile-corpus';
import { invalidValues } from './ooxml-values';

const { at } = scratch('cchc-corpus-');
const cli = cliWith(() => NOW);
let agencyFile = '';
/** The file split writes for the agency the corpus changes, the base of AGENCY_CORPUS. */
let ownFile = '';

/** A name as split writes it into a file name: "Sở Nội vụ" → "So Noi vu". */
const ascii = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Every text a workbook holds (shared strings and cells), its XML entities decoded. */
async function textOf(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.keys(zip.files).filter((n) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(n));
  const xml = (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join('');
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A file's bytes as a hash (a device or a pipe is never read: its kind stands for its content). */
function fingerprint(path: string): string {
  const st = lstatSync(path);
  if (st.isSymbolicLink() || !st.isFile()) return `${st.mode}:${st.rdev}`;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every command that reads a workbook, each writing into its own place under `out`. */
function commands(input: string, out: string) {
  return {
    validate: { args: ['validate', input], writes: [] as string[] },
    consolidate: {
      args: ['consolidate', input, '--out', join(out, 'c.xlsx'), '--json', join(out, 'c.json')],
      writes: [join(out, 'c.xlsx'), join(out, 'c.json')],
    },
    report: { args: ['report', input, '--out', join(out, 'r.docx')], writes: [join(out, 'r.docx')] },
    'report --agency': {
      args: ['report', input, '--agency', AGENCY, '--out', join(out, 'ra.docx')],
      writes: [join(out, 'ra.docx')],
    },
    split: { args: ['split', input, '--out', join(out, 'split')], writes: [join(out, 'split')] },
    'template --from': {
      args: ['template', '--from', input, '--out', join(out, 't.xlsx')],
      writes: [join(out, 't.xlsx')],
    },
    'collect (sổ tỉnh)': {
      args: ['collect', input, agencyFile, '--out', join(out, 'k.xlsx')],
      writes: [join(out, 'k.xlsx')],
    },
    'collect (tệp đơn vị)': {
      args: ['collect', SAMPLE, input, '--out', join(out, 'k2.xlsx')],
      writes: [join(out, 'k2.xlsx')],
    },
  };
}

beforeAll(async () => {
  // An agency's file to collect into each corpus workbook: Sở Nội vụ's, which leaves D14 of the
  // agency the corpus changes alone.
  const r = await cli('split', SAMPLE, '--out', at('base-split'));
  expect(r.code).toBe(0);
  const file = readdirSync(at('base-split')).find((f) => f.includes('So Noi vu'))!;
  agencyFile = join(at('base-split'), file);
  ownFile = join(
    at('base-split'),
    readdirSync(at('base-split')).find((f) => f.includes('Van phong UBND tinh'))!,
  );
}, 60_000);

describe('files that are no workbook, bombs and devices: refused by every command alike', () => {
  it('gives each file its Vietnamese line from every command, writes nothing and leaves it as it was', async () => {
    const dir = at('bad');
    const hostile = await writeHostileFiles(dir);
    writeFileSync(join(dir, 'rong.xlsx'), '');
    hostile.push({ file: 'rong.xlsx', expect: 'không phải tệp Excel (.xlsx) hợp lệ' });
    expect(hostile.length).toBeGreaterThanOrEqual(12);
    for (const h of hostile) {
      const input = join(dir, h.file);
      const before = fingerprint(input);
      const out = at(`out-${h.file}`);
      mkdirSync(out);
      for (const [name, c] of Object.entries(commands(input, out))) {
        const r = await cli(...c.args);
        // collect refuses the agency file alone and goes on; the province workbook refused stops it.
        const expected = name === 'collect (tệp đơn vị)' ? 1 : 2;
        expect({ file: h.file, name, code: r.code, said: r.out.includes(h.expect) && r.out.includes(h.file) }).toEqual({
          file: h.file,
          name,
          code: expected,
          said: true,
        });
        if (expected === 2)
          for (const w of c.writes)
            expect({ file: h.file, name, wrote: existsSync(w) }).toEqual({ file: h.file, name, wrote: false });
      }
      expect({ file: h.file, unchanged: fingerprint(input) === before }).toEqual({ file: h.file, unchanged: true });
    }
  }, 240_000);
});

describe.each(CORPUS.map((c) => [c.family, c.file, c] as const))('%s: %s', (_family, file, entry: CorpusFile) => {
  const input = at(file);
  const out = at(`out-${file}`);

  it('every command reads it the same way and writes only valid outputs; the file stays as it was', async () => {
    writeFileSync(input, await entry.make());
    mkdirSync(out);
    const before = fingerprint(input);
    const cmds = commands(input, out);
    const results: Record<string, { code: number; out: string }> = {};
    for (const [name, c] of Object.entries(cmds)) results[name] = await cli(...c.args);

    if ('refused' in entry.outcome) {
      for (const [name, c] of Object.entries(cmds)) {
        const r = results[name];
        const expected = name === 'collect (tệp đơn vị)' ? 1 : 2;
        expect({ name, code: r.code, said: r.out.includes(entry.outcome.refused) }).toEqual({
          name,
          code: expected,
          said: true,
        });
        if (expected === 2)
          for (const w of c.writes) expect({ name, wrote: existsSync(w) }).toEqual({ name, wrote: false });
      }
    } else {
      const { total, validate, figures = {}, route = AGENCY } = entry.outcome;
      expect(results.validate.code).toBeLessThan(2);
      expect(results.validate.out).toContain(validate);
      expect(results.consolidate.code).toBe(0);
      const json = JSON.parse(readFileSync(join(out, 'c.json'), 'utf8'));
      expect(json.indicators['1.1.1'].value).toBe(total);
      for (const [code, value] of Object.entries(figures))
        expect({ code, value: json.indicators[code].value }).toEqual({ code, value });
      // A finding at a cell: consolidate's sheet of findings says it in the same words.
      if (validate.startsWith('Ô ')) expect(await textOf(join(out, 'c.xlsx'))).toContain(validate);
      // The agency is left out of the sum exactly when validate finds an error at its cell.
      const row = json.submission.find((s: { agency: string }) => s.agency === AGENCY);
      expect(row.included).toBe(total !== TOTAL_111.without);
      for (const name of ['report', 'report --agency', 'split', 'template --from', 'collect (sổ tỉnh)'])
        expect({ name, code: results[name].code, out: results[name].code < 2 ? '' : results[name].out }).toEqual({
          name,
          code: expect.any(Number),
          out: '',
        });
      expect(readdirSync(join(out, 'split'))).toHaveLength(4);
      // The other route gives the same figures: the agency's file split wrote, collected back.
      const routed = readdirSync(join(out, 'split')).find((f) => f.includes(ascii(route)))!;
      const back = await cli('collect', SAMPLE, join(out, 'split', routed), '--out', join(out, 'back.xlsx'));
      expect(back.code).toBeLessThan(2);
      expect(back.out).toContain('Đã nhận 1/1 tệp');
      await cli('consolidate', join(out, 'back.xlsx'), '--json', join(out, 'back.json'), '--out', join(out, 'b.xlsx'));
      const again = JSON.parse(readFileSync(join(out, 'back.json'), 'utf8'));
      expect({ route: 'split → collect', total: again.indicators['1.1.1'].value }).toEqual({
        route: 'split → collect',
        total,
      });
      for (const [code, value] of Object.entries(figures))
        expect({ route: 'split → collect', code, value: again.indicators[code].value }).toEqual({
          route: 'split → collect',
          code,
          value,
        });
      for (const f of ['c.xlsx', 't.xlsx', 'k.xlsx', ...readdirSync(join(out, 'split')).map((s) => join('split', s))]) {
        const path = join(out, f);
        expect({ f, bad: statSync(path).size > 0 ? await invalidValues(path) : ['empty'] }).toEqual({ f, bad: [] });
      }
    }
    expect(fingerprint(input)).toBe(before);
  }, 120_000);
});

describe.each(AGENCY_CORPUS.map((c) => [c.family, c.file, c] as const))(
  'tệp đơn vị gửi lại, %s: %s',
  (_family, file, entry: AgencyCorpusFile) => {
    it('collect takes it into a clean workbook that reads as the file does; the file stays as it was', async () => {
      const input = at(file);
      const out = at(`out-${file}`);
      mkdirSync(out);
      writeFileSync(input, await entry.make(ownFile));
      const before = fingerprint(input);
      const k = await cli('collect', SAMPLE, input, '--out', join(out, 'k.xlsx'));
      if ('refused' in entry.outcome) {
        expect(k.out).toContain(`Từ chối: `);
        expect(k.out).toContain(entry.outcome.refused);
      } else {
        expect(k.code).toBeLessThan(2);
        expect(k.out).toContain('Đã nhận 1/1 tệp');
        const v = await cli('validate', join(out, 'k.xlsx'));
        expect(v.out).toContain(entry.outcome.validate);
        const c = await cli(
          'consolidate',
          join(out, 'k.xlsx'),
          '--out',
          join(out, 'c.xlsx'),
          '--json',
          join(out, 'c.json'),
        );
        expect(c.code).toBe(0);
        const json = JSON.parse(readFileSync(join(out, 'c.json'), 'utf8'));
        expect(json.indicators['1.1.1'].value).toBe(entry.outcome.total);
        for (const f of ['k.xlsx', 'c.xlsx'])
          expect({ f, bad: await invalidValues(join(out, f)) }).toEqual({ f, bad: [] });
      }
      expect(fingerprint(input)).toBe(before);
    }, 120_000);
  },
);

describe('odd arguments: refused before anything is read or written', () => {
  it('refuses each with what to write instead, writes nothing and leaves every file as it was', async () => {
    const input = at('dau-vao.xlsx');
    writeFileSync(input, readFileSync(SAMPLE));
    writeFileSync(at('ky-truoc.json'), '{"a":1}');
    const before = fingerprint(input);
    const cases: { args: string[]; says: string; writes?: string }[] = [
      {
        args: ['sample', '--communes', '2.5', '--out', at('a1.xlsx')],
        says: 'phải là số nguyên, không có phần lẻ',
        writes: at('a1.xlsx'),
      },
      { args: ['sample', '--communes', '1.000', '--out', at('a2.xlsx')], says: '1000', writes: at('a2.xlsx') },
      {
        args: ['consolidate', input, '--out', '/dev/null', '--force'],
        says: 'không phải một tệp thông thường (thiết bị)',
      },
      { args: ['consolidate', input, '--out', input, '--force'], says: 'đó là tệp đầu vào' },
      {
        args: ['report', input, '--previous', at('ky-truoc.json'), '--out', at('a3.docx')],
        says: 'không phải số liệu tổng hợp do lệnh "consolidate --json" tạo ra',
        writes: at('a3.docx'),
      },
      {
        args: ['report', input, '--agency', 'so tai chinh', '--out', at('a4.docx')],
        says: 'Không có đơn vị "so tai chinh"',
        writes: at('a4.docx'),
      },
      {
        args: ['template', '--agencies', input, '--out', at('a5.xlsx')],
        says: 'không thấy dòng tiêu đề có cột tên đơn vị',
        writes: at('a5.xlsx'),
      },
    ];
    for (const c of cases) {
      const r = await cli(...c.args);
      expect({ args: c.args.join(' '), code: r.code, says: r.out.includes(c.says) }).toEqual({
        args: c.args.join(' '),
        code: 2,
        says: true,
      });
      if (c.writes)
        expect({ args: c.args.join(' '), wrote: existsSync(c.writes) }).toEqual({
          args: c.args.join(' '),
          wrote: false,
        });
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fingerprint(input)).toBe(before);
  });
});
