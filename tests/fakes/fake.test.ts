/** The fake is only useful if it is as strict as Google's services, and typed like them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { Calls, FakeDocument, fakeDocumentApp, fakeGas } from './gas';

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

  it('refuses, as vi_VN Sheets shows #ERROR!, a formula with "," between arguments or a decimal point', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    sheet.getRange('A1').setValues([['=IF(N(B1)>0,C1/B1,"")']]); // en_US: fine
    ss.locale = 'vi_VN';
    expect(() => sheet.getRange('A2').setValues([['=IF(N(B1)>0,C1/B1,"")']])).toThrow('#ERROR!');
    expect(() => sheet.getRange('A2').setValues([['=ROUND(B1*0.5)']])).toThrow('decimal');
    sheet.getRange('A3').setValues([['=IFERROR(C1/B1)']]);
    sheet.type('B1', 4);
    sheet.type('C1', 1);
    expect(sheet.valueAt('A3')).toBe(0.25);
    sheet.type('C1', 'một');
    expect(sheet.valueAt('A3')).toBe(''); // text in arithmetic is an error, which IFERROR blanks
  });

  it("computes a formula a user typed with the core's evaluator, and refuses to guess one it cannot compute", () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    ss.locale = 'vi_VN';
    sheet.getRange('A1:C1').setValues([['=IF(N(B1)>0;C1/B1;"")', 8, 2]]);
    sheet.getRange('A2:B2').setValues([['=B1/D1', '=IF(B1>9;1)']]);
    expect(sheet.valueAt('A1')).toBe(0.25);
    expect(sheet.valueAt('A2')).toBe('#DIV/0!'); // D1 is blank, so 0
    expect(sheet.valueAt('B2')).toBe(''); // IF's value_if_false: blank by default
    sheet.getRange('A3:A4').setValues([['=SUM(B1:C1)'], ['=VLOOKUP(8;B1:C1;2)']]);
    expect(sheet.valueAt('A3')).toBe(10);
    expect(() => sheet.valueAt('A4')).toThrow('fake cannot evaluate');
  });

  it('keeps rich text as text and its link', () => {
    const { ss, globals } = fakeGas();
    const sheet = ss.insertSheet('A');
    const v = globals.SpreadsheetApp.newRichTextValue().setText('=1+1').setLinkUrl('#gid=5&range=D14').build();
    sheet.getRange('A1').setRichTextValues([[v]]);
    expect(sheet.valueAt('A1')).toBe('=1+1');
    expect(sheet.cell('A1').formula).toBeNull();
    expect(sheet.cell('A1').link).toBe('#gid=5&range=D14');
  });

  it('lets only editors of a protection change, read or remove it, or delete its sheet', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    ss.insertSheet('B');
    const p = sheet.protect();
    p.removeEditors(['colleague@example.gov.vn']);
    ss.me = 'colleague@example.gov.vn';
    expect(p.canEdit()).toBe(false);
    expect(() => p.remove()).toThrow('protected');
    expect(() => p.getEditors()).toThrow('protected');
    expect(() => p.addEditors(['x@example.gov.vn'])).toThrow('protected');
    expect(() => ss.deleteSheet(sheet)).toThrow('protected');
    // Nor rename it, resize it, freeze it or insert rows into it; protect() hands back the existing one.
    expect(() => sheet.setName('C')).toThrow('protected');
    expect(() => sheet.insertRowsAfter(1, 2)).toThrow('protected');
    expect(() => sheet.setColumnWidths(1, 1, 50)).toThrow('protected');
    expect(() => sheet.setFrozenRows(1)).toThrow('protected');
    expect(sheet.protect()).toBe(p);
  });

  it('copies a template tab whole, protections included, and only from the same spreadsheet', () => {
    const { ss } = fakeGas();
    const form = ss.insertSheet('Mẫu');
    form.deleteRows(11, 990);
    form.getRange('A1:B1').setValues([['Tên', 'Số']]);
    form.getRange('B2').setNote('chỉ nhập số');
    form.setColumnWidths(1, 1, 240);
    form.setFrozenRows(1);
    form.getRange('B2').protect().addEditors(['a@example.gov.vn']);
    const copy = ss.insertSheet('Bản sao', 1, { template: form });
    expect(ss.getActiveSheet()).toBe(copy); // "The new sheet becomes the active sheet"
    expect(copy.getMaxRows()).toBe(10);
    expect(copy.getRange('A1:B1').getValues()).toEqual([['Tên', 'Số']]);
    expect(copy.getRange('B2').getNotes()).toEqual([['chỉ nhập số']]);
    expect(copy.frozenRows).toBe(1);
    expect(copy.widths.get(1)).toBe(240);
    // The widest reading of "all data": a protected template hands its editors to the copy.
    const [p] = copy.protections;
    expect(p.range?.getA1Notation()).toBe('B2');
    expect(p.sheet).toBe(copy);
    expect(p.editors).toContain('a@example.gov.vn');
    copy.getRange('A1').setValues([['Khác']]);
    expect(form.getRange('A1').getValues()).toEqual([['Tên']]); // a copy, not the same cells
    const other = fakeGas().ss;
    expect(() => ss.insertSheet('Lạ', 0, { template: other.insertSheet('X') })).toThrow('must be one of the sheets');
  });

  it('leaves a protection whose editors were never set open to every editor, people shared later included', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    const p = sheet.protect();
    ss.share('early@example.gov.vn');
    expect(sheet.canEdit('early@example.gov.vn', 'A1')).toBe(true); // mirrors the sharing
    p.removeEditors([]); // changes nothing, so it still mirrors
    expect(sheet.canEdit('early@example.gov.vn', 'A1')).toBe(true);
    p.addEditors([ss.owner]); // the list is now the protection's own
    ss.share('late@example.gov.vn');
    expect(sheet.canEdit('late@example.gov.vn', 'A1')).toBe(false);
    expect(sheet.canEdit('nobody@example.gov.vn', 'B2')).toBe(false); // not shared: no edit anywhere
  });

  it('throws when a script removes the group its user edits through', () => {
    const { ss } = fakeGas();
    ss.me = 'member@example.gov.vn';
    ss.sharedWith = [ss.owner, 'team@example.gov.vn'];
    ss.groups.set('team@example.gov.vn', ['member@example.gov.vn']);
    const p = ss.insertSheet('A').protect();
    expect(p.canEdit()).toBe(true); // through the group
    expect(() => p.removeEditors(['team@example.gov.vn'])).toThrow('group');
  });

  it('keeps the wall-clock date of a cell when the spreadsheet changes time zone', () => {
    const { ss } = fakeGas();
    const sheet = ss.insertSheet('A');
    sheet.getRange('A1').setValues([[new Date('2026-09-24T17:00:00Z')]]); // midnight 25/9 in Hà Nội
    expect(sheet.dateAt('A1')).toBe('2026-09-25');
    ss.timeZone = 'Asia/Tokyo';
    expect(sheet.dateAt('A1')).toBe('2026-09-25');
    expect((sheet.getRange('A1').getValues()[0][0] as Date).toISOString()).toBe('2026-09-24T15:00:00.000Z');
  });

  it('refuses DocumentApp without the Docs scope, and scopes outside the manifest', () => {
    const fake = fakeGas();
    fake.granted.delete('https://www.googleapis.com/auth/documents');
    expect(() => fake.globals.DocumentApp.create('x')).toThrow('Required permissions');
    const S = fake.globals.ScriptApp;
    expect(() => S.requireScopes(S.AuthMode.FULL, ['https://www.googleapis.com/auth/documents'])).toThrow(
      'Authorization is required',
    );
    expect(() => S.requireScopes(S.AuthMode.FULL, ['https://www.googleapis.com/auth/drive'])).toThrow('manifest');
  });

  it('refuses, in a simple trigger, every service that needs authorization, and allows the bound spreadsheet', () => {
    const fake = fakeGas();
    const S = fake.globals.ScriptApp;
    fake.asSimpleTrigger(() => {
      expect(() => fake.ui.alert('x')).toThrow('permission');
      expect(() => fake.ui.showSidebar({ content: '' })).toThrow('permission');
      expect(() => fake.globals.DocumentApp.create('x')).toThrow('Required permissions');
      expect(() =>
        S.requireScopes(S.AuthMode.FULL, ['https://www.googleapis.com/auth/spreadsheets.currentonly']),
      ).toThrow('Authorization is required');
      expect(() => fake.globals.LockService.getDocumentLock()).toThrow('simple trigger');
      fake.ss
        .sheet('Sheet1')
        .getRange('A1')
        .setValues([['ok']]);
      fake.ss.toast('ok');
    });
    expect(fake.ss.sheet('Sheet1').valueAt('A1')).toBe('ok');
    fake.ui.alert('after'); // the user's own consent is back once the trigger is over
    expect(fake.ui.alerts).toHaveLength(1);
  });

  it('counts a property value in UTF-8 bytes, as Google does (9 KB per value)', () => {
    const props = fakeGas().globals.PropertiesService.getDocumentProperties();
    const vietnamese = 'Đ'.repeat(5000); // 5000 characters, 10000 bytes
    expect(() => props.setProperty('k', vietnamese)).toThrow('Argument too large');
    expect(() => props.setProperty('k', 'D'.repeat(5000))).not.toThrow();
  });

  it('refuses a property that would take the store past 500 KB, as Google does', () => {
    const props = fakeGas().globals.PropertiesService.getDocumentProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'D'.repeat(9000)); // 56 × 9 003 bytes, under 512 000
    expect(() => props.setProperty('k56', 'D'.repeat(9000))).toThrow();
    expect(() => props.setProperty('k0', 'D'.repeat(100))).not.toThrow(); // replacing a value frees its bytes
  });

  it("refuses to remove a body's last paragraph, as Docs does", () => {
    const docs: FakeDocument[] = [];
    const app = fakeDocumentApp(new Calls(), docs);
    const body = app.create('x').getBody();
    body.appendParagraph('một');
    expect(() => body.getChild(1).removeFromParent()).toThrow('last paragraph');
    body.getChild(0).removeFromParent();
    expect(docs[0].body.map((n) => n.text)).toEqual(['một']);
  });

  it('records an alert shown while the document lock is held', () => {
    const fake = fakeGas();
    const lock = fake.globals.LockService.getDocumentLock();
    lock.tryLock(1000);
    fake.ui.alert('Xong');
    lock.releaseLock();
    fake.ui.alert('Xong');
    expect(fake.ui.underLock).toEqual(['Xong']);
  });
});
