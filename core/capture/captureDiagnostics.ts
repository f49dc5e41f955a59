import type { DateOrder } from '../dates/parseDate';
import type { CaptureField, ColumnMapping } from '../model/profile';
import type { DecimalSeparator } from '../money/detectDecimalSeparator';
import type { MappingReason } from './chooseMapping';
import type { SkippedRow } from './readRows';

/** One table or list of rows that was read. */
export type CapturedGroup = {
  /** Rows found in it (header rows not counted) and transactions read from them. */
  rows: number;
  captured: number;
  /** Column keys seen, in page order: what a corrected mapping may name. */
  columns: string[];
  mapping: ColumnMapping;
  reasons: Partial<Record<CaptureField, MappingReason>>;
  dateOrder?: DateOrder;
  decimalSeparator?: DecimalSeparator;
  /** The section heading above the rows, when there is one. */
  section: string;
};

/** What the extension shows the owner next to a capture, and what `--explain` prints. */
export type CaptureDiagnostics = {
  path: 'profile' | 'generic';
  profile?: { id: string; name: string };
  /** The mapping of the group with the most transactions: correct it and pass it back as `mapping`. */
  mapping: ColumnMapping;
  groups: CapturedGroup[];
  skipped: SkippedRow[];
  /** The cells of every row read as a transaction, as the page showed them (kept with the capture). */
  rawRows: Array<{ row: number; cells: string[] }>;
  /** 0..1: how sure the capture is that it read the right rows the right way. */
  confidence: number;
  /** A profile that no longer fits the page, said in words. */
  drift: string[];
  notes: string[];
  /** Set exactly when no transactions came out, saying why. */
  noTransactionsReason?: string;
  asOf: string;
  currency: string;
  account: string;
  institution: string;
};
