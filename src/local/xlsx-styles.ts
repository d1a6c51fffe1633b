/**
 * Styles other programs write that excelts would write back invalid. openpyxl writes a fill as
 * `<patternFill/>` (patternType is optional in ECMA-376 Part 1, §18.8.32: absent means no fill);
 * excelts 10.2.0 reads it as a pattern fill with no pattern and writes
 * `<patternFill patternType="undefined"/>`, which openpyxl then refuses to open. Every loaded
 * workbook passes through here once, so whatever made the input, our outputs hold only valid values.
 */
import type * as ExcelJS from '@cj-tech-master/excelts';

type Styled = { fill?: ExcelJS.Fill; style?: Partial<ExcelJS.Style> };

/** A pattern fill without its pattern becomes the explicit "none" it means. */
function repairFill(target: Styled, seen: Set<object>): void {
  const fill = target.style?.fill ?? target.fill;
  if (!fill || seen.has(fill)) return;
  seen.add(fill);
  if (fill.type === 'pattern' && !fill.pattern) (fill as { pattern: string }).pattern = 'none';
}

export function repairLoadedStyles(book: ExcelJS.Workbook): void {
  const seen = new Set<object>();
  for (const ws of book.worksheets) {
    for (const col of ws.columns ?? []) repairFill(col as unknown as Styled, seen);
    ws.eachRow({ includeEmpty: true }, (row) => {
      repairFill(row as unknown as Styled, seen);
      row.eachCell({ includeEmpty: true }, (cell) => repairFill(cell as unknown as Styled, seen));
    });
  }
}
