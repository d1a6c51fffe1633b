/** Protection: Google's rules for who may edit, including the mirror of the spreadsheet's sharing. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { GRange } from './types';

const lower = (e: string): string => e.toLowerCase();

export class FakeProtection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges'
  | 'getEditors'
  | 'removeEditors'
  | 'addEditors'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'remove'
  | 'canEdit'
> {
  /**
   * The protection's own editors, or null while the script has never changed them: "Until the
   * script actually changes the list of editors for the sheet (by calling removeEditor(emailAddress),
   * removeEditor(user), removeEditors(emailAddresses), addEditor(emailAddress), addEditor(user),
   * addEditors(emailAddresses), or setting a new value for setDomainEdit(editable)), the permissions
   * mirror those of the spreadsheet itself, which effectively means that the sheet remains
   * unprotected" (developers.google.com/apps-script/reference/spreadsheet/sheet#protect() and
   * range#protect()). A mirroring protection follows the sharing, people added later included.
   */
  private own: string[] | null = null;
  private ownDomain: boolean | null = null;
  /**
   * "Show a warning when editing this range" (set by hand, or setWarningOnly(true)): "every user can
   * edit data in the protected range, except editing will prompt a warning asking the user to
   * confirm the edit. When writing: if this field is true, then editors are ignored"
   * (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange,
   * warningOnly; Apps Script: developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)).
   */
  private warning = false;
  unprotected: FakeRange[] = [];
  /** A range protection covers its range; a sheet protection (range null) covers every cell. */
  constructor(
    readonly sheet: FakeSheet,
    public range: FakeRange | null = null,
  ) {}
  /** The same protection on a copy of its sheet (insertSheet with a template); no call counted. */
  copyTo(sheet: FakeSheet, range: FakeRange | null, here: (r: FakeRange) => FakeRange): FakeProtection {
    const p = new FakeProtection(sheet, range);
    p.own = this.own && [...this.own];
    p.ownDomain = this.ownDomain;
    p.warning = this.warning;
    p.unprotected = this.unprotected.map(here);
    return p;
  }
  /** Whether the editor list was ever set (false: the protection mirrors the sharing). */
  get explicit(): boolean {
    return this.own !== null;
  }
  get editors(): string[] {
    return this.own ?? [...this.sheet.ss.sharedWith];
  }
  set editors(v: string[]) {
    this.own = v;
  }
  get domainEdit(): boolean {
    return this.ownDomain ?? this.sheet.ss.domain;
  }
  /** The script changed the list: from now on it is the protection's own. */
  private fix(): string[] {
    this.own ??= [...this.sheet.ss.sharedWith];
    this.ownDomain ??= this.sheet.ss.domain;
    return this.own;
  }
  private hit(m: string) {
    this.sheet.ss.calls.hit(`Protection.${m}`);
  }
  /**
   * Only the owner and the protection's own editors may change or remove it ("Remove all range
   * protections in the spreadsheet that the user has permission to edit": check canEdit() before
   * remove(), developers.google.com/apps-script/reference/spreadsheet/protection).
   */
  private mustEdit(what: string): void {
    if (!this.mayEdit(this.sheet.ss.me))
      throw new Error(
        `${what}: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`,
      );
  }
  /**
   * The owner, a listed editor, or a member of a listed group; with a warning, every editor of the
   * spreadsheet (they confirm the warning and edit); with domain editing on, every editor of the
   * spreadsheet in the owner's domain ("True if anyone in the document's domain has edit access to
   * the protected range", Sheets API, Editors.domainUsersCanEdit). Emails compare in any case.
   */
  mayEdit(email: string): boolean {
    const ss = this.sheet.ss;
    const me = lower(email);
    if (!this.explicit || this.warning) return ss.isEditor(email);
    if (this.domainEdit && ss.isEditor(email) && me.endsWith(`@${lower(ss.owner).split('@')[1]}`)) return true;
    return (
      me === lower(ss.owner) ||
      this.editors.some((e) => lower(e) === me || (ss.groups.get(e) ?? []).map(lower).includes(me))
    );
  }
  setUnprotectedRanges(ranges: GRange[]) {
    this.hit('setUnprotectedRanges');
    this.mustEdit('setUnprotectedRanges');
    if (this.range) throw new Error('setUnprotectedRanges: only a sheet protection has unprotected ranges');
    for (const r of ranges)
      if (!(r instanceof FakeRange) || r.sheet !== this.sheet)
        throw new Error('setUnprotectedRanges: range is not on the protected sheet');
    this.unprotected = ranges as unknown as FakeRange[];
    return this as any;
  }
  getUnprotectedRanges() {
    this.hit('getUnprotectedRanges');
    return this.unprotected as any;
  }
  getEditors() {
    this.hit('getEditors');
    // "This field is only visible to users with edit access to the protected range"
    // (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange).
    this.mustEdit('getEditors');
    // Users as Google gives them: User.getEmail() in lower case, whatever case was typed. What a
    // warning-only protection returns is not documented ("editors are ignored"): the fake gives
    // the list it had, so a check cannot tell a warning from the list alone.
    return this.editors.map((e) => ({ getEmail: () => lower(e) })) as any;
  }
  removeEditors(users: any[]) {
    this.hit('removeEditors');
    this.mustEdit('removeEditors');
    const gone = new Set(users.map((u: any) => lower(typeof u === 'string' ? u : u.getEmail())));
    // "Ensure the current user is an editor before removing others. Otherwise, if the user's edit
    // permission comes from a group, the script throws an exception upon removing the group."
    // (developers.google.com/apps-script/reference/spreadsheet/protection, class example)
    const ss = this.sheet.ss;
    if (ss.me !== ss.owner && !this.editors.includes(ss.me))
      for (const g of gone)
        if ((ss.groups.get(g) ?? []).includes(ss.me) && this.editors.includes(g))
          throw new Error(`Exception: You can't remove yourself as an editor (your access comes from the group ${g}).`);
    // Neither the owner nor the user running the script can be removed. An empty list changes
    // nothing, so it leaves a mirroring protection mirroring (the strict reading).
    if (!gone.size) return this as any;
    this.own = this.fix().filter(
      (e) => !gone.has(lower(e)) || lower(e) === lower(this.sheet.ss.owner) || lower(e) === lower(this.sheet.ss.me),
    );
    return this as any;
  }
  addEditors(emails: string[]) {
    this.hit('addEditors');
    this.mustEdit('addEditors');
    for (const e of emails) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new Error(`Invalid email: ${e}`);
    if (!emails.length) return this as any;
    this.own = [...new Set([...this.fix(), ...emails].map(lower))];
    return this as any;
  }
  canDomainEdit() {
    this.hit('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(v: boolean) {
    this.hit('setDomainEdit');
    this.mustEdit('setDomainEdit');
    if (!this.sheet.ss.domain) throw new Error('setDomainEdit: not a Google Workspace domain');
    this.fix();
    this.ownDomain = v;
    return this as any;
  }
  isWarningOnly() {
    this.hit('isWarningOnly');
    return this.warning;
  }
  /**
   * Turning the warning off again without naming editors gives the protection "all the editors in
   * the document" (Sheets API, ProtectedRange.warningOnly), so it is open until a script sets them.
   */
  setWarningOnly(v: boolean) {
    this.hit('setWarningOnly');
    this.mustEdit('setWarningOnly');
    if (this.warning && !v) this.own = [...this.sheet.ss.sharedWith];
    this.warning = v;
    return this as any;
  }
  /** Test helper: what a consolidator does by hand in the side panel (no call counted). */
  byHand(change: { warningOnly?: boolean; domainEdit?: boolean }): void {
    if (change.warningOnly !== undefined) {
      if (this.warning && !change.warningOnly) this.own = [...this.sheet.ss.sharedWith];
      this.warning = change.warningOnly;
    }
    if (change.domainEdit !== undefined) {
      if (!this.sheet.ss.domain) throw new Error('test: domain editing needs a Google Workspace domain');
      this.fix();
      this.ownDomain = change.domainEdit;
    }
  }
  /** Test helper: the state a protection made before v2 may be in (its editors never set). */
  mirror(): void {
    this.own = null;
    this.ownDomain = null;
    this.warning = false;
  }
  remove() {
    this.hit('remove');
    this.mustEdit('remove');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  /**
   * Apps Script's canEdit(): may the user running the script edit the protected range itself.
   * With arguments (tests only): may this user edit this cell, as far as this protection goes.
   */
  canEdit(): boolean;
  canEdit(email: string, row: number, col: number): boolean;
  canEdit(email?: string, row?: number, col?: number): boolean {
    if (email === undefined) {
      this.hit('canEdit');
      return this.mayEdit(this.sheet.ss.me);
    }
    return this.cellEditable(email, row!, col!);
  }
  private cellEditable(email: string, row: number, col: number): boolean {
    const inside = (r: FakeRange) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
    if (this.range && !inside(this.range)) return true;
    if (this.mayEdit(email)) return true;
    return !this.range && this.unprotected.some(inside);
  }
}
