import type { Match } from '../model/match';
import type { Money } from '../model/money';
import type { Transaction } from '../model/transaction';

/** A transaction that may pay (or refund) an invoice, with the amount the customer paid. */
export type PaymentCandidate = {
  t: Transaction;
  /** What the customer paid: a processor line's gross (the fee is the business's cost), else the amount. */
  value: Money;
  /** Description, payee, memo and ids, searched for invoice numbers, names and processor ids. */
  text: string;
};

const BANK_SIDE_OF_PAYOUT = new Set(['payout-deposit', 'many-to-one', 'one-to-many', 'refund-debit']);
const NEVER_A_PAYMENT = new Set(['payout', 'transfer', 'fee', 'adjustment']);

/**
 * Lines that can settle invoices: money in that is not a payout's deposit (the processor's own
 * lines stand for those customers), not a move between own accounts, not a duplicate, not a pending
 * line already posted; and money out (refunds) that may re-open one.
 */
export function paymentCandidates(
  transactions: readonly Transaction[],
  matches: readonly Match[],
): PaymentCandidate[] {
  const excluded = new Set<string>();
  for (const m of matches) {
    if (m.state === 'rejected') continue;
    for (const x of m.members) {
      if (BANK_SIDE_OF_PAYOUT.has(m.type) && (x.role === 'deposit' || x.role === 'withdrawal'))
        excluded.add(x.id);
      if (m.type === 'transfer') excluded.add(x.id);
      if (m.type === 'duplicate' && x.role === 'duplicate') excluded.add(x.id);
    }
  }
  const out: PaymentCandidate[] = [];
  for (const t of transactions) {
    if (excluded.has(t.id) || t.transfer || t.supersededBy || NEVER_A_PAYMENT.has(t.kind)) continue;
    if (t.amount.minor === 0) continue;
    const value = t.gross && Math.sign(t.gross.minor) === Math.sign(t.amount.minor) ? t.gross : t.amount;
    const text = [t.description, t.payee, t.memo, t.externalId, t.checkNumber].filter(Boolean).join(' ');
    out.push({ t, value, text });
  }
  return out;
}
