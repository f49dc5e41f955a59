import { toDayNumber } from '../dates/calendar';
import { subsetSums } from '../match/subsetSums';
import {
  type ApplicationBasis,
  INVOICE_SCHEMA_VERSION,
  type Invoice,
  type InvoiceApplication,
} from '../model/invoice';
import type { Match } from '../model/match';
import type { Transaction } from '../model/transaction';
import { formatAmountForDisplay } from '../money/formatAmount';
import { namesCustomer, nameWords } from './customerNames';
import { indexInvoices, invoicesNamedIn } from './invoiceReferences';
import { type PaymentCandidate, paymentCandidates } from './paymentCandidates';

export type MatchInvoicesInput = {
  invoices: readonly Invoice[];
  transactions: readonly Transaction[];
  /** The reconciliation's matches: a payout's bank deposit is not a customer's payment, a transfer is not either. */
  matches?: readonly Match[];
  /** Earlier confirmed and rejected applications (from the Invoices tab's payments); they survive re-runs. */
  decisions?: readonly InvoiceApplication[];
};

/** Days a payment may come before the invoice date (a deposit paid on the day the invoice is sent). */
const EARLY_DAYS = 3;
/** Open invoices of one customer searched for a combination a payment adds up to. */
const SUBSET_CANDIDATES = 16;

export const applicationId = (invoiceId: string, paymentId: string) => `${invoiceId}\u2190${paymentId}`;

/**
 * Suggests which payments settle which invoices, surest first, and a payment is never spent twice:
 * a person's decisions; then processor ids (the invoice's charge `ch_…` on a processor line); then
 * invoice numbers named in the payment's text (not when the text names another customer); then the
 * customer's name with an amount that fits one open invoice or exactly a combination of them. Money
 * out that names an invoice (a refund) is applied against it. What does not fit is left unapplied.
 */
export function matchInvoices(input: MatchInvoicesInput): InvoiceApplication[] {
  const invoices = [...input.invoices].sort((a, b) => cmp(a.due, b.due) || cmp(a.number, b.number));
  const invoiceById = new Map(invoices.map((i) => [i.id, i]));
  const remaining = new Map(invoices.map((i) => [i.id, i.amount.minor]));
  const candidates = paymentCandidates(input.transactions, input.matches ?? []).sort(
    (a, b) => cmp(a.t.date, b.t.date) || cmp(a.t.id, b.t.id),
  );
  const byPayment = new Map(candidates.map((p) => [p.t.id, p]));
  const left = new Map(candidates.map((p) => [p.t.id, p.value.minor]));
  const touched = new Set<string>();
  const rejected = new Set<string>();
  const applications: InvoiceApplication[] = [];

  const apply = (
    invoice: Invoice,
    p: PaymentCandidate,
    minor: number,
    basis: ApplicationBasis,
    confidence: number,
    reason: string,
    state: InvoiceApplication['state'] = 'suggested',
    id = applicationId(invoice.id, p.t.id),
  ) => {
    applications.push({
      schemaVersion: INVOICE_SCHEMA_VERSION,
      id,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      paymentId: p.t.id,
      amount: { minor, currency: invoice.amount.currency },
      date: p.t.date,
      basis,
      confidence,
      state,
      reason,
    });
    remaining.set(invoice.id, remaining.get(invoice.id)! - minor);
    left.set(p.t.id, left.get(p.t.id)! - minor);
    touched.add(p.t.id);
  };
  const allowed = (invoice: Invoice, p: PaymentCandidate) =>
    invoice.amount.currency === p.value.currency && !rejected.has(applicationId(invoice.id, p.t.id));

  // 1. A person's word stands: confirmed applications are applied as recorded, rejected ones never again.
  for (const d of input.decisions ?? []) {
    if (d.state !== 'rejected') continue;
    rejected.add(applicationId(d.invoiceId, d.paymentId));
    // Listed, so the rejection stays in view (and on the sheet) without counting.
    if (invoiceById.has(d.invoiceId) && byPayment.has(d.paymentId)) applications.push(d);
  }
  for (const d of input.decisions ?? []) {
    const invoice = invoiceById.get(d.invoiceId);
    const p = byPayment.get(d.paymentId);
    if (d.state !== 'confirmed' || !invoice || !p || d.amount.currency !== invoice.amount.currency) continue;
    apply(invoice, p, d.amount.minor, d.basis, d.confidence, d.reason, 'confirmed', d.id);
  }

  // 2. Processor ids: the invoice's own charge or payment id on the processor's line.
  const byProcessorId = new Map<string, Invoice>();
  for (const invoice of invoices) for (const id of invoice.processorIds) byProcessorId.set(id, invoice);
  for (const p of candidates) {
    if (touched.has(p.t.id)) continue;
    const named: Invoice[] = [];
    for (const token of p.text.match(/[A-Za-z0-9_]{6,}/g) ?? []) {
      const invoice = byProcessorId.get(token);
      if (invoice && !named.includes(invoice) && allowed(invoice, p)) named.push(invoice);
    }
    if (named.length > 0)
      spread(
        p,
        named,
        'processor-id',
        0.98,
        (i) => `the processor's line carries invoice ${i.number}'s own id`,
      );
  }

  // 3. Invoice numbers in the payment's text, unless the text names a different customer.
  const index = indexInvoices(invoices);
  const customers = distinctCustomers(invoices);
  for (const p of candidates) {
    if (touched.has(p.t.id)) continue;
    const named = invoicesNamedIn(p.text, index).filter((i) => allowed(i, p));
    if (named.length === 0) continue;
    const payers = customers.filter((c) => namesCustomer(p.text, c));
    const fits = named.filter((i) => payers.length === 0 || payers.some((c) => sameCustomer(c, i)));
    if (fits.length === 0) continue; // it names another customer's invoice: not applied (see DESIGN.md)
    const confirmedBy = payers.length > 0 ? ` and ${fits[0]!.customer} as the payer` : '';
    spread(
      p,
      fits,
      'invoice-number',
      payers.length > 0 ? 0.95 : 0.9,
      (i) => `the payment's text names invoice ${i.number}${confirmedBy} ("${clip(p.t.description)}")`,
    );
  }

  // 4. The customer's name with an amount that fits: one open invoice, or exactly a combination of them.
  for (const p of candidates) {
    if (touched.has(p.t.id) || p.value.minor <= 0) continue;
    const payers = customers.filter((c) => namesCustomer(p.text, c));
    if (payers.length !== 1) continue;
    const payer = payers[0]!;
    const day = toDayNumber(p.t.date);
    const open = invoices.filter(
      (i) =>
        sameCustomer(payer, i) &&
        allowed(i, p) &&
        remaining.get(i.id)! > 0 &&
        toDayNumber(i.issued) <= day + EARLY_DAYS,
    );
    if (open.length === 0) continue;
    const amount = p.value.minor;
    const exact = open.filter((i) => remaining.get(i.id) === amount);
    const money = formatAmountForDisplay(amount, p.value.currency);
    if (exact.length > 0) {
      const invoice = exact[0]!; // the oldest due of equal ones: customers pay the oldest first
      apply(
        invoice,
        p,
        amount,
        'customer-amount',
        exact.length === 1 ? 0.85 : 0.7,
        `${payer.name} paid ${money}, exactly what invoice ${invoice.number} still owes${exact.length > 1 ? ` (${exact.length} open invoices owe that; the oldest is taken)` : ''}`,
      );
      continue;
    }
    const pool = open.slice(0, SUBSET_CANDIDATES);
    const combos = subsetSums(
      pool.map((i) => remaining.get(i.id)!),
      amount,
      { maxSize: 4, limit: 2 },
    );
    if (combos.length === 1) {
      const chosen = combos[0]!.map((k) => pool[k]!);
      for (const invoice of chosen) {
        apply(
          invoice,
          p,
          remaining.get(invoice.id)!,
          'customer-amount',
          0.75,
          `${payer.name} paid ${money}, exactly what invoices ${chosen.map((i) => i.number).join(', ')} owe together`,
        );
      }
      continue;
    }
    // One open invoice and an amount near it: a part of it, a payment short by a fee, or a little
    // over. Far from it, the payment is something else (an advance, another order): left alone.
    if (combos.length === 0 && open.length === 1) {
      const invoice = open[0]!;
      const owed = remaining.get(invoice.id)!;
      const untouched = owed === invoice.amount.minor;
      const near = untouched && amount >= owed / 2 && amount <= owed * 1.1;
      if (!near) continue;
      apply(
        invoice,
        p,
        amount,
        'customer-amount',
        0.55,
        amount < owed
          ? `${payer.name} paid ${money} towards invoice ${invoice.number}, their only open invoice (which owed ${formatAmountForDisplay(owed, p.value.currency)})`
          : `${payer.name} paid ${money} against invoice ${invoice.number}, their only open invoice, which owed ${formatAmountForDisplay(owed, p.value.currency)}`,
      );
    }
  }

  return applications;

  /** One payment over the invoices it names: each in due order gets what it owes, the last whatever is left. */
  function spread(
    p: PaymentCandidate,
    named: Invoice[],
    basis: ApplicationBasis,
    confidence: number,
    why: (i: Invoice) => string,
  ) {
    if (p.value.minor < 0 || named.length === 1) {
      apply(named[0]!, p, left.get(p.t.id)!, basis, confidence, why(named[0]!) + refundNote(p));
      return;
    }
    const ordered = [...named].sort((a, b) => cmp(a.due, b.due) || cmp(a.number, b.number));
    ordered.forEach((invoice, k) => {
      const rest = left.get(p.t.id)!;
      const share = k === ordered.length - 1 ? rest : Math.min(rest, Math.max(0, remaining.get(invoice.id)!));
      if (share > 0 || k === ordered.length - 1) apply(invoice, p, share, basis, confidence, why(invoice));
    });
  }
}

const refundNote = (p: PaymentCandidate) =>
  p.value.minor < 0 ? '; money paid back, so the invoice is owed again' : '';

type Customer = { name: string; email?: string; key: string };

function distinctCustomers(invoices: readonly Invoice[]): Customer[] {
  const seen = new Map<string, Customer>();
  for (const i of invoices) {
    const key = customerKey(i);
    if (!seen.has(key))
      seen.set(key, { name: i.customer, key, ...(i.customerEmail ? { email: i.customerEmail } : {}) });
  }
  return [...seen.values()];
}

const customerKey = (i: Invoice) => nameWords(i.customer).join(' ') || i.customer.toLowerCase();
const sameCustomer = (c: Customer, i: Invoice) => c.key === customerKey(i);
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
