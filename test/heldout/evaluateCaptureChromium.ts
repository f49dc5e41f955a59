/**
 * The held-out pages in real Chromium, as the extension's content script captures them: layout
 * decides what a person sees (zero-height header clones, off-screen copies), scored like
 * evaluateCapture.ts.
 *
 *   npx tsx test/heldout/evaluateCaptureChromium.ts [--dir test/fixtures/portals-generality]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchCaptureBrowser } from '../core/capture/launchCaptureBrowser';
import {
  CAPTURED_AT,
  cliRow,
  type Evaluation,
  failedPage,
  formatEvaluation,
  HELDOUT_DIR,
  heldoutPages,
  type Page,
  type PageResult,
  scoreCapture,
  summarize,
} from './evaluateCapture';

type Wire = Parameters<typeof cliRow>[0];

async function evaluateInChromium(browser: Browser, bundle: string, page: Page): Promise<PageResult> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(pathToFileURL(page.file).href);
    await tab.addScriptTag({ content: bundle });
    // A string: the test runner's transforms would wrap a function in helpers the page lacks.
    const script = `(() => {
      const lb = globalThis.ledgerbridgeCapture;
      const r = lb.capturePage(document, { url: ${JSON.stringify(page.url)}, asOf: ${JSON.stringify(page.asOf)}, capturedAt: ${JSON.stringify(CAPTURED_AT)}, profiles: lb.BUILTIN_PROFILES });
      return { rows: r.transactions.map(lb.toTransactionJson), verified: r.diagnostics.verified, path: r.diagnostics.path, notes: r.diagnostics.notes };
    })()`;
    const got = (await tab.evaluate(script)) as {
      rows: Wire[];
      verified: boolean;
      path: string;
      notes: string[];
    };
    return scoreCapture(page, got.rows.map(cliRow), !got.verified, `${got.path} (Chromium)`, got.notes);
  } catch (error) {
    return failedPage(page, error);
  } finally {
    await tab.close();
  }
}

export async function evaluateHeldoutInChromium(dir = HELDOUT_DIR): Promise<Evaluation> {
  const { browser, bundle } = await launchCaptureBrowser();
  try {
    const results: PageResult[] = [];
    for (const page of heldoutPages(dir)) results.push(await evaluateInChromium(browser, bundle, page));
    return summarize(results);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : HELDOUT_DIR;
  console.log(formatEvaluation(await evaluateHeldoutInChromium(dir)));
}
