/**
 * Reading an agency tab back from one batched read. Rows are found by the code in STT, header
 * fields and free text by their labels, so inserted or re-sorted rows still parse. Values are
 * normalized here (Vietnamese separators, "%", fractions, coded labels); judging them is
 * validation's job.
 */
import { Catalog, Indicator, ValueIndicator } from '../catalog/catalog';
import { IsoDate, isDate, readDate } from '../primitives/dates';
import { ooxmlFormula, rateFormulaAt } from './formulas';
import {
  Computed,
  FormulaValue,
  Uncomputable,
  computeFormula,
  formulaInput,
  isFormulaError,
  sheetComputer,
} from './formula-eval';
import { RawCell, SheetSnapshot, a1, cellText, isBlank, parseA1 } from '../sheet/grid';
import {
  FORMULA_ERRORS,
  PLAUSIBLE_LIMIT,
  formatNumber,
  formatPercent,
  parseTypedNumber,
  scalesAsPercent,
} from '../primitives/numbers';
import {
  COL,
  FREE_TEXT_LABELS,
  FreeTextField,
  HEADER_LABELS,
  HeaderField,
  STATUS_DRAFT,
  STATUS_SENT,
  TABLE_HEADER,
  formVersion,
} from './template';
import { fold, squish } from '../primitives/text';

export type Reading =
  | { readonly state: 'blank' }
  | {
      readonly state: 'number';
      readonly value: number;
      readonly warning?: string;
      /** A count held as text ("3.626"): read the Vietnamese way, but no spreadsheet formula reads it so. */
      readonly asText?: true;
    }
  | {
      readonly state: 'invalid';
      readonly problem:
        | 'text'
        | 'ambiguous'
        | 'formula-error'
        | 'code'
        /** In a merged range spanning rows, or covered by another cell: whose figure is it? */
        | 'merged'
        /** A formula the evaluator cannot compute (`why`, and the function, name or cell in `about`). */
        | 'uncomputable'
        /** Beyond PLAUSIBLE_LIMIT or not finite. */
        | 'implausible';
      readonly detail: string;
      readonly why?: Uncomputable;
      readonly about?: string;
    };

/**
 * A formula in a value cell whose result, as the file stored it, differs from what the evaluator
 * computes (the computed one is used): both as the cell would show them.
 */
export interface StaleResult {
  readonly formula: string;
  readonly cached: string;
  readonly computed: string;
}

export interface ParsedRow {
  readonly ind: ValueIndicator;
  /** 1-based sheet row. */
  readonly row: number;
  readonly cell: string;
  readonly raw: RawCell;
  readonly reading: Reading;
  /** A formula cell: its value as the evaluator computes it (absent when it cannot). */
  readonly computed?: FormulaValue;
  /** A formula cell whose stored result is not what it computes. */
  readonly stale?: StaleResult;
}

export type StructureIssue =
  | { readonly kind: 'no-table' }
  | { readonly kind: 'header-text'; readonly cell: string; readonly expected: string; readonly found: string }
  | { readonly kind: 'duplicate-code'; readonly code: string; readonly cell: string; readonly first: string }
  | { readonly kind: 'unknown-code'; readonly code: string; readonly cell: string }
  | { readonly kind: 'value-without-code'; readonly cell: string };

export type Status = 'sent' | 'draft' | 'unknown';

export interface AgencyReport {
  readonly sheet: string;
  readonly rows: ReadonlyMap<string, ParsedRow>;
  /** Codes whose row holds a group heading (they carry no value). */
  readonly groups: ReadonlySet<string>;
  readonly status: { readonly value: Status; readonly text: string; readonly cell: string | null };
  readonly sentOn: { readonly date: IsoDate | null; readonly text: string; readonly cell: string | null };
  /** "Hạn gửi báo cáo" as the tab shows it (null date: blank or not a date). */
  readonly deadline: { readonly date: IsoDate | null; readonly text: string; readonly cell: string | null };
  readonly header: Readonly<Partial<Record<HeaderField, { text: string; cell: string }>>>;
  readonly freeText: Readonly<Record<FreeTextField, string>>;
  /** Where each free-text answer sits (one row under its label). */
  readonly freeTextCells: Readonly<Partial<Record<FreeTextField, string>>>;
  readonly structure: readonly StructureIssue[];
  /** The catalog version stamped on the form, and where (null: no stamp found). */
  readonly version: { readonly version: string; readonly cell: string } | null;
  /** 1-based row of the table header, and of every coded row below it (groups included). */
  readonly tableHeaderRow: number | null;
  readonly codeRows: ReadonlyMap<number, string>;
}

/** "3.4.1.", 3.4 (a number), " 2.1 " -> the catalog code. */
export function readCode(v: RawCell): string {
  if (typeof v === 'number') return String(v);
  return squish(cellText(v)).replace(/\.$/, '');
}

/**
 * Formulas of a sheet computed by the one evaluator, each cell once: `strict` for what a user
 * typed (text where a number is needed is uncomputable), `lenient` for the form's own formulas
 * (text read through N() and ISTEXT, as the spreadsheet shows it).
 */
interface SheetFormulas {
  readonly strict: (row: number, col: number) => Computed;
  readonly lenient: (row: number, col: number) => Computed;
}

function sheetFormulas(snap: SheetSnapshot): SheetFormulas {
  const formulaAt = (row: number, col: number): string | null => {
    const fact = snap.cells?.get(a1(row, col));
    return fact?.kind === 'formula' ? fact.formula : null;
  };
  // A cell covered by a merged range reads blank in Sheets, but whose figure it holds is unknown.
  const valueAt = (row: number, col: number): RawCell | null => {
    const fact = snap.cells?.get(a1(row, col));
    return fact?.kind === 'merged' && !fact.anchor ? null : (snap.values[row - 1]?.[col - 1] ?? '');
  };
  return {
    strict: sheetComputer(formulaAt, valueAt, { strict: true }),
    lenient: sheetComputer(formulaAt, valueAt),
  };
}

/**
 * A value cell through what the adapter knows of it: a merged cell is refused; a formula is
 * computed by the evaluator from the cells it reads, whatever result the file stored. The form's
 * own rate formula is read as computed; any other formula too, with a note when the stored
 * result differs; one the evaluator cannot compute is refused at the cell.
 */
function readValueCell(
  snap: SheetSnapshot,
  formulas: () => SheetFormulas,
  formFormula: string | null,
  ind: ValueIndicator,
  cell: string,
  raw: RawCell,
  format: string,
): Pick<ParsedRow, 'reading' | 'computed' | 'stale'> {
  const fact = snap.cells?.get(cell);
  if (fact?.kind === 'merged' && (!fact.anchor || parseA1(fact.range).rows > 1))
    return { reading: { state: 'invalid', problem: 'merged', detail: fact.range } };
  if (fact?.kind !== 'formula') return { reading: readValue(ind, raw, format) };
  const { row, col } = parseA1(cell);
  const { strict, lenient } = formulas();
  if (formFormula !== null) {
    const own = lenient(row, col);
    const expected = computeFormula(formFormula, (r, c) => {
      const v = lenient(r, c);
      return v.ok ? v.value : null;
    });
    // An error there is the older template's shape (IF(N(..)>0,..)) on a count typed as text: the
    // rate cell shows #VALUE!, which validate does not blame on the agency (isRecomputable).
    if (own.ok && expected.ok && (sameResult(own.value, expected.value) || isFormulaError(own.value)))
      return { reading: readValue(ind, own.value, format), computed: own.value };
  }
  const shown = `=${fact.formula}`;
  const got = fact.array ? ({ ok: false, why: 'array', detail: fact.array } as const) : strict(row, col);
  if (!got.ok)
    return { reading: { state: 'invalid', problem: 'uncomputable', detail: shown, why: got.why, about: got.detail } };
  const reading = readValue(ind, got.value, format);
  const stale =
    fact.cached && !isFormulaError(got.value) && !sameResult(formulaInput(raw), got.value)
      ? { formula: shown, cached: shownAs(ind, raw, format), computed: shownAs(ind, got.value, format) }
      : undefined;
  return { reading, computed: got.value, ...(stale ? { stale } : {}) };
}

/** Two results of a formula alike: numbers to float noise, blank as blank. */
export function sameResult(a: FormulaValue | null, b: FormulaValue | null): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  const blank = (v: FormulaValue | null) => v === null || v === '';
  return a === b || (blank(a) && blank(b));
}

/** A value as the cell reads: "47", "75%", "ô trống", or the text itself in quotes. */
function shownAs(ind: ValueIndicator, v: RawCell, format: string): string {
  const r = readValue(ind, v, format);
  if (r.state === 'blank') return 'ô trống';
  if (r.state === 'number') return ind.kind === 'percent' ? formatPercent(r.value) : formatNumber(r.value);
  return isFormulaError(formulaInput(v)) ? String(v) : `"${cellText(v)}"`;
}

/** A formula of this sheet computed by the evaluator from the cells it reads (null: it cannot be). */
export function recompute(snap: SheetSnapshot, formula: string): FormulaValue | null {
  const { lenient } = sheetFormulas(snap);
  const v = computeFormula(formula, (r, c) => {
    const got = lenient(r, c);
    return got.ok ? got.value : null;
  });
  return v.ok ? v.value : null;
}

function readValue(ind: ValueIndicator, raw: RawCell, format: string): Reading {
  const reading = readPlainValue(ind, raw, format);
  if (reading.state === 'number' && !(Math.abs(reading.value) <= PLAUSIBLE_LIMIT))
    return {
      state: 'invalid',
      problem: 'implausible',
      detail: hugeNumber(reading.value),
    };
  return reading;
}

/** 1,00e+308 rather than a hundred digits (or "Infinity"). */
function hugeNumber(v: number): string {
  if (!Number.isFinite(v)) return 'vô hạn';
  return Math.abs(v) < 1e15 ? formatNumber(v) : v.toExponential(2).replace('.', ',');
}

function readPlainValue(ind: ValueIndicator, raw: RawCell, format: string): Reading {
  if (isBlank(raw)) return { state: 'blank' };
  if (typeof raw === 'boolean' || isDate(raw)) {
    return { state: 'invalid', problem: 'text', detail: isDate(raw) ? 'một ngày tháng' : String(raw) };
  }
  if (ind.kind === 'code') return readCoded(ind, raw);
  if (typeof raw === 'number') {
    // No spreadsheet shows NaN as a figure; a file that stores one was not written by one.
    if (Number.isNaN(raw)) return { state: 'invalid', problem: 'text', detail: 'NaN' };
    if (ind.kind === 'percent') {
      if (scalesAsPercent(format)) return { state: 'number', value: round12(raw * 100) };
      // A quoted or escaped "%" ("0.000\%") shows 0,142 as "0,142%": read as shown, nothing to ask.
      if (format.includes('%')) return { state: 'number', value: raw };
      if (raw > 0 && raw < 1) {
        return {
          state: 'number',
          value: raw,
          warning: `đã hiểu ${String(raw).replace('.', ',')} là ${String(raw).replace('.', ',')}%; nếu ý là ${String(round12(raw * 100)).replace('.', ',')}% hãy nhập kèm dấu %`,
        };
      }
    }
    return { state: 'number', value: raw };
  }
  const text = String(raw);
  if (FORMULA_ERRORS.includes(squish(text).toUpperCase()))
    return { state: 'invalid', problem: 'formula-error', detail: squish(text) };
  const parsed = parseTypedNumber(text, ind.kind);
  if (!parsed.ok) return { state: 'invalid', problem: parsed.problem, detail: parsed.detail };
  return {
    state: 'number',
    value: parsed.value,
    warning: parsed.warning,
    ...(ind.kind === 'count' ? { asText: true as const } : {}),
  };
}

function readCoded(ind: Extract<Indicator, { kind: 'code' }>, raw: string | number): Reading {
  const answers = ind.answers;
  if (typeof raw === 'number') {
    return answers.some((a) => a.code === raw)
      ? { state: 'number', value: raw }
      : { state: 'invalid', problem: 'code', detail: String(raw) };
  }
  const t = fold(raw);
  const m = /^(\d+)\s*(?:[-–:=.]\s*(.*))?$/.exec(t);
  if (m) {
    const hit = answers.find((a) => a.code === Number(m[1]));
    if (hit && (!m[2] || fold(hit.label) === m[2])) return { state: 'number', value: hit.code };
  }
  const byLabel = answers.find((a) => fold(a.label) === t);
  if (byLabel) return { state: 'number', value: byLabel.code };
  return { state: 'invalid', problem: 'code', detail: squish(raw) };
}

/**
 * A rate read as `value` (in percent) as the number a cell formatted `format` must hold to be read
 * as `value` again: divided by 100 under a format that scales (0,142 → 0,00142 under "0.00%"),
 * kept under one that does not ("0.000\%", General).
 */
export function percentCellValue(value: number, format: string): number {
  return scalesAsPercent(format) ? round12(value / 100) : value;
}

function round12(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

function findHeaderRow(values: RawCell[][]): number {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (fold(cellText(row?.[0])) === 'stt' && fold(cellText(row?.[1])).startsWith(fold(TABLE_HEADER[1]))) return r;
  }
  return -1;
}

/** Parses one agency tab. Never throws on content: what it cannot read becomes a structure issue. */
export function parseAgencyTab(catalog: Catalog, snap: SheetSnapshot): AgencyReport {
  const { values, formats } = snap;
  const structure: StructureIssue[] = [];
  const headerIdx = findHeaderRow(values);
  const tableEnd = (() => {
    const labels = Object.values(FREE_TEXT_LABELS).map((l) => fold(`${l}:`));
    for (let r = Math.max(headerIdx, 0); r < values.length; r++)
      if (labels.includes(fold(cellText(values[r]?.[1])))) return r;
    return values.length;
  })();

  const header: Partial<Record<HeaderField, { text: string; cell: string }>> = {};
  const headerLimit = headerIdx < 0 ? Math.min(values.length, 20) : headerIdx;
  for (let r = 0; r < headerLimit; r++) {
    const label = fold(cellText(values[r]?.[1]));
    const key = (Object.keys(HEADER_LABELS) as HeaderField[]).find((k) => fold(HEADER_LABELS[k]) === label);
    if (key) header[key] = { text: cellText(values[r]?.[2]), cell: a1(r + 1, 3) };
  }
  const statusText = squish(header.status?.text ?? '');
  const status: Status =
    fold(statusText) === fold(STATUS_SENT)
      ? 'sent'
      : fold(statusText) === fold(STATUS_DRAFT) || !statusText
        ? 'draft'
        : 'unknown';
  const sentCell = header.sentOn?.cell ?? null;
  const sentRaw = sentCell ? values[Number(sentCell.slice(1)) - 1]?.[2] : undefined;
  const deadlineCell = header.deadline?.cell ?? null;
  const deadlineRaw = deadlineCell ? values[Number(deadlineCell.slice(1)) - 1]?.[2] : undefined;

  const rows = new Map<string, ParsedRow>();
  const groups = new Set<string>();
  const codeRows = new Map<number, string>();
  const pending: { ind: ValueIndicator; row: number; cell: string; raw: RawCell; format: string }[] = [];
  if (headerIdx < 0) {
    structure.push({ kind: 'no-table' });
  } else {
    TABLE_HEADER.forEach((expected, c) => {
      const found = squish(cellText(values[headerIdx]?.[c]));
      if (fold(found) !== fold(expected))
        structure.push({ kind: 'header-text', cell: a1(headerIdx + 1, c + 1), expected, found });
    });
    const firstAt = new Map<string, string>();
    for (let r = headerIdx + 1; r < tableEnd; r++) {
      const row = values[r] ?? [];
      const code = readCode(row[COL.code - 1] ?? '');
      const cell = a1(r + 1, COL.value);
      if (!code) {
        if (!isBlank(row[COL.value - 1])) structure.push({ kind: 'value-without-code', cell });
        continue;
      }
      const ind = catalog.get(code);
      if (!ind) {
        structure.push({ kind: 'unknown-code', code, cell: a1(r + 1, COL.code) });
        continue;
      }
      const first = firstAt.get(code);
      if (first) {
        structure.push({ kind: 'duplicate-code', code, cell: a1(r + 1, COL.code), first });
        continue;
      }
      firstAt.set(code, a1(r + 1, COL.code));
      codeRows.set(r + 1, code);
      if (ind.kind === 'group') {
        groups.add(code);
        continue;
      }
      pending.push({ ind, row: r + 1, cell, raw: row[COL.value - 1] ?? '', format: formats[r]?.[COL.value - 1] ?? '' });
    }
  }
  // Read once every row is placed: the form's own rate formula refers to its counts' rows.
  const rowOfCode = new Map(pending.map((p) => [p.ind.code, p.row]));
  let formulas: SheetFormulas | null = null;
  const sheetFormulasOnce = () => (formulas ??= sheetFormulas(snap));
  for (const p of pending) {
    const own = rateFormulaAt(catalog, p.ind.code, (c) => rowOfCode.get(c));
    const read = readValueCell(snap, sheetFormulasOnce, own && ooxmlFormula(own), p.ind, p.cell, p.raw, p.format);
    rows.set(p.ind.code, { ind: p.ind, row: p.row, cell: p.cell, raw: p.raw, ...read });
  }

  const freeText = {} as Record<FreeTextField, string>;
  const freeTextCells: Partial<Record<FreeTextField, string>> = {};
  for (const k of Object.keys(FREE_TEXT_LABELS) as FreeTextField[]) {
    const label = fold(`${FREE_TEXT_LABELS[k]}:`);
    const r = values.findIndex((row, i) => i >= tableEnd && fold(cellText(row?.[1])) === label);
    freeText[k] = r >= 0 ? cellText(values[r + 1]?.[1]) : '';
    if (r >= 0) freeTextCells[k] = a1(r + 2, COL.name);
  }

  return {
    sheet: snap.name,
    rows,
    groups,
    status: { value: status, text: statusText, cell: header.status?.cell ?? null },
    sentOn: { date: sentRaw === undefined ? null : readDate(sentRaw), text: cellText(sentRaw), cell: sentCell },
    deadline: {
      date: deadlineRaw === undefined ? null : readDate(deadlineRaw),
      text: cellText(deadlineRaw),
      cell: deadlineCell,
    },
    header,
    freeText,
    freeTextCells,
    structure,
    version: formVersion(values, headerLimit),
    tableHeaderRow: headerIdx < 0 ? null : headerIdx + 1,
    codeRows,
  };
}

/** The value of a row when it was read cleanly, else null. */
export function valueOf(report: AgencyReport, code: string): number | null {
  const r = report.rows.get(code)?.reading;
  return r?.state === 'number' ? r.value : null;
}
