import type { MatchMember } from '../model/match';
import type { Transaction } from '../model/transaction';
import type { Claims } from './claims';
import { describeMoney } from './describeMoney';
import { type HashLookup, hasTokenHashIn, referenceTokens } from './referenceTokens';

/** Lines that share a payout id whose payout line was not captured: they settle as one payout. */
export type SettledLines = {
  members: MatchMember[];
  ordinals: number[];
  label: string;
  /** The payout id they share. */
  payoutId: string | undefined;
};

/**
 * One payout as the matcher sees it: a processor payout line, or — when only the settled lines were
 * captured — the lines that share a payout id. `value` is what the bank side should show: positive
 * for a deposit, negative for a debit (a negative payout).
 *
 * A run holds its payouts as columns (see PayoutUnits) and makes this object for the few a pass
 * reasons about, or a match's reason names; its members, reference tokens and label are made when asked for.
 */
export class PayoutUnit {
  constructor(
    /** Position in posting order (date, then the order the source listed them): breaks ties between equal payouts. */
    readonly rank: number,
    readonly processor: string,
    readonly currency: string,
    readonly value: number,
    readonly date: string,
    /** Last date of the deposit window (business days after `date`). */
    readonly end: string,
    /** `date` and `end` as day numbers, for scans by date. */
    readonly day: number,
    readonly endDay: number,
    /** The payout line's ordinal in the run, or the first settled line's (see Claims). */
    readonly ordinal: number,
    /** The payout line, or undefined for settled lines without one. */
    readonly payout: Transaction | undefined,
    readonly settled: SettledLines | undefined,
  ) {}

  get members(): MatchMember[] {
    return this.payout ? [{ id: this.payout.id, role: 'payout' }] : this.settled!.members;
  }

  /** The members' ordinals in the run (see Claims). */
  get ordinals(): number[] {
    return this.payout ? [this.ordinal] : this.settled!.ordinals;
  }

  /** Reference tokens a bank description may repeat (payout id, trace id). */
  get refs(): string[] {
    const p = this.payout;
    return p
      ? referenceTokens(p.payoutId, p.externalId, p.description, p.memo)
      : referenceTokens(this.settled!.payoutId);
  }

  /** Whether a reference token of the payout may be one of `hashes` (see hasTokenHashIn): no token is made. */
  mayCarry(hashes: HashLookup): boolean {
    const p = this.payout;
    return p ? payoutMayCarry(p, hashes) : hasTokenHashIn(hashes, this.settled!.payoutId);
  }

  /** "Stripe payout po_123 of 512.30 USD on 2026-01-05", for reasons. */
  get label(): string {
    const p = this.payout;
    return p ? payoutLabel(this.processor, p) : this.settled!.label;
  }
}

/** "Stripe payout po_123 of 512.30 USD on 2026-01-05": a payout line's label, read off the line alone. */
export function payoutLabel(processor: string, p: Transaction): string {
  const reference = p.payoutId ?? p.externalId;
  // What the bank side should show: the payout line's amount, the other way round.
  return `${processorTitle(processor)} payout${reference ? ` ${reference}` : ''} of ${describeMoney(-p.amount.minor, p.amount.currency)} on ${p.date}`;
}

/** `mayCarry` of a payout line's unit, read off the line alone (a caller walking lines in memory order). */
export const payoutMayCarry = (p: Transaction, hashes: HashLookup) =>
  hasTokenHashIn(hashes, p.payoutId, p.externalId, p.description, p.memo);

export function unitTaken(claimed: Claims, u: PayoutUnit): boolean {
  if (u.payout) return claimed.hasOrdinal(u.ordinal);
  const ordinals = u.settled!.ordinals;
  for (let k = 0; k < ordinals.length; k++) if (claimed.hasOrdinal(ordinals[k]!)) return true;
  return false;
}

const SPELLED: Record<string, string> = { paypal: 'PayPal', gocardless: 'GoCardless' };
const titles = new Map<string, string>();
/** "Stripe", "PayPal": made once per processor, not once per payout. */
export function processorTitle(name: string): string {
  let spelled = titles.get(name);
  if (spelled === undefined) {
    spelled = SPELLED[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
    titles.set(name, spelled);
  }
  return spelled;
}

/** The members' ids (see members), made without the members themselves. */
export const unitMemberIds = (u: PayoutUnit): string[] =>
  u.payout ? [u.payout.id] : u.settled!.members.map((m) => m.id);

/** The type of a one-to-one link for this payout. */
export const pairType = (u: PayoutUnit) =>
  u.value < 0 ? ('refund-debit' as const) : ('payout-deposit' as const);

/** Payouts in a fixed order whatever the input order: by date, then posting order. */
export const byUnitDate = (a: PayoutUnit, b: PayoutUnit) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank;
