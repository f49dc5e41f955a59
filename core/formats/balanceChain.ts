import type { Transaction } from '../model/transaction';

/** What a file's running balances say about the account: where it opens and closes, and each step. */
export type BalanceChain = {
  currency: string;
  firstDate: string;
  lastDate: string;
  opening: number;
  closing: number;
  /** `date|amount|balance` of every line: two files sharing one are reading the same account. */
  steps: Set<string>;
};

/**
 * The chain of a file's running balances, in whichever order the file lists its lines (oldest or
 * newest first): decided by which order the balances add up in. Undefined when fewer than two
 * lines carry a balance or when the balances add up in neither order.
 */
export function balanceChain(transactions: readonly Transaction[]): BalanceChain | undefined {
  const lines = transactions.filter((t) => t.balance && t.balance.currency === t.amount.currency);
  if (lines.length < 2 || lines.length !== transactions.length) return undefined;
  let up = 0;
  let down = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    if (prev.balance!.minor + cur.amount.minor === cur.balance!.minor) up++;
    if (cur.balance!.minor + prev.amount.minor === prev.balance!.minor) down++;
  }
  const steps = lines.length - 1;
  // Same-day lines are sometimes listed out of order; most steps must still add up.
  if (Math.max(up, down) < steps * 0.8) return undefined;
  const ordered = up >= down ? lines : [...lines].reverse();
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  return {
    currency: first.amount.currency,
    firstDate: first.date,
    lastDate: last.date,
    opening: first.balance!.minor - first.amount.minor,
    closing: last.balance!.minor,
    steps: new Set(lines.map((t) => `${t.date}|${t.amount.minor}|${t.balance!.minor}`)),
  };
}

/**
 * Whether two files' balances are one account's: one opens where the other closes (and not
 * before it ends), or they share a line with the same date, amount and balance after it.
 */
export function sameAccountByBalances(a: BalanceChain, b: BalanceChain): boolean {
  if (a.currency !== b.currency) return false;
  // A zero balance is where many accounts start; it proves nothing.
  if (a.opening !== 0 && a.opening === b.closing && b.lastDate <= a.firstDate) return true;
  if (b.opening !== 0 && b.opening === a.closing && a.lastDate <= b.firstDate) return true;
  for (const step of a.steps) if (b.steps.has(step)) return true;
  return false;
}
