import { parseHTML } from 'linkedom';
import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { capturePage } from '../../core/capture/capturePage';
import type { ImportOutcome } from '../../core/formats/importTypes';
import { problem } from '../../core/model/problem';

export const isPageFile = (name: string): boolean => /\.html?$/i.test(name);

/**
 * The address a saved page came from: browsers write `<!-- saved from url=(0042)https://… -->`;
 * many portals carry a canonical link. Undefined when the page does not say.
 */
export function savedFromUrl(html: string): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  if (saved) return saved[1];
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html);
  return canonical?.[1];
}

/**
 * A saved portal page read as if captured at its address (`url`, else the one the page names),
 * in the shape importFile returns, so `reconcile` takes pages and files alike.
 */
export function capturePageFile(
  file: { name: string; bytes: Uint8Array },
  options: { url?: string; asOf?: string; capturedAt?: string },
): ImportOutcome {
  const html = new TextDecoder().decode(file.bytes);
  const url = options.url ?? savedFromUrl(html);
  if (!url) {
    return {
      ok: false,
      problems: [
        problem('missing_url', 'a saved page needs the address it was saved from: pass --url', {
          file: file.name,
        }),
      ],
    };
  }
  const { document } = parseHTML(html);
  const result = capturePage(document as unknown as Document, {
    url,
    profiles: BUILTIN_PROFILES,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.capturedAt ? { capturedAt: options.capturedAt } : {}),
  });
  if (result.transactions.length === 0) {
    return {
      ok: false,
      problems: [
        problem(
          'no_transactions',
          `no transactions found on the page: ${result.diagnostics.noTransactionsReason ?? 'unknown reason'}`,
          {
            file: file.name,
          },
        ),
      ],
    };
  }
  return {
    ok: true,
    format: 'page',
    transactions: result.transactions,
    balances: [],
    accounts: [],
    // Rows that looked like transactions but could not be read are said, with their row.
    warnings: result.diagnostics.skipped
      .filter((k) => !k.notTransaction)
      .map((k) =>
        problem('row_skipped', `row skipped: ${k.reason} (${JSON.stringify(k.text.slice(0, 60))})`, {
          file: file.name,
          row: k.row,
        }),
      ),
  };
}
