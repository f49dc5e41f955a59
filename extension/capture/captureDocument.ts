import type { Transaction } from '../../core/model/transaction';
import { capturePage } from './interimCapturePage';

export type CaptureOptions = { url: string; asOf?: string; mapping?: Record<string, string> };

/** What one page gives the background: transactions plus what the preview shows about how they were read. */
export type PageCapture = {
  transactions: Transaction[];
  /** Transaction field → the page's column header, as the extractor chose it. */
  mapping: Record<string, string>;
  /** Column headers found, for correcting the mapping. */
  headers: string[];
  warnings: string[];
  /** Cells as the page showed them, per 1-based row. */
  rows: Array<{ row: number; cells: string[] }>;
};

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The one place the extension calls the capture engine; runs inside the portal's tab. */
export function captureDocument(root: Document | Element, options: CaptureOptions): PageCapture {
  const { transactions, diagnostics } = capturePage(root, options);
  const d = (diagnostics ?? {}) as Record<string, unknown>;
  return {
    transactions,
    mapping: (d.mapping as Record<string, string> | undefined) ?? {},
    headers: strings(d.headers),
    warnings: strings(d.warnings),
    rows: Array.isArray(d.rows) ? (d.rows as PageCapture['rows']) : [],
  };
}
