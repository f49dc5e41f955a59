import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { type CaptureResult, capturePage } from '../../../core/capture/capturePage';
import type { TransactionJson } from '../../../core/model/transactionJson';

export const PORTALS = fileURLToPath(new URL('../../fixtures/portals/', import.meta.url));

export type FixturePage = {
  name: string;
  html: string;
  url: string;
  asOf: string;
  capturedAt: string;
  transactions: TransactionJson[];
};

/** Every portal page with the transactions expected from it (`NAME.html` + `NAME.expected.json`). */
export function fixturePages(): FixturePage[] {
  return readdirSync(PORTALS)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace('.expected.json', '');
      const expected = JSON.parse(readFileSync(join(PORTALS, f), 'utf8'));
      return { name, html: readFileSync(join(PORTALS, `${name}.html`), 'utf8'), ...expected };
    });
}

export function loadDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A page written in a test, captured as at `url` on 2026-12-05 (the date the tests' pages are read against). */
export function captureHtml(html: string, url = 'https://bank.example.com/activity'): CaptureResult {
  return capturePage(loadDocument(html), {
    url,
    asOf: '2026-12-05',
    capturedAt: '2026-12-05T00:00:00.000Z',
  });
}
