/** The fake is only useful if it is as strict as Google's services, and typed like them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { fakeGas } from './gas';

describe('the Apps Script fake', () => {
  it('throws where Google does: data of the wrong size, ranges outside the sheet, bad sheet names', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('Sở Y tế');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('number of rows');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1]])).toThrow('number of columns');
    expect(() => sheet.getRange(0, 1)).toThrow();
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(1001, 1)).toThrow('outside the dimensions');
    expect(() => ss.insertSheet('sở y tế')).toThrow('already exists');
    expect(() => ss.insertSheet('')).toThrow('empty');
    expect(() => ss.insertSheet('x'.repeat(101))).toThrow('100 characters');
    ss.deleteSheet(ss.sheets[0] as never);
    expect(() => ss.deleteSheet(ss.sheets[0] as never)).toThrow('all the sheets');
  });

  it('reads text that starts with = as a formula, as Sheets does, unless it is quoted', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    sheet.getRange(1, 1, 1, 3).setValues([['=HYPERLINK("#gid=1","x")', "'=HYPERLINK(1)", '2.1']]);
    expect(sheet.cell('A1').formula).toBe('=HYPERLINK("#gid=1","x")');
    expect(sheet.cell('B1').formula).toBeNull();
    expect(sheet.valueAt('B1')).toBe('=HYPERLINK(1)');
    expect(sheet.valueAt('C1')).toBe(2.1); // typed-looking text becomes a number
  });

  it('counts every call by method', () => {
    const { ss, calls } = fakeGas();
    ss.insertSheet('A').getRange('A1:B2').getValues();
    expect(calls.of('Spreadsheet.insertSheet')).toBe(1);
    expect(calls.of('Range.getValues')).toBe(1);
    expect(calls.reads()).toBe(1);
  });

  it('is backed by @types/google-apps-script, so a misspelt method fails the type-check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-types-'));
    const file = join(dir, 'misspelt.ts');
    writeFileSync(
      file,
      "export function f(): void {\n  SpreadsheetApp.getActiveSpreadsheet().getSheetByNam('Thiết lập');\n}\n",
    );
    const program = ts.createProgram([file], {
      noEmit: true,
      strict: true,
      types: ['google-apps-script'],
      typeRoots: [join(__dirname, '..', '..', 'node_modules', '@types')],
      skipLibCheck: true,
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages.join('\n')).toMatch(/Property 'getSheetByNam' does not exist/);
  });
});
