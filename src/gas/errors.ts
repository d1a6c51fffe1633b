/**
 * The one place where Apps Script's exceptions become typed errors. Handlers switch on the code,
 * never on message text. Apps Script words its messages in the user's language, so each pattern
 * lists the English and the Vietnamese wording seen in the wild.
 */
export type GasErrorCode =
  | 'sheet-missing'
  | 'sheet-exists'
  /** A write met a protected cell or sheet the user may not edit. */
  | 'protected'
  /** The user may not do this (not a consolidator, or a protection made by someone else). */
  | 'permission'
  /** The user has not granted a scope this action needs; Apps Script asks for it. */
  | 'authorization'
  /** Google took too long: a service call timed out, or the run reached its 6-minute limit. */
  | 'timeout'
  | 'unknown';

export class GasError extends Error {
  constructor(
    readonly code: GasErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GasError';
  }
}

const PATTERNS: readonly (readonly [GasErrorCode, RegExp])[] = [
  ['authorization', /authorization is required|required permissions|cần được cấp quyền|AuthorizationRequired/i],
  [
    'protected',
    /protected cell|protected range|protected sheet|protected object|ô được bảo vệ|trang tính được bảo vệ/i,
  ],
  ['permission', /do not have permission|don't have permission|can't remove yourself|access denied|không có quyền/i],
  ['timeout', /timed out|exceeded maximum execution time|quá thời gian/i],
  ['sheet-exists', /already exists|đã tồn tại/i],
  ['sheet-missing', /sheet .*not found|could not find sheet|không tìm thấy trang/i],
];

/** Any thrown value as a GasError, its code read from the Apps Script message. */
export function classify(e: unknown): GasError {
  if (e instanceof GasError) return e;
  // Duck-typed: Apps Script's exceptions do not always share this realm's Error.
  const err = typeof e === 'object' && e !== null ? (e as { message?: unknown; name?: unknown }) : null;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const name = typeof err?.name === 'string' ? err.name : '';
  const hit = PATTERNS.find(([, re]) => re.test(message) || re.test(name));
  return new GasError(hit ? hit[0] : 'unknown', message);
}
