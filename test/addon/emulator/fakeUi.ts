import type { EmulatorEnv } from './emulatorEnv';
import type { FakeHtmlOutput } from './fakeHtmlService';

export type MenuItem = { caption: string; functionName: string } | 'separator';

class FakeMenu {
  readonly items: MenuItem[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string) {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push('separator');
    return this;
  }
  addToUi() {
    this.ui.env.call('Menu.addToUi');
    this.ui.menus.push(this);
  }
}

/** Records what the script shows: menus, sidebars, dialogs and alerts. */
export class FakeUi {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: Array<{ html: FakeHtmlOutput; title: string }> = [];
  readonly alerts: string[] = [];

  constructor(readonly env: EmulatorEnv) {}

  createMenu(caption: string) {
    return new FakeMenu(this, caption);
  }
  createAddonMenu() {
    return new FakeMenu(this, '(add-on)');
  }
  showSidebar(html: FakeHtmlOutput) {
    this.env.call('Ui.showSidebar');
    this.sidebars.push(html);
  }
  showModalDialog(html: FakeHtmlOutput, title: string) {
    this.env.call('Ui.showModalDialog');
    this.dialogs.push({ html, title });
  }
  alert(message: string) {
    this.env.call('Ui.alert');
    this.alerts.push(message);
    return 'OK';
  }
}
