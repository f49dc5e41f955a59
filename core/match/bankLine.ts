import type { Transaction } from '../model/transaction';
import { processorNamedIn } from './processors';

/** A bank-side line with what its text says: the processor it names, or that it moves money between own accounts. */
export type BankLine = { t: Transaction; processor: string | undefined; ownTransfer: boolean };

const OWN_ACCOUNT = /\b(FROM|TO) (CHK|CHECKING|SAV|SAVINGS|ACCT|ACCOUNT|SHARE)\b/i;

export function toBankLine(t: Transaction): BankLine {
  const text = t.memo ? `${t.description} ${t.memo}` : t.description;
  return { t, processor: processorNamedIn(text), ownTransfer: t.transfer === true || OWN_ACCOUNT.test(text) };
}

/** A bank line can be a payout's other side unless it names a different processor. */
export const compatible = (line: BankLine, processor: string) =>
  line.processor === undefined || line.processor === processor;

/** First index in `lines` (sorted by date) dated on or after `date`. */
export function firstOnOrAfter(lines: readonly BankLine[], date: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.t.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
