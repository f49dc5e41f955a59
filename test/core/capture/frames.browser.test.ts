import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCaptureBrowser } from './launchCaptureBrowser';

/** Portals that show the activity inside a frame of their own (older online banking). */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  ({ browser, bundle } = await launchCaptureBrowser());
});

afterAll(async () => {
  await browser?.close();
});

const ACTIVITY = `<html><body><h2>Account activity</h2><table>
<thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead>
<tbody><tr><td>03/02/2026</td><td>SQ *BLUE BOTTLE COF</td><td>-$4.50</td></tr>
<tr><td>03/03/2026</td><td>STRIPE TRANSFER</td><td>$1,234.56</td></tr></tbody></table></body></html>`;

async function capture(page: Page) {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(() => {
    const lb = (globalThis as unknown as { ledgerbridgeCapture: typeof import('./browserBundle') })
      .ledgerbridgeCapture;
    const result = lb.capturePage(document, {
      url: 'https://bank.example/activity',
      asOf: '2026-03-31',
      capturedAt: '2026-03-31T12:00:00Z',
      profiles: lb.BUILTIN_PROFILES,
    });
    return result.transactions.map((t) => [t.date, t.description, lb.toTransactionJson(t).amount]);
  });
}

describe('capture of a page whose activity is in a frame', () => {
  it('reads the rows of a same-origin frame as the owner sees them', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<html><body><header>Online Banking</header><iframe style="width:800px;height:400px" srcdoc="${ACTIVITY.replaceAll('"', '&quot;')}"></iframe></body></html>`,
    );
    await page.waitForFunction(() =>
      document.querySelector('iframe')?.contentDocument?.querySelector('tbody'),
    );
    expect(await capture(page)).toEqual([
      ['2026-03-02', 'SQ *BLUE BOTTLE COF', '-4.50'],
      ['2026-03-03', 'STRIPE TRANSFER', '1234.56'],
    ]);
    await page.close();
  });

  it('does not read a frame the page hides', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<html><body>${ACTIVITY.replace('<html><body>', '').replace('</body></html>', '')}<iframe style="display:none" srcdoc="${ACTIVITY.replaceAll('"', '&quot;')}"></iframe></body></html>`,
    );
    await page.waitForFunction(() =>
      document.querySelector('iframe')?.contentDocument?.querySelector('tbody'),
    );
    expect(await capture(page)).toHaveLength(2);
    await page.close();
  });
});
