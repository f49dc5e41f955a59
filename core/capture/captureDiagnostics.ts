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

/**
 * How the page's signs were read. `as-shown`: a minus on the page is money out. `card-flipped`: a
 * card page shows purchases positive; they were stored negative (payments and refunds positive), as
 * the card's own OFX/CSV files show them. `payouts-flipped`: a processor's payout list shows payouts
 * positive; they leave the processor balance, so they were stored negative.
 */
export const SIGN_CONVENTIONS = ['as-shown', 'card-flipped', 'payouts-flipped'] as const;
export type SignConvention = (typeof SIGN_CONVENTIONS)[number];

/** The convention and what decided it: a cue on the page (its text), a profile, the owner, or nothing. */
export type SignDecision = {
  convention: SignConvention;
  /** The page text that decided ("Statement balance"), `profile <id>`, `forced` (the owner's saved
   * choice for this site), or `assumed` when nothing on the page decided. */
  decidedBy: string;
};

/**
 * A self-check of the capture against what the page itself states: a running balance
 * (balance(prev) + amount = balance), a count ("Showing 1–25 of 25"), a total ("Total debits").
 */
export type SelfCheck = {
  kind: 'running-balance' | 'count' | 'total';
  ok: boolean;
  /** In words, with the figures: "Total debits $1,234.50 on the page, $1,230.00 in the rows read". */
  message: string;
  /** Page row numbers (as in `origin.row` and `skipped[].row`) that break the check. */
  rows: number[];
  /** A count that says the list goes on past what the page shows: the note saying so ("partial: …"). */
  partial?: string;
};

/** Two regions listing the same rows (a desktop table and its mobile card list): one was kept. */
export type DuplicateRegion = {
  /** Index into `groups` of the region kept, and of the one dropped. */
  kept: number;
  dropped: number;
  /** Rows of the dropped region (they are also in `skipped`, with the row they repeat). */
  rows: number;
  message: string;
};

/** What the extension shows the owner next to a capture, and what `--explain` prints. */
export type CaptureDiagnostics = {
  path: 'profile' | 'generic';
  profile?: { id: string; name: string };
  /** The mapping of the group with the most transactions: correct it and pass it back as `mapping`. */
  mapping: ColumnMapping;
  groups: CapturedGroup[];
  /** Rows left out, each with its reason (totals, failed payments, rows repeating another region). */
  skipped: SkippedRow[];
  duplicateRegions: DuplicateRegion[];
  signConvention: SignDecision;
  checks: SelfCheck[];
  /** False when a self-check failed: the capture must be shown and stored as unverified. */
  verified: boolean;
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

/** The note a capture carries when nothing on the page or about it names the currency. */
export const CURRENCY_ASSUMED = 'no currency is shown on the page or named by its language or address';

/** Notes saying how signs were read; the popup says the same in its sign line, so lists them once. */
export const SIGN_NOTES = {
  'card-flipped': 'card activity: charges shown positive were read as money out',
  'payouts-flipped': 'a list of payouts: payouts shown positive were read as money leaving the balance',
} as const;

/** The note a capture carries when its dates read either way and nothing about the page says which. */
export const DATE_ORDER_ASSUMED =
  'assumed: every date reads month first or day first and nothing on the page or its address decides';
