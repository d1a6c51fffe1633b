/**
 * Styles normalised on write, so that what we write opens in openpyxl and LibreOffice whatever
 * program saved the input. excelts 10.2.0 copies a loaded style's values as it found them and
 * writes its own gaps as the word "undefined":
 * - openpyxl writes a cell fill as `<patternFill/>` (patternType is optional in ECMA-376 Part 1,
 *   §18.8.32: absent means no fill); LibreOffice and Excel write a conditional format's fill as
 *   `<patternFill><bgColor/></patternFill>` (absent means solid there). excelts writes both back
 *   as `patternType="undefined"`, which openpyxl refuses ("Value must be one of {…}").
 * - A value outside the schema's list (a pattern, border style, font scheme or vertical alignment
 *   no program writes, a colour that is not hexadecimal, a tint of NaN) is copied as it is.
 * Every style a workbook will write (cells, rows, columns, conditional formats) passes through
 * `normaliseStyles` once, just before writing: a value the schema allows is kept, anything else
 * becomes what an absent value means.
 */
import type * as ExcelJS from '@cj-tech-master/excelts';
import { withoutDoctype } from './xlsx-snapshots';

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

/** §18.18.3 ST_BorderStyle ("none" is written as an edge without style). */
const BORDER_STYLES = new Set([
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

/** §18.18.33 ST_FontScheme, §22.9.2.17 ST_VerticalAlignRun. */
const SCHEMES = new Set(['none', 'major', 'minor']);
const VERT_ALIGN = new Set(['baseline', 'superscript', 'subscript']);

type Loose = Record<string, unknown>;
type Style = { font?: Loose; fill?: Loose; border?: Loose };

const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** A colour the schema allows (§18.3.1.15 CT_Color), or undefined: a colour left out is "automatic". */
function color(c: unknown): Loose | undefined {
  if (!c || typeof c !== 'object') return undefined;
  const { argb, theme, tint, indexed } = c as Loose;
  const out: Loose = {};
  if (typeof argb === 'string' && /^([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/.test(argb)) out.argb = argb;
  else if (isInt(theme, 0, 0xffffffff)) out.theme = theme;
  else if (isInt(indexed, 0, 0xffffffff)) out.indexed = indexed;
  else return undefined;
  if (typeof tint === 'number' && Number.isFinite(tint) && tint >= -1 && tint <= 1 && out.theme !== undefined)
    out.tint = tint;
  return out;
}

/** Sets `key` to `value`, or deletes it when the value is undefined (so nothing writes "undefined"). */
function put(o: Loose, key: string, value: unknown): void {
  if (value === undefined) delete o[key];
  else o[key] = value;
}

function normaliseColorKey(o: Loose, key: string): void {
  if (key in o) put(o, key, color(o[key]));
}

/** In a cell's fill an absent pattern means none; in a conditional format's it means solid. */
function normaliseFill(fill: Loose, differential: boolean): void {
  if (fill.type === 'gradient') {
    const stops = Array.isArray(fill.stops) ? (fill.stops as Loose[]) : [];
    const ok = stops.length > 0 && stops.every((s) => typeof s.position === 'number' && Number.isFinite(s.position));
    if (ok) {
      for (const s of stops) normaliseColorKey(s, 'color');
      if (fill.degree !== undefined && !(typeof fill.degree === 'number' && Number.isFinite(fill.degree)))
        delete fill.degree;
      return;
    }
    for (const k of Object.keys(fill)) delete fill[k];
    Object.assign(fill, { type: 'pattern', pattern: 'none' });
    return;
  }
  fill.type = 'pattern';
  if (typeof fill.pattern !== 'string' || !PATTERNS.has(fill.pattern))
    fill.pattern = differential && (fill.bgColor || fill.fgColor) ? 'solid' : 'none';
  normaliseColorKey(fill, 'fgColor');
  normaliseColorKey(fill, 'bgColor');
}

function normaliseFont(font: Loose): void {
  if ('size' in font && !(typeof font.size === 'number' && Number.isFinite(font.size) && font.size > 0))
    delete font.size;
  if ('family' in font && !isInt(font.family, 0, 14)) delete font.family;
  if ('charset' in font && !isInt(font.charset, 0, 255)) delete font.charset;
  if ('scheme' in font && !SCHEMES.has(font.scheme as string)) delete font.scheme;
  if ('vertAlign' in font && !VERT_ALIGN.has(font.vertAlign as string)) delete font.vertAlign;
  normaliseColorKey(font, 'color');
}

function normaliseBorder(border: Loose): void {
  for (const edge of ['top', 'left', 'bottom', 'right', 'diagonal']) {
    const e = border[edge] as Loose | undefined;
    if (!e || typeof e !== 'object') continue;
    if (e.style !== undefined && !BORDER_STYLES.has(e.style as string)) delete e.style;
    normaliseColorKey(e, 'color');
  }
  normaliseColorKey(border, 'color');
}

function normaliseStyle(style: Style | undefined, seen: Set<object>, differential: boolean): void {
  if (!style || seen.has(style)) return;
  seen.add(style);
  for (const [part, fix] of [
    ['fill', (o: Loose) => normaliseFill(o, differential)],
    ['font', normaliseFont],
    ['border', normaliseBorder],
  ] as const) {
    const o = style[part];
    if (!o || typeof o !== 'object' || seen.has(o)) continue;
    seen.add(o);
    fix(o);
  }
}

/**
 * Every style the workbook will write, made one the schema allows (see the file's comment). The
 * theme, which excelts writes back as the text it read, loses a document type declaration
 * (xlsx-snapshots.ts: withoutDoctype); one that cannot do without it gives way to the default.
 */
export function normaliseStyles(book: ExcelJS.Workbook): void {
  const internals = book as unknown as { _themes?: Record<string, unknown> };
  for (const [name, xml] of Object.entries(internals._themes ?? {})) {
    if (typeof xml !== 'string') continue;
    const plain = withoutDoctype(xml);
    if (plain === null) delete internals._themes![name];
    else internals._themes![name] = plain;
  }
  if (internals._themes && !Object.keys(internals._themes).length) internals._themes = undefined;
  const seen = new Set<object>();
  const styleOf = (x: unknown) => (x as { style?: Style }).style;
  for (const ws of book.worksheets) {
    for (const col of ws.columns ?? []) normaliseStyle(styleOf(col), seen, false);
    ws.eachRow({ includeEmpty: true }, (row) => {
      normaliseStyle(styleOf(row), seen, false);
      row.eachCell({ includeEmpty: true }, (cell) => normaliseStyle(styleOf(cell), seen, false));
    });
    for (const cf of ws.conditionalFormattings ?? [])
      for (const rule of cf.rules ?? []) normaliseStyle((rule as { style?: Style }).style, seen, true);
  }
}

/** Attribute values that are JavaScript's words for a missing value, never the schema's. */
const NOT_A_VALUE = /^(undefined|null|NaN|-?Infinity|\[object Object\])$/;

/**
 * The same rules on a styles part's XML, for a package copied rather than rebuilt (collect):
 * every value the schema allows is kept byte for byte, anything else is left out (an absent
 * value is the default) or, for a pattern, made the one an absent pattern means there (none in a
 * cell's fill, solid in a conditional format's). Returns the text unchanged when nothing is wrong.
 */
export function normaliseStylesXml(stylesXml: string): string {
  // Elements that only carry a value, written open and closed, as the empty elements they are.
  const xml = stylesXml.replace(
    /<([\w.-]+:)?(scheme|vertAlign|family)\b([^>]*?)>\s*<\/([\w.-]+:)?(scheme|vertAlign|family)\s*>/g,
    (whole, p: string | undefined, n: string, a: string, _p2, n2: string) =>
      n === n2 ? `<${p ?? ''}${n}${a}/>` : whole,
  );
  const dxfs: [number, number][] = [];
  for (const m of xml.matchAll(/<([\w.-]+:)?dxfs\b[\s\S]*?<\/([\w.-]+:)?dxfs\s*>/g))
    dxfs.push([m.index, m.index + m[0].length]);
  const inDxf = (at: number) => dxfs.some(([a, b]) => at >= a && at < b);
  const tag =
    /<([\w.-]+:)?(patternFill|left|right|top|bottom|diagonal|scheme|vertAlign|family|color|fgColor|bgColor)\b([^>]*?)(\/?)>/g;
  const out = xml.replace(
    tag,
    (whole, prefix: string | undefined, name: string, attrText: string, slash: string, at: number) => {
      let attrs = attrText.replace(/\s+[\w.:-]+\s*=\s*("([^"]*)"|'([^']*)')/g, (a, _q, d?: string, s?: string) =>
        NOT_A_VALUE.test(d ?? s ?? '') && !/^\s+patternType\b/.test(a) ? '' : a,
      );
      const val = (key: string) => new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
      const drop = (key: string) => (attrs = attrs.replace(new RegExp(`\\s${key}\\s*=\\s*("[^"]*"|'[^']*')`), ''));
      const v = val('val');
      const value = v ? (v[1] ?? v[2]) : undefined;
      switch (name) {
        case 'patternFill': {
          const p = val('patternType');
          const type = p ? (p[1] ?? p[2]) : undefined;
          if (type !== undefined && !PATTERNS.has(type))
            attrs = attrs.replace(p![0], ` patternType="${inDxf(at) ? 'solid' : 'none'}"`);
          break;
        }
        case 'left':
        case 'right':
        case 'top':
        case 'bottom':
        case 'diagonal': {
          const st = val('style');
          const style = st ? (st[1] ?? st[2]) : undefined;
          if (style !== undefined && style !== 'none' && !BORDER_STYLES.has(style)) drop('style');
          break;
        }
        case 'scheme':
          if (!SCHEMES.has(value ?? '') && slash) return '';
          break;
        case 'vertAlign':
          if (!VERT_ALIGN.has(value ?? '') && slash) return '';
          break;
        case 'family':
          if (!(/^\d+$/.test(value ?? '') && isInt(Number(value), 0, 14)) && slash) return '';
          break;
        default: {
          const rgb = val('rgb');
          if (rgb && !/^([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/.test(rgb[1] ?? rgb[2])) drop('rgb');
          const tint = val('tint');
          if (tint && !(Math.abs(Number(tint[1] ?? tint[2])) <= 1)) drop('tint');
        }
      }
      const rebuilt = `<${prefix ?? ''}${name}${attrs}${slash}>`;
      return rebuilt === whole ? whole : rebuilt;
    },
  );
  return out === xml ? stylesXml : out;
}
