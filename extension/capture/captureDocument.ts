import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { capturePage } from '../../core/capture/capturePage';
import type { Transaction } from '../../core/model/transaction';

export type CaptureOptions = { url: string; asOf?: string; mapping?: Record<string, string> };

/** What one page gives the background: transactions plus what the preview shows about how they were read. */
export type PageCapture = {
  transactions: Transaction[];
  /** Transaction field → the page's column header, as the extractor chose it. */
  mapping: Record<string, string>;
  /** Column headers found, for correcting the mapping. */
  headers: string[];
  /** Drift of a portal profile, rows skipped and why, notes on how the page was read. */
  warnings: string[];
  /** Set when nothing was read, saying why. */
  emptyReason?: string;
  /** Cells as the page showed them, per 1-based row: rows read as transactions and rows skipped. */
  rows: Array<{ row: number; cells: string[] }>;
};

/** The one place the extension calls the capture engine; runs inside the portal's tab. */
export function captureDocument(root: Document | Element, options: CaptureOptions): PageCapture {
  const { transactions, diagnostics: d } = capturePage(root, { ...options, profiles: BUILTIN_PROFILES });
  return {
    transactions,
    mapping: d.mapping as Record<string, string>,
    headers: [...new Set(d.groups.flatMap((g) => g.columns))],
    warnings: [...d.drift, ...d.notes, ...d.skipped.map((s) => `row ${s.row} skipped: ${s.reason}`)],
    ...(d.noTransactionsReason ? { emptyReason: d.noTransactionsReason } : {}),
    rows: [...d.rawRows, ...d.skipped.map((s) => ({ row: s.row, cells: [s.text] }))].sort(
      (a, b) => a.row - b.row,
    ),
  };
}
