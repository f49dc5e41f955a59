import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';

/** The e2e build (see wxt.config.ts): host access to 127.0.0.1 stands in for the owner's per-site grant. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

export type Launched = {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Uncaught errors in extension pages: a test should end with none. */
  pageErrors: string[];
};

export async function newUserDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ledgerbridge-e2e-'));
}

/** Debian's Chromium with the built extension loaded, in `userDataDir` (reuse it to restart the browser). */
export async function launchExtension(userDataDir: string, extensionDir = EXTENSION_DIR): Promise<Launched> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir, pageErrors: [] };
}

/** An extension page (popup.html, dashboard.html…) opened in an ordinary tab. */
export async function openExtensionPage(launched: Launched, path: string): Promise<Page> {
  const page = await launched.context.newPage();
  page.on('pageerror', (error) => launched.pageErrors.push(`${path}: ${error.message}`));
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  return page;
}

/** The Chrome tab id of `page`, asked of the extension (tabs.query sees the tab by its URL). */
export async function tabIdOf(launched: Launched, page: Page): Promise<number> {
  const url = page.url();
  const id = await launched.worker.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Rows of a store in the extension's own IndexedDB, read raw (not through the extension's code). */
export async function readStore(page: Page, store: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('ledgerbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** A message to the background from an extension page, sent as the popup sends it; the background's reply. */
export function askBackground<T = unknown>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}
