/** Where tests find the repository's files, wherever the test file sits under tests/. */
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
/** The Apps Script bundle and dialogs (`npm test` builds before jest). */
export const BUILD = join(ROOT, 'build');
export const CODE_JS = join(BUILD, 'Code.js');
/** The CLI as built (`npm test` builds before jest). */
export const CLI_JS = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(__dirname, 'fixtures');
