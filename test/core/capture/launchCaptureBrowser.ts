import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';

const ENTRY = fileURLToPath(new URL('./browserBundle.ts', import.meta.url));

/**
 * Chromium with the capture code bundled for a page (`window.ledgerbridgeCapture`, see
 * browserBundle.ts), for the tests that run capture on saved pages in a real browser.
 */
export async function launchCaptureBrowser(): Promise<{ browser: Browser; bundle: string }> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'ledgerbridgeCapture',
    write: false,
    platform: 'browser',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  return { browser, bundle: out.outputFiles[0]!.text };
}
