/**
 * Whether excelts re-reads each file it writes to check its XML (undefined: excelts' default,
 * on outside NODE_ENV=production). A developer's check: it only prints English warnings, and
 * for a 190-agency workbook it costs about 140 MB of peak memory and 3 s. The tests keep it;
 * the CLI turns it off (src/cli/main.ts). A module of its own so that setting it does not load
 * the spreadsheet library (the CLI loads that only for commands that write a workbook).
 */
export const xlsxSelfCheck: { enabled: boolean | undefined } = { enabled: undefined };
