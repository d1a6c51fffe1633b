/**
 * Calendar dates as ISO strings ("2026-03-05"): time zones never shift them, and they compare
 * as strings. Adapters convert to and from the Date objects spreadsheets hold.
 */
import { pad2 } from './numbers';

/** True for Date objects from any realm (a sandbox's or Apps Script's), where instanceof may not be. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDate(y: number, m: number, d: number): IsoDate {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new Error(`invalid date ${y}-${m}-${d}`);
  }
  return `${y}-${pad2(m)}-${pad2(d)}` as IsoDate;
}

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  try {
    isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return true;
  } catch {
    return false;
  }
}

export function parts(d: IsoDate): { y: number; m: number; d: number } {
  const [, y, m, day] = ISO.exec(d)!;
  return { y: Number(y), m: Number(m), d: Number(day) };
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const { y, m, d: day } = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + n));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** "05/03/2026". */
export function formatDmy(d: IsoDate): string {
  const { y, m, d: day } = parts(d);
  return `${pad2(day)}/${pad2(m)}/${y}`;
}

/** Nghị định 30/2020: "ngày 05 tháng 3 năm 2026"; days below 10 and months 1-2 take a leading zero. */
export function formatLongDate(d: IsoDate): string {
  const { y, m, d: day } = parts(d);
  return `ngày ${pad2(day)} tháng ${m < 3 ? pad2(m) : m} năm ${y}`;
}

/**
 * Reads what people type or what a sheet holds as a date: a Date (its local calendar day),
 * "05/03/2026", "5/3/2026", "2026-03-05". Returns null when it is not a date.
 */
export function readDate(v: unknown): IsoDate | null {
  if (isDate(v) && !Number.isNaN(v.getTime())) {
    return isoDate(v.getFullYear(), v.getMonth() + 1, v.getDate());
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  try {
    return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  } catch {
    return null;
  }
}
