/** A cell as the fake stores it, the spreadsheet's size limits, and time zones. */
import { FakeDataValidation } from './builders';

export interface Cell {
  value: unknown;
  formula: string | null;
  format: string;
  background: string | null;
  note: string;
  bold: boolean;
  italic: boolean;
  color: string | null;
  wrap: boolean;
  align: string | null;
  validation: FakeDataValidation | null;
  /** The link of a rich-text value (setRichTextValues), or null. */
  link: string | null;
  /** Ruled on all sides (RangeList.setBorder). */
  border?: boolean;
}

/**
 * Sheets stores a date as a wall-clock date and time in the spreadsheet's time zone, and
 * getValues hands it back as the instant of that wall clock in the spreadsheet's zone (a script
 * in another zone sees another hour, even another day: a value of 2023/01/01 12:00 read in an
 * Asia/Tokyo spreadsheet lands as 2022/12/31 19:00 in an America/Los_Angeles one, per
 * gist.github.com/tanaikech/fd525434b51b8b0df3293c0067f071ca and Eric Koleda's time-zone
 * examples, gist.github.com/erickoledadevrel/6cf5d1e764839cba8701). The fake keeps the wall clock.
 */
export class WallClock {
  constructor(readonly ms: number) {}
}

/** UTC offsets in minutes of the zones the tests use; none has daylight saving, so each is exact. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  'Asia/Ho_Chi_Minh': 7 * 60,
  'Asia/Bangkok': 7 * 60,
  'Asia/Tokyo': 9 * 60,
  'America/Bogota': -5 * 60,
  'Etc/UTC': 0,
};

export function zoneOffsetMs(tz: string): number {
  if (!(tz in ZONE_OFFSETS)) throw new Error(`fake knows no time zone ${tz}`);
  return ZONE_OFFSETS[tz] * 60_000;
}

/** Dates from the sandboxed bundle come from another realm, so instanceof cannot tell. */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export const blankCell = (): Cell => ({
  value: '',
  formula: null,
  format: '',
  background: null,
  note: '',
  bold: false,
  italic: false,
  color: null,
  wrap: false,
  align: null,
  validation: null,
  link: null,
});

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const CELL_LIMIT = 10_000_000;

export function dims(data: unknown[][], rows: number, cols: number, what: string): void {
  if (!Array.isArray(data) || data.length !== rows)
    throw new Error(
      `${what}: The number of rows in the data does not match the number of rows in the range. The data has ${data?.length} but the range has ${rows}.`,
    );
  for (const r of data)
    if (!Array.isArray(r) || r.length !== cols)
      throw new Error(
        `${what}: The number of columns in the data does not match the number of columns in the range. The data has ${r?.length} but the range has ${cols}.`,
      );
}

export function colIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
