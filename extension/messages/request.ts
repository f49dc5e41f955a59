import * as z from 'zod';
import { SIGN_CONVENTIONS } from '../../core/capture/captureDiagnostics';
import { CurrencyCode } from '../../core/model/currency';
import { IsoDate } from '../../core/model/isoDate';

/** Column mapping as the owner corrects it: transaction field → the page's column header. */
export const ColumnMapping = z.record(z.string(), z.string());

export const TransactionFilter = z.object({
  search: z.string().optional(),
  account: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  category: z.string().optional(),
  uncategorized: z.boolean().optional(),
  /** In no match (payout ↔ deposit, transfer, duplicate) after reconciling what is stored. */
  unmatched: z.boolean().optional(),
  /** Not yet sent to the spreadsheet (new or changed since it was sent). */
  unsent: z.boolean().optional(),
  /** Only lines written by a capture whose self-check failed. */
  unverified: z.boolean().optional(),
  /** Only the lines this capture or import last wrote (its new and changed lines). */
  captureId: z.string().optional(),
  /** Only these ids (a discrepancy's or a match's lines). */
  ids: z.array(z.string()).max(1000).optional(),
  /** Include pending lines a posted line has replaced. */
  includeSuperseded: z.boolean().optional(),
  limit: z.int().positive().max(10_000).optional(),
  offset: z.int().nonnegative().optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;

/**
 * Every message the background answers. Any extension page (or a test driving one) sends these
 * with `browser.runtime.sendMessage`; the answer is a `Reply` (see reply.ts). Documented in README.md.
 */
export const Request = z.discriminatedUnion('type', [
  /** Reads the page in tab `tabId` and returns a preview; nothing is stored until `saveCapture`. */
  z.object({
    type: z.literal('capture'),
    tabId: z.int(),
    /** Follow "next page" / "load more" up to `maxPages` pages. */
    allPages: z.boolean().optional(),
    maxPages: z.int().positive().max(200).optional(),
    /** Override the column mapping the extractor chose. */
    mapping: ColumnMapping.optional(),
    /** Keep `mapping` as this site's profile for later captures. */
    saveMapping: z.boolean().optional(),
    /** How the page's signs read, where the capture said it assumed one; saved for the site. */
    signConvention: z.enum(SIGN_CONVENTIONS).optional(),
    /** The currency of amounts the page shows without one, where the capture said it assumed one; saved for the site. */
    currency: CurrencyCode.optional(),
    asOf: IsoDate.optional(),
  }),
  /** Stops a running "capture all pages" after the current page. */
  z.object({ type: z.literal('stopCapture'), tabId: z.int() }),
  /** The latest unsaved preview for a tab (e.g. made by the keyboard shortcut). */
  z.object({ type: z.literal('pendingCapture'), tabId: z.int() }),
  z.object({ type: z.literal('saveCapture'), captureId: z.string() }),
  z.object({ type: z.literal('discardCapture'), captureId: z.string() }),
  /** Stored transactions, newest first, as wire TransactionJson. */
  z.object({ type: z.literal('query'), filter: TransactionFilter.optional() }),
  z.object({
    type: z.literal('updateTransaction'),
    id: z.string(),
    /** Empty string clears the field. */
    category: z.string().optional(),
    notes: z.string().optional(),
  }),
  /** Per-account balances and counts, and inflow/outflow per month. */
  z.object({ type: z.literal('summary') }),
  z.object({
    type: z.literal('captures'),
    limit: z.int().positive().max(1000).optional(),
    /** Only captures whose self-check failed. */
    unverified: z.boolean().optional(),
  }),
  /** Reconciles what is stored: matches to review (suggestions first), unmatched and discrepancy counts. */
  z.object({ type: z.literal('matches') }),
  z.object({
    type: z.literal('decideMatch'),
    matchId: z.string().min(1),
    state: z.enum(['confirmed', 'rejected']),
  }),
  /** The categorization rules as rows of the spreadsheet's Rules tab (header row first). */
  z.object({ type: z.literal('rules') }),
  /** Replaces the rules (same row format) and re-applies them to every stored transaction. */
  z.object({ type: z.literal('saveRules'), rows: z.array(z.array(z.string())).min(1) }),
  /**
   * A file dropped on the dashboard (bytes base64): an invoice list is stored as invoices at once; a
   * bank or processor file gives a preview, saved with saveCapture. A file whose account nothing
   * decides (its data, its name) is asked about: sent again with the owner's `account`.
   */
  z.object({
    type: z.literal('importFile'),
    name: z.string().min(1),
    base64: z.string(),
    account: z.string().trim().min(1).max(200).optional(),
  }),
  /** Sends new and changed transactions to the spreadsheet's web app (URL and token from Options). */
  z.object({ type: z.literal('send') }),
  /** The alerts (accounts gone quiet, small captures, balance gaps, drift, overdue invoices) and invoices; updates the badge. */
  z.object({ type: z.literal('alerts') }),
  z.object({ type: z.literal('sends'), limit: z.int().positive().max(1000).optional() }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
