/** What every section of the province's report reads: the summary, its figures and the comparison. */
import { Catalog } from '../catalog/catalog';
import { Summary } from '../figures/consolidate';
import { Figures } from './figures';
import { PreviousSummary } from './previous';

export interface Province {
  readonly s: Summary;
  readonly f: Figures;
  readonly previous: PreviousSummary | null;
  /** "cùng kỳ năm 2025", "kỳ trước (quý II năm 2026)". */
  readonly compared: string | null;
  /** For the comparison: which agencies are asked a figure, and how a rate is computed. */
  readonly catalog: Catalog;
}
