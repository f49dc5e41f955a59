import { assignIds } from '../ids/assignIds';
import type { Transaction, TransactionDraft } from '../model/transaction';
import type { SelfCheck } from './captureDiagnostics';

/**
 * What every row of one capture shares, said once rather than on every row (the injected script
 * sends it once: repeated on 5,000 rows it lengthened the answer by a third). `account` may name
 * `{currency}`: a processor's balance per currency ("Stripe {currency}").
 */
export type RowsShare = { institution: string; account: string; url: string; capturedAt: string };

/**
 * A row as read from the page: a draft without what all rows share (RowsShare). `account` only on
 * rows of a list under a heading naming another of the owner's accounts.
 */
export type RowDraft = Omit<TransactionDraft, 'institution' | 'account' | 'origin'> & {
  account?: string;
  origin: { row: number };
};

/** The account a row is booked to: a processor keeps one balance per currency, named as its export names it. */
export const accountIn = (account: string, currency: string): string =>
  account.replace('{currency}', currency);

/**
 * A page's rows as transactions: what they share filled in (in the order a draft lists its fields),
 * ids (by content or the source's own id, one occurrence count per page), and the page's failed
 * self-checks carried on every line, so no surface shows them as clean.
 */
export function completeCapture(
  rows: readonly RowDraft[],
  share: RowsShare,
  checks: readonly SelfCheck[],
): Transaction[] {
  const { institution, account, url, capturedAt } = share;
  const drafts = rows.map(
    (r): TransactionDraft => ({
      institution,
      account: accountIn(account, r.amount.currency),
      ...r,
      origin: { url, row: r.origin.row, capturedAt },
    }),
  );
  const transactions = assignIds(drafts);
  const failed = checks.filter((c) => !c.ok).map((c) => c.message);
  if (failed.length === 0) return transactions;
  const unverified = failed.join('; ').slice(0, 1000);
  return transactions.map((t) => ({ ...t, unverified }));
}
