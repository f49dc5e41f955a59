import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Pages written for the failure classes of issue 10 (hidden copies, grouped lists, card signs,
 * processor pages, summaries, pending marks, self-checks), in styles unlike test/fixtures/portals.
 * Each row lists every field it is checked on; `diagnostics` says what the capture must report.
 */
export const CLASS_PAGES = fileURLToPath(new URL('../../fixtures/portals-classes/', import.meta.url));

export type ClassRow = Record<string, string | undefined> & {
  date: string;
  description: string;
  amount: string;
  currency: string;
  status: string;
  kind: string;
};

export type ClassPage = {
  name: string;
  html: string;
  url: string;
  asOf: string;
  rows: ClassRow[];
  diagnostics: {
    verified: boolean;
    duplicateRegions: number;
    signConvention: string;
    /** Page rows that break a self-check, when one fails. */
    failingRows?: number[];
    account?: string;
  };
};

export const CAPTURED_AT = '2026-11-23T12:00:00.000Z';

export function classPages(): ClassPage[] {
  return readdirSync(CLASS_PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      const meta = JSON.parse(readFileSync(join(CLASS_PAGES, `${name}.meta.json`), 'utf8'));
      const rows = JSON.parse(readFileSync(join(CLASS_PAGES, `${name}.expected.json`), 'utf8'));
      return { name, html: readFileSync(join(CLASS_PAGES, f), 'utf8'), ...meta, rows };
    });
}

/** The captured transaction (wire JSON) cut to the fields the expected row checks. */
export function project(t: Record<string, unknown>, expected: ClassRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected)) out[k] = t[k];
  return out;
}
