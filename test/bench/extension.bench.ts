import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSIONS } from '../../extension/db/schema';
import { buildExtensionForE2e } from '../e2e/buildExtension';
import {
  launchExtension,
  newUserDataDir,
  openExtensionPage,
  readStore,
  tabIdOf,
} from '../e2e/launchExtension';
import { serveFixtures } from '../e2e/serveFixtures';
import { fmt, table } from './measure';

const ROWS = 5_000;
const RUNS = 3;
const CHUNK = 500;

/** A portal page with `rows` lines; `run` makes every line new, so each run stores all of them. */
function bigPage(rows: number, run: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const cents = ((i * 7919 + run * 104729) % 500_000) - 250_000;
    const amount = `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;
    lines.push(
      `<tr><td>03/${day}/2026</td><td>VENDOR ${run}-${i} PAYMENT</td><td>${amount}</td><td>Posted</td></tr>`,
    );
  }
  return `<!doctype html><html><body><h1>Activity</h1><div data-account="Checking ••6789">Checking ••6789</div>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Status</th></tr></thead>
<tbody>${lines.join('')}</tbody></table></body></html>`;
}

type Ask = (
  message: unknown,
) => Promise<{ ok: boolean; value?: { captureId?: string; found?: number; added?: number } }>;

async function ask(page: Page, message: unknown) {
  return page.evaluate(
    (m) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage: Ask } } }).chrome.runtime.sendMessage(m),
    message,
  );
}

/**
 * Writes `rows` into a scratch IndexedDB (with the extension's indexes) from an extension page,
 * either in one transaction or in chunks of CHUNK rows each in its own transaction, as putInChunks does.
 */
async function writeMs(page: Page, rows: unknown[], chunk: number): Promise<number> {
  return page.evaluate(
    async ({ rows, chunk, indexes }) => {
      const name = `bench-${Math.random()}`;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('transactions', { keyPath: 'id' });
          for (const keyPath of indexes) store.createIndex(String(keyPath), keyPath);
        };
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const start = performance.now();
      for (let i = 0; i < rows.length; i += chunk) {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('transactions', 'readwrite');
          const store = tx.objectStore('transactions');
          for (const row of rows.slice(i, i + chunk)) store.put(row);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      const ms = performance.now() - start;
      db.close();
      indexedDB.deleteDatabase(name);
      return ms;
    },
    { rows, chunk, indexes: transactionIndexes() },
  );
}

/** The transactions store's indexes at the current schema, as IndexedDB key paths. */
function transactionIndexes(): Array<string | string[]> {
  const spec = [...SCHEMA_VERSIONS].reverse().find((v) => 'transactions' in v.stores)!.stores as {
    transactions: string;
  };
  return spec.transactions
    .split(',')
    .slice(1)
    .map((s) => s.trim())
    .map((s) => (s.startsWith('[') ? s.slice(1, -1).split('+') : s));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A 5,000-row portal page captured end to end in Chromium with the built extension: extract
 * (capture → preview) and store (save, chunked writes), then the store's write alone, chunked vs
 * one bulk write, on the same rows in the same browser.
 */
export default async function bench() {
  buildExtensionForE2e();
  const pages: Record<string, string> = {};
  for (let run = 0; run <= RUNS; run++) pages[`/big-${run}.html`] = bigPage(ROWS, run);
  const server = await serveFixtures(resolve('test/e2e/fixtures'), pages);
  const launched = await launchExtension(await newUserDataDir());
  try {
    const portal = await launched.context.newPage();
    const ext = await openExtensionPage(launched, 'popup.html');
    const extract: number[] = [];
    const store: number[] = [];
    let found = 0;
    for (let run = 0; run <= RUNS; run++) {
      await portal.goto(`${server.origin}/big-${run}.html`);
      const tabId = await tabIdOf(launched, portal);
      let t = performance.now();
      const preview = await ask(ext, { type: 'capture', tabId });
      const extractMs = performance.now() - t;
      t = performance.now();
      const saved = await ask(ext, { type: 'saveCapture', captureId: preview.value?.captureId });
      const storeMs = performance.now() - t;
      if (!preview.ok || !saved.ok || saved.value?.added !== ROWS) {
        throw new Error(`run ${run}: expected ${ROWS} new rows, got ${JSON.stringify(saved)}`);
      }
      found = preview.value?.found ?? 0;
      if (run === 0) continue; // warm-up
      extract.push(extractMs);
      store.push(storeMs);
    }
    // The rows as the extension stored them, written again into scratch stores.
    const sample = (await readStore(ext, 'transactions')).slice(0, ROWS);
    const chunked: number[] = [];
    const bulk: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const c = await writeMs(ext, sample, CHUNK);
      const b = await writeMs(ext, sample, sample.length);
      if (i === 0) continue;
      chunked.push(c);
      bulk.push(b);
    }
    console.log(`${found} rows per page, median of ${RUNS} runs after a warm-up, Chromium headless`);
    console.log(
      table([
        {
          step: 'extract (capture → preview)',
          ms: fmt(median(extract)),
          'rows/s': fmt((ROWS / median(extract)) * 1000, 0),
        },
        {
          step: 'store (save, chunked)',
          ms: fmt(median(store)),
          'rows/s': fmt((ROWS / median(store)) * 1000, 0),
        },
        { step: 'end to end', ms: fmt(median(extract) + median(store)), 'rows/s': '' },
        { step: `IndexedDB write, ${CHUNK}-row chunks`, ms: fmt(median(chunked)), 'rows/s': '' },
        { step: 'IndexedDB write, one bulk transaction', ms: fmt(median(bulk)), 'rows/s': '' },
      ]),
    );
    console.log(`chunked / bulk write time: ${fmt(median(chunked) / median(bulk), 2)}×`);
  } finally {
    await launched.context.close();
    await server.close();
    await rm(launched.userDataDir, { recursive: true, force: true });
  }
}
