/**
 * Agencies' files as they travel from the import dialog to the server through google.script.run,
 * which refuses Date objects anywhere in an argument (developers.google.com/apps-script/guides/html/reference/run:
 * "Requests fail if you attempt to pass a Date, Function, DOM element besides a form"). Dates go
 * as {d: "yyyy-mm-dd"}; everything is checked with zod on arrival. What the reader knows of cells
 * beyond their values (formulas, merged ranges) travels too, so the server reads a file's cells as
 * validate and collect do on the command line.
 */
import * as z from 'zod/mini';
import { isoDate, isDate } from '../primitives/dates';
import { IncomingFile } from './collect';
import { CellFact, RawCell } from '../sheet/grid';

type WireCell = string | number | boolean | { d: string };

const Cell = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ d: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
]);
const Fact = z.union([
  z.object({ kind: z.literal('merged'), range: z.string(), anchor: z.boolean() }),
  z.object({ kind: z.literal('formula'), formula: z.string(), cached: z.boolean(), array: z.optional(z.string()) }),
]);
const Sheet = z.object({
  name: z.string(),
  values: z.array(z.array(Cell)),
  formats: z.array(z.array(z.string())),
  cells: z.optional(z.array(z.tuple([z.string().check(z.regex(/^[A-Z]{1,3}\d+$/)), Fact]))),
});
const Payload = z.object({
  files: z.array(z.object({ name: z.string(), sheets: z.array(Sheet) })),
  prefer: z.optional(z.enum(['none', 'newest'])),
});

function toWireCell(v: RawCell): WireCell {
  if (isDate(v)) return { d: isoDate(v.getFullYear(), v.getMonth() + 1, v.getDate()) };
  return v;
}

function fromWireCell(v: WireCell): RawCell {
  if (typeof v === 'object') {
    const [y = 0, m = 1, d = 1] = v.d.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  return v;
}

export function toWire(files: readonly IncomingFile[], prefer: 'none' | 'newest' = 'none'): string {
  return JSON.stringify({
    prefer,
    files: files.map((f) => ({
      name: f.name,
      sheets: f.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((r) => r.map(toWireCell)),
        formats: s.formats,
        ...(s.cells?.size ? { cells: [...s.cells] } : {}),
      })),
    })),
  });
}

export type WireResult =
  { ok: true; files: IncomingFile[]; prefer: 'none' | 'newest' } | { ok: false; problem: string };

export function fromWire(payload: unknown): WireResult {
  let json: unknown;
  try {
    json = typeof payload === 'string' ? JSON.parse(payload) : payload;
  } catch {
    return { ok: false, problem: 'dữ liệu gửi lên không đọc được' };
  }
  const parsed = z.safeParse(Payload, json);
  if (!parsed.success) return { ok: false, problem: 'dữ liệu gửi lên không đúng định dạng' };
  return {
    ok: true,
    prefer: parsed.data.prefer ?? 'none',
    files: parsed.data.files.map((f) => ({
      name: f.name,
      sheets: f.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((r) => r.map(fromWireCell)),
        formats: s.formats,
        isProtected: null,
        ...(s.cells ? { cells: new Map<string, CellFact>(s.cells.map(([ref, fact]) => [ref, fact as CellFact])) } : {}),
      })),
    })),
  };
}
