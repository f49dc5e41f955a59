import type { BusinessCalendar } from '../dates/businessDays';
import { addBusinessDays } from '../dates/businessDays';
import type { Discrepancy, Match, MatchMember, MatchType } from '../model/match';
import { MATCH_SCHEMA_VERSION } from '../model/match';
import type { Money } from '../model/money';
import { businessDayIndex } from './businessDayIndex';
import { Claims } from './claims';
import { discrepancyId, matchId } from './matchId';
import type { Windows } from './processors';

/** What the passes share: which lines are taken, which pairings were rejected, and what was found. */
export type MatchContext = {
  calendar: BusinessCalendar;
  windows: Windows;
  /** Each transaction id of the run → its position in posting order. */
  ordinals: ReadonlyMap<string, number>;
  /** Transactions taken by an accepted match (see `takenMembers`). */
  claimed: Claims;
  /** Match ids the bookkeeper rejected: never proposed again. */
  rejected: Set<string>;
  matches: Match[];
  discrepancies: Discrepancy[];
  /** How often each payout-to-deposit delay (business days) was seen in sure links, per processor. */
  lags: Map<string, Map<number, number>>;
  /** `addBusinessDays`, memoized: every payout asks for its window end. */
  windowEnd: (date: string, businessDays: number) => string;
  /**
   * Business days from a payout to its deposit, counted from the first business day on or after the
   * payout (a payout made on a Saturday or a holiday starts moving on the next business day).
   */
  lag: (payoutDate: string, depositDate: string) => number;
  /** Business days in (from, to], negative when `to` is earlier: `businessDaysBetween`, by table. */
  businessDaysBetween: (from: string, to: string) => number;
};

/** `ordinals`: each transaction id of the run → its position, for `Claims`. */
export function createMatchContext(
  calendar: BusinessCalendar,
  windows: Windows,
  ordinals: ReadonlyMap<string, number>,
): MatchContext {
  const ends = new Map<string, string>();
  const windowEnd = (date: string, businessDays: number) => {
    const key = `${date}|${businessDays}`;
    let end = ends.get(key);
    if (end === undefined) {
      end = addBusinessDays(date, businessDays, calendar);
      ends.set(key, end);
    }
    return end;
  };
  const index = businessDayIndex(calendar);
  return {
    calendar,
    windows,
    ordinals,
    claimed: new Claims(ordinals),
    rejected: new Set(),
    matches: [],
    discrepancies: [],
    lags: new Map(),
    windowEnd,
    lag: (payoutDate, depositDate) => index(depositDate) - index(windowEnd(payoutDate, 0)),
    businessDaysBetween: (from, to) => index(to) - index(from),
  };
}

export type MatchDraft = {
  type: MatchType;
  members: MatchMember[];
  difference: Money;
  confidence: number;
  ambiguous?: boolean;
  reason: string;
};

/** Whether the bookkeeper rejected exactly this pairing; the ids are only gathered when something was rejected. */
export const isRejected = (ctx: MatchContext, type: MatchType, memberIds: () => readonly string[]) =>
  ctx.rejected.size > 0 && ctx.rejected.has(matchId(type, memberIds()));

/**
 * Records a suggested match and takes its members, unless the bookkeeper rejected exactly this
 * pairing before (then nothing is recorded and `undefined` comes back).
 */
export function accept(ctx: MatchContext, draft: MatchDraft): Match | undefined {
  const ids = draft.members.map((m) => m.id);
  const id = matchId(draft.type, ids);
  if (ctx.rejected.has(id)) return undefined;
  const match: Match = {
    schemaVersion: MATCH_SCHEMA_VERSION,
    id,
    type: draft.type,
    members: draft.members,
    difference: draft.difference,
    confidence: Math.round(draft.confidence * 100) / 100,
    state: 'suggested',
    ...(draft.ambiguous ? { ambiguous: true } : {}),
    reason: draft.reason,
  };
  ctx.matches.push(match);
  for (const m of takenMembers(match)) ctx.claimed.add(m);
  return match;
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
