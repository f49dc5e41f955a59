import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBatch } from '../../core/model/batch';
import { buildExtensionForE2e } from './buildExtension';
import {
  askBackground,
  type Launched,
  launchExtension,
  newUserDataDir,
  openExtensionPage,
  readStore,
  tabIdOf,
} from './launchExtension';
import { serveFixtures } from './serveFixtures';

const SCREENSHOTS = resolve('test/e2e/screenshots');

/** Stands in for the add-on's web app: records each POSTed body and accepts the batch. */
async function recordingEndpoint() {
  const bodies: Array<{ token: string; batch: { transactions: unknown[] } }> = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      const body = JSON.parse(text) as (typeof bodies)[number];
      bodies.push(body);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          added: body.batch.transactions.length,
          updated: 0,
          skipped: 0,
          errors: [],
        }),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/exec`,
    bodies,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

let launched: Launched;
let server: Awaited<ReturnType<typeof serveFixtures>>;
let portal: Page;
let popup: Page;

beforeAll(async () => {
  buildExtensionForE2e();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serveFixtures(resolve('test/e2e/fixtures'));
  launched = await launchExtension(await newUserDataDir());
  portal = await launched.context.newPage();
});

afterEach(() => {
  expect(launched.pageErrors).toEqual([]);
});

afterAll(async () => {
  await launched?.context.close();
  await server?.close();
  if (launched) await rm(launched.userDataDir, { recursive: true, force: true });
});

/** Opens the popup's UI for the portal tab, presses Capture and returns the preview's text. */
async function captureFromPopup(path: string): Promise<Page> {
  await portal.goto(`${server.origin}/${path}`);
  const tabId = await tabIdOf(launched, portal);
  await popup?.close();
  popup = await openExtensionPage(launched, `popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Capture', exact: true }).click();
  await popup.locator('[data-testid="preview-counts"], [data-testid="capture-message"]').waitFor();
  return popup;
}

async function saveFromPopup() {
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByTestId('saved').waitFor();
}

const stored = async () => {
  const rows = await readStore(popup, 'transactions');
  return rows as Array<{
    id: string;
    date: string;
    account: string;
    description: string;
    amount: { minor: number; currency: string };
    status: string;
    category?: string;
    notes?: string;
    supersedes?: string;
    supersededBy?: string;
  }>;
};

describe('the extension in Chromium', () => {
  it('previews a capture, then stores the transactions with the right values', async () => {
    await captureFromPopup('activity.html');
    // Capture reads the page and changes nothing on it.
    const pristine = await (await fetch(`${server.origin}/activity.html`)).text();
    const body = (html: string) => html.slice(html.indexOf('<body>'), html.indexOf('</body>')).trim();
    expect(body(await portal.content())).toBe(body(pristine));
    await expect(popup.getByTestId('preview-counts').textContent()).resolves.toBe(
      '4 new, 0 already captured, 0 changed',
    );
    expect(await stored()).toHaveLength(0); // nothing is stored before Save
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-preview.png`, fullPage: true });
    await popup.setViewportSize({ width: 400, height: 600 }); // 200% zoom, as for the empty page below
    await expect(
      popup.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await saveFromPopup();

    const rows = await stored();
    expect(rows).toHaveLength(4);
    const byDescription = (d: string) => rows.filter((r) => r.description === d);
    expect(byDescription('SQ *BLUE BOTTLE COF OAKLAND CA').map((r) => r.amount)).toEqual([
      { minor: -450, currency: 'USD' },
      { minor: -450, currency: 'USD' },
    ]);
    expect(byDescription('STRIPE TRANSFER ST-7Q2X')[0]).toMatchObject({
      date: '2026-03-03',
      account: 'Checking ••6789',
      amount: { minor: 123456, currency: 'USD' },
      status: 'posted',
    });
    expect(byDescription('ADOBE *CREATIVE CLOUD')[0]).toMatchObject({
      date: '2026-03-04',
      amount: { minor: -5999, currency: 'USD' },
      status: 'pending',
    });
    const captures = await readStore(popup, 'captures');
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ source: `${server.origin}/activity.html`, state: 'saved' });
  });

  it('adds nothing when the same page is captured again', async () => {
    await captureFromPopup('activity.html');
    await expect(popup.getByTestId('preview-counts').textContent()).resolves.toBe(
      '0 new, 4 already captured, 0 changed',
    );
    await saveFromPopup();
    expect(await stored()).toHaveLength(4);
  });

  it('lets the posted version of a pending line supersede it', async () => {
    await captureFromPopup('activity-posted.html');
    await expect(popup.getByTestId('preview-counts').textContent()).resolves.toBe(
      '0 new, 3 already captured, 1 changed',
    );
    await saveFromPopup();
    const rows = await stored();
    const pending = rows.find((r) => r.status === 'pending')!;
    const posted = rows.find((r) => r.description.startsWith('ADOBE') && r.status === 'posted')!;
    expect(posted).toMatchObject({ date: '2026-03-05', supersedes: pending.id });
    expect(pending.supersededBy).toBe(posted.id);
  });

  it('says clearly when a page has no transactions', async () => {
    await captureFromPopup('empty.html');
    await expect(popup.getByTestId('capture-message').textContent()).resolves.toMatch(
      /^No transactions found on this page/,
    );
    await expect(popup.getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(0);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-empty.png`, fullPage: true });

    // 200% zoom in a popup at its 800px limit: 400 CSS pixels, and nothing needs scrolling sideways.
    await popup.setViewportSize({ width: 400, height: 600 });
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-200pct.png`, fullPage: true });
  });

  it('captures all pages behind "Load more" and behind a "Next" link', async () => {
    await portal.goto(`${server.origin}/load-more.html`);
    let tabId = await tabIdOf(launched, portal);
    await popup.close();
    popup = await openExtensionPage(launched, `popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Capture all pages' }).click();
    await popup.getByTestId('preview-counts').waitFor();
    await expect(popup.getByTestId('preview-counts').textContent()).resolves.toBe(
      '9 new, 0 already captured, 0 changed',
    );
    await expect(popup.getByText('3 pages read.').count()).resolves.toBe(1);
    await popup.getByRole('button', { name: 'Discard', exact: true }).click();

    await portal.goto(`${server.origin}/paged-1.html`);
    tabId = await tabIdOf(launched, portal);
    const reply = (await askBackground(popup, { type: 'capture', tabId, allPages: true, maxPages: 5 })) as {
      ok: boolean;
      value: { pages: number; found: number; rows: Array<{ transaction: { description: string } }> };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ pages: 2, found: 4 });
    expect(portal.url()).toBe(`${server.origin}/paged-2.html`);
  });

  it('answers the documented query message with the stored transactions', async () => {
    const reply = (await askBackground(popup, { type: 'query', filter: { search: 'stripe' } })) as {
      ok: boolean;
      value: { total: number; transactions: Array<{ amount: string; currency: string }> };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.total).toBe(1);
    expect(reply.value.transactions[0]).toMatchObject({ amount: '1234.56', currency: 'USD' });
    const bad = (await askBackground(popup, { type: 'capture' })) as {
      ok: boolean;
      problems: Array<{ field?: string }>;
    };
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]?.field).toBe('tabId');
  });

  it('reaches the Capture button from the keyboard', async () => {
    await popup.reload();
    await popup.getByRole('button', { name: 'Capture', exact: true }).waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      focused.push(await popup.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focused).toContain('Capture');
  });

  it('applies a rule added on the dashboard to the stored lines', async () => {
    const before = (await stored()).filter((r) => r.description.startsWith('ADOBE'));
    expect(before.map((r) => r.category)).not.toContain('Design Tools');
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    await dashboard.getByRole('button', { name: 'Add rule' }).click();
    const added = dashboard.locator('section[aria-labelledby="rules-heading"] tbody tr').last();
    await added.getByLabel(/^Description Contains of rule/).fill('ADOBE');
    await added.getByLabel(/^Category of rule/).fill('Design Tools');
    await dashboard.getByRole('button', { name: 'Save rules' }).click();
    const saved = dashboard.getByText(/^Saved \d+ rules; \d+ transactions re-categorized\.$/);
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toMatch(/; 2 transactions re-categorized/);
    const adobe = (await stored()).filter((r) => r.description.startsWith('ADOBE'));
    expect(adobe.map((r) => r.category)).toEqual(['Design Tools', 'Design Tools']);
    await dashboard.close();
  });

  it('sends new lines to the spreadsheet endpoint set in Options, once', async () => {
    const endpoint = await recordingEndpoint();
    try {
      const options = await openExtensionPage(launched, 'options.html');
      await options.getByLabel('Spreadsheet web-app URL').fill(endpoint.url);
      await options.getByLabel('Token').fill('e2e-token');
      await options.getByRole('button', { name: 'Save' }).click();
      await options.getByText('Saved.').waitFor();
      const dashboard = await openExtensionPage(launched, 'dashboard.html');
      await dashboard.getByRole('button', { name: 'Send new and changed' }).click();
      const report = dashboard.getByTestId('send-report');
      await expect(report.textContent()).resolves.toMatch(/: 5 sent — 5 added, 0 updated, 0 skipped/);
      expect(endpoint.bodies).toHaveLength(1);
      expect(endpoint.bodies[0]).toMatchObject({ token: 'e2e-token', batch: { schemaVersion: 1 } });
      await dashboard.getByRole('button', { name: 'Send new and changed' }).click();
      await dashboard.getByText('Nothing new to send.').waitFor();
      expect(endpoint.bodies).toHaveLength(1);
      await dashboard.close();
      await options.close();
    } finally {
      await endpoint.close();
    }
  });

  it('exports what the filters show as CSV, JSON (a Batch) and .xlsx', async () => {
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    await dashboard.locator('table.transactions').waitFor();
    await dashboard.getByLabel('Search').fill('stripe');
    await expect.poll(() => dashboard.locator('table.transactions tbody tr').count()).toBe(1);
    const save = async (name: string) => {
      const [file] = await Promise.all([
        dashboard.waitForEvent('download'),
        dashboard.getByRole('button', { name }).click(),
      ]);
      const path = await file.path();
      return { name: file.suggestedFilename(), bytes: await readFile(path) };
    };
    const csv = await save('Export CSV');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ID,Date,Account,/);
    expect(lines[1]).toContain(',2026-03-03,');
    expect(lines[1]).toContain(',1234.56,USD,');

    const json = await save('Export JSON');
    const parsed = parseBatch(JSON.parse(json.bytes.toString('utf8')));
    expect(parsed.ok && parsed.value.rows.map((r) => r.transaction.amount)).toEqual([
      { minor: 123456, currency: 'USD' },
    ]);

    const xlsx = await save('Export Excel (.xlsx)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Transactions')!;
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('Description')]).toBe('STRIPE TRANSFER ST-7Q2X');
    expect(row[header.indexOf('Amount')]).toBe(1234.56);
    await dashboard.close();
  });

  it('shows the transactions on the dashboard and keeps edits across a browser restart', async () => {
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    const table = dashboard.locator('table.transactions');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(4); // the superseded pending line is hidden
    const category = dashboard.getByLabel('Category for STRIPE TRANSFER ST-7Q2X on 2026-03-03');
    await category.fill('Sales');
    await category.press('Tab');
    const notes = dashboard.getByLabel('Notes for STRIPE TRANSFER ST-7Q2X on 2026-03-03');
    await notes.fill('March payout');
    await notes.press('Tab');
    await expect
      .poll(async () => (await stored()).find((r) => r.description === 'STRIPE TRANSFER ST-7Q2X'), {
        timeout: 10_000,
      })
      .toMatchObject({ category: 'Sales', notes: 'March payout' });
    const history = dashboard.locator('section[aria-labelledby="history-heading"] tbody tr');
    await expect(history.first().textContent()).resolves.toMatch(
      /^.+127\.0\.0\.1:\d+(Saved|Not saved yet|Discarded)/,
    );
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });

    // 200% zoom: the same window with half the CSS pixels. The page reflows; only wide tables scroll.
    await dashboard.setViewportSize({ width: 550, height: 800 });
    const overflow = await dashboard.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-200pct.png`, fullPage: true });
    // A count opens the list behind it: the discrepancy, explained, with its line.
    await dashboard.getByRole('button', { name: '1 discrepancy' }).click();
    const explained = dashboard.locator('#discrepancies');
    await expect(explained.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(explained.locator('ul.discrepancies > li').count()).resolves.toBe(1);
    await expect(explained.textContent()).resolves.toMatch(/STRIPE TRANSFER ST-7Q2X/);

    await launched.context.close();
    launched = await launchExtension(launched.userDataDir);
    portal = await launched.context.newPage();
    const again = await openExtensionPage(launched, 'dashboard.html');
    const restored = again.getByLabel('Category for STRIPE TRANSFER ST-7Q2X on 2026-03-03');
    await restored.waitFor();
    await expect(restored.inputValue()).resolves.toBe('Sales');
    await expect(
      again.getByLabel('Notes for STRIPE TRANSFER ST-7Q2X on 2026-03-03').inputValue(),
    ).resolves.toBe('March payout');
  });
  it('imports a bank file chosen (or dropped) on the dashboard through the same preview', async () => {
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    await dashboard.getByLabel(/^Drop an OFX/).setInputFiles({
      name: 'april.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Date,Description,Amount\n04/01/2026,OFFICE DEPOT 1234,-88.20\n'),
    });
    const section = dashboard.locator('section[aria-labelledby="import-heading"]');
    // Neither the file's data nor its name says its account: asked, and cancelling stores nothing.
    await section.getByRole('button', { name: 'Cancel' }).click();
    expect((await readStore(dashboard, 'captures')).filter((c) => c.source === 'april.csv')).toEqual([]);
    await dashboard.getByLabel(/^Drop an OFX/).setInputFiles({
      name: 'april.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Date,Description,Amount\n04/01/2026,OFFICE DEPOT 1234,-88.20\n'),
    });
    await section.getByLabel('Account for april.csv').fill('Office card');
    await section.getByRole('button', { name: 'Import into this account' }).click();
    await expect(section.getByTestId('preview-counts').textContent()).resolves.toBe(
      '1 new, 0 already captured, 0 changed',
    );
    await dashboard.getByRole('button', { name: 'Save import' }).click();
    await dashboard.getByLabel('Category for OFFICE DEPOT 1234 on 2026-04-01').waitFor();
    const imported = (await readStore(dashboard, 'transactions')).find(
      (r) => r.description === 'OFFICE DEPOT 1234',
    );
    expect(imported?.amount).toEqual({ minor: -8820, currency: 'USD' });
    expect(imported?.account).toBe('Office card');
  });
});
