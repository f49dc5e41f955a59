import * as z from 'zod';
import { IsoDate } from './isoDate';
import { Money } from './money';

/**
 * Receivables contracts: invoices the business issued, the payments applied to them, and the
 * status that follows. Amounts are a Money in the invoice's currency; an invoice amount is positive.
 */
export const INVOICE_SCHEMA_VERSION = 1;

/** What the books say, computed from the payments applied: never copied from the source file. */
export const InvoiceStatus = z.enum(['open', 'partial', 'paid', 'overpaid']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Invoice = z.object({
  schemaVersion: z.literal(INVOICE_SCHEMA_VERSION),
  /** Stable: from the number (and source system id where there is one). */
  id: z.string().min(1),
  number: z.string().min(1),
  customer: z.string().min(1),
  customerEmail: z.string().optional(),
  issued: IsoDate,
  due: IsoDate,
  amount: Money,
  /** The status the source system showed (`Sent`, `Overdue`, `Void`…), kept for the bookkeeper. */
  sourceStatus: z.string().optional(),
  /** Processor ids that belong to this invoice: Stripe `in_…`, its charge `ch_…` / `pi_…`, PayPal ids. */
  processorIds: z.array(z.string().min(1)),
  /** Where it came from: a file (`file` + `row`) or the Invoices tab (`sheet` + `row`). */
  source: z.object({
    file: z.string().optional(),
    sheet: z.string().optional(),
    row: z.int().optional(),
    /** The system it was exported from, when recognized: `quickbooks`, `xero`, `stripe`… */
    system: z.string().optional(),
  }),
});
export type Invoice = z.infer<typeof Invoice>;

export const ApplicationBasis = z.enum(['decision', 'processor-id', 'invoice-number', 'customer-amount']);
export type ApplicationBasis = z.infer<typeof ApplicationBasis>;

export const ApplicationState = z.enum(['suggested', 'confirmed', 'rejected']);
export type ApplicationState = z.infer<typeof ApplicationState>;

/**
 * One payment (or refund) applied to one invoice. A payment for several invoices is several
 * applications; a partial payment is one application smaller than the invoice; a refund applies a
 * negative amount. `id` is deterministic from invoice and payment, so decisions can be found again.
 */
export const InvoiceApplication = z.object({
  schemaVersion: z.literal(INVOICE_SCHEMA_VERSION),
  id: z.string().min(1),
  invoiceId: z.string().min(1),
  invoiceNumber: z.string().min(1),
  /** The transaction id of the payment or refund. */
  paymentId: z.string().min(1),
  /** What this payment contributes to this invoice (negative for a refund). */
  amount: Money,
  date: IsoDate,
  basis: ApplicationBasis,
  confidence: z.number().min(0).max(1),
  state: ApplicationState,
  /** Why, in words a bookkeeper reads. */
  reason: z.string(),
});
export type InvoiceApplication = z.infer<typeof InvoiceApplication>;

export const InvoiceStanding = z.object({
  invoice: Invoice,
  status: InvoiceStatus,
  paid: Money,
  /** amount − paid; negative when over-paid. */
  remaining: Money,
  /** Payment transaction ids, in date order (refunds included). */
  payments: z.array(z.string()),
  /** The date the invoice was (last) fully paid; absent while something remains. */
  settled: IsoDate.optional(),
  /** Days past due on the as-of date (0 when not yet due or settled). */
  daysOverdue: z.int(),
  /** Notes on short-payments and over-payments the bookkeeper should decide on. */
  flags: z.array(z.string()),
});
export type InvoiceStanding = z.infer<typeof InvoiceStanding>;

export const AlertType = z.enum(['stale-account', 'few-rows', 'balance-gap', 'drift', 'overdue-invoice']);
export type AlertType = z.infer<typeof AlertType>;

/** One list of alerts shown everywhere: badge, dashboard, sidebar, Summary, CLI. */
export const Alert = z.object({
  type: AlertType,
  account: z.string().optional(),
  invoice: z.string().optional(),
  /** When the condition started (last data, due date, first missing day). */
  since: IsoDate,
  /** What, where, since when, and what to do. */
  message: z.string().min(1),
});
export type Alert = z.infer<typeof Alert>;
