/** The small services: LockService, PropertiesService, Utilities, ScriptApp, HtmlService, and the manifest scopes. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../paths';
import { Calls } from './calls';
import { zoneOffsetMs } from './cells';

export function fakeLockService(calls: Calls, state: { busy: boolean; held: boolean }, trigger = { simple: false }) {
  return {
    getDocumentLock() {
      calls.hit('LockService.getDocumentLock');
      // Google documents no lock for simple triggers; refused so that the trigger never relies on one.
      if (trigger.simple) throw new Error('fake: LockService is not available to a simple trigger');
      return {
        tryLock(_ms: number) {
          calls.hit('Lock.tryLock');
          if (state.busy) return false;
          state.held = true;
          return true;
        },
        releaseLock() {
          calls.hit('Lock.releaseLock');
          state.held = false;
        },
      };
    },
  };
}

/**
 * Google's limits for the Properties service (developers.google.com/apps-script/guides/services/quotas,
 * "Current limitations"): "Properties value size: 9 KB / val" and "Properties total storage:
 * 500 KB / property store"; "If you exceed a quota or limitation, your script throws an exception
 * and execution stops". Counted in UTF-8 bytes (a Vietnamese name takes more bytes than characters),
 * key included: what one entry occupies in the store. Google documents no message text; the fake's
 * messages are what users report, and tests assert only that the call throws.
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;

/** The bytes one property occupies, as the fake counts them against Google's limits. */
export function propertyBytes(key: string, value: string): number {
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
}

export function fakePropertiesService(calls: Calls, store: Map<string, string>) {
  const props = {
    getProperty(k: string) {
      calls.hit('Properties.getProperty');
      return store.get(k) ?? null;
    },
    setProperty(k: string, v: string) {
      calls.hit('Properties.setProperty');
      const value = String(v);
      if (propertyBytes(k, value) > PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
      let total = propertyBytes(k, value);
      for (const [key, old] of store) if (key !== k) total += propertyBytes(key, old);
      if (total > PROPERTY_STORE_BYTES) throw new Error('You have exceeded the property storage quota.');
      store.set(k, value);
      return props;
    },
  };
  return { getDocumentProperties: () => (calls.hit('PropertiesService.getDocumentProperties'), props) };
}

export function fakeUtilities(calls: Calls, now: () => Date) {
  return {
    formatDate(date: Date, tz: string, pattern: string) {
      calls.hit('Utilities.formatDate');
      const d = new Date((date ?? now()).getTime() + zoneOffsetMs(tz));
      const p = (n: number) => String(n).padStart(2, '0');
      return pattern
        .replace('yyyy', String(d.getUTCFullYear()))
        .replace('MM', p(d.getUTCMonth() + 1))
        .replace('dd', p(d.getUTCDate()))
        .replace('HH', p(d.getUTCHours()))
        .replace('mm', p(d.getUTCMinutes()));
    },
  };
}

/** The scopes appsscript.json asks for (found from the tests, or from the bench's dist/ bundle). */
export const MANIFEST_SCOPES: readonly string[] = (
  JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }
).oauthScopes;

export const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';

/** Thrown where Apps Script ends the run and asks the user for consent. */
export class AuthorizationRequired extends Error {}

/**
 * ScriptApp.requireScopes "validates if the user has granted consent for all of the requested
 * scopes"; if not, the execution ends and the user is asked for those scopes (granular consent:
 * developers.google.com/apps-script/concepts/scopes, "Handle granular OAuth consent";
 * workspaceupdates.googleblog.com, January 2025, "Granular OAuth consent in Google Apps Script IDE
 * executions"). A scope outside the manifest can never be granted.
 */
export function fakeScriptApp(calls: Calls, granted: Set<string>) {
  const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  return {
    AuthMode,
    requireScopes(mode: string, scopes: string[]) {
      calls.hit('ScriptApp.requireScopes');
      if (mode !== AuthMode.FULL) throw new Error('requireScopes: use AuthMode.FULL');
      for (const scope of scopes) {
        if (!MANIFEST_SCOPES.includes(scope)) throw new Error(`requireScopes: ${scope} is not in the manifest`);
        if (!granted.has(scope))
          throw new AuthorizationRequired(`Authorization is required to perform that action (${scope}).`);
      }
    },
  };
}

export function fakeHtmlService(calls: Calls) {
  return {
    createHtmlOutput(content: string) {
      calls.hit('HtmlService.createHtmlOutput');
      const out: any = { content };
      out.setWidth = () => out;
      out.setHeight = () => out;
      out.setTitle = () => out;
      return out;
    },
  };
}

/**
 * "Up to 100 people with edit or comment permissions can work on a Google Docs, Sheets or Slides
 * file at the same time"; past that, only the owner and some editors can still edit (Docs Editors
 * Help, "Share files from Google Drive", support.google.com/docs/answer/2494822). The guides
 * (docs/huong-dan-tong-hop.md, "Sổ nhánh") cite this figure; tests/gas/branches.test.ts keeps each
 * branch's clerks under it.
 */
export const SIMULTANEOUS_EDITORS = 100;

/** The scope SpreadsheetApp.openById and openByUrl need (their reference pages, "Authorization"). */
export const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/**
 * SpreadsheetApp.openById / openByUrl over the fake's spreadsheets. They need the full
 * `spreadsheets` scope (`spreadsheets.currentonly` covers only the bound file), so they throw when
 * the user has not granted it and always inside a simple trigger, which "cannot access other
 * files" (developers.google.com/apps-script/guides/triggers, "Restrictions"). The account opens
 * what it may edit; Google documents no message texts, so these are the ones users report
 * ("You do not have permission to access the requested document.", "Unexpected error while
 * getting the method or property openById on object SpreadsheetApp.", "Invalid argument: url").
 */
export function fakeOpeners<
  T extends { id: string; url: string; deleted: boolean; me: string; isEditor(e: string): boolean },
>(calls: Calls, books: () => readonly T[], granted: Set<string>, trigger: { simple: boolean }, me: () => string) {
  const mayCall = (method: string) => {
    if (trigger.simple || !granted.has(SPREADSHEETS_SCOPE))
      throw new Error(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${SPREADSHEETS_SCOPE}`,
      );
  };
  const open = (method: string, id: string): T => {
    const book = books().find((b) => b.id === id && !b.deleted);
    if (!book)
      throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (!book.isEditor(me())) throw new Error('You do not have permission to access the requested document.');
    return book;
  };
  return {
    openById(id: string): T {
      calls.hit('SpreadsheetApp.openById');
      mayCall('openById');
      return open('openById', String(id));
    },
    openByUrl(url: string): T {
      calls.hit('SpreadsheetApp.openByUrl');
      mayCall('openByUrl');
      const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/.exec(String(url));
      if (!m) throw new Error('Invalid argument: url');
      return open('openByUrl', m[1]!);
    },
  };
}
