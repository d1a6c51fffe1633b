/**
 * The layers are enforced by the compiler: src/core sees only the ES library, src/gas sees Apps
 * Script's globals but not Node's. These compile a one-line probe under each layer's tsconfig.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
