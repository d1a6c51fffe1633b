/**
 * What in a written .xlsx no schema allows, found by reading its XML parts element by element
 * (a small tag walker: the tests need no XML library). The allowed values are copied by hand
 * from ECMA-376 Part 1, not from the code under test.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';

/** §18.18.55 ST_PatternType. */
export const PATTERN_TYPES = new Set([
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

/** §18.18.3 ST_BorderStyle. */
const BORDER_STYLES = new Set([
  'none',
  'thin',
  'medium',
  'dashed',
  'dotted',
  'thick',
  'double',
  'hair',
  'mediumDashed',
  'dashDot',
  'mediumDashDot',
  'dashDotDot',
  'mediumDashDotDot',
  'slantDashDot',
]);

/** §18.18.33 ST_FontScheme and §22.9.2.17 ST_VerticalAlignRun. */
const SCHEMES = new Set(['none', 'major', 'minor']);
const VERT_ALIGN = new Set(['baseline', 'superscript', 'subscript']);

export interface Element {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  /** The names of the elements it sits in, outermost first. */
  readonly path: readonly string[];
}

/** Every element of an XML text with its attributes and ancestors; throws on a tag that does not close. */
export function elements(xml: string): Element[] {
  const out: Element[] = [];
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;
  for (const m of xml.matchAll(tag)) {
    if (!m[2]) continue;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1], a[2] ?? a[3]);
    out.push({ name, attrs, path: [...stack] });
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)}> never closes`);
  return out;
}

/** The schema-breaking values of one XML part, each as "part: what". */
export function badValues(part: string, xml: string): string[] {
  const bad: string[] = [];
  for (const el of elements(xml)) {
    for (const [k, v] of el.attrs)
      if (/^(undefined|null|NaN|-?Infinity|\[object Object\])$/.test(v)) bad.push(`${part}: <${el.name} ${k}="${v}">`);
    const val = el.attrs.get('val');
    const check = (ok: boolean, what: string) => ok || bad.push(`${part}: <${el.name}> ${what}`);
    if (el.name === 'patternFill') {
      // In a cell fill patternType may be left out (no fill); a written value must be on the list.
      const type = el.attrs.get('patternType');
      check(type === undefined || PATTERN_TYPES.has(type), `patternType="${type}"`);
    }
    if (['left', 'right', 'top', 'bottom', 'diagonal'].includes(el.name) && el.path.at(-1) === 'border') {
      const style = el.attrs.get('style');
      check(style === undefined || BORDER_STYLES.has(style), `style="${style}"`);
    }
    if (el.name === 'scheme' && el.path.at(-1) === 'font') check(SCHEMES.has(val ?? ''), `val="${val}"`);
    if (el.name === 'vertAlign' && el.path.at(-1) === 'font') check(VERT_ALIGN.has(val ?? ''), `val="${val}"`);
    if (el.name === 'color' && el.attrs.has('rgb'))
      check(/^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(el.attrs.get('rgb')!), 'rgb');
  }
  // A cell value that is no number, written as one.
  for (const m of xml.matchAll(/<v>\s*(NaN|-?Infinity|-?INF|undefined)\s*<\/v>/g)) bad.push(`${part}: <v>${m[1]}</v>`);
  if (/<!DOCTYPE/i.test(xml)) bad.push(`${part}: DOCTYPE`);
  return bad;
}

/** Every schema-breaking value in the .xlsx at `file` (empty when it holds none). */
export async function invalidValues(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const bad: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (name.startsWith('/') || name.split('/').includes('..')) bad.push(`part name "${name}"`);
    if (/\.(xml|rels)$/.test(name)) bad.push(...badValues(name, await zip.file(name)!.async('string')));
  }
  return bad;
}

/** The patternType of every fill in the file's styles (cell fills and conditional-format fills). */
export async function patternTypes(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  return elements(styles)
    .filter((e) => e.name === 'patternFill')
    .map((e) => `${e.path.includes('dxf') ? 'dxf' : 'cell'}:${e.attrs.get('patternType') ?? '(none given)'}`);
}
