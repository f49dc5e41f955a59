import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { CURRENCY_ASSUMED } from '../../core/capture/captureDiagnostics';
import { capturePage } from '../../core/capture/capturePage';
import type { ImportOutcome } from '../../core/formats/importTypes';
import { problem } from '../../core/model/problem';
import { readSavedPage } from '../pages/readSavedPage';
import { parseSavedPage } from '../parseSavedPage';

/**
 * A saved portal page read as if captured at its address (`url`, else the one the page names),
 * in the shape importFile returns, so `reconcile` takes pages and files alike.
 */
export function capturePageFile(
  file: { name: string; bytes: Uint8Array },
  options: { url?: string; asOf?: string; capturedAt?: string; currency?: string },
): ImportOutcome {
  const read = readSavedPage(file.bytes);
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, file: file.name })) };
  const page = read.value;
  const url = options.url ?? page.url;
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
  const result = capturePage(parseSavedPage(page.html), {
    url,
    profiles: BUILTIN_PROFILES,
    ...(options.asOf ? { asOf: options.asOf } : page.savedOn ? { asOf: page.savedOn } : {}),
    ...(options.capturedAt ? { capturedAt: options.capturedAt } : {}),
    ...(options.currency ? { defaultCurrency: options.currency } : {}),
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
    warnings: [
      ...page.notes.map((note) => problem('page_encoding', note, { file: file.name })),
      ...result.diagnostics.notes
        .filter((note) => note.startsWith(CURRENCY_ASSUMED))
        .map((note) => problem('currency_assumed', `${note} (pass --currency)`, { file: file.name })),
      ...result.diagnostics.skipped
        .filter((k) => !k.notTransaction)
        .map((k) =>
          problem('row_skipped', `row skipped: ${k.reason} (${JSON.stringify(k.text.slice(0, 60))})`, {
            file: file.name,
            row: k.row,
          }),
        ),
    ],
  };
}
