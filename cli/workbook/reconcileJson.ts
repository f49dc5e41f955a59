import type { Discrepancy, Match } from '../../core/model/match';
import type { Origin, Transaction } from '../../core/model/transaction';
import { type TransactionJson, toTransactionJson } from '../../core/model/transactionJson';
import { formatAmount } from '../../core/money/formatAmount';
import type { ReconcileRun } from './reconcileFiles';

export type MatchMemberJson = {
  id: string;
  role: string;
  externalId?: string;
  origin?: Origin;
  /** Enough to read the match without looking the line up. */
  institution?: string;
  account?: string;
  date?: string;
  amount?: string;
  currency?: string;
};

export type MatchJson = Omit<Match, 'members' | 'difference'> & {
  /** Bank side minus processor side, as a signed decimal string in `currency`. */
  difference: string;
  currency: string;
  members: MatchMemberJson[];
};

export type DiscrepancyJson = Omit<Discrepancy, 'amount'> & { amount: string; currency: string };

/** What `reconcile --json` prints (the DESIGN.md command line contract). */
export type ReconcileJson = {
  transactions: TransactionJson[];
  matches: MatchJson[];
  unmatched: TransactionJson[];
  discrepancies: DiscrepancyJson[];
  periodEnd?: string;
};

/** The run as the command line contract's JSON: every match lists its members by id, externalId and origin. */
export function reconcileJson(run: ReconcileRun): ReconcileJson {
  const byId = new Map<string, Transaction>(run.transactions.map((t) => [t.id, t]));
  return {
    transactions: run.transactions.map(toTransactionJson),
    matches: run.matches.map(({ members, difference, ...rest }) => ({
      ...rest,
      difference: formatAmount(difference.minor, difference.currency),
      currency: difference.currency,
      members: members.map((m) => {
        const t = byId.get(m.id);
        return {
          id: m.id,
          role: m.role,
          ...(t?.externalId ? { externalId: t.externalId } : {}),
          ...(t
            ? {
                origin: t.origin,
                institution: t.institution,
                account: t.account,
                date: t.date,
                amount: formatAmount(t.amount.minor, t.amount.currency),
                currency: t.amount.currency,
              }
            : {}),
        };
      }),
    })),
    unmatched: run.unmatched.map(toTransactionJson),
    discrepancies: run.discrepancies.map(({ amount, ...rest }) => ({
      ...rest,
      amount: formatAmount(amount.minor, amount.currency),
      currency: amount.currency,
    })),
    ...(run.periodEnd ? { periodEnd: run.periodEnd } : {}),
  };
}
