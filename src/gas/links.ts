/**
 * Where to write rich-text links: setRichTextValues replaces whole cells, so it may only cover
 * text cells (a number would turn into text). Links are grouped into strips of consecutive text
 * cells, down columns or along rows, whichever needs fewer calls; a results sheet with one link
 * per agency then costs a few calls, not one per agency.
 */

/** A text cell: its text and, for a link, the URL. */
export interface LinkCell {
  readonly text: string;
  readonly url?: string;
}

/** A strip of cells, at 0-based offsets within the rendered range. */
export interface LinkRun {
  readonly row: number;
  readonly col: number;
  readonly cells: LinkCell[][];
}

type Grid = readonly (readonly (LinkCell | null)[])[];

function strips(grid: Grid, vertical: boolean): LinkRun[] {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const [outer, inner] = vertical ? [cols, rows] : [rows, cols];
  const at = (o: number, i: number) => (vertical ? grid[i][o] : grid[o][i]);
  const runs: LinkRun[] = [];
  for (let o = 0; o < outer; o++) {
    let start = -1; // first link of the current strip
    let last = -1; // last link of the current strip
    const flush = () => {
      if (start < 0) return;
      const cells = [];
      for (let i = start; i <= last; i++) cells.push(at(o, i)!);
      runs.push(
        vertical ? { row: start, col: o, cells: cells.map((c) => [c]) } : { row: o, col: start, cells: [cells] },
      );
      start = last = -1;
    };
    for (let i = 0; i < inner; i++) {
      const c = at(o, i);
      if (c === null) flush();
      else if (c.url !== undefined) {
        if (start < 0) start = i;
        last = i;
      }
    }
    flush();
  }
  return runs;
}

export function linkRuns(grid: Grid): LinkRun[] {
  const down = strips(grid, true);
  const across = strips(grid, false);
  return across.length < down.length ? across : down;
}
