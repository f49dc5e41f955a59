import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_ROWS } from '../../sheets-addon/src/importJob';
import { records } from './addonHarness';
import { makeBatch } from './batchFixture';
import { endToEndBatch } from './endToEndBatch';
import { buildBundle, type LoadedAddon, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

/**
 * Runs the sidebar the add-on serves (its inline script, in a DOM) against the add-on: a fake
 * `google.script.run` calls the bundle's top-level functions asynchronously, as the real one does.
 */
function openSidebar(addon: LoadedAddon, file?: { name: string; content: string | Buffer }) {
  addon.run('showImportSidebar');
  const html = addon.ui.sidebars.at(-1)!.getContent();
  const { document, window } = parseHTML(html);
  const pending: Array<Promise<void>> = [];
  const called: string[] = [];
  const runner = (success?: (v: unknown) => void, failure?: (e: unknown) => void): unknown =>
    new Proxy(
      {},
      {
        get: (_, name: string) => {
          if (name === 'withSuccessHandler') return (fn: (v: unknown) => void) => runner(fn, failure);
          if (name === 'withFailureHandler') return (fn: (e: unknown) => void) => runner(success, fn);
          return (...args: unknown[]) => {
            called.push(name);
            pending.push(
              Promise.resolve().then(() => {
                try {
                  success?.(JSON.parse(JSON.stringify(addon.run(name, ...args) ?? null)));
                } catch (error) {
                  failure?.(error);
                }
              }),
            );
          };
        },
      },
    );
  class FakeFileReader {
    result = '';
    onload: (() => void) | null = null;
    readAsDataURL(f: { content: string | Buffer }) {
      this.result = `data:application/octet-stream;base64,${Buffer.from(f.content).toString('base64')}`;
      pending.push(Promise.resolve().then(() => this.onload?.()));
    }
  }
  const input = document.getElementById('file') as unknown as { files: unknown[] };
  Object.defineProperty(input, 'files', { value: file ? [file] : [] });
  const script = [...document.querySelectorAll('script')].map((s) => s.textContent).join('\n');
  const context = vm.createContext({
    document,
    window,
    FileReader: FakeFileReader,
    google: { script: { run: runner() } },
  });
  vm.runInContext(script, context);
  const settle = async () => {
    while (pending.length > 0) await pending.shift();
  };
  return { document, settle, called };
}

describe('the sidebar', () => {
  it('imports a file, calling continueImport until the job is done', async () => {
    const addon = loadAddon({ costs: { perCellMs: 1.5 } });
    const total = IMPORT_CHUNK_ROWS * 2 + 10;
    const sidebar = openSidebar(addon, { name: 'export.json', content: JSON.stringify(makeBatch(total)) });
    (sidebar.document.getElementById('import') as unknown as { click(): void }).click();
    await sidebar.settle();
    expect(sidebar.document.getElementById('importStatus')!.textContent).toBe(
      `${total} added, 0 updated, 0 unchanged`,
    );
    const importing = sidebar.called.filter((name) => name !== 'currentAlerts');
    expect(importing[0]).toBe('startImport');
    expect(importing.slice(1).length).toBeGreaterThan(0);
    expect(new Set(importing.slice(1))).toEqual(new Set(['continueImport']));
    expect(records(addon, 'Transactions')).toHaveLength(total);
  });

  it('shows the alerts of the last Reconcile', async () => {
    const addon = loadAddon();
    const quiet = openSidebar(addon);
    await quiet.settle();
    expect(quiet.document.getElementById('alerts')!.textContent).toBe(
      'No alerts. Run Reconcile to check again.',
    );
    addon.run('setUpSpreadsheet');
    addon.spreadsheet
      .sheet('Invoices')
      .getRange(2, 1, 1, 6)
      .setValues([['1043', 'Harbor Bakery', '2025-10-05', '2025-11-04', 450, 'USD']]);
    addon.run('reconcileSheet');
    const sidebar = openSidebar(addon);
    await sidebar.settle();
    expect(sidebar.document.getElementById('alerts')!.textContent).toMatch(
      /Invoice 1043 \(Harbor Bakery\) is \d+ days past due with 450\.00 USD unpaid/,
    );
  });

  it('lists suggested matches and confirms one', async () => {
    const addon = loadAddon();
    addon.run('startImport', 'export.json', Buffer.from(JSON.stringify(endToEndBatch())).toString('base64'));
    addon.run('reconcileSheet');
    const sidebar = openSidebar(addon);
    (sidebar.document.getElementById('refresh') as unknown as { click(): void }).click();
    await sidebar.settle();
    const buttons = [...sidebar.document.querySelectorAll('#matches button')];
    expect(buttons.map((b) => b.textContent)).toContain('confirm');
    (buttons.find((b) => b.textContent === 'confirm') as unknown as { click(): void }).click();
    await sidebar.settle();
    expect(records(addon, 'Matches').filter((m) => m.Decision === 'confirm')).toHaveLength(1);
  });

  it('asks which account a file is when nothing decides it, then imports it there; a decided file is not asked about', async () => {
    const addon = loadAddon();
    const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures/files', path));
    const click = (s: ReturnType<typeof openSidebar>, id: string) =>
      (s.document.getElementById(id) as unknown as { click(): void }).click();
    const askBox = (s: ReturnType<typeof openSidebar>) =>
      s.document.getElementById('askAccount') as unknown as { hidden: boolean };

    const decided = openSidebar(addon, { name: 'download.ofx', content: fixture('ofx/visa-9921-march.ofx') });
    click(decided, 'import');
    await decided.settle();
    expect(askBox(decided).hidden).toBe(true);
    const ofxRows = records(addon, 'Transactions');
    expect(ofxRows.length).toBeGreaterThan(0);
    expect(decided.document.getElementById('importStatus')!.textContent).toBe(
      `${ofxRows.length} added, 0 updated, 0 unchanged`,
    );
    const visa = String(ofxRows[0]!.Account);

    const sidebar = openSidebar(addon, { name: 'bank-us.csv', content: fixture('bank-us.csv') });
    click(sidebar, 'import');
    await sidebar.settle();
    expect(askBox(sidebar).hidden).toBe(false);
    expect(sidebar.document.getElementById('askAccountText')!.textContent).toContain('bank-us.csv');
    const offered = [...sidebar.document.querySelectorAll('#accountNames option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(offered).toEqual([visa]);
    expect(records(addon, 'Transactions')).toEqual(ofxRows);

    (sidebar.document.getElementById('accountName') as unknown as { value: string }).value = ' Checking ';
    click(sidebar, 'importAs');
    await sidebar.settle();
    expect(askBox(sidebar).hidden).toBe(true);
    const rows = records(addon, 'Transactions');
    const added = rows.filter((r) => r.Account === 'Checking');
    expect(added.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(ofxRows.length + added.length);
    expect(added.every((r) => String(r.Source).startsWith('bank-us.csv'))).toBe(true);
    expect(sidebar.document.getElementById('importStatus')!.textContent).toMatch(
      new RegExp(`^${added.length} added, 0 updated, 0 unchanged`),
    );
  });
});
