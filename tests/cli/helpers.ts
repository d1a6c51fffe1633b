/** What every CLI end-to-end test needs: a scratch folder and the CLI run in-process with a fixed clock. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export function scratch(prefix: string): { dir: string; at: (f: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, at: (f) => join(dir, f) };
}

/**
 * Runs `npm run cchc -- …args` and returns its exit code and everything it printed. The environment
 * is empty unless given (jest itself may run under `npm test`, whose variables say "run by npm").
 */
export function cliWith(clock: () => Date, env: Record<string, string | undefined> = {}) {
  return async (...args: string[]): Promise<{ code: number; out: string }> => {
    const lines: string[] = [];
    const code = await main(args, { out: (l) => lines.push(l), clock, env });
    return { code, out: lines.join('\n') };
  };
}
