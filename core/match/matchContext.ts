import type { BusinessCalendar } from '../dates/businessDays';
import { addBusinessDays } from '../dates/businessDays';
import type { Discrepancy, Match, MatchMember, MatchType } from '../model/match';
import { MATCH_SCHEMA_VERSION } from '../model/match';
import type { Money } from '../model/money';
import type { BankLine } from './bankLine';
import { businessDayCount } from './businessDayIndex';
import { Claims } from './claims';
import { FoundMatches } from './foundMatches';
import type { IdChars } from './idChars';
import { discrepancyId, matchId, matchIdLanes, pairLanes, pairLanesAt } from './matchId';
import type { PayoutUnit } from './payoutUnit';
import type { Windows } from './processors';
import { Scratch } from './scratch';
import { hashHex, laneA, laneB } from './stableHash';

/** Each transaction id of the run → its position in posting order (a Map, or a lookup built like one). */
export type OrdinalLookup = Pick<ReadonlyMap<string, number>, 'get' | 'size'>;

/** What the passes share: which lines are taken, which pairings were rejected, and what was found. */
export type MatchContext = {
  calendar: BusinessCalendar;
  windows: Windows;
  /** Each transaction id of the run → its position in posting order. */
  ordinals: OrdinalLookup;
  /**
   * Per position, its transaction's id and currency code (in `currencies`), when the run has them at
   * hand (see matchColumns), and the ids' code units for hashing match ids (see IdChars).
   */
  run?: { ids: readonly string[]; currency: Int32Array; currencies: readonly string[]; idChars?: IdChars };
  /** Transactions taken by an accepted match (see `takenMembers`). */
  claimed: Claims;
  /** Match ids the bookkeeper rejected: never proposed again. */
  rejected: Set<string>;
  /** What the passes found, in the order found. */
  found: FoundMatches;
  discrepancies: Discrepancy[];
  /** How often each payout-to-deposit delay (business days) was seen in sure links, per processor. */
  lags: Map<string, Map<number, number>>;
  /** `addBusinessDays`, memoized: every payout asks for its window end. */
  windowEnd: (date: string, businessDays: number) => string;
  /**
   * Business days from a payout to its deposit (day numbers), counted from the first business day on
   * or after the payout (a payout made on a Saturday or a holiday starts moving on the next business day).
   */
  lag: (payoutDay: number, depositDay: number) => number;
  /** Business days in (from, to] (day numbers), negative when `to` is earlier: `businessDaysBetween`, by table. */
  businessDaysBetween: (fromDay: number, toDay: number) => number;
  /** Where the passes take their working columns from (never what the result holds). */
  scratch: Scratch;
};

/** `ordinals`: each transaction id of the run → its position, for `Claims`. */
export function createMatchContext(
  calendar: BusinessCalendar,
  windows: Windows,
  ordinals: OrdinalLookup,
  scratch: Scratch = new Scratch(),
): MatchContext {
  // By window length, then date: no key string built per payout.
  const ends = new Map<number, Map<string, string>>();
  const windowEnd = (date: string, businessDays: number) => {
    let byDate = ends.get(businessDays);
    if (byDate === undefined) {
      byDate = new Map();
      ends.set(businessDays, byDate);
    }
    let end = byDate.get(date);
    if (end === undefined) {
      end = addBusinessDays(date, businessDays, calendar);
      byDate.set(date, end);
    }
    return end;
  };
  const count = businessDayCount(calendar);
  // The first business day on or after a payout counts one more than the payout's own day, unless
  // that day is a business day itself (then the count rose on it).
  const lag = (payoutDay: number, depositDay: number) =>
    count(depositDay) - count(payoutDay) - (count(payoutDay) - count(payoutDay - 1) === 1 ? 0 : 1);
  return {
    calendar,
    windows,
    ordinals,
    claimed: new Claims(ordinals, scratch),
    rejected: new Set(),
    found: new FoundMatches(lag, scratch.lasting),
    discrepancies: [],
    lags: new Map(),
    windowEnd,
    lag,
    businessDaysBetween: (from, to) => count(to) - count(from),
    scratch,
  };
}

export type MatchDraft = {
  type: MatchType;
  members: MatchMember[];
  difference: Money;
  confidence: number;
  ambiguous?: boolean;
  reason: string;
  /** The members' ordinals in member order, when the pass has them (else looked up by id). */
  ordinals?: number[];
};

/** Whether the bookkeeper rejected exactly this pairing; the ids are only gathered when something was rejected. */
export const isRejected = (ctx: MatchContext, type: MatchType, memberIds: () => readonly string[]) =>
  ctx.rejected.size > 0 && ctx.rejected.has(matchId(type, memberIds()));

/**
 * Records a suggested match and takes its members, unless the bookkeeper rejected exactly this
 * pairing before. Returns its index in `ctx.found`, or -1 when it was rejected (nothing recorded).
 */
export function accept(ctx: MatchContext, draft: MatchDraft): number {
  matchIdLanes(draft.type, draft.members);
  const a = laneA;
  const b = laneB;
  if (ctx.rejected.size > 0 && ctx.rejected.has(hashHex('m_', a, b))) return -1;
  const { type, members } = draft;
  const ordinals = draft.ordinals ?? members.map((m) => ctx.ordinals.get(m.id) ?? -1);
  const k = ctx.found.push(
    type,
    a,
    b,
    draft.difference.minor,
    draft.difference.currency,
    draft.confidence,
    draft.ambiguous === true,
    draft.reason,
  );
  ctx.found.members(members, ordinals);
  // What `takenMembers` returns, by ordinal: no id is hashed again.
  if (type === 'payout-rollup') return k;
  for (let i = 0; i < ordinals.length; i++) {
    if (type === 'duplicate' && members[i]!.role !== 'duplicate') continue;
    if (ordinals[i]! >= 0) ctx.claimed.addOrdinal(ordinals[i]!);
    else ctx.claimed.add(members[i]!.id);
  }
  return k;
}

/**
 * `accept` for one payout line and one bank line, most matches: no draft, member list or reason is
 * made (the reason is written when the match is read, from the payout, the line and `why`).
 */
export function acceptPair(
  ctx: MatchContext,
  u: PayoutUnit,
  line: BankLine,
  confidence: number,
  ambiguous: boolean,
  why: string,
): number {
  const f = pairFacts;
  f.payoutId = u.payout!.id;
  f.lineId = line.id;
  f.value = u.value;
  f.amount = line.amount;
  f.currency = u.currency;
  f.unitOrdinal = u.ordinal;
  f.lineOrdinal = line.ordinal;
  return acceptPairOf(ctx, f, confidence, ambiguous, why);
}

/**
 * What `acceptPair` records of a payout line and a bank line. A pass that holds them in columns
 * (see matchColumns) fills them in itself, so that neither object is read to make the match.
 */
export type PairFacts = {
  payoutId: string;
  lineId: string;
  value: number;
  amount: number;
  currency: string;
  unitOrdinal: number;
  lineOrdinal: number;
};

/** One record, filled anew for each pair: no object per match. */
export const pairFacts: PairFacts = {
  payoutId: '',
  lineId: '',
  value: 0,
  amount: 0,
  currency: '',
  unitOrdinal: 0,
  lineOrdinal: 0,
};

/** `acceptPair` from the pair's facts (the objects are made when the reason is read, see FoundMatches). */
export function acceptPairOf(
  ctx: MatchContext,
  f: PairFacts,
  confidence: number,
  ambiguous: boolean,
  why: string,
): number {
  const type = f.value < 0 ? 'refund-debit' : 'payout-deposit';
  const idChars = ctx.run?.idChars;
  if (idChars !== undefined) pairLanesAt(type, idChars, f.unitOrdinal, f.lineOrdinal);
  else pairLanes(type, f.payoutId, f.lineId);
  const a = laneA;
  const b = laneB;
  if (ctx.rejected.size > 0 && ctx.rejected.has(hashHex('m_', a, b))) return -1;
  const k = ctx.found.push(type, a, b, f.amount - f.value, f.currency, confidence, ambiguous, why);
  ctx.found.pair(k, f);
  ctx.claimed.addOrdinal(f.unitOrdinal);
  ctx.claimed.addOrdinal(f.lineOrdinal);
  return k;
}

/**
 * The members a match takes out of further matching. A roll-up only groups lines (its payout still
 * needs a deposit), and a duplicate takes only its copy (the kept line still needs its match).
 */
export function takenMembers(match: Pick<Match, 'type' | 'members'>): string[] {
  if (match.type === 'payout-rollup') return [];
  if (match.type === 'duplicate') return match.members.filter((m) => m.role === 'duplicate').map((m) => m.id);
  return match.members.map((m) => m.id);
}

export function report(ctx: MatchContext, d: Omit<Discrepancy, 'schemaVersion' | 'id'>): void {
  ctx.discrepancies.push({
    schemaVersion: MATCH_SCHEMA_VERSION,
    id: discrepancyId(d.type, d.transactionIds),
    ...d,
  });
}

export function recordLag(ctx: MatchContext, processor: string, lag: number): void {
  let counts = ctx.lags.get(processor);
  if (!counts) {
    counts = new Map();
    ctx.lags.set(processor, counts);
  }
  counts.set(lag, (counts.get(lag) ?? 0) + 1);
}

/** The median payout-to-deposit delay seen for this processor so far, if any (lags are a few distinct values). */
export function typicalLag(ctx: MatchContext, processor: string): number | undefined {
  const counts = ctx.lags.get(processor);
  if (!counts) return undefined;
  let total = 0;
  for (const n of counts.values()) total += n;
  let seen = 0;
  for (const lag of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(lag)!;
    if (seen * 2 > total) return lag;
  }
  return undefined;
}
