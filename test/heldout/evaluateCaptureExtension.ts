/**
 * The held-out pages through the built extension in Chromium, as an owner captures them: each page
 * is served from 127.0.0.1 (so no portal profile matches by address: the generic reading is what
 * is judged), the popup's `capture` request reads it, `saveCapture` stores it, and the lines stored
 * in IndexedDB are scored like evaluateCapture.ts.
 *
 *   npx tsx test/heldout/evaluateCaptureExtension.ts [--dir test/fixtures/portals-generality]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page as Tab } from 'playwright-core';
import type { Transaction } from '../../core/model/transaction';
import { toTransactionJson } from '../../core/model/transactionJson';
import { buildExtensionForE2e } from '../e2e/buildExtension';
import {
  askBackground,
  type Launched,
  launchExtension,
  newUserDataDir,
  openExtensionPage,
  readStore,
  tabIdOf,
} from '../e2e/launchExtension';
import { serveFixtures } from '../e2e/serveFixtures';
import {
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

type Reply = {
  ok: boolean;
  value?: { captureId?: string; verification?: string; warnings?: string[] };
  problems?: unknown;
};

const ask = (ext: Tab, message: unknown) => askBackground<Reply>(ext, message);

async function evaluateThroughExtension(
  launched: Launched,
  ext: Tab,
  portal: Tab,
  origin: string,
  page: Page,
): Promise<PageResult> {
  try {
    await portal.goto(`${origin}/${page.name}.html`);
    const tabId = await tabIdOf(launched, portal);
    const preview = await ask(ext, { type: 'capture', tabId, asOf: page.asOf });
    if (!preview.ok || !preview.value?.captureId) {
      return scoreCapture(page, [], false, `extension: ${JSON.stringify(preview.problems ?? preview.value)}`);
    }
    const { captureId, verification, warnings } = preview.value;
    const saved = await ask(ext, { type: 'saveCapture', captureId });
    if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved.problems)}`);
    const stored = (await readStore(ext, 'transactions')) as unknown as Array<
      Transaction & { captureId: string }
    >;
    const rows = stored
      .filter((t) => t.captureId === captureId)
      .sort((a, b) => (a.origin.row ?? 0) - (b.origin.row ?? 0))
      .map((t) => cliRow(toTransactionJson(t)));
    return scoreCapture(page, rows, verification === 'unverified', 'extension', warnings ?? []);
  } catch (error) {
    return failedPage(page, error);
  }
}

export async function evaluateHeldoutThroughExtension(dir = HELDOUT_DIR): Promise<Evaluation> {
  buildExtensionForE2e();
  const server = await serveFixtures(dir);
  const launched = await launchExtension(await newUserDataDir());
  try {
    const portal = await launched.context.newPage();
    const ext = await openExtensionPage(launched, 'popup.html');
    const results: PageResult[] = [];
    for (const page of heldoutPages(dir))
      results.push(await evaluateThroughExtension(launched, ext, portal, server.origin, page));
    return summarize(results);
  } finally {
    await launched.context.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : HELDOUT_DIR;
  console.log(formatEvaluation(await evaluateHeldoutThroughExtension(dir)));
}
