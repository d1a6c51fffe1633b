/**
 * The figures a report quotes, whoever they belong to: the province's consolidated summary or one
 * agency's own tab. Sentences are written once against this, so both reports weave figures in the
 * same way: "đã tiếp nhận {3.4.a} hồ sơ" becomes "đã tiếp nhận **17.445** hồ sơ".
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { Summary, formatResult } from '../consolidate';
import { formRows } from '../form';
import { formatNumber, formatPercent } from '../numbers';
import { AgencyReport, valueOf } from '../parse';
import { Agency, Settings } from '../settings';
import { Block, Para, Run, para } from './model';

export interface Figure {
  /** Counts as numbers, percentages in points (0-100), coded answers as their code. */
  readonly value: number | null;
  /** As written in Vietnamese text: "1.949", "65,56%", "Có"; null when there is no figure. */
  readonly text: string | null;
}

/** Every figure asked this period; a code that is absent was not asked (switched off, not applicable). */
export type Figures = ReadonlyMap<string, Figure>;

export function summaryFigures(s: Summary): Figures {
  const out = new Map<string, Figure>();
  for (const [code, r] of s.indicators) out.set(code, { value: r.value, text: formatResult(r) });
  return out;
}

/**
 * One agency's figures as it typed them on its tab. A percentage it left blank is recomputed from
 * its own counts, as consolidation does for the province.
 */
export function agencyFigures(catalog: Catalog, settings: Settings, agency: Agency, report: AgencyReport): Figures {
  const out = new Map<string, Figure>();
  for (const { ind, mode } of formRows(catalog, settings, agency)) {
    if (!isValueRow(ind) || mode.kind !== 'input') continue;
    let value = valueOf(report, ind.code);
    const f = mode.formula;
    if (value === null && f) {
      const [a, b] = f.kind === 'ratio' ? [f.num, f.den] : [f.base, f.now];
      const A = valueOf(report, a);
      const B = valueOf(report, b);
      if (A !== null && B !== null) {
        if (f.kind === 'ratio' && B > 0) value = (100 * A) / B;
        if (f.kind === 'reduction' && A > 0) value = (100 * (A - B)) / A;
      }
    }
    const text =
      value === null
        ? null
        : ind.kind === 'percent'
          ? formatPercent(value)
          : ind.kind === 'code'
            ? (ind.answers.find((x) => x.code === value)?.label ?? String(value))
            : formatNumber(value);
    out.set(ind.code, { value, text });
  }
  return out;
}

export function missingMark(code: string): Run {
  return { text: `[chưa có số liệu: ${code}]`, highlight: true };
}

export function todo(text: string): Run {
  return { text: `[${text}]`, highlight: true, italic: true };
}

export const body = (runs: Run[]): Para => para(runs, { firstLineIndent: true });
export const heading = (text: string): Para =>
  para([{ text, bold: true }], { firstLineIndent: true, align: 'justify' });

/**
 * A sentence with figures: "đã tiếp nhận {3.4.a} hồ sơ". Returns null when none of its figures
 * exist, so the sentence is left out rather than printed with holes. "[, cấp huyện {3.1.3.2}]" is
 * dropped whole when its figure is not asked this period.
 */
export function sentence(f: Figures, template: string, extra: Record<string, string | null> = {}): Run[] | null {
  const lookup = (key: string): string | null | undefined =>
    key in extra ? extra[key] : f.has(key) ? f.get(key)!.text : undefined;
  const text = template.replace(/\[([^[\]]*)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\{([^}]+)\}/g)].every((m) => lookup(m[1]!) !== undefined) ? inner : '',
  );
  const runs: Run[] = [];
  let found = 0;
  let slots = 0;
  let last = 0;
  for (const m of text.matchAll(/\{([^}]+)\}/g)) {
    if (m.index! > last) runs.push({ text: text.slice(last, m.index) });
    last = m.index! + m[0].length;
    const value = lookup(m[1]!);
    if (value === undefined) continue; // switched off in the settings: the slot goes with it
    slots++;
    if (value === null) runs.push(missingMark(m[1]!));
    else {
      found++;
      runs.push({ text: value, bold: true });
    }
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  // A sentence whose figures are all missing, or all switched off, says nothing: it is left out.
  return !found && (slots || /\{[^}]+\}/.test(template)) ? null : runs;
}

export type Template = string | readonly [string, Record<string, string | null>];

/** Adds the paragraphs whose sentences have figures; returns how many were added. */
export function say(blocks: Block[], f: Figures, templates: readonly Template[]): number {
  let n = 0;
  for (const t of templates) {
    const runs = typeof t === 'string' ? sentence(f, t) : sentence(f, t[0], t[1]);
    if (runs) {
      blocks.push(body(runs));
      n++;
    }
  }
  return n;
}

export function valueOfFigure(f: Figures, code: string): number | null {
  return f.get(code)?.value ?? null;
}

export function rate(a: number | null, b: number | null): string | null {
  return a !== null && b !== null && b > 0 ? formatPercent((100 * a) / b) : null;
}
