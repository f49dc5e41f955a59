import type { Transaction } from '../model/transaction';
import { dayNumber } from './dayNumber';
import { describeMoney } from './describeMoney';
import { flat } from './flat';
import { payoutLabel } from './payoutUnit';

/** "2 business days later", made once per delay: a run writes the same few thousands of times. */
const laterBy: string[] = [];
export function later(lag: number): string {
  if (lag <= 0) return 'on its first business day';
  let text = laterBy[lag];
  if (text === undefined) {
    text = `${lag} business day${lag === 1 ? '' : 's'} later`;
    laterBy[lag] = text;
  }
  return text;
}

/**
 * "Stripe payout po_1 of 512.30 USD on 2026-01-05 paid into deposit "STRIPE TRANSFER" of the same
 * amount on 2026-01-07, 2 business days later: why". The bank amount is written only when it differs.
 * Written from the payout line and the bank line alone (and the processor's name), so that a run's
 * result keeps nothing of the run but its transactions.
 */
export function pairReason(
  lag: (payoutDay: number, depositDay: number) => number,
  processor: string,
  payout: Transaction,
  line: Transaction,
  why: string,
): string {
  const amount = line.amount.minor;
  const bank =
    amount === -payout.amount.minor ? 'the same amount' : describeMoney(amount, line.amount.currency);
  return flat(
    `${payoutLabel(processor, payout)}${amount >= 0 ? ' paid into deposit "' : ' taken by debit "'}${line.description}" of ${bank} on ${line.date}${tail(lag(dayNumber(payout.date), dayNumber(line.date)), why)}`,
  );
}

/** ", 2 business days later: why", made once per delay and why: a run writes the same few thousands of times. */
const tails = new Map<string, string[]>();
function tail(lag: number, why: string): string {
  let byLag = tails.get(why);
  if (byLag === undefined) {
    // Whys made per match (a count in them) would fill the cache: those are joined each time.
    if (tails.size >= 64) return `, ${later(lag)}: ${why}`;
    byLag = [];
    tails.set(why, byLag);
  }
  const at = lag + 1;
  if (at < 0 || at > 64) return `, ${later(lag)}: ${why}`;
  let text = byLag[at];
  if (text === undefined) {
    text = `, ${later(lag)}: ${why}`;
    byLag[at] = text;
  }
  return text;
}
