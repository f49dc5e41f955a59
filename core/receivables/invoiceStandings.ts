import { toDayNumber } from '../dates/calendar';
import { currencyExponent } from '../model/currency';
import type { Invoice, InvoiceApplication, InvoiceStanding, InvoiceStatus } from '../model/invoice';
import { formatAmountForDisplay } from '../money/formatAmount';

/** A shortfall this small (a fixed fee, not a share) is likely a bank's wire or transfer fee; writing it off is the bookkeeper's call. */
const FEE_LIKE_SHARE = 0.1;
const FEE_LIKE_MAX_MAJOR = 50;

/**
 * Each invoice's standing from the payments applied to it (rejected ones aside): paid, remaining
 * (amount − paid; negative when over-paid), status, the date it was settled, days past due on `asOf`,
 * and flags for short- and over-payments.
 */
export function invoiceStandings(
  invoices: readonly Invoice[],
  applications: readonly InvoiceApplication[],
  asOf: string,
): InvoiceStanding[] {
  const byInvoice = new Map<string, InvoiceApplication[]>();
  for (const a of applications) {
    if (a.state === 'rejected') continue;
    const list = byInvoice.get(a.invoiceId);
    if (list) list.push(a);
    else byInvoice.set(a.invoiceId, [a]);
  }
  return invoices.map((invoice) => {
    const applied = (byInvoice.get(invoice.id) ?? []).sort(
      (a, b) => cmp(a.date, b.date) || cmp(a.paymentId, b.paymentId),
    );
    const { currency } = invoice.amount;
    const amount = invoice.amount.minor;
    let paid = 0;
    let settled: string | undefined;
    for (const a of applied) {
      const before = paid;
      paid += a.amount.minor;
      if (before < amount && paid >= amount) settled = a.date;
      if (paid < amount) settled = undefined;
    }
    const remaining = amount - paid;
    const status: InvoiceStatus =
      paid <= 0 ? 'open' : paid < amount ? 'partial' : paid === amount ? 'paid' : 'overpaid';
    const flags: string[] = [];
    if (status === 'overpaid')
      flags.push(
        `over-paid by ${formatAmountForDisplay(-remaining, currency)}: refund or credit the customer`,
      );
    if (status === 'partial' && isFeeLike(remaining, amount, currency))
      flags.push(
        `short by ${formatAmountForDisplay(remaining, currency)}, possibly a bank's wire fee: write it off or ask for the rest`,
      );
    if (applied.some((a) => a.amount.minor < 0))
      flags.push('a refund was applied: the invoice is owed again');
    const late = remaining > 0 ? toDayNumber(asOf) - toDayNumber(invoice.due) : 0;
    return {
      invoice,
      status,
      paid: { minor: paid, currency },
      remaining: { minor: remaining, currency },
      payments: [...new Set(applied.map((a) => a.paymentId))],
      ...(settled && remaining <= 0 ? { settled } : {}),
      daysOverdue: Math.max(0, late),
      flags,
    };
  });
}

function isFeeLike(short: number, amount: number, currency: string): boolean {
  return short <= amount * FEE_LIKE_SHARE && short <= FEE_LIKE_MAX_MAJOR * 10 ** currencyExponent(currency);
}

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', 'over 90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type AgingRow = {
  /** A customer's name, or `Total`. */
  customer: string;
  currency: string;
  /** Minor units owed per bucket of days past due. */
  buckets: Record<AgingBucket, number>;
  total: number;
};

export const agingBucket = (daysOverdue: number): AgingBucket =>
  daysOverdue <= 0
    ? 'current'
    : daysOverdue <= 30
      ? '1-30'
      : daysOverdue <= 60
        ? '31-60'
        : daysOverdue <= 90
          ? '61-90'
          : 'over 90';

/** Receivables aging: what each customer still owes by days past due, per currency, then a total per currency. */
export function receivablesAging(standings: readonly InvoiceStanding[]): AgingRow[] {
  const rows = new Map<string, AgingRow>();
  const totals = new Map<string, AgingRow>();
  const empty = (customer: string, currency: string): AgingRow => ({
    customer,
    currency,
    buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, 'over 90': 0 },
    total: 0,
  });
  for (const s of standings) {
    const owed = s.remaining.minor;
    if (owed <= 0) continue;
    const { currency } = s.remaining;
    const key = `${s.invoice.customer}\u241f${currency}`;
    const row = rows.get(key) ?? empty(s.invoice.customer, currency);
    rows.set(key, row);
    const total = totals.get(currency) ?? empty('Total', currency);
    totals.set(currency, total);
    const bucket = agingBucket(s.daysOverdue);
    for (const r of [row, total]) {
      r.buckets[bucket] += owed;
      r.total += owed;
    }
  }
  const ordered = [...rows.values()].sort(
    (a, b) => cmp(a.currency, b.currency) || cmp(a.customer, b.customer),
  );
  return [...ordered, ...[...totals.values()].sort((a, b) => cmp(a.currency, b.currency))];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
