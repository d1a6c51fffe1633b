/**
 * A per-call latency model for Apps Script services, to turn call counts into seconds.
 * Google publishes no per-call figures. Two public measurements anchor the model; the rest are
 * our estimates, marked as such, and can be replaced with `--latency <file.json>` once measured
 * in a real spreadsheet (Logger timings around each call).
 */
export interface LatencyRule {
  /** A regular expression over "Class.method". */
  readonly pattern: string;
  readonly ms: number;
  /** Extra milliseconds per cell for range reads and writes. */
  readonly perCellMs?: number;
  readonly source: string;
}

const ESTIMATE = 'estimate (no public measurement found)';

export const DEFAULT_MODEL: readonly LatencyRule[] = [
  {
    pattern: '^Properties\\.setProperty$',
    ms: 62,
    source: 'measured mean, 100 runs: ziritione.org "Google Apps Script APIs performance"',
  },
  {
    pattern: '^Properties\\.getProperty$',
    ms: 30,
    source: 'measured mean, 100 runs: ziritione.org "Google Apps Script APIs performance"',
  },
  {
    pattern: '^Range\\.set',
    ms: 40,
    perCellMs: 0.002,
    source:
      'a single setValues of 4 000 cells took under 50 ms (Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?")',
  },
  {
    pattern: '^Range\\.get(Values|NumberFormats|Formulas|Notes|Backgrounds|DisplayValues)$',
    ms: 60,
    perCellMs: 0.002,
    source: 'estimate: a read also commits pending writes (Google, "Optimizing Spreadsheet Operations", 2010)',
  },
  {
    pattern: '^Spreadsheet\\.insertSheet$',
    ms: 300,
    source: `${ESTIMATE}; the same with a template (one request, the copy made on Google's side)`,
  },
  { pattern: '^Spreadsheet\\.deleteSheet$', ms: 200, source: ESTIMATE },
  {
    pattern: '^Protection\\.(isWarningOnly|canDomainEdit)$',
    ms: 10,
    source: 'estimate: a flag of a protection getProtections already returned, like Sheet.getSheetId',
  },
  { pattern: '^(Sheet\\.protect|Protection\\.)', ms: 80, source: ESTIMATE },
  {
    pattern: '^Sheet\\.(setColumnWidths|setFrozenRows|insertRowsAfter|insertColumnsAfter|setName)$',
    ms: 40,
    source: ESTIMATE,
  },
  { pattern: '^Sheet\\.getProtections$', ms: 50, source: ESTIMATE },
  {
    pattern: '^(Spreadsheet|Sheet|RangeList)\\.',
    ms: 10,
    source: 'estimate: metadata lookups (getSheetByName, getRange, getSheetId, …)',
  },
  {
    pattern: '^SpreadsheetApp\\.openBy(Id|Url)$',
    ms: 1000,
    source: 'estimate: opening another spreadsheet loads it, as opening it in a browser tab does',
  },
  { pattern: '^DocumentApp\\.create$', ms: 1500, source: ESTIMATE },
  { pattern: '^Document\\.saveAndClose$', ms: 800, source: ESTIMATE },
  { pattern: '^(Body|Paragraph|Table|TableRow|TableCell|Text|Document)\\.', ms: 40, source: ESTIMATE },
  {
    pattern: '^(Ui|Menu|Lock|LockService|PropertiesService|SpreadsheetApp|Utilities|HtmlService)\\.',
    ms: 20,
    source: ESTIMATE,
  },
  { pattern: '.', ms: 50, source: 'fallback for any other call' },
];

/** Seconds for the given calls; cells is the number of cells moved by range reads and writes. */
export function modelSeconds(
  byMethod: Record<string, number>,
  cells: number,
  model: readonly LatencyRule[] = DEFAULT_MODEL,
): number {
  let ms = 0;
  for (const [method, n] of Object.entries(byMethod)) {
    const rule = model.find((r) => new RegExp(r.pattern).test(method))!;
    ms += n * rule.ms;
  }
  const cellRule = model.find((r) => r.perCellMs !== undefined);
  ms += cells * (cellRule?.perCellMs ?? 0);
  return ms / 1000;
}
