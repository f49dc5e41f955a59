import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, WORKBOOK_TABS } from '../../core/sheet/workbookLayout';
import { MENU_ITEMS } from '../../sheets-addon/src/menu';
import { connect, post, records, tab } from './addonHarness';
import { makeBatch } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

let exported: string[] = [];

beforeAll(async () => {
  exported = (await buildBundle()).exports;
});

describe('the compiled add-on', () => {
  it('has a top-level function for every menu item, trigger and web-app endpoint', () => {
    const addon = loadAddon();
    const names = [...MENU_ITEMS.map(([, fn]) => fn), 'onOpen', 'onInstall', 'doGet', 'doPost'];
    for (const name of names) {
      expect(exported).toContain(name);
      expect(typeof (addon.context as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('runs where only Apps Script’s globals exist', () => {
    const addon = loadAddon();
    const missing = [
      'require',
      'process',
      'Buffer',
      'TextEncoder',
      'TextDecoder',
      'URL',
      'fetch',
      'setTimeout',
      'atob',
    ];
    const types = vm.runInContext(`[${missing.map((name) => `typeof ${name}`).join(',')}]`, addon.context);
    expect(types).toEqual(missing.map(() => 'undefined'));
    expect(
      vm.runInContext('typeof SpreadsheetApp + typeof Utilities + typeof Ledgerbridge', addon.context),
    ).toBe('objectobjectobject');
  });

  it('declares V8, the minimal scopes and the web app in its manifest', () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../sheets-addon/dist/appsscript.json'), 'utf8'),
    );
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });

  it('adds its menu when the spreadsheet opens', () => {
    const addon = loadAddon();
    addon.run('onOpen', { authMode: 'LIMITED' });
    expect(addon.ui.menus).toHaveLength(1);
    expect(addon.ui.menus[0]!.items).toEqual(
      MENU_ITEMS.map(([caption, functionName]) => ({ caption, functionName })),
    );
  });
});

describe('Set up reconciliation spreadsheet', () => {
  it('creates every tab with its header, frozen, formatted, protected and validated', () => {
    const addon = loadAddon();
    addon.run('setUpSpreadsheet');
    for (const def of WORKBOOK_TABS) {
      const sheet = addon.spreadsheet.sheet(def.name);
      expect(tab(addon, def.name).header).toEqual(headersOf(def.columns));
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.cellAt(1, 1)?.bold).toBe(true);
      const protections = sheet.protections.filter((p) => p.type === 'RANGE');
      expect(protections.map((p) => [p.description, p.warningOnly])).toEqual([
        [`Ledgerbridge: ${def.name} header`, true],
      ]);
    }
    const transactions = addon.spreadsheet.sheet('Transactions');
    const header = tab(addon, 'Transactions').header;
    expect(transactions.cellAt(2, header.indexOf('Amount') + 1)?.format).toBe('#,##0.00;-#,##0.00');
    expect(transactions.cellAt(500, header.indexOf('Date') + 1)?.format).toBe('yyyy-mm-dd');
    const rule = transactions.cellAt(2, header.indexOf('Category Override') + 1)?.validation;
    expect(rule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect(records(addon, 'Audit')).toMatchObject([{ What: 'setup' }]);
    expect(addon.env.unlockedWrites).toEqual([]);
  });

  it('repairs a damaged workbook without losing data when run again', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: makeBatch(4) });
    addon.run('setUpSpreadsheet');
    const sheet = addon.spreadsheet.sheet('Transactions');
    const header = tab(addon, 'Transactions').header;
    // The bookkeeper deletes the Memo header and writes notes; running setup again repairs.
    sheet.cell(1, header.indexOf('Memo') + 1).value = '';
    sheet.cell(3, header.indexOf('Notes') + 1).value = 'keep me';
    const before = tab(addon, 'Transactions').rows;
    addon.run('setUpSpreadsheet');
    const after = tab(addon, 'Transactions');
    expect(after.header.at(-1)).toBe('Memo');
    expect(after.rows.map((row) => row.slice(0, header.length))).toEqual(before);
    expect(records(addon, 'Transactions')[1]!.Notes).toBe('keep me');
    expect(addon.spreadsheet.sheet('Transactions').protections).toHaveLength(1);
    expect(records(addon, 'Audit').at(-1)).toMatchObject({
      What: 'setup',
      Detail: 'added columns Transactions.Memo',
    });
  });
});
