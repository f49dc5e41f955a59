import type { Alert } from '../../core/model/invoice';
import { formatAmount } from '../../core/money/formatAmount';
import type { RunReceivables } from './receivablesOfRun';

/** One invoice in `reconcile --json` (the DESIGN.md contract): amounts as signed decimal strings. */
export type InvoiceJson = {
  number: string;
  customer: string;
  issued: string;
  due: string;
  amount: string;
  currency: string;
  status: 'open' | 'partial' | 'paid' | 'overpaid';
  paid: string;
  /** amount − paid; negative when over-paid. */
  remaining: string;
  /** Transaction ids of the payments (and refunds) applied. */
  payments: string[];
  settled?: string;
  daysOverdue: number;
  flags: string[];
  /** Each payment's share, why, and how sure. */
  applications: Array<{
    payment: string;
    amount: string;
    basis: string;
    confidence: number;
    state: string;
    reason: string;
  }>;
};

export function receivablesJson(r: RunReceivables): {
  invoices: InvoiceJson[];
  alerts: Alert[];
  asOf: string;
} {
  const applications = r.receivables?.applications ?? [];
  return {
    invoices: (r.receivables?.standings ?? []).map((s) => ({
      number: s.invoice.number,
      customer: s.invoice.customer,
      issued: s.invoice.issued,
      due: s.invoice.due,
      amount: formatAmount(s.invoice.amount.minor, s.invoice.amount.currency),
      currency: s.invoice.amount.currency,
      status: s.status,
      paid: formatAmount(s.paid.minor, s.paid.currency),
      remaining: formatAmount(s.remaining.minor, s.remaining.currency),
      payments: s.payments,
      ...(s.settled ? { settled: s.settled } : {}),
      daysOverdue: s.daysOverdue,
      flags: s.flags,
      applications: applications
        .filter((a) => a.invoiceId === s.invoice.id)
        .map((a) => ({
          payment: a.paymentId,
          amount: formatAmount(a.amount.minor, a.amount.currency),
          basis: a.basis,
          confidence: a.confidence,
          state: a.state,
          reason: a.reason,
        })),
    })),
    alerts: r.alerts,
    asOf: r.asOf,
  };
}
