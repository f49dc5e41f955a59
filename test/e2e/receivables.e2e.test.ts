import { mkdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionForE2e } from './buildExtension';
import { type Launched, launchExtension, newUserDataDir, openExtensionPage } from './launchExtension';

const SCREENSHOTS = resolve('test/e2e/screenshots');
const FIXTURES = resolve('test/fixtures/receivables');

let launched: Launched;

beforeAll(async () => {
  buildExtensionForE2e();
  await mkdir(SCREENSHOTS, { recursive: true });
  launched = await launchExtension(await newUserDataDir());
});

afterAll(async () => {
  await launched?.context.close();
  if (launched) await rm(launched.userDataDir, { recursive: true, force: true });
});

async function choose(dashboard: Page, name: string) {
  await dashboard.getByLabel(/^Drop an OFX/).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: await readFile(`${FIXTURES}/${name}`),
  });
}

/** Days from `due` to today (UTC), as the background counts them. */
const daysSince = (due: string) =>
  Math.round((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(due)) / 86_400_000);

const badgeText = () =>
  launched.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );

describe('receivables in the built extension', () => {
  it('imports a bank file and an invoice list on the dashboard, lists overdue invoices and alerts, and counts them on the badge', async () => {
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    await dashboard.setViewportSize({ width: 1280, height: 800 });
    await choose(dashboard, 'checking_4417_2026-11.csv');
    await dashboard.getByRole('button', { name: 'Save import' }).click();
    await dashboard.getByLabel('Category for COFFEE SUPPLY CO on 2026-11-27').waitFor();

    await choose(dashboard, 'invoice-list.csv');
    await expect(dashboard.getByTestId('invoices-imported').getByRole('status').textContent()).resolves.toBe(
      '10 invoices read from invoice-list.csv: 10 new, 0 updated.',
    );
    // The TOTAL footer is passed over: no row is reported as skipped.
    await expect(dashboard.getByTestId('invoices-imported').locator('li').count()).resolves.toBe(0);

    const table = dashboard.getByTestId('invoices');
    await table.locator('tbody tr').nth(9).waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.className,
          ...[...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim()),
        ]),
      );
    // Overdue first and highlighted: the short-paid one, the refunded one, the unpaid one.
    expect(rows.slice(0, 3)).toEqual([
      [
        'overdue',
        '1045',
        'Pine Street Books',
        '2026-11-19',
        '640.00 USD',
        expect.stringMatching(/^partly paid/),
        '15.00 USD',
        `${daysSince('2026-11-19')} days overdue`,
      ],
      [
        'overdue',
        '1047',
        'Sunrise Yoga Studio',
        '2026-11-24',
        '220.00 USD',
        expect.stringMatching(/^open/),
        '220.00 USD',
        `${daysSince('2026-11-24')} days overdue`,
      ],
      [
        'overdue',
        '1049',
        'Maple & Oak Co.',
        '2026-12-02',
        '560.00 USD',
        'open',
        '560.00 USD',
        `${daysSince('2026-12-02')} days overdue`,
      ],
    ]);
    expect(rows.filter((r) => r[0] === 'overdue')).toHaveLength(3);
    expect(rows.find((r) => r[1] === '1046')?.slice(5, 7)).toEqual([
      expect.stringMatching(/^over-paid/),
      '-4.75 USD',
    ]);

    const alerts = dashboard.getByTestId('alerts').locator('li');
    await expect(alerts.count()).resolves.toBe(3);
    await expect(alerts.first().textContent()).resolves.toContain(
      `Invoice 1045 (Pine Street Books) is ${daysSince('2026-11-19')} days past due with 15.00 USD unpaid. Send a reminder`,
    );
    await expect(badgeText()).resolves.toBe('3');

    // The file input scrolled the page down; alerts and invoices are at its top.
    await dashboard.evaluate(() => window.scrollTo(0, 0));
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-alerts-invoices.png` });
    expect(launched.pageErrors).toEqual([]);
  });

  it('shows the alert count on the badge when the browser starts again, before any page is opened', async () => {
    await launched.context.close();
    launched = await launchExtension(launched.userDataDir);
    await expect.poll(badgeText, { timeout: 20_000 }).toBe('3');
  });
});
