import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import type { SelfCheck, SignConvention, SignDecision } from '../../core/capture/captureDiagnostics';
import { captureDrafts } from '../../core/capture/capturePage';
import type { RowDraft, RowsShare } from '../../core/capture/completeCapture';
import type { Transaction } from '../../core/model/transaction';
import { skippedSummary } from './skippedSummary';

export type CaptureOptions = {
  url: string;
  asOf?: string;
  mapping?: Record<string, string>;
  /** The owner's choice for this site, when the page did not decide how its signs read. */
  signConvention?: SignConvention;
  /** The owner's choice for this site: amounts the page shows without a currency are in it. */
  currency?: string;
};

/** What one page gives the background: transactions plus what the preview shows about how they were read. */
export type PageCapture = {
  transactions: Transaction[];
  /** Transaction field → the page's column header, as the extractor chose it. */
  mapping: Record<string, string>;
  /** Column headers found, for correcting the mapping. */
  headers: string[];
  /** The columns of the main list as the owner knows them: header text (or position) and first values. */
  columns: ColumnInfo[];
  /** Drift of a portal profile and notes on how the page was read. */
  warnings: string[];
  /** Rows left out, one line per reason: "12 rows skipped: a hidden copy of the table above". */
  skipped: string[];
  /** The page's own figures checked against the rows read (running balance, count, totals). */
  checks: SelfCheck[];
  /** False when a check failed: the capture is shown and stored as unverified. */
  verified: boolean;
  /** How the signs were read, and what decided it (`assumed` when nothing on the page did). */
  signConvention: SignDecision;
  /** Set when nothing was read, saying why. */
  emptyReason?: string;
  /** Cells as the page showed them, per 1-based row: rows read as transactions and rows skipped. */
  rows: Array<{ row: number; cells: string[] }>;
};

/**
 * The page as the content script sends it: its rows without ids, and what they all share said
 * once. The background completes them (completeCapture, in readInjectedResult): hashing each row
 * in the injected script cost a tenth of a capture there, and ids and the shared fields on every
 * row lengthened the answer it sends.
 */
export type PageAnswer = Omit<PageCapture, 'transactions'> & { drafts: RowDraft[]; share: RowsShare };

/** `key` is what a mapping names; `label` is the header text, or "Column 3" where the page shows none. */
export type ColumnInfo = { key: string; label: string; samples: string[] };

const SAMPLES = 3;
/** Keys the engine makes up where a column has no header: a CSS class or a position, never shown. */
const MADE_UP_KEY = /^[.#]/;

function describeColumns(
  columns: readonly string[],
  rawRows: ReadonlyArray<{ cells: string[] }>,
): ColumnInfo[] {
  // Only rows with one cell per column line up with the columns by position; the first 20 are enough.
  const aligned: Array<{ cells: string[] }> = [];
  for (const r of rawRows) {
    if (aligned.length === 20) break;
    if (r.cells.length === columns.length) aligned.push(r);
  }
  return columns.map((key, i) => ({
    key,
    label: MADE_UP_KEY.test(key) ? `Column ${i + 1}` : key,
    samples: [...new Set(aligned.map((r) => r.cells[i]?.trim() ?? '').filter((v) => v !== ''))].slice(
      0,
      SAMPLES,
    ),
  }));
}

/** The one place the extension calls the capture engine; runs inside the portal's tab. */
export function captureDocument(root: Document | Element, options: CaptureOptions): PageAnswer {
  const { currency, ...rest } = options;
  const {
    drafts,
    share,
    diagnostics: d,
  } = captureDrafts(root, {
    ...rest,
    profiles: BUILTIN_PROFILES,
    ...(currency ? { defaultCurrency: currency } : {}),
  });
  const headers = [...new Set(d.groups.flatMap((g) => g.columns))];
  const main = [...d.groups].sort((a, b) => b.captured - a.captured)[0];
  return {
    drafts,
    share,
    mapping: d.mapping as Record<string, string>,
    headers,
    columns: main ? describeColumns(main.columns, d.rawRows) : [],
    warnings: [...d.drift, ...d.notes],
    skipped: skippedSummary(d.skipped, d.duplicateRegions, d.groups),
    checks: d.checks,
    verified: d.verified,
    signConvention: d.signConvention,
    ...(d.noTransactionsReason ? { emptyReason: d.noTransactionsReason } : {}),
    rows: [...d.rawRows, ...d.skipped.map((s) => ({ row: s.row, cells: [s.text] }))].sort(
      (a, b) => a.row - b.row,
    ),
  };
}
