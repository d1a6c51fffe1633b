/**
 * Reading numbers the way Vietnamese staff type them, and writing them the vi-VN way.
 * "1.949" is one thousand nine hundred and forty-nine; "12,5%" is twelve and a half per cent.
 * When a typed value admits two readings we refuse to guess and say why.
 */
import { squish } from './text';

export type NumberKind = 'count' | 'percent' | 'code';

export type ParsedNumber =
  | { ok: true; value: number; warning?: string }
  | { ok: false; problem: 'text' | 'ambiguous' | 'formula-error'; detail: string };

/** Beyond this a count or a percentage is a typing slip, not a figure (a province counts far below it). */
export const PLAUSIBLE_LIMIT = 1e12;

export const FORMULA_ERRORS = ['#REF!', '#DIV/0!', '#VALUE!', '#N/A', '#NAME?', '#ERROR!', '#NUM!', '#NULL!'];

/** Parses typed text. `kind` decides how a lone "." or "," is read. */
export function parseTypedNumber(raw: string, kind: NumberKind): ParsedNumber {
  const text = squish(raw);
  if (FORMULA_ERRORS.includes(text.toUpperCase())) {
    return { ok: false, problem: 'formula-error', detail: text };
  }
  const spaced = spacedDigits(raw);
  if (spaced) return { ok: false, problem: 'ambiguous', detail: spaced };
  let body = text.replace(/\s+/g, '');
  const hasPercent = body.endsWith('%');
  if (hasPercent) body = body.slice(0, -1);
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('−')) {
    sign = -1;
    body = body.slice(1);
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) {
    return { ok: false, problem: 'text', detail: text };
  }
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  const groupedByDots = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
  const plain = /^\d+(,\d+)?$/;

  if (plain.test(body) && commas === 0) return { ok: true, value: sign * Number(body) };
  if (kind === 'percent' && dots && /^0\.\d+$/.test(body.split(',')[0] ?? '') && !hasPercent) {
    // "0.050" in a per-cent row: 5 % written as a fraction, 0,05 %, or 50 with a thousands dot.
    const frac = Number(`0.${body.split('.')[1]}`);
    return {
      ok: false,
      problem: 'ambiguous',
      detail: `"${text}" không rõ: có thể là ${formatNumber(frac * 100, 6)}% (viết dạng phân số) hoặc ${formatNumber(frac, 6)}%`,
    };
  }
  if (groupedByDots.test(body) && (body.startsWith('0') || kind === 'percent')) {
    // "0.050" is not how anyone writes fifty, and a per-cent figure never needs a thousands dot.
    return {
      ok: false,
      problem: 'ambiguous',
      detail: `"${text}" không rõ: dấu chấm ở đây không phải dấu phân cách hàng nghìn (ví dụ 1.949) mà cũng không phải dấu thập phân của Việt Nam (dấu phẩy, ví dụ 12,5)`,
    };
  }
  if (groupedByDots.test(body)) {
    // "1.949" or "1.949,5": dots group thousands, a comma marks decimals.
    return { ok: true, value: sign * Number(body.replace(/\./g, '').replace(',', '.')) };
  }
  if (plain.test(body) && commas === 1) {
    const [whole = '', frac = ''] = body.split(',');
    if (kind === 'count' && frac.length === 3) {
      return {
        ok: false,
        problem: 'ambiguous',
        detail: `"${text}" có thể là ${whole}${frac} (nếu dấu phẩy phân cách hàng nghìn) hoặc ${whole},${frac} (số thập phân)`,
      };
    }
    return { ok: true, value: sign * Number(`${whole}.${frac}`) };
  }
  if (dots === 1 && commas === 0) {
    const [whole = '', frac = ''] = body.split('.');
    if (kind === 'percent') {
      // A per-cent figure never needs a thousands separator, so "65.55" can only mean 65,55.
      return {
        ok: true,
        value: sign * Number(`${whole}.${frac}`),
        warning: `đã hiểu "${text}" là ${formatNumber(Number(`${whole}.${frac}`))}; số thập phân nên dùng dấu phẩy`,
      };
    }
    return {
      ok: false,
      problem: 'ambiguous',
      detail: `"${text}" không rõ: dấu chấm dùng để phân cách hàng nghìn (theo nhóm 3 chữ số, ví dụ 1.949), nhưng "${frac}" có ${frac.length} chữ số`,
    };
  }
  return {
    ok: false,
    problem: 'ambiguous',
    detail: `"${text}" có dấu chấm, dấu phẩy không theo cách viết số của Việt Nam (ví dụ 1.949 hoặc 12,5)`,
  };
}

/** Every blank squish() folds into one space (text.ts), line breaks and no-break spaces included. */
const BLANKS = '\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff';
/** A space between thousands groups: "1 234 567", or the no-break spaces Excel and LibreOffice write in some locales. */
const SPACE_GROUPED = /^[-−]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?%?$/;

/**
 * Why blanks inside typed digits make them no number (null: they do not): "1 234 567" groups
 * thousands, but "30 45" or "12⏎34" may be two figures in one cell, so nothing is guessed.
 * A blank beside the sign or before "%" ("- 3", "12,5 %") is harmless.
 */
function spacedDigits(raw: string): string | null {
  const core = raw
    .replace(new RegExp(`^[${BLANKS}]+|[${BLANKS}]+$`, 'g'), '')
    .replace(new RegExp(`^([-−])[${BLANKS}]+|[${BLANKS}]+(%)$`, 'g'), '$1$2');
  if (SPACE_GROUPED.test(core) || !new RegExp(`[\\d.,][${BLANKS}]+[\\d.,]`).test(core)) return null;
  const shown = squish(raw);
  if (/[\n\r\u2028\u2029]/.test(core))
    return `"${shown}" có dấu xuống dòng giữa các chữ số nên không rõ là một số hay hai số`;
  return `"${shown}" có khoảng trắng giữa các chữ số nhưng không theo nhóm ba chữ số hàng nghìn (như 1 234 567) nên không rõ là một số hay hai số`;
}

/**
 * Whether a number format shows its value times 100, as Excel and Sheets decide: only by a "%"
 * that is neither quoted ("%"), escaped (\%), a padding or fill character (_% *%) nor inside
 * brackets. "0.000\%" shows 0,142 as "0,142%".
 */
export function scalesAsPercent(format: string): boolean {
  return format.replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/g, '').includes('%');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * vi-VN number: 1.234.567 and 12,5 (at most `maxFraction` decimals, trailing zeros trimmed down to
 * `minFraction`).
 */
export function formatNumber(value: number, maxFraction = 2, minFraction = 0): string {
  if (!Number.isFinite(value)) throw new Error(`formatNumber: not a finite number: ${value}`);
  // Rounded in decimal, not in binary: 1.005 * 100 is 100.49999… in floating point, yet 1,005 written
  // to two decimals is 1,01. Fifteen significant digits drop that binary noise before rounding.
  const scale = 10 ** maxFraction;
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  const [whole = '', frac = ''] = rounded.toFixed(maxFraction).split('.');
  const fracTrim = frac.slice(0, minFraction) + frac.slice(minFraction).replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fracTrim ? `,${fracTrim}` : ''}`;
}

/**
 * The one rounding rule for rates (percentages), in the draft's sentences, in its tables and in the
 * sheets: rounded half away from zero, in decimal, to exactly RATE_DECIMALS decimals, zeros kept,
 * so a sentence never reads "22,3%" beside "21,23%" and the text reads as the sheet's cell shows it.
 */
export const RATE_DECIMALS = 2;

/** The sheets' number format for a rate cell (the cell holds the fraction: 0.2230 shows 22,30%). */
export const RATE_FORMAT = `0.${'0'.repeat(RATE_DECIMALS)}%`;

/** A rate as it is printed, in points: 65.5604 -> 65.56 (the value comparisons are made on). */
export function roundRate(points: number): number {
  const scale = 10 ** RATE_DECIMALS;
  return (Math.sign(points) * Math.round(Number((Math.abs(points) * scale).toPrecision(15)))) / scale;
}

/**
 * vi-VN percentage from percentage points: 65.5604 -> "65,56%", 22.3 -> "22,30%". An exact whole
 * rate has no decimals, as the seeds and the Ministry's forms write it: 100 -> "100%", 0 -> "0%"
 * (shared/spec/DOMAIN.md, "Numbers"). Only an exact one: 99.999 is rounded to "100,00%", which
 * does not claim that every hồ sơ was on time. Sheets show rates by RATE_FORMAT, not by this.
 */
export function formatPercent(points: number): string {
  if (!Number.isFinite(points)) throw new Error(`formatPercent: not a finite number: ${points}`);
  // A rate computed from counts is exact in floating point when it is whole ((100 * 45) / 45), but
  // a typed fraction is not (0.07 * 100 = 7.000000000000001): a whole rate within binary noise.
  const whole = Math.round(points);
  if (Math.abs(points - whole) < 1e-9) return `${formatNumber(whole, 0)}%`;
  return `${formatNumber(points, RATE_DECIMALS, RATE_DECIMALS)}%`;
}

/** Two-digit zero padding, as the decree writes days and months: 05. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
