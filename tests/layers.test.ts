/**
 * The layers are enforced by the compiler: src/core sees only the ES library, src/gas sees Apps
 * Script's globals but not Node's. These compile a one-line probe under each layer's tsconfig.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const root = join(__dirname, '..');

function diagnosticsUnder(layerConfig: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'layer-'));
  const file = join(dir, 'probe.ts');
  writeFileSync(file, source);
  const { config } = ts.readConfigFile(join(root, layerConfig), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram([file], { ...options, typeRoots: [join(root, 'node_modules', '@types')] });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .join('\n');
}

describe('layers', () => {
  it('src/core cannot name a Node global', () => {
    expect(diagnosticsUnder('tsconfig.core.json', 'export const home = process.env.HOME;\n')).toMatch(
      /Cannot find name 'process'/,
    );
  });

  it('src/core cannot name an Apps Script global', () => {
    expect(diagnosticsUnder('tsconfig.core.json', 'export const ui = SpreadsheetApp.getUi();\n')).toMatch(
      /Cannot find name 'SpreadsheetApp'/,
    );
  });

  it('src/gas may name Apps Script globals but not Node ones', () => {
    expect(diagnosticsUnder('tsconfig.gas.json', 'export const ui = () => SpreadsheetApp.getUi();\n')).toBe('');
    expect(diagnosticsUnder('tsconfig.gas.json', "export const b = Buffer.from('x');\n")).toMatch(
      /Cannot find name 'Buffer'/,
    );
  });

  it('adapters call use cases through core/use-cases, never a use case file or its steps (eslint)', () => {
    const step = "import { readTabs } from '../core/checks/tabs';\nexport const f = readTabs;\n";
    const file = "import { validateAll } from '../core/use-cases/validate-all';\nexport const f = validateAll;\n";
    const facade = "import { validateAll } from '../core/use-cases';\nexport const f = validateAll;\n";
    const cases: [string, string][] = ['src/cli', 'src/gas', 'src/local', 'src/dialog'].flatMap((adapter) => [
      [`${adapter}/probe.ts`, step],
      [`${adapter}/probe.ts`, file],
      [`${adapter}/probe.ts`, facade],
    ]);
    // The core itself composes steps freely.
    cases.push(['src/core/use-cases/probe.ts', step.replace('../core/', '../')]);
    // ESLint loads its flat config with a dynamic import, which jest's VM refuses: lint in a child process.
    const script = `
      const { ESLint } = require('eslint');
      const eslint = new ESLint({ cwd: process.cwd() });
      (async () => {
        const out = [];
        for (const [f, code] of JSON.parse(process.argv[1]))
          out.push((await eslint.lintText(code, { filePath: f }))[0].messages.map((m) => m.message));
        process.stdout.write(JSON.stringify(out));
      })();`;
    const messages = JSON.parse(
      execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: root, encoding: 'utf8' }),
    ) as string[][];
    for (let i = 0; i < 4; i++) {
      expect(messages[3 * i]).toEqual([expect.stringMatching(/not their steps/)]);
      expect(messages[3 * i + 1]).toEqual([expect.stringMatching(/core\/use-cases \(its index\)/)]);
      expect(messages[3 * i + 2]).toEqual([]);
    }
    expect(messages[12]).toEqual([]);
  });
});
