import * as z from 'zod';
import { Money } from './money';

/**
 * Reconciliation contracts: what the matcher produces and what the Matches tab stores.
 *
 * Sign conventions (all amounts are a Transaction's own `amount`, negative = money out of that account):
 * - A processor payout line (kind `payout`, in the processor's account) is NEGATIVE: money leaves the
 *   processor balance for the bank. Its bank side is a positive deposit of the same size.
 * - A negative payout (refunds larger than sales) is a POSITIVE payout line: the processor pulls money
 *   from the bank, whose side is a negative withdrawal. Such links have type `refund-debit`.
 * - Processor lines (charge, refund, fee, adjustment, dispute) carry net `amount` = `gross` − `fee`,
 *   where `fee` is the fee charged (positive; a returned fee is negative). Their nets sum to minus the
 *   payout line's amount.
 * - `difference` is always "what the bank side shows minus what the processor side says", so an exact
 *   link has difference 0 and a deposit short by a bank fee has a negative difference.
 */
export const MATCH_SCHEMA_VERSION = 1;

export const MatchType = z.enum([
  /** Processor lines grouped under the payout that settled them (a grouping, not a bank link). */
  'payout-rollup',
  /** One payout ↔ one bank deposit. */
  'payout-deposit',
  /** Several payouts landed as one bank deposit. */
  'many-to-one',
  /** One payout landed as several bank deposits. */
  'one-to-many',
  /** A move between two of the business's own accounts. */
  'transfer',
  /** The same real line seen twice (two sources, or pending then posted); one member is kept. */
  'duplicate',
  /** A negative payout: the processor debited the bank account. */
  'refund-debit',
]);
export type MatchType = z.infer<typeof MatchType>;

export const MatchState = z.enum(['suggested', 'confirmed', 'rejected']);
export type MatchState = z.infer<typeof MatchState>;

export const MatchMember = z.object({
  /** Transaction id. */
  id: z.string().min(1),
  /** What the transaction is in this match: `payout`, `deposit`, `withdrawal`, `charge`, `from`, `kept`… */
  role: z.string().min(1),
});
export type MatchMember = z.infer<typeof MatchMember>;

export const Match = z.object({
  schemaVersion: z.literal(MATCH_SCHEMA_VERSION),
  /** Deterministic from the type and the member ids (see core/match/matchId), so decisions can be found again. */
  id: z.string().min(1),
  type: MatchType,
  members: z.array(MatchMember).min(1),
  /** Bank side minus processor side (see the sign conventions above); zero for an exact match. */
  difference: Money,
  confidence: z.number().min(0).max(1),
  state: MatchState,
  /** Several candidates fitted equally well; the choice was made by date order and processor tokens. */
  ambiguous: z.boolean().optional(),
  /** Why, in words a bookkeeper reads. */
  reason: z.string(),
});
export type Match = z.infer<typeof Match>;

export const DiscrepancyType = z.enum([
  /** Paid out on or before the period end, not yet in the bank by then. */
  'in-transit',
  /** Paid out, and its deposit window has passed with no deposit. */
  'missing-deposit',
  /** A deposit that names a processor but matches no payout. */
  'deposit-without-source',
  /** A payout and its bank side disagree on the amount. */
  'amount-difference',
  /** A payout's lines do not add up to it, or a line's gross − fee ≠ net. */
  'rollup-gap',
]);
export type DiscrepancyType = z.infer<typeof DiscrepancyType>;

export const Discrepancy = z.object({
  schemaVersion: z.literal(MATCH_SCHEMA_VERSION),
  /** Deterministic from the type and the transaction ids. */
  id: z.string().min(1),
  type: DiscrepancyType,
  transactionIds: z.array(z.string().min(1)).min(1),
  /** The amount at stake: the payout in transit, the missing or unexplained deposit, the gap. */
  amount: Money,
  /** The date it concerns (payout date, deposit date). */
  date: z.string(),
  reason: z.string(),
  /** The match it belongs to, when there is one (an amount difference on a linked payout). */
  matchId: z.string().optional(),
});
export type Discrepancy = z.infer<typeof Discrepancy>;
