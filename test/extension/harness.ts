import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps } from '../../extension/background/deps';
import { createRequestHandler } from '../../extension/background/handleRequest';
import { platformDeps } from '../../extension/background/platformDeps';
import { OPTIONS_KEY } from '../../extension/capture/injectedOptions';
import { runInjectedCapture } from '../../extension/capture/runInjectedCapture';
import { type LedgerDb, openDb } from '../../extension/db/openDb';
import type { Request } from '../../extension/messages/request';
import type { Responses } from '../../extension/messages/responses';
import { sendRequest } from '../../extension/messages/sendRequest';

type Injection = {
  target: { tabId: number };
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
  files?: string[];
};

/**
 * The background's real wiring (platformDeps) on WXT's fake browser and fake-indexeddb. Tabs hold
 * HTML read with linkedom; executeScript runs what the injected files run, in a per-tab "world".
 */
export function harness(options: { idb?: IDBFactory; start?: string } = {}) {
  fakeBrowser.reset();
  const idb = options.idb ?? new IDBFactory();
  const db: LedgerDb = openDb({ indexedDB: idb, IDBKeyRange });
  const pages = new Map<number, { html: string; next: string[]; world: Record<string, unknown> }>();
  const api = fakeBrowser as unknown as typeof browser;
  (fakeBrowser.scripting as { executeScript: unknown }).executeScript = async (injection: Injection) => {
    const tab = await fakeBrowser.tabs.get(injection.target.tabId);
    const page = pages.get(injection.target.tabId);
    if (!page || !tab.url) throw new Error('Cannot access contents of the page');
    if (injection.func) {
      // The function writes to its world's global; move what it wrote into this tab's world.
      const global = globalThis as Record<string, unknown>;
      injection.func(...(injection.args ?? []));
      page.world[OPTIONS_KEY] = global[OPTIONS_KEY];
      delete global[OPTIONS_KEY];
      return [{ result: undefined }];
    }
    if (injection.files?.[0] === '/capture.js') {
      const { document } = parseHTML(page.html);
      // As entrypoints/capture.ts answers: one JSON string.
      return [
        { result: JSON.stringify(runInjectedCapture(page.world, document as unknown as Document, tab.url)) },
      ];
    }
    if (injection.files?.[0] === '/next-page.js') {
      const next = page.next.shift();
      if (next === undefined) return [{ result: false }];
      page.html = next;
      return [{ result: true }];
    }
    throw new Error(`unexpected injection ${JSON.stringify(injection.files)}`);
  };
  let clock = new Date(options.start ?? '2026-03-10T12:00:00Z').getTime();
  let ids = 0;
  const deps: BackgroundDeps = {
    ...platformDeps(api, db),
    now: () => new Date(clock),
    newId: () => `id-${++ids}`,
    sleep: async () => {},
  };
  const handler = createRequestHandler(deps);
  return {
    db,
    idb,
    deps,
    /** Moves the clock on, so "changed since" is visible. */
    tick: (ms = 60_000) => {
      clock += ms;
    },
    ask: <R extends Request>(request: R) =>
      sendRequest((m) => handler(JSON.parse(JSON.stringify(m))), request) as Promise<
        | { ok: true; value: Responses[R['type']] }
        | { ok: false; problems: Array<{ code: string; field?: string; message: string }> }
      >,
    raw: handler,
    /** A tab showing `html`; `next` are the pages its "next" control leads to, in order. */
    async openTab(url: string, html: string, next: string[] = []) {
      const tab = await fakeBrowser.tabs.create({ url });
      // The isolated world stands in for globalThis inside the tab: options set there are read back.
      pages.set(tab.id!, { html, next: [...next], world: {} });
      return tab.id!;
    },
    setPage(tabId: number, html: string) {
      pages.set(tabId, { html, next: [], world: {} });
    },
  };
}

export type Harness = ReturnType<typeof harness>;

/** A portal page the extension's extractor reads: one table of activity. */
export function activityPage(
  rows: Array<[date: string, description: string, amount: string, status?: string]>,
) {
  const body = rows
    .map(
      ([d, desc, amt, status = 'Posted']) =>
        `<tr><td>${d}</td><td>${desc}</td><td>${amt}</td><td>${status}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html><body><h2>Checking ••6789</h2>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Status</th></tr></thead>
<tbody>${body}</tbody></table></body></html>`;
}
