import { descriptionSimilarity } from '../ids/descriptionSimilarity';
import type { Transaction } from '../model/transaction';
import { dayNumber, daysApart } from './dayNumber';
import { describeMoney } from './describeMoney';
import { accept, type MatchContext } from './matchContext';
import { orderByKey } from './orderByKey';
import { referenceTokens } from './referenceTokens';
import { SUPERSEDED } from './runColumns';
import type { Scratch } from './scratch';

/** A pending line posts within days, and may post a day earlier than the pending date showed. */
const POSTING_DAYS = { before: 1, after: 5 };
const MIN_SIMILARITY = 0.5;

/** Which capture or file a line came from: two lines from one source are never the same line. */
const sourceOf = (t: Transaction) => `${t.origin.file ?? ''}|${t.origin.url ?? ''}|${t.origin.capturedAt}`;

/** Which of two copies to keep: the posted one, then the one with the source's own id, then the lower id. */
function keeps(a: Transaction, b: Transaction): boolean {
  if (a.status !== b.status) return a.status === 'posted';
  if (!!a.externalId !== !!b.externalId) return !!a.externalId;
  return a.id < b.id;
}

/** Why two lines are the same real line, or undefined when they are not. */
function sameLine(a: Transaction, b: Transaction): { confidence: number; why: string } | undefined {
  if (a.externalId && a.externalId === b.externalId)
    return { confidence: 0.97, why: `both carry the source id ${a.externalId}` };
  const similarity = descriptionSimilarity(a.description, b.description);
  const refsA = referenceTokens(a.description);
  const refsB = referenceTokens(b.description);
  // Two deposits of one amount on one day with different references are two deposits.
  if (refsA.length > 0 && refsB.length > 0 && !refsA.some((r) => refsB.includes(r))) return undefined;
  if (a.status !== b.status) {
    const [pending, posted] = a.status === 'pending' ? [a, b] : [b, a];
    const lag = daysApart(pending.date, posted.date);
    if (lag < -POSTING_DAYS.before || lag > POSTING_DAYS.after || similarity < MIN_SIMILARITY)
      return undefined;
    return {
      confidence: 0.9,
      why: `a pending line and a posted line of the same amount ${lag} day(s) apart with matching text`,
    };
  }
  if (a.date !== b.date || sourceOf(a) === sourceOf(b) || similarity < MIN_SIMILARITY) return undefined;
  return {
    confidence: 0.85,
    why: 'the same amount, date and text in the same account, read from two different sources',
  };
}

/**
 * What findDuplicates reads of the run, by ordinal (see reconcile's runOrder, which reads each
 * transaction once): its day number, its amount, and its flags (see runColumns; SUPERSEDED is the
 * one read here).
 */
export type RunLayout = { days: Int32Array; minor: Float64Array; flags: Uint8Array };

/** The layout of a run given in ordinal order. */
function inOrdinalOrder(transactions: readonly Transaction[]): RunLayout {
  return {
    days: Int32Array.from(transactions, (t) => dayNumber(t.date)),
    minor: Float64Array.from(transactions, (t) => t.amount.minor),
    flags: Uint8Array.from(transactions, (t) => (t.supersededBy ? SUPERSEDED : 0)),
  };
}

/**
 * Pass 0. The same real line seen twice — a pending line and the posted line that replaced it, or
 * one line read from two sources — is recorded as a `duplicate` match and its copy is left out of
 * matching, so it can neither take a payout's deposit nor be reported as a deposit without source.
 * `transactions` must be the run in ordinal order; returns a flag per ordinal, set for the lines
 * left out of matching (copies and superseded pending lines).
 */
export function findDuplicates(
  transactions: readonly Transaction[],
  ctx: MatchContext,
  run: RunLayout = inOrdinalOrder(transactions),
): Uint8Array {
  // Flags by position: `transactions` is the run in ordinal order (see reconcile).
  const scratch = ctx.scratch;
  const copies = scratch.uint8(transactions.length);
  const kept = scratch.uint8(transactions.length);

  const record = (keepAt: number, copyAt: number, confidence: number, why: string) => {
    const keep = transactions[keepAt]!;
    const copy = transactions[copyAt]!;
    const k = accept(ctx, {
      type: 'duplicate',
      members: [
        { id: keep.id, role: 'kept' },
        { id: copy.id, role: 'duplicate' },
      ],
      difference: { minor: copy.amount.minor - keep.amount.minor, currency: keep.amount.currency },
      ordinals: [keepAt, copyAt],
      confidence,
      reason: `${copy.status} "${copy.description}" of ${describeMoney(copy.amount.minor, copy.amount.currency)} on ${copy.date} is the same line as ${keep.status} "${keep.description}" on ${keep.date}: ${why}`,
    });
    if (k < 0) return;
    copies[copyAt] = 1;
    kept[keepAt] = 1;
  };

  // Positions grouped by amount alone; account and currency are checked per pair. The positions with
  // an amount are ordered by it (a typed sort, equal amounts in position order), so each run of equal
  // amounts is a group: no map of lists, and amounts seen once are passed over in the walk.
  const { minor, flags } = run;
  for (let i = 0; i < transactions.length; i++) {
    if (!(flags[i]! & SUPERSEDED)) continue;
    const t = transactions[i]!;
    if (!ctx.claimed.hasOrdinal(i)) copies[i] = 1;
    const successor = ctx.ordinals.get(t.supersededBy!);
    if (successor !== undefined) {
      record(successor, i, 1, 'the posted line replaced the pending one when it was captured');
    }
  }
  // Lines grouped by amount: neither a superseded line nor a zero amount is a copy of another. Only
  // a line with another of its amount a few days away can be a copy (see nearSameAmount): usually a
  // small part of the run, and the rest is neither sorted nor walked.
  const grouped = (k: number) => !(flags[k]! & SUPERSEDED) && minor[k] !== 0 && !Number.isNaN(minor[k]!);
  const near = nearSameAmount(run.days, minor, grouped, scratch);
  const candidate = near ? (k: number) => near[k] === 1 : grouped;
  let count = 0;
  for (let k = 0; k < transactions.length; k++) if (candidate(k)) count++;
  const positions = scratch.int32(count);
  const keys = scratch.float64(count);
  for (let k = 0, i = 0; k < transactions.length; k++) {
    if (!candidate(k)) continue;
    positions[i] = k;
    keys[i++] = minor[k]!;
  }
  const byAmount = orderByKey(keys, scratch);
  const group: number[] = [];
  for (let from = 0; from < byAmount.length; ) {
    let to = from + 1;
    while (to < byAmount.length && keys[byAmount[to]!] === keys[byAmount[from]!]) to++;
    if (to - from > 1) {
      group.length = 0;
      for (let k = from; k < to; k++) group.push(positions[byAmount[k]!]!);
      pairCopies(group);
    }
    from = to;
  }
  return copies;

  /** One amount's lines, in posting order. */
  function pairCopies(group: readonly number[]): void {
    // Transactions arrive sorted by date, so each line only looks ahead a few days.
    for (let i = 0; i < group.length; i++) {
      const ai = group[i]!;
      const a = transactions[ai]!;
      if (copies[ai]) continue;
      for (let j = i + 1; j < group.length; j++) {
        const bi = group[j]!;
        const b = transactions[bi]!;
        if (run.days[bi]! - run.days[ai]! > POSTING_DAYS.after) break;
        if (b.account !== a.account || b.institution !== a.institution) continue;
        if (b.amount.currency !== a.amount.currency || copies[bi] || copies[ai]) continue;
        const same = sameLine(a, b);
        if (!same) continue;
        const [keep, copy] = keeps(a, b) ? [ai, bi] : [bi, ai];
        if (ctx.claimed.hasOrdinal(copy) || kept[copy]) continue;
        record(keep, copy, same.confidence, same.why);
      }
    }
  }
}

/** Days per block in nearSameAmount: a copy posts at most POSTING_DAYS.after days after its line. */
const BLOCK_DAYS = POSTING_DAYS.after + 1;

/**
 * Per ordinal, 1 for a grouped line that may have another grouped line of its amount in its block of
 * BLOCK_DAYS days or a neighbouring one; undefined when the days do not rise with the ordinals (then
 * every grouped line is a candidate). Two lines at most POSTING_DAYS.after days apart are in one
 * block or two neighbouring ones, so no pair pairCopies would look at is lost. The amounts of each two
 * neighbouring blocks are hashed into two small bitmaps, seen once and seen twice, that stay in cache:
 * a hash shared by two amounts only lets a line through that the walk then passes over.
 */
function nearSameAmount(
  days: Int32Array,
  minor: Float64Array,
  grouped: (k: number) => boolean,
  scratch: Scratch,
): Uint8Array | undefined {
  const n = days.length;
  // Where each block starts (the lines are in day order), and each grouped line's amount hashed
  // (its lowest bit set: 0 is a line not grouped).
  const starts: number[] = [];
  const hashes = scratch.int32(n);
  for (let k = 0, block = Number.NaN, end = Number.NEGATIVE_INFINITY; k < n; k++) {
    const d = days[k]!;
    if (k > 0 && d < days[k - 1]!) return undefined;
    if (d >= end) {
      const b = Math.floor(d / BLOCK_DAYS);
      end = (b + 1) * BLOCK_DAYS;
      if (b !== block) starts.push(k);
      block = b;
    }
    if (grouped(k)) hashes[k] = amountHash(minor[k]!) | 1;
  }
  starts.push(n);
  const blocks = starts.length - 1;
  let widest = 0;
  for (let b = 0; b < blocks; b++) widest = Math.max(widest, starts[Math.min(b + 2, blocks)]! - starts[b]!);
  // About 16 bits per line: one line in 16 shares a bit with another amount.
  let log = 10;
  while (1 << log < widest * 16 && log < 30) log++;
  const shift = 32 - log;
  const once = scratch.int32(1 << (log - 5));
  const twice = scratch.int32(1 << (log - 5));
  const near = scratch.uint8(n);
  for (let b = 0; b < blocks; b++) {
    const from = starts[b]!;
    const to = starts[Math.min(b + 2, blocks)]!;
    once.fill(0);
    twice.fill(0);
    for (let k = from; k < to; k++) {
      const x = hashes[k]!;
      if (x === 0) continue;
      const h = x >>> shift;
      const bit = 1 << (h & 31);
      if (once[h >>> 5]! & bit) twice[h >>> 5]! |= bit;
      else once[h >>> 5]! |= bit;
    }
    for (let k = from; k < to; k++) {
      const x = hashes[k]!;
      if (x === 0) continue;
      const h = x >>> shift;
      if (twice[h >>> 5]! & (1 << (h & 31))) near[k] = 1;
    }
  }
  return near;
}

/** A hash of an amount whose top bits spread (multiplicative, over its low and high 32 bits). */
const amountHash = (m: number): number => Math.imul((m | 0) ^ ((m / 4294967296) | 0), 0x9e3779b1) >>> 0;
