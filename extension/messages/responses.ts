import type { SelfCheck, SignDecision } from '../../core/capture/captureDiagnostics';
import type { Alert, InvoiceStatus } from '../../core/model/invoice';
import type { Discrepancy, Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { TransactionJson } from '../../core/model/transactionJson';
import type { ColumnInfo } from '../capture/captureDocument';
import type { CaptureRecord, SendRecord, Verification } from '../db/schema';

export type RowChange = 'new' | 'changed' | 'unchanged';

/** What a capture read, before anything is stored. */
export type CapturePreview = {
  /** Absent when nothing was found: there is nothing to save. */
  captureId?: string;
  source: string;
  capturedAt: string;
  pages: number;
  found: number;
  new: number;
  alreadyCaptured: number;
  /** Stored lines this capture changes, e.g. a pending line its posted line replaces. */
  changed: number;
  mapping: Record<string, string>;
  headers: string[];
  /** The columns as the owner knows them: header text (or "Column 3") and first values. */
  columns: ColumnInfo[];
  warnings: string[];
  /** Rows left out, one line per reason ("12 rows skipped: a hidden duplicate of the table above"). */
  skipped: string[];
  /** The page's own figures checked against the rows read; a failed one makes the capture unverified. */
  checks: SelfCheck[];
  verification: Verification;
  /** How the signs were read and what decided it (`assumed`: nothing on the page did; the owner may flip it). */
  signConvention: SignDecision;
  /** The currency the owner chose for this site's amounts that show none. */
  siteCurrency?: string;
  /** Set when there is something the owner should read first, e.g. no transactions on the page. */
  message?: string;
  /** The accounts the rows go to, in the owner's words, with how many rows each (a page may list several). */
  accounts?: Array<{ name: string; rows: number }>;
  /**
   * The first rows (and every row a failed check points at), each marked with what saving would do
   * to it; `broken` when a failed check points at it.
   */
  rows: Array<{ change: RowChange; transaction: TransactionJson; broken?: boolean }>;
};

/** An invoice list dropped on the dashboard: stored at once (by number), its skipped rows said. */
export type InvoicesImported = {
  kind: 'invoices';
  file: string;
  /** The invoicing tool it came from, when recognized. */
  system?: string;
  invoices: number;
  added: number;
  updated: number;
  /** Rows left out, each with file, line and field. */
  skipped: Problem[];
};

/** A dropped bank file whose account nothing decides: nothing is stored until the owner names it. */
export type AccountQuestion = {
  kind: 'account';
  file: string;
  /** Accounts already stored, to pick from (or a new name is typed). */
  accounts: string[];
  reason: string;
};

/** One invoice where it stands today, for the dashboard's Invoices list. */
export type InvoiceRow = {
  number: string;
  customer: string;
  issued: string;
  due: string;
  currency: string;
  amountMinor: number;
  paidMinor: number;
  /** Negative when over-paid. */
  remainingMinor: number;
  status: InvoiceStatus;
  daysOverdue: number;
  settled?: string;
  /** Short- and over-payments to look at. */
  flags: string[];
};

/** The one list of alerts (core/alerts) and the invoices' standings, as of a day. */
export type AlertsView = {
  asOf: string;
  alerts: Alert[];
  invoices: InvoiceRow[];
  /** Days each account may go quiet, as set (accounts not listed: 7). */
  rhythmDays: Record<string, number>;
};

export type SaveResult = { captureId: string; added: number; changed: number; unchanged: number };

export type QueryResult = {
  transactions: TransactionJson[];
  total: number;
  /** Id → why, for the lines shown that an unverified capture wrote. */
  unverified: Record<string, string>;
};

export type AccountSummary = {
  institution: string;
  account: string;
  currency: string;
  count: number;
  /** Sum of the stored lines, in minor units: what the account moved over the captured period. */
  netMinor: number;
  /** The latest running balance the portal showed, if any. */
  balance?: { date: string; minor: number };
};
export type MonthSummary = { month: string; currency: string; inflowMinor: number; outflowMinor: number };
export type Summary = { accounts: AccountSummary[]; months: MonthSummary[] };

export type SendBatchReport = {
  batchId: string;
  count: number;
  state: SendRecord['state'];
  attempts: number;
  added?: number;
  updated?: number;
  skipped?: number;
  errors: Problem[];
  error?: string;
};
export type SendReport = { batches: SendBatchReport[]; message?: string };

export type MatchesResult = {
  matches: Array<{ match: Match; members: Array<{ role: string; transaction: TransactionJson }> }>;
  unmatched: number;
  discrepancies: number;
  /** Each discrepancy with the lines it is about, to explain the count. */
  discrepancyList: Array<{ discrepancy: Discrepancy; transactions: TransactionJson[] }>;
};

/** The answer's value for each request type. */
export type Responses = {
  capture: CapturePreview;
  stopCapture: { stopping: boolean };
  pendingCapture: CapturePreview | null;
  saveCapture: SaveResult;
  discardCapture: { discarded: true };
  query: QueryResult;
  updateTransaction: TransactionJson;
  summary: Summary;
  captures: Array<Omit<CaptureRecord, 'incoming' | 'diagnostics'> & { checks: SelfCheck[] }>;
  matches: MatchesResult;
  decideMatch: Match;
  rules: { rows: string[][] };
  saveRules: { rules: number; changed: number };
  importFile: CapturePreview | InvoicesImported | AccountQuestion;
  alerts: AlertsView;
  send: SendReport;
  sends: SendRecord[];
};
