import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, PORTALS } from './fixturePages';
import { launchCaptureBrowser } from './launchCaptureBrowser';

/**
 * The same capture code in a real browser: Chromium parses the saved pages itself, so declarative
 * shadow roots become live `shadowRoot`s, and layout, CSS and the browser's own DOM apply.
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  ({ browser, bundle } = await launchCaptureBrowser());
});

afterAll(async () => {
  await browser?.close();
});

describe('capturePage in Chromium', () => {
  for (const p of fixturePages()) {
    it(`reads ${p.name} as it does under linkedom`, async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(PORTALS, `${p.name}.html`)).href);
      await page.addScriptTag({ content: bundle });
      const captured = await page.evaluate(
        ({ url, asOf, capturedAt }) => {
          const lb = (globalThis as unknown as { ledgerbridgeCapture: typeof import('./browserBundle') })
            .ledgerbridgeCapture;
          const result = lb.capturePage(document, { url, asOf, capturedAt, profiles: lb.BUILTIN_PROFILES });
          return {
            transactions: result.transactions.map(lb.toTransactionJson),
            liveShadowRoots: Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).length,
          };
        },
        { url: p.url, asOf: p.asOf, capturedAt: p.capturedAt },
      );
      await page.close();
      expect(captured.transactions).toEqual(p.transactions);
      if (p.html.includes('shadowrootmode')) expect(captured.liveShadowRoots).toBeGreaterThan(0);
    });
  }
});
