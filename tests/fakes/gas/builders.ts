/** The value builders of SpreadsheetApp: data validation, text style, conditional format, rich text. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Calls } from './calls';
import { FakeRange } from './range';
import { GRange } from './types';

export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly args: unknown[],
    readonly helpText: string,
    readonly allowInvalid: boolean,
  ) {}
  /**
   * Whether the rule takes a value a user typed (already read as Sheets reads it: a number, a
   * date, or text). `formula` computes a custom formula with the value in its cell. Only the
   * criteria the adapter uses are modelled; any other throws rather than guess.
   */
  accepts(value: unknown, formula: (f: string) => unknown): boolean {
    const n = typeof value === 'number' ? value : null;
    switch (this.criteria) {
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return n !== null && n >= (this.args[0] as number);
      case 'NUMBER_BETWEEN':
        return n !== null && n >= (this.args[0] as number) && n <= (this.args[1] as number);
      case 'DATE_IS_VALID_DATE':
        return Object.prototype.toString.call(value) === '[object Date]';
      case 'VALUE_IN_LIST':
        return (this.args[0] as string[]).includes(String(value));
      case 'CUSTOM_FORMULA':
        // "Custom formula is": the input is valid when the formula is TRUE; an error is not.
        return formula(this.args[0] as string) === true;
      default:
        throw new Error(`fake: data validation criterion ${this.criteria} is not modelled`);
    }
  }
}

export class FakeDataValidationBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'setAllowInvalid'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberBetween'
  | 'requireDate'
  | 'requireValueInList'
  | 'requireFormulaSatisfied'
  | 'setHelpText'
  | 'build'
> {
  private criteria = '';
  private args: unknown[] = [];
  private help = '';
  private allowInvalid = true;
  constructor(private readonly calls: Calls) {}
  private hit(m: string) {
    this.calls.hit(`builder.DataValidation.${m}`);
    return this as any;
  }
  setAllowInvalid(v: boolean) {
    this.allowInvalid = v;
    return this.hit('setAllowInvalid');
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    this.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.args = [n];
    return this.hit('requireNumberGreaterThanOrEqualTo');
  }
  requireNumberBetween(a: number, b: number) {
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [a, b];
    return this.hit('requireNumberBetween');
  }
  requireDate() {
    this.criteria = 'DATE_IS_VALID_DATE';
    return this.hit('requireDate');
  }
  requireValueInList(values: string[], _show?: boolean) {
    if (!values.length) throw new Error('requireValueInList: the list is empty');
    if (values.length > 500) throw new Error('requireValueInList: more than 500 items');
    this.criteria = 'VALUE_IN_LIST';
    this.args = [values];
    return this.hit('requireValueInList');
  }
  /**
   * "Sets the data validation rule to require that the given formula evaluates to true"
   * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireFormulaSatisfied(String)).
   */
  requireFormulaSatisfied(formula: string) {
    if (!formula.startsWith('=')) throw new Error(`Invalid formula: ${formula}`);
    this.criteria = 'CUSTOM_FORMULA';
    this.args = [formula];
    return this.hit('requireFormulaSatisfied');
  }
  setHelpText(t: string) {
    this.help = t;
    return this.hit('setHelpText');
  }
  build() {
    this.calls.hit('builder.DataValidation.build');
    return new FakeDataValidation(this.criteria, this.args, this.help, this.allowInvalid) as any;
  }
}

export class FakeTextStyle {
  constructor(
    readonly bold: boolean,
    readonly italic: boolean,
    readonly color: string | null,
  ) {}
}

export class FakeTextStyleBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.TextStyleBuilder,
  'setBold' | 'setItalic' | 'setForegroundColor' | 'build'
> {
  private bold = false;
  private italic = false;
  private color: string | null = null;
  constructor(private readonly calls: Calls) {}
  setBold(v: boolean) {
    this.calls.hit('builder.TextStyle.setBold');
    this.bold = v;
    return this as any;
  }
  setItalic(v: boolean) {
    this.calls.hit('builder.TextStyle.setItalic');
    this.italic = v;
    return this as any;
  }
  setForegroundColor(c: string) {
    this.calls.hit('builder.TextStyle.setForegroundColor');
    this.color = c;
    return this as any;
  }
  build() {
    this.calls.hit('builder.TextStyle.build');
    return new FakeTextStyle(this.bold, this.italic, this.color) as any;
  }
}

/**
 * Conditional-format rules as the add-on makes them: a custom formula and a background over ranges
 * (SpreadsheetApp.newConditionalFormatRule(), developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder;
 * Sheet.setConditionalFormatRules replaces every rule of the sheet,
 * developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)).
 * Strict: the formula must start with "=", a rule needs a condition and a range.
 */
export class FakeConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly background: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}
}

export class FakeConditionalFormatRuleBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  'whenFormulaSatisfied' | 'setBackground' | 'setRanges' | 'build'
> {
  private formula: string | null = null;
  private background: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly calls: Calls) {}
  private hit(m: string) {
    this.calls.hit(`builder.ConditionalFormatRule.${m}`);
    return this as any;
  }
  whenFormulaSatisfied(formula: string) {
    if (!formula.startsWith('=')) throw new Error(`Invalid formula: ${formula}`);
    this.formula = formula;
    return this.hit('whenFormulaSatisfied');
  }
  setBackground(color: string | null) {
    this.background = color;
    return this.hit('setBackground');
  }
  setRanges(ranges: GRange[]) {
    if (!ranges.length || !ranges.every((r) => r instanceof FakeRange)) throw new Error('setRanges: ranges expected');
    this.ranges = ranges as unknown as FakeRange[];
    return this.hit('setRanges');
  }
  build() {
    this.hit('build');
    if (!this.formula || !this.ranges.length)
      throw new Error('A conditional format rule needs a condition and a range.');
    return new FakeConditionalFormatRule(this.formula, this.background, this.ranges) as any;
  }
}

export class FakeRichTextValue {
  constructor(
    readonly text: string,
    readonly link: string | null,
  ) {}
}

export class FakeRichTextValueBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.RichTextValueBuilder,
  'setText' | 'setLinkUrl' | 'build'
> {
  private text = '';
  private link: string | null = null;
  constructor(private readonly calls: Calls) {}
  setText(t: string) {
    this.calls.hit('builder.RichTextValue.setText');
    if (typeof t !== 'string') throw new Error('setText: text expected');
    this.text = t;
    return this as any;
  }
  setLinkUrl(...args: any[]) {
    this.calls.hit('builder.RichTextValue.setLinkUrl');
    if (args.length !== 1) throw new Error('fake: only setLinkUrl(linkUrl) for the whole value');
    this.link = args[0];
    return this as any;
  }
  build() {
    this.calls.hit('builder.RichTextValue.build');
    return new FakeRichTextValue(this.text, this.link) as any;
  }
}
