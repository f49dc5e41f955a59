import type { MatchMember } from '../model/match';
import type { Claims } from './claims';

/**
 * One payout as the matcher sees it: a processor payout line, or — when only the settled lines were
 * captured — the lines that share a payout id. `value` is what the bank side should show: positive
 * for a deposit, negative for a debit (a negative payout).
 */
export type PayoutUnit = {
  key: string;
  /** Position in posting order (date, then the order the source listed them): breaks ties between equal payouts. */
  rank: number;
  processor: string;
  currency: string;
  value: number;
  date: string;
  /** Last date of the deposit window (business days after `date`). */
  end: string;
  /** `date` and `end` as day numbers, for scans by date. */
  day: number;
  endDay: number;
  members: MatchMember[];
  /** The members' ordinals in the run (see Claims). */
  ordinals: number[];
  /** Reference tokens a bank description may repeat (payout id, trace id). */
  refs: string[];
  /** "Stripe payout po_123 of 512.30 USD on 2026-01-05", for reasons. */
  label: string;
};

export function unitTaken(claimed: Claims, u: PayoutUnit): boolean {
  for (const i of u.ordinals) if (claimed.hasOrdinal(i)) return true;
  return false;
}

export const unitMemberIds = (u: PayoutUnit) => u.members.map((m) => m.id);

/** The type of a one-to-one link for this payout. */
export const pairType = (u: PayoutUnit) =>
  u.value < 0 ? ('refund-debit' as const) : ('payout-deposit' as const);

/** Payouts in a fixed order whatever the input order: by date, then posting order. */
export const byUnitDate = (a: PayoutUnit, b: PayoutUnit) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank;
