/** Formulas in the fake: parsed in the spreadsheet's locale and computed with the core's one evaluator. */
import { FormulaValue, dateSerial, evaluateFormula } from '../../../src/core/form/formulas';
import { Cell, WallClock, zoneOffsetMs } from './cells';
import { FakeSheet } from './sheet';

/**
 * Locales whose decimal separator is a comma take `;` between formula arguments; a formula
 * written with `,` there is a parse error (#ERROR!): support.google.com/docs/answer/58515
 * ("Change a spreadsheet's locale"), github.com/mricon/ingress-fieldplan/issues/5,
 * github.com/googleapis/google-api-nodejs-client/issues/1994,
 * github.com/google-marketing-solutions/advanced-bidding-manager/issues/1.
 */
export const SEMICOLON_LOCALES = new Set([
  'vi_VN',
  'de_DE',
  'fr_FR',
  'es_ES',
  'it_IT',
  'pt_BR',
  'nl_NL',
  'ru_RU',
  'tr_TR',
  'id_ID',
]);

/**
 * Refuses, as Sheets would show #ERROR!, a formula whose meaning depends on the locale: a `,`
 * between arguments or a decimal point in a number where the locale uses `;` and `,`.
 */
export function checkFormulaForLocale(formula: string, locale: string): void {
  if (!SEMICOLON_LOCALES.has(locale)) return;
  const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (outsideStrings.includes(','))
    throw new Error(
      `fake: formula ${formula} separates arguments with "," but the spreadsheet locale ${locale} uses ";": Sheets shows #ERROR! (Formula parse error)`,
    );
  if (/\d\.\d/.test(outsideStrings))
    throw new Error(`fake: formula ${formula} has a decimal point but locale ${locale} writes decimals with ","`);
}

/**
 * Computes a formula as Sheets would, with the core's one evaluator (src/core/form/formulas.ts says
 * where each rule comes from). A formula it cannot compute is one no test may rely on: the fake
 * throws rather than guess what Sheets would show.
 */
export function evaluate(sheet: FakeSheet, formula: string, depth = 0): unknown {
  const v =
    depth > 8
      ? null
      : evaluateFormula(formula, (row, col) => {
          const c = sheet.cellAt(row, col);
          if (c.formula) return evaluate(sheet, c.formula, depth + 1) as FormulaValue;
          if (c.value instanceof WallClock) {
            const d = new Date(c.value.ms); // wall-clock time, stored as if UTC
            return dateSerial(
              d.getUTCFullYear(),
              d.getUTCMonth(),
              d.getUTCDate(),
              d.getUTCHours() * 60 + d.getUTCMinutes(),
            );
          }
          return c.value as FormulaValue;
        });
  if (v === null) throw new Error(`fake cannot evaluate formula ${formula}`);
  return v;
}

/** What getValues returns for a cell. */
export function cellValue(sheet: FakeSheet, c: Cell): unknown {
  if (c.formula) return evaluate(sheet, c.formula);
  if (c.value instanceof WallClock) return new Date(c.value.ms - zoneOffsetMs(sheet.ss.timeZone));
  return c.value;
}
