/** Text helpers shared by every layer. Pure: no Apps Script, no Node. */

/** Collapses every kind of white space (NBSP, thin space, tabs, newlines) into single spaces. */
export function squish(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Lower-case, NFC, squished: for comparing labels people retype ("Có", " có ", "CÓ"). */
export function fold(s: string): string {
  return squish(s.normalize('NFC')).toLocaleLowerCase('vi');
}

/** Like fold, and also drops diacritics: for lenient matching of names. */
export function foldAscii(s: string): string {
  return fold(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/** Vietnamese upper case, for official headings. */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** Text put into HTML (dialogs, sidebars): file and agency names come from users. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
