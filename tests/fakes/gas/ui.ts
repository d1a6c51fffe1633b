/** Ui: menus, alerts, dialogs and sidebars. */
import { Calls } from './calls';
import { CONTAINER_UI, MANIFEST_SCOPES } from './services';

export interface MenuRecord {
  title: string;
  addon: boolean;
  items: ({ label: string; fn: string } | null)[];
}

export class FakeUi {
  menus: MenuRecord[] = [];
  alerts: { title: string; message: string }[] = [];
  dialogs: string[] = [];
  /**
   * Alerts and dialogs shown while the document lock was held. Ui.alert waits for the user's
   * click, so the lock would be held for as long as the message stays open and every other user's
   * action would time out on tryLock: tests assert this stays empty.
   */
  underLock: string[] = [];
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  constructor(
    private readonly calls: Calls,
    private readonly lock: { held: boolean } = { held: false },
    private readonly granted: Set<string> = new Set(MANIFEST_SCOPES),
  ) {}
  /**
   * Dialogs, alerts and sidebars need the container UI scope, which a user who never authorized
   * the script (a simple trigger's user) has not granted; menus do not (onOpen builds them in
   * AuthMode.NONE). developers.google.com/apps-script/reference/base/ui, "Authorization".
   */
  private shown(method: string, what: string) {
    if (!this.granted.has(CONTAINER_UI))
      throw new Error(`You do not have permission to call Ui.${method}. Required permissions: ${CONTAINER_UI}`);
    if (this.lock.held) this.underLock.push(what);
  }
  private menu(title: string, addon: boolean) {
    const rec: MenuRecord = { title, addon, items: [] };
    const calls = this.calls;
    const menus = this.menus;
    const m = {
      addItem(label: string, fn: string) {
        calls.hit('Menu.addItem');
        if (typeof fn !== 'string' || !fn) throw new Error('addItem needs a function name');
        rec.items.push({ label, fn });
        return m;
      },
      addSeparator() {
        calls.hit('Menu.addSeparator');
        rec.items.push(null);
        return m;
      },
      addToUi() {
        calls.hit('Menu.addToUi');
        menus.push(rec);
      },
    };
    return m;
  }
  createMenu(title: string) {
    this.calls.hit('Ui.createMenu');
    return this.menu(title, false);
  }
  createAddonMenu() {
    this.calls.hit('Ui.createAddonMenu');
    return this.menu('(add-on)', true);
  }
  alert(title: string, message?: string) {
    this.calls.hit('Ui.alert');
    this.shown('alert', title);
    this.alerts.push({ title, message: message ?? '' });
    return 'OK';
  }
  showSidebar(html: { content: string }) {
    this.calls.hit('Ui.showSidebar');
    this.shown('showSidebar', 'sidebar');
    this.dialogs.push(html.content);
  }
  showModalDialog(html: { content: string }) {
    this.calls.hit('Ui.showModalDialog');
    this.shown('showModalDialog', 'dialog');
    this.dialogs.push(html.content);
  }
}
