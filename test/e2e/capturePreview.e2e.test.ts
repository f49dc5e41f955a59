import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionForE2e } from './buildExtension';
import {
  type Launched,
  launchExtension,
  newUserDataDir,
  openExtensionPage,
  readStore,
  tabIdOf,
} from './launchExtension';
import { serveFixtures } from './serveFixtures';

const SCREENSHOTS = resolve('test/e2e/screenshots');
const POPUP = { width: 400, height: 600 };

let launched: Launched;
let server: Awaited<ReturnType<typeof serveFixtures>>;
let portal: Page;
let popup: Page | undefined;

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

/** The popup's UI at its real size (400×600) for the portal page at `path`, after pressing Capture. */
async function captureInPopup(path: string): Promise<Page> {
  await portal.goto(`${server.origin}/${path}`);
  const tabId = await tabIdOf(launched, portal);
  await popup?.close();
  popup = await openExtensionPage(launched, `popup.html?tabId=${tabId}`);
  await popup.setViewportSize(POPUP);
  await popup.getByRole('button', { name: 'Capture', exact: true }).click();
  await popup.locator('[data-testid="preview-counts"], [data-testid="capture-message"]').waitFor();
  return popup;
}

type Stored = { description: string; amount: { minor: number }; unverified?: string };

/** The element's box lies inside the popup's 400×600 viewport. */
async function expectInView(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(POPUP.width);
  expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(POPUP.height);
}

describe('the capture preview in Chromium', () => {
  it('captures a page that also carries a hidden mobile copy of its list once per row', async () => {
    const page = await captureInPopup('responsive-duplicate.html');
    await expect(page.getByTestId('preview-counts').textContent()).resolves.toBe(
      '5 new, 0 already captured, 0 changed',
    );
    await expect(page.locator('.preview-table tbody tr').count()).resolves.toBe(5);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved').waitFor();
    const rows = (await readStore(page, 'transactions')) as Stored[];
    expect(rows.map((r) => [r.description, r.amount.minor]).sort()).toEqual(
      [
        ['ACH DEBIT GUSTO PAYROLL', -231000],
        ['CHECK #2207', -45000],
        ['MOBILE DEPOSIT #1182', 64025],
        ['POS PURCHASE HOME DEPOT 4410', -8713],
        ['SHOPIFY PAYOUT 2026-04-05', 112840],
      ].sort(),
    );
  });

  it('flags a running balance that does not add up, marks the rows, and stores the capture as unverified', async () => {
    const page = await captureInPopup('balance-mismatch.html');
    const alert = page.getByTestId('check-failed');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Not verified/);
    const broken = page.locator('.preview-table tbody tr[data-broken="true"]');
    expect(await broken.count()).toBeGreaterThan(0);
    await expect(broken.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('COMCAST BUSINESS 8773')]),
    );
    await expectInView(alert, 'the failed check');
    await page.screenshot({ path: `${SCREENSHOTS}/popup-unverified-400x600.png` });

    const save = page.getByRole('button', { name: 'Save as unverified' });
    await expectInView(save, 'Save');
    await save.click();
    await page.getByTestId('saved').waitFor();
    const captures = await readStore(page, 'captures');
    const mine = captures.find((c) => String(c.source).endsWith('/balance-mismatch.html'));
    expect(mine).toMatchObject({ state: 'saved', verification: 'unverified' });
    const lines = ((await readStore(page, 'transactions')) as Stored[]).filter((r) =>
      ['COMCAST BUSINESS 8773', 'ZELLE TO J MARTINEZ'].includes(r.description),
    );
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.unverified).toMatch(/\S/);
  });

  it('captures activity that the portal shows in a frame of its own site', async () => {
    const page = await captureInPopup('framed.html');
    await expect(page.getByTestId('preview-counts').textContent()).resolves.toBe(
      '3 new, 0 already captured, 0 changed',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved').waitFor();
    const rows = (await readStore(page, 'transactions')) as Array<Stored & { date: string }>;
    expect(
      rows
        .filter((r) =>
          ['GUSTO PAYROLL 8841', 'SQUARE INC DEP 0407', 'COMCAST BUSINESS'].includes(r.description),
        )
        .map((r) => [r.date, r.description, r.amount.minor])
        .sort(),
    ).toEqual([
      ['2026-04-06', 'GUSTO PAYROLL 8841', -231000],
      ['2026-04-07', 'SQUARE INC DEP 0407', 84520],
      ['2026-04-08', 'COMCAST BUSINESS', -12999],
    ]);
  });

  it('asks which currency a page that shows none is in, and keeps the choice for the site', async () => {
    let page = await captureInPopup('bare-amounts.html');
    const choice = page.getByTestId('currency-choice');
    await expect(choice.textContent()).resolves.toMatch(/No currency is shown on this page/);
    await expectInView(choice, 'the currency choice');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'popup-currency-choice.png') });
    await page.getByLabel('Currency of the amounts').selectOption('GBP');
    await page.getByText('(your choice for this site)').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved').waitFor();
    const rows = (await readStore(page, 'transactions')) as Array<Stored & { amount: { currency: string } }>;
    expect(
      rows
        .filter((r) => ['RENT MARCH', 'SALES DEPOSIT', 'INSURANCE'].includes(r.description))
        .map((r) => [r.description, r.amount.minor, r.amount.currency])
        .sort(),
    ).toEqual([
      ['INSURANCE', -9610, 'GBP'],
      ['RENT MARCH', -145000, 'GBP'],
      ['SALES DEPOSIT', 81240, 'GBP'],
    ]);
    page = await captureInPopup('bare-amounts.html');
    await expect(page.getByLabel('Currency of the amounts').inputValue()).resolves.toBe('GBP');
  });

  it('says once that a card page was read in the holder’s view: the sign line, not again among the warnings', async () => {
    const page = await captureInPopup('card-activity.html');
    await expect(page.getByTestId('sign-choice').textContent()).resolves.toMatch(
      /This reads as a card account/,
    );
    const warnings = await page.locator('ul.warnings li').allTextContents();
    expect(warnings.filter((w) => /card activity|charges shown positive/.test(w))).toEqual([]);
    await expect(page.locator('.preview-table tbody tr').first().textContent()).resolves.toContain('-54.99');
  });

  it('fits the popup at 400px: Status, the change column and Save in view, long text cut with the full text on hover', async () => {
    const page = await captureInPopup('long-text.html');
    const table = page.locator('.preview-table');
    await table.waitFor();
    await expectInView(table.getByRole('columnheader', { name: 'Status' }), 'the Status header');
    await expectInView(table.getByRole('columnheader', { name: 'Change' }), 'the change header');
    const firstRow = table.locator('tbody tr').first();
    for (const [i, what] of [
      [0, 'date'],
      [2, 'amount'],
      [3, 'status'],
      [4, 'change'],
    ] as const) {
      await expectInView(firstRow.locator('td').nth(i), `the first row's ${what}`);
    }
    await expectInView(page.getByRole('button', { name: 'Save', exact: true }), 'Save');
    const description = firstRow.locator('td').nth(1);
    const full = 'AMAZON WEB SERVICES AWS.AMAZON.CO WA INVOICE 4471882201 MONTHLY USAGE';
    await expect(description.getAttribute('title')).resolves.toBe(full);
    const cut = await description
      .locator('.clamp')
      .evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
    expect(cut).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/popup-400x600.png` });
    // The column editor speaks in the page's headers and values, and fits too.
    await page.getByText('Which column is which').click();
    const amountChoice = page.getByRole('combobox', { name: /^Amount/ });
    await expect(amountChoice.locator('option:checked').textContent()).resolves.toMatch(
      /^Amount — 2,489\.77|^Amount — -?\$?[\d,]+\.\d\d/,
    );
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/popup-columns-400x600.png`, fullPage: true });
    await page.getByText('Which column is which').click();
    // Scrolled to the end of a long preview, Save is still in view.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectInView(page.getByRole('button', { name: 'Save', exact: true }), 'Save after scrolling');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved').waitFor();
  });

  it('lets the owner flip a sign convention the capture assumed, and keeps it for the site', async () => {
    let page = await captureInPopup('unsigned-amounts.html');
    const choice = page.getByTestId('sign-choice');
    await expect(choice.textContent()).resolves.toMatch(/assumed/);
    const amounts = () => page.locator('.preview-table tbody td.num').allTextContents();
    await expect(amounts()).resolves.toEqual(['42.18', '17.40', '15.99']);
    await page.screenshot({ path: `${SCREENSHOTS}/popup-sign-assumed-400x600.png` });
    await page.getByRole('button', { name: 'It is a card: purchases are money out' }).click();
    await expect.poll(amounts).toEqual(['-42.18', '-17.40', '-15.99']);
    await expect(choice.textContent()).resolves.toMatch(/Your choice for this site/);
    // The next capture of the site uses the choice without asking again.
    page = await captureInPopup('unsigned-amounts.html');
    await expect(amounts()).resolves.toEqual(['-42.18', '-17.40', '-15.99']);
    await expect(page.getByRole('button', { name: /It is a card/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
  });

  it('books each list of a page showing two accounts to its own account, and says so before Save', async () => {
    const page = await captureInPopup('two-accounts.html');
    await expect(page.getByTestId('preview-accounts').textContent()).resolves.toBe(
      '2 accounts: Operating Checking ••7310 (2 rows), Reserve Savings ••7321 (2 rows)',
    );
    await expectInView(page.getByTestId('preview-accounts'), 'the accounts line');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved').waitFor();
    const rows = (await readStore(page, 'transactions')) as Array<Stored & { account: string }>;
    expect(
      rows
        .filter((r) => /^(Operating Checking|Reserve Savings) /.test(r.account))
        .map((r) => `${r.account}: ${r.description}`)
        .sort(),
    ).toEqual([
      'Operating Checking ••7310: ACH DEBIT GUSTO PAYROLL',
      'Operating Checking ••7310: MOBILE DEPOSIT',
      'Reserve Savings ••7321: INTEREST PAID',
      'Reserve Savings ••7321: TRANSFER FROM CHECKING',
    ]);
  });

  it('shows the dashboard in the owner’s words, with unverified captures listed', async () => {
    const dashboard = await openExtensionPage(launched, 'dashboard.html');
    await dashboard.setViewportSize({ width: 1280, height: 800 });
    await dashboard.locator('table.transactions').waitFor();
    await dashboard.locator('#chart-heading').waitFor();
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-1280x800.png` });
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-1280-full.png`, fullPage: true });
    const text = (await dashboard.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\(generic\)|\bgeneric\b|\bunknown\b|payout-deposit|preview\b/);
    const unverified = dashboard.getByRole('link', { name: /1 unverified capture/ });
    await unverified.click();
    await expect(
      dashboard.locator('section[aria-labelledby="history-heading"] tr.unverified').count(),
    ).resolves.toBe(1);
  });
});
