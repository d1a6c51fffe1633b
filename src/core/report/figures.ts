/**
 * The figures a report quotes, whoever they belong to: the province's consolidated summary or one
 * agency's own tab. Sentences are written once against this, so both reports weave figures in the
 * same way: "đã tiếp nhận {3.4.a} hồ sơ" becomes "đã tiếp nhận **17.445** hồ sơ".
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { IndicatorResult, Summary, formatResult } from '../figures/consolidate';
import { formRows } from '../form/row-modes';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { AgencyReport, valueOf } from '../form/parse';
import { Agency, Settings } from '../settings';
import { Block, Para, Run, para } from './model';
import { rateFrom, rateOperands, ratio } from '../catalog/rate';

export interface Figure {
  /** Counts as numbers, percentages in points (0-100), coded answers as their code. */
  readonly value: number | null;
  /** As written in Vietnamese text: "1.949", "65,56%", "Có"; null when there is no figure. */
  readonly text: string | null;
  /** When there is no figure: whose figures are missing ("Văn phòng UBND tỉnh", "3 cơ quan, đơn vị"). */
  readonly missing?: string;
}

/** Every figure asked this period; a code that is absent was not asked (switched off, not applicable). */
export type Figures = ReadonlyMap<string, Figure>;

/** A row no agency on the roster is asked is left out, like a switched-off one (its slot goes). */
export function summaryFigures(s: Summary): Figures {
  const out = new Map<string, Figure>();
  for (const [code, r] of s.indicators) if (!r.notApplicable) out.set(code, summaryFigure(s, r));
  return out;
}

/** How many names a placeholder lists before it counts them instead. */
const NAMED = 3;

/** One consolidated figure; with no value, the placeholder says whose figures are missing. */
export function summaryFigure(s: Summary, r: IndicatorResult): Figure {
  if (r.nothing) return { value: null, text: NOTHING };
  const text = formatResult(r);
  if (text !== null) return { value: r.value, text };
  const names =
    r.method === 'owner'
      ? [s.settings.owners[r.ind.code] ?? 'đơn vị được chỉ định (trang Thiết lập)']
      : (r.missing ?? []);
  const missing = !names.length
    ? undefined
    : names.length <= NAMED
      ? names.join(', ')
      : `${names.slice(0, NAMED).join(', ')} và ${names.length - NAMED} cơ quan, đơn vị khác`;
  return { value: null, text: null, ...(missing ? { missing } : {}) };
}

/** A rate over nothing (0/0). */
export const NOTHING = 'không phát sinh';

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
    // A rate left blank over counts that are there but give no denominator (0/0): nothing happened.
    let nothing = false;
    if (value === null && f) {
      const [a, b] = rateOperands(f);
      const A = valueOf(report, a);
      const B = valueOf(report, b);
      if (A !== null && B !== null) {
        value = rateFrom(f, A, B);
        nothing = value === null;
      }
    }
    const text = nothing
      ? NOTHING
      : value === null
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

export function missingMark(code: string, who?: string): Run {
  return { text: `[chưa có số liệu${who ? ` của ${who}` : ''}: ${code}]`, highlight: true };
}

export function todo(text: string): Run {
  return { text: `[${text}]`, highlight: true, italic: true };
}

export const body = (runs: Run[]): Para => para(runs, { firstLineIndent: true });
export const heading = (text: string): Para =>
  para([{ text, bold: true }], { firstLineIndent: true, align: 'justify' });

/** A value for a slot that is not a catalog code: text, a figure, or null for missing. */
export type Extra = string | null | Figure;

/** How a sentence treats missing figures. */
export interface SayOptions {
  /**
   * Write the sentence even when all its figures are missing, each as a highlighted placeholder
   * naming whose figures are missing (the province's draft: nothing is dropped in silence). Off,
   * such a sentence is left out (an agency's own report).
   */
  readonly keep?: boolean;
}

/**
 * A sentence with figures: "đã tiếp nhận {3.4.a} hồ sơ". Without `keep`, returns null when none of
 * its figures exist. "[, cấp huyện {3.1.3.2}]" is dropped whole when its figure is not asked this
 * period. "{~5.1.3} cơ quan" reads "không có cơ quan" when the count is 0 ("Có {~x}" too), and a
 * rate over nothing reads "không phát sinh".
 */
export function sentence(
  f: Figures,
  template: string,
  extra: Record<string, Extra> = {},
  opts: SayOptions = {},
): Run[] | null {
  const lookup = (key: string): Figure | undefined => {
    if (key in extra) {
      const x = extra[key]!;
      return x === null || typeof x === 'string' ? { value: null, text: x } : x;
    }
    return f.get(key);
  };
  const keyOf = (slot: string) => slot.replace(/^~/, '');
  const optional = template.replace(/\[([^[\]]*)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\{([^}]+)\}/g)].every((m) => lookup(keyOf(m[1]!)) !== undefined) ? inner : '',
  );
  // "⟨Tuyển dụng ::{a} công chức|{b} viên chức||Chưa tuyển dụng⟩": the items whose figures are all 0
  // leave the list (it names only what happened), the rest joined "x, y và z" after the lead; with
  // none left, the text after "||". A missing figure stays, as its placeholder.
  let zeros = 0;
  const text = optional.replace(/⟨([^⟨⟩]*)⟩/g, (_, inner: string) => {
    const [list = '', none = ''] = inner.split('||');
    const [lead, items] = list.includes('::') ? (list.split('::') as [string, string]) : ['', list];
    const kept = items.split('|').filter((item) => {
      const figs = [...item.matchAll(/\{([^}]+)\}/g)].map((m) => lookup(keyOf(m[1]!)));
      if (figs.some((x) => x === undefined)) return false; // not asked this period
      const zero = figs.length > 0 && figs.every((x) => x!.value === 0 && x!.text !== null);
      if (zero) zeros += figs.length;
      return !zero;
    });
    return kept.length ? lead + listInWords(kept) : none;
  });
  const runs: Run[] = [];
  let found = zeros;
  let slots = zeros;
  let last = 0;
  for (const m of text.matchAll(/\{([^}]+)\}/g)) {
    if (m.index! > last) runs.push({ text: text.slice(last, m.index) });
    last = m.index! + m[0].length;
    const key = keyOf(m[1]!);
    const fig = lookup(key);
    if (fig === undefined) continue; // switched off in the settings: the slot goes with it
    slots++;
    if (fig.text === null) {
      runs.push(
        /^\d/.test(key)
          ? missingMark(key, fig.missing)
          : { text: `[chưa có số liệu${fig.missing ? ` của ${fig.missing}` : ''}]`, highlight: true },
      );
      continue;
    }
    found++;
    const prev = runs[runs.length - 1];
    if (m[1]!.startsWith('~') && fig.value === 0) {
      // "Có {~x} cơ quan" → "Không có cơ quan"; "bổ nhiệm mới {~x} lãnh đạo" → "bổ nhiệm mới không có lãnh đạo".
      const had = prev && !prev.bold ? /(^|\s)([Cc])ó $/.exec(prev.text) : null;
      if (had && prev) {
        runs[runs.length - 1] = { ...prev, text: prev.text.slice(0, prev.text.length - 3) };
        runs.push({ text: `${had[2] === 'C' ? 'K' : 'k'}hông có`, bold: true });
      } else runs.push({ text: 'không có', bold: true });
      continue;
    }
    if (fig.text === NOTHING && prev && !prev.bold && / (đạt|là) $/.test(prev.text))
      runs[runs.length - 1] = { ...prev, text: prev.text.replace(/ (đạt|là) $/, ': ') };
    runs.push({ text: fig.text, bold: true });
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  const filtered = runs.filter((r) => r.text !== '');
  if (!slots && /\{[^}]+\}/.test(template)) return null; // all switched off
  return !found && !opts.keep ? null : filtered;
}

/** "a", "a và b", "a, b và c". */
export function listInWords(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

export type Template = string | readonly [string, Record<string, Extra>];

/** Adds the paragraphs whose sentences are written; returns how many were added. */
export function say(blocks: Block[], f: Figures, templates: readonly Template[], opts: SayOptions = {}): number {
  let n = 0;
  for (const t of templates) {
    const runs = typeof t === 'string' ? sentence(f, t, {}, opts) : sentence(f, t[0], t[1], opts);
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
  const v = a !== null && b !== null ? ratio(a, b) : null;
  return v === null ? null : formatPercent(v);
}

/**
 * A coded answer as the clause an official writes ("Đã hoàn thành cập nhật Kiến trúc …"), never
 * "Kiến trúc …: Hoàn thành". By answer code; 7.2's answers name how far the system reaches.
 */
const CODED: Record<string, (value: number, label: string) => string> = {
  '1.2': (v) => `${v ? 'đã' : 'chưa'} tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp`,
  '5.3.1': (v) => `${v ? 'đã' : 'chưa'} thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển`,
  '7.1': (v) => `${v ? 'đã hoàn thành' : 'chưa hoàn thành'} cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0`,
  '7.2': (v, label) =>
    v
      ? `đã xây dựng, vận hành Hệ thống họp trực tuyến liên thông ${label.charAt(0).toLocaleLowerCase('vi') + label.slice(1)}`
      : 'chưa xây dựng Hệ thống họp trực tuyến',
  '7.3': (v) => `${progress(v)} kết nối Hệ thống thông tin báo cáo với Hệ thống thông tin báo cáo quốc gia`,
  '7.5': (v) => `${progress(v)} xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP)`,
};

/** "Chưa = 0; Đang làm = 1; Hoàn thành = 2". */
function progress(v: number): string {
  return v >= 2 ? 'đã hoàn thành' : v === 1 ? 'đang triển khai' : 'chưa triển khai';
}

/**
 * The coded answers asked, as clauses of one sentence ("Đã hoàn thành …; đang triển khai …."); a
 * missing answer is its placeholder; null when none is asked.
 */
export function codedSentence(f: Figures, codes: readonly string[], lead = ''): Run[] | null {
  const runs: Run[] = lead ? [{ text: lead }] : [];
  for (const code of codes) {
    const fig = f.get(code);
    const say = CODED[code];
    if (!fig || !say) continue;
    if (runs.length > (lead ? 1 : 0)) runs.push({ text: '; ' });
    runs.push(
      fig.value === null || fig.text === null
        ? missingMark(code, fig.missing)
        : { text: runs.length ? say(fig.value, fig.text) : upperFirst(say(fig.value, fig.text)) },
    );
  }
  if (runs.length <= (lead ? 1 : 0)) return null;
  runs.push({ text: '.' });
  return runs;
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
