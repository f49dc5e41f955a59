import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURED_AT, CLASS_PAGES, classPages, project } from './classPages';
import { launchCaptureBrowser } from './launchCaptureBrowser';

/**
 * The failure-class pages in Chromium: layout decides what a person sees (checkVisibility), the
 * page's own styles apply for real, and the capture must come out as it does from the saved file.
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  ({ browser, bundle } = await launchCaptureBrowser());
});

afterAll(async () => {
  await browser?.close();
});

type Captured = {
  transactions: Array<Record<string, unknown>>;
  verified: boolean;
  duplicateRegions: number;
  sign: string;
  failing: number[];
};

async function captureInChromium(file: string, url: string, asOf: string, extraCss = ''): Promise<Captured> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(file).href);
  if (extraCss) await page.addStyleTag({ content: extraCss });
  await page.addScriptTag({ content: bundle });
  // A string: the test runner's transforms would wrap a function in helpers the page lacks.
  const script = `(() => {
    const lb = globalThis.ledgerbridgeCapture;
    const r = lb.capturePage(document, { url: ${JSON.stringify(url)}, asOf: ${JSON.stringify(asOf)}, capturedAt: ${JSON.stringify(CAPTURED_AT)}, profiles: lb.BUILTIN_PROFILES });
    return {
      transactions: r.transactions.map(lb.toTransactionJson),
      verified: r.diagnostics.verified,
      duplicateRegions: r.diagnostics.duplicateRegions.length,
      sign: r.diagnostics.signConvention.convention,
      failing: r.diagnostics.checks.filter((c) => !c.ok).flatMap((c) => c.rows),
    };
  })()`;
  const captured = (await page.evaluate(script)) as Captured;
  await page.close();
  return captured;
}

describe('capture on the failure-class pages in Chromium', () => {
  for (const p of classPages()) {
    it(`reads ${p.name} as a person sees it`, async () => {
      const got = await captureInChromium(join(CLASS_PAGES, `${p.name}.html`), p.url, p.asOf);
      expect(got.transactions.map((t, i) => (p.rows[i] ? project(t, p.rows[i]) : t))).toEqual(p.rows);
      expect(got.verified).toBe(p.diagnostics.verified);
      expect(got.sign).toBe(p.diagnostics.signConvention);
      if (p.diagnostics.failingRows) expect(got.failing).toEqual(p.diagnostics.failingRows);
    });
  }

  it('leaves out what the page hides only by its stylesheet: off-screen, visibility, zero size', async () => {
    const p = classPages().find((x) => x.name === 'mobile-copy-external-css')!;
    for (const css of [
      '.MobileOnly { display: none }',
      '.MobileOnly { visibility: hidden }',
      '@media (min-width: 768px) { .MobileOnly { display: none } }',
      '.MobileOnly { position: absolute; left: -10000px; width: 320px }',
      '.MobileOnly { height: 0; overflow: hidden }',
    ]) {
      const got = await captureInChromium(join(CLASS_PAGES, `${p.name}.html`), p.url, p.asOf, css);
      expect(got.transactions.map((t, i) => project(t, p.rows[i]!))).toEqual(p.rows);
      // Nothing was doubled: the hidden copy was never read, so there was no copy to drop.
      expect(got.duplicateRegions).toBe(0);
    }
  });

  it('reads a transparent list (a fade-in whose script has not run) and drops a transparent copy as a duplicate', async () => {
    const p = classPages().find((x) => x.name === 'mobile-copy-external-css')!;
    const copy = await captureInChromium(
      join(CLASS_PAGES, `${p.name}.html`),
      p.url,
      p.asOf,
      '.MobileOnly { opacity: 0 }',
    );
    expect(copy.transactions.map((t, i) => project(t, p.rows[i]!))).toEqual(p.rows);
    expect(copy.duplicateRegions).toBe(1);
    const faded = await captureInChromium(
      join(CLASS_PAGES, `${p.name}.html`),
      p.url,
      p.asOf,
      'body { opacity: 0 } .MobileOnly { display: none }',
    );
    expect(faded.transactions.map((t, i) => project(t, p.rows[i]!))).toEqual(p.rows);
  });
});
