/**
 * A workbook file read for checking only: its sheets as snapshots (xlsx-snapshots.ts), no
 * spreadsheet model behind them. What `validate` reads a province workbook into, at a fraction
 * of the memory of loading it to edit (XlsxWorkbook).
 */
import { IsoDate, isoDate } from '../core/primitives/dates';
import { SheetSnapshot } from '../core/sheet/grid';
import { ReadableWorkbook } from '../core/workbook';

/** Our own hidden sheets (state, lists) are not the user's: XlsxWorkbook hides them the same way. */
export const isOwnSheet = (name: string) => name.startsWith('_cchc_');

export class SnapshotWorkbook implements ReadableWorkbook {
  /** By lower-cased name. */
  protected readonly byName: Map<string, SheetSnapshot>;

  constructor(
    snapshots: readonly SheetSnapshot[],
    private readonly clock: () => Date = () => new Date(),
  ) {
    // Sheet names are unique regardless of case; the first of a clash wins, as excelts' getWorksheet.
    const byName = new Map<string, SheetSnapshot>();
    for (const s of snapshots) if (!byName.has(s.name.toLowerCase())) byName.set(s.name.toLowerCase(), s);
    this.byName = byName;
    this.names = snapshots.map((s) => s.name).filter((n) => !isOwnSheet(n));
  }
  private readonly names: string[];

  sheetNames(): string[] {
    return [...this.names];
  }

  /** The sheet of that name in any case, named as asked (as XlsxWorkbook.read). */
  read(name: string): SheetSnapshot | null {
    const s = this.byName.get(name.toLowerCase());
    return s ? { ...s, name } : null;
  }

  today(): IsoDate {
    const d = this.clock();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }
}
