import type { Money } from '../model/money';
import type { Transaction } from '../model/transaction';

export type BalanceGap = {
  account: string;
  /** The last day whose closing balance is known to be right. */
  after: string;
  /** The first day that does not follow from it. */
  before: string;
  /** What the lines in between would have to add up to. */
  missing: Money;
};

/**
 * Breaks in an account's chain of running balances. Within a day the order of lines is not known,
 * so each day keeps every balance it shows as a possible closing balance; the next day follows when
 * one of its balances equals one of those plus the day's lines. When none does, lines are missing.
 */
export function balanceGaps(transactions: readonly Transaction[]): BalanceGap[] {
  const byAccount = new Map<string, Transaction[]>();
  for (const t of transactions) {
    if (t.status !== 'posted' || t.supersededBy) continue;
    const key = `${t.institution}\u241f${t.account}\u241f${t.amount.currency}`;
    const list = byAccount.get(key);
    if (list) list.push(t);
    else byAccount.set(key, [t]);
  }
  const gaps: BalanceGap[] = [];
  for (const lines of byAccount.values()) {
    const days = new Map<string, Transaction[]>();
    for (const t of lines) {
      const list = days.get(t.date);
      if (list) list.push(t);
      else days.set(t.date, [t]);
    }
    let closing: Set<number> | undefined;
    let closingDay = '';
    for (const day of [...days.keys()].sort()) {
      const dayLines = days.get(day)!;
      const sum = dayLines.reduce((s, t) => s + t.amount.minor, 0);
      const shown = dayLines.filter((t) => t.balance).map((t) => t.balance!.minor);
      if (shown.length === 0) {
        // A day without balances carries the chain forward by its lines.
        if (closing) closing = new Set([...closing].map((b) => b + sum));
        continue;
      }
      if (closing) {
        const follows = shown.filter((b) => [...closing!].some((c) => c + sum === b));
        if (follows.length === 0) {
          const first = dayLines[0]!;
          const nearest = [...closing][0]!;
          gaps.push({
            account: first.account,
            after: closingDay,
            before: day,
            missing: { minor: Math.max(...shown) - sum - nearest, currency: first.amount.currency },
          });
        }
        closing = new Set(follows.length > 0 ? follows : shown);
      } else closing = new Set(shown);
      closingDay = day;
    }
  }
  return gaps;
}
