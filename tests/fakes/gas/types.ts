/** Apps Script type aliases the fake's modules share. */

export type S = typeof GoogleAppsScript.Spreadsheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
