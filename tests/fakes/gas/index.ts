/**
 * A strict, call-counting fake of the Apps Script services this project uses. Each class
 * implements a Pick<> of the real @types interface, so a method the adapters call that Google
 * does not have fails the type-check, and the fake throws where Google's services throw.
 * Split by service: calls, cells and formulas, the value builders, range, sheet, protection,
 * spreadsheet, ui, documents and the small services; this module wires them (fakeGas).
 */
import {
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeRichTextValueBuilder,
  FakeTextStyleBuilder,
} from './builders';
import { Calls } from './calls';
import { FakeDocument, fakeDocumentApp } from './documents';
import {
  MANIFEST_SCOPES,
  fakeHtmlService,
  fakeLockService,
  fakeOpeners,
  fakePropertiesService,
  fakeScriptApp,
  fakeUtilities,
} from './services';
import { FakeSpreadsheet } from './spreadsheet';
import { S } from './types';
import { FakeUi } from './ui';

export * from './calls';
export * from './cells';
export * from './formulas';
export * from './builders';
export * from './range';
export * from './protection';
export * from './sheet';
export * from './spreadsheet';
export * from './ui';
export * from './documents';
export * from './services';

/** Everything a test or the bundle sandbox needs, wired together. */
export function fakeGas(opts: { now?: () => Date } = {}) {
  const calls = new Calls();
  const ss = new FakeSpreadsheet(calls);
  /** Every spreadsheet in this fake Drive: the active one first, then those newSpreadsheet made. */
  const spreadsheets: FakeSpreadsheet[] = [ss];
  /**
   * Another spreadsheet in Drive, as "Tệp → Tạo bản sao" makes one: owned by the same owner,
   * shared with nobody else yet, and (a copy of a template) carrying the same bound script.
   */
  const newSpreadsheet = (name = 'Bản sao của Báo cáo CCHC'): FakeSpreadsheet => {
    const copy = new FakeSpreadsheet(calls, spreadsheets.length);
    copy.name = name;
    copy.owner = ss.owner;
    copy.me = ss.me;
    copy.sharedWith = [ss.owner];
    spreadsheets.push(copy);
    return copy;
  };
  const docs: FakeDocument[] = [];
  const lock = { busy: false, held: false };
  /** Scopes the user running the script granted (granular consent lets them grant only some). */
  const granted = new Set(MANIFEST_SCOPES);
  const ui = new FakeUi(calls, lock, granted);
  const trigger = { simple: false };
  /**
   * Runs fn as Apps Script runs a simple trigger (onEdit) for a user who never authorized the
   * script: "they cannot access services that require authorization" and "can modify the file
   * they are bound to, but cannot access other files" (developers.google.com/apps-script/guides/triggers,
   * "Restrictions"). No scope is granted: Ui dialogs, DocumentApp and ScriptApp.requireScopes
   * fail; the bound spreadsheet (SpreadsheetApp, toast included) works.
   */
  const asSimpleTrigger = <T>(fn: () => T): T => {
    const had = [...granted];
    granted.clear();
    trigger.simple = true;
    try {
      return fn();
    } finally {
      trigger.simple = false;
      for (const g of had) granted.add(g);
    }
  };
  const props = new Map<string, string>();
  const now = opts.now ?? (() => new Date('2026-09-25T03:00:00Z'));
  const SpreadsheetApp = {
    ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' } as unknown as S['ProtectionType'],
    BorderStyle: { SOLID: 'SOLID' } as unknown as S['BorderStyle'],
    getActiveSpreadsheet: () => (calls.hit('SpreadsheetApp.getActiveSpreadsheet'), ss),
    getUi: () => (calls.hit('SpreadsheetApp.getUi'), ui),
    ...fakeOpeners(
      calls,
      () => spreadsheets,
      granted,
      trigger,
      () => ss.me,
    ),
    newConditionalFormatRule: () => (
      calls.hit('builder.SpreadsheetApp.newConditionalFormatRule'),
      new FakeConditionalFormatRuleBuilder(calls)
    ),
    newDataValidation: () => (
      calls.hit('builder.SpreadsheetApp.newDataValidation'),
      new FakeDataValidationBuilder(calls)
    ),
    newTextStyle: () => (calls.hit('builder.SpreadsheetApp.newTextStyle'), new FakeTextStyleBuilder(calls)),
    newRichTextValue: () => (calls.hit('builder.SpreadsheetApp.newRichTextValue'), new FakeRichTextValueBuilder(calls)),
  };
  return {
    calls,
    ss,
    spreadsheets,
    newSpreadsheet,
    ui,
    docs,
    lock,
    props,
    granted,
    asSimpleTrigger,
    globals: {
      SpreadsheetApp,
      DocumentApp: fakeDocumentApp(calls, docs, granted),
      LockService: fakeLockService(calls, lock, trigger),
      PropertiesService: fakePropertiesService(calls, props),
      Utilities: fakeUtilities(calls, now),
      HtmlService: fakeHtmlService(calls),
      ScriptApp: fakeScriptApp(calls, granted),
    },
  };
}

export type FakeGas = ReturnType<typeof fakeGas>;
