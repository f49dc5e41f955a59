import { type BankLine, compatible } from './bankLine';
import type { BankLines } from './bankLines';
import { daysApart } from './dayNumber';
import { hasSubsetSum } from './hasSubsetSum';
import { acceptOneLink } from './linkDraft';
import {
  LINE_AMOUNT,
  LINE_CURRENCY,
  LINE_DAY,
  LINE_NOT_PAYOUT,
  LINE_ORDINAL,
  LINE_PROCESSOR,
  LINE_RECORD,
  matchColumns,
  UNIT_CURRENCY,
  UNIT_DAY,
  UNIT_END_DAY,
  UNIT_ORDINAL,
  UNIT_PROCESSOR,
  UNIT_RECORD,
  UNIT_VALUE,
} from './matchColumns';
import {
  acceptPairOf,
  isRejected,
  type MatchContext,
  pairFacts,
  recordLag,
  typicalLag,
} from './matchContext';
import { orderByKey, sortPositionsByKey } from './orderByKey';
import { byUnitDate, type PayoutUnit, pairType, unitMemberIds, unitTaken } from './payoutUnit';
import type { PayoutUnits } from './payoutUnits';
import type { Scratch } from './scratch';
import { unitDateOrder } from './unitDateOrder';

/** Beyond this many possible assignments a cluster of equal amounts is paired greedily instead. */
const MAX_ASSIGNMENTS = 20_000;

/** Payouts of one amount and the lines that could be theirs, linked through shared candidates. */
type Cluster = {
  units: PayoutUnit[];
  options: Map<PayoutUnit, BankLine[]>;
  /** Paired with the unnamed lines in view, but only the pairs with a named line are kept (the named pass). */
  namedLinksOnly?: boolean;
};

/**
 * Pass 3. A payout and a bank line of the same currency and amount, the line dated within the
 * payout's window (0 … N business days later). Lines are indexed by currency and amount and sorted by
 * posting order, so each payout looks only at its few candidates.
 *
 * A payout with one candidate that no other payout wants is matched outright, and its delay is noted.
 * Where several payouts and lines of one amount overlap, the whole cluster is paired at once: as many
 * pairs as possible, then as many lines naming the processor as possible, then delays closest to the
 * processor's usual one, then first paid, first deposited. Such matches are marked ambiguous.
 * Run first with `namedOnly` (lines that name a processor), so a customer deposit of the same amount
 * cannot take a payout whose deposit was combined or split.
 */
export function matchOneToOne(
  units: PayoutUnits,
  lines: BankLines,
  ctx: MatchContext,
  { namedOnly }: { namedOnly: boolean },
): void {
  // Lines and payouts sorted by amount (stable: posting order within one amount), then walked side
  // by side: each amount's payouts meet its lines without a map of lists per amount. What is compared
  // is read from the columns (see matchColumns); an object is touched when a candidate is found.
  const { names, units: U, lines: L } = matchColumns(units, lines);
  const claimed = ctx.claimed;
  const LR = L.records;
  const UR = U.records;
  // The pass's columns go back to the scratch when it ends: the next pass reuses them.
  const scratch = ctx.scratch;
  const mark = scratch.mark();
  const eligible = scratch.int32(lines.length);
  const amounts = scratch.float64(lines.length);
  let poolSize = 0;
  for (let i = 0, b = 0; i < lines.length; i++, b += LINE_RECORD) {
    // The named pass sees unnamed lines too, so that date order among same-amount payouts is kept.
    const amount = LR[b + LINE_AMOUNT]!;
    if (claimed.hasOrdinal(LR[b + LINE_ORDINAL]!) || amount === 0) continue;
    if (LR[b + LINE_PROCESSOR]! < 0 && LR[b + LINE_NOT_PAYOUT]) continue;
    eligible[poolSize] = i;
    amounts[poolSize++] = amount;
  }
  const poolAt = eligible.subarray(0, poolSize);
  const poolAmounts = amounts.subarray(0, poolSize);
  sortPositionsByKey(poolAt, poolAmounts, scratch);
  // The pool's records copied in pool order, and the open payouts' in theirs below: the loop then reads
  // them in sequence. Gathered in one tight loop, their cache misses overlap; met one by one in the
  // loop, each stalled it.
  const PL = gatherRecords(LR, poolAt, LINE_RECORD, scratch);
  /** The `i`th line of the pool, read when a match or a cluster is made of it. */
  const pool = (i: number) => lines.at(poolAt[i]!);
  const openAt = scratch.int32(units.length);
  const values = scratch.float64(units.length);
  let openCount = 0;
  for (let r = 0; r < units.length; r++) {
    const ordinal = UR[r * UNIT_RECORD + UNIT_ORDINAL]!;
    if (ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r))) continue;
    openAt[openCount] = r;
    values[openCount++] = UR[r * UNIT_RECORD + UNIT_VALUE]!;
  }
  const openRanks = openAt.subarray(0, openCount);
  const openValues = values.subarray(0, openCount);
  sortPositionsByKey(openRanks, openValues, scratch);
  const OU = gatherRecords(UR, openRanks, UNIT_RECORD, scratch);

  const contested: Cluster[] = [];
  const acceptUnique = (u: PayoutUnit, line: BankLine) => {
    const named = line.processor === u.processor;
    const debit = !named && unnamedDebit(line, u);
    const why = uniqueWhy(u.processor, named ? 0 : debit ? 1 : 2);
    if (acceptOneLink(ctx, u, line, named ? 0.95 : debit ? 0.6 : 0.8, false, why) >= 0) {
      recordLag(ctx, u.processor, ctx.lag(u.day, line.day));
    }
  };
  /** `acceptUnique` of open payout `k` and `pool[i]`, from the columns when it is a payout line's pair. */
  const acceptUniqueAt = (k: number, i: number) => {
    const r = openRanks[k]!;
    const b = i * LINE_RECORD;
    const a = k * UNIT_RECORD;
    const named = PL[b + LINE_PROCESSOR] === OU[a + UNIT_PROCESSOR];
    // Settled lines, and a debit whose text decides (see unnamedDebit): from the objects.
    if (OU[a + UNIT_ORDINAL]! < 0 || (!named && openValues[k]! < 0))
      return acceptUnique(units.at(r), pool(i));
    const processor = names[OU[a + UNIT_PROCESSOR]!]!;
    const f = pairFacts;
    // The ids are read by ordinal when the match is (see FoundMatches), unless the run has none.
    if (ctx.run === undefined) {
      f.payoutId = units.payout(r)!.id;
      f.lineId = lines.t(poolAt[i]!).id;
    }
    f.value = openValues[k]!;
    f.amount = poolAmounts[i]!;
    f.currency = names[OU[a + UNIT_CURRENCY]!]!;
    f.unitOrdinal = OU[a + UNIT_ORDINAL]!;
    f.lineOrdinal = PL[b + LINE_ORDINAL]!;
    const why = uniqueWhy(processor, named ? 0 : 2);
    if (acceptPairOf(ctx, f, named ? 0.95 : 0.8, false, why) >= 0) {
      recordLag(ctx, processor, ctx.lag(OU[a + UNIT_DAY]!, PL[b + LINE_DAY]!));
    }
  };
  /** Whether a line of the payout's amount in its window could be its other side. */
  const fits = (u: PayoutUnit, line: BankLine) =>
    line.currency === u.currency &&
    (compatible(line, u) || unnamedDebit(line, u)) &&
    !(ctx.rejected.size > 0 && isRejected(ctx, pairType(u), () => [...unitMemberIds(u), line.t.id]));
  /**
   * `fits` of open payout `k` and `pool[i]` from the columns: the line's object is read only for an
   * unnamed debit's text or a rejected pairing. The line has the payout's amount (one span).
   */
  const fitsAt = (k: number, i: number) => {
    const b = i * LINE_RECORD;
    const a = k * UNIT_RECORD;
    if (PL[b + LINE_CURRENCY] !== OU[a + UNIT_CURRENCY]) return false;
    const processor = PL[b + LINE_PROCESSOR]!;
    if (processor !== OU[a + UNIT_PROCESSOR]) {
      if (processor >= 0 || PL[b + LINE_NOT_PAYOUT]) return false;
      if (openValues[k]! < 0 && !GENERIC_DEBIT.test(pool(i).t.description)) return false;
    }
    return ctx.rejected.size === 0 || fits(units.at(openRanks[k]!), pool(i));
  };
  /** The lines of the payout's amount in its window (`pool[from, to)`, one amount) that could be its other side. */
  const candidates = (u: PayoutUnit, from: number, to: number) => {
    const found: BankLine[] = [];
    for (
      let i = firstDayIn(PL, u.day, from, to);
      i < to && PL[i * LINE_RECORD + LINE_DAY]! <= u.endDay;
      i++
    ) {
      if (fits(u, pool(i))) found.push(pool(i));
    }
    return found;
  };
  // Per amount: which amount last saw each pool line (see matchAmount), and the pool indexes of each
  // payout's candidates, one list after another.
  const seenIn = scratch.int32(poolSize);
  let amountsSeen = 0;
  const found = scratch.int32(poolSize);
  let foundCount = 0;
  const ends = scratch.int32(openRanks.length);
  // Each contested cluster's amount's first payout (its rank: its position in `units`).
  const contestedRanks: number[] = [];
  // Amounts in amount order, each amount's payouts and lines as ranges of the sorted arrays (an
  // amount's pairs depend on no other amount): the sorted arrays are read in order.
  for (let at = 0, from = 0; at < openRanks.length; ) {
    const key = openValues[at]!;
    let next = at + 1;
    while (next < openRanks.length && openValues[next] === key) next++;
    while (from < poolSize && poolAmounts[from]! < key) from++;
    let to = from;
    while (to < poolSize && poolAmounts[to] === key) to++;
    if (to > from) {
      matchAmount(at, next, from, to);
      while (contestedRanks.length < contested.length) contestedRanks.push(openRanks[at]!);
    }
    at = next;
  }

  /**
   * One amount: its open payouts `openRanks[openFrom, openTo)` (in posting order) and its lines
   * `pool[from, to)` (in posting order), from the columns. When no line is a candidate of two of them
   * (a payout alone at its amount, or payouts of one amount far apart in time: most), each takes its
   * one candidate, or is contested when it has several; otherwise see `matchOverlapping`.
   */
  function matchAmount(openFrom: number, openTo: number, from: number, to: number): void {
    amountsSeen++;
    foundCount = 0;
    let disjoint = true;
    for (let k = openFrom; k < openTo; k++) {
      const endDay = OU[k * UNIT_RECORD + UNIT_END_DAY]!;
      for (
        let i = firstDayIn(PL, OU[k * UNIT_RECORD + UNIT_DAY]!, from, to);
        i < to && PL[i * LINE_RECORD + LINE_DAY]! <= endDay;
        i++
      ) {
        if (!fitsAt(k, i)) continue;
        if (seenIn[i] === amountsSeen) disjoint = false;
        seenIn[i] = amountsSeen;
        found[foundCount++] = i;
      }
      ends[k] = foundCount;
    }
    if (!disjoint) {
      const members: PayoutUnit[] = [];
      for (let k = openFrom; k < openTo; k++) members.push(units.at(openRanks[k]!));
      matchOverlapping(members, from, to);
      return;
    }
    for (let k = openFrom, start = 0; k < openTo; start = ends[k]!, k++) {
      const r = openRanks[k]!;
      let first = -1;
      let kept: BankLine[] | undefined;
      for (let j = start; j < ends[k]!; j++) {
        const i = found[j]!;
        if (namedOnly && PL[i * LINE_RECORD + LINE_PROCESSOR]! < 0) continue;
        if (first < 0) first = i;
        else if (kept === undefined) kept = [pool(first), pool(i)];
        else kept.push(pool(i));
      }
      if (kept !== undefined) settle(units.at(r), kept);
      else if (first >= 0) acceptUniqueAt(k, first);
    }
  }

  /** A payout whose candidates no other payout wants: taken when there is one, contested when several. */
  function settle(u: PayoutUnit, found: BankLine[]): void {
    if (found.length === 1) acceptUnique(u, found[0]!);
    else if (found.length > 1) pushContested(contested, [u], new Map([[u, found]]));
  }

  /** Payouts of one amount that want the same lines (`pool[from, to)`): paired cluster by cluster. */
  function matchOverlapping(group: PayoutUnit[], from: number, to: number): void {
    const options = new Map<PayoutUnit, BankLine[]>();
    for (const u of group) {
      const found = candidates(u, from, to);
      if (found.length > 0) options.set(u, found);
    }
    for (const cluster of splitClusters(options)) {
      const u = cluster.units[0]!;
      if (namedOnly) {
        const unnamed = [...cluster.options.values()].some((found) => !found.every(isNamed));
        if (cluster.units.length > 1 && unnamed) {
          // Same-amount payouts that could also take unnamed lines: pair them all by date order now,
          // keep the named pairs, and leave the unnamed lines to the next pass.
          pushContested(contested, cluster.units, cluster.options, true);
          continue;
        }
        const named = new Map(cluster.units.map((x) => [x, cluster.options.get(x)!.filter(isNamed)]));
        const only = named.get(u)!;
        if (cluster.units.length === 1 && only.length === 1) acceptUnique(u, only[0]!);
        else if (cluster.units.length > 1 || only.length > 1) pushContested(contested, cluster.units, named);
        continue;
      }
      const only = cluster.options.get(u)!;
      if (cluster.units.length === 1 && only.length === 1) acceptUnique(u, only[0]!);
      else pushContested(contested, cluster.units, cluster.options);
    }
  }
  // Contested clusters last, once the sure matches have shown each processor's usual delay.
  const combinable = combinableLines(units, lines, ctx);
  // In the order of their amount's first payout (posting order), stable within one amount.
  const queue = orderByKey(contestedRanks);
  for (let q = 0; q < queue.length; q++) {
    const cluster = contested[queue[q]!]!;
    const lineCount = new Set([...cluster.options.values()].flat()).size;
    // More lines than payouts: a line other open payouts add up to is better left to them. More
    // payouts than lines: a payout that with other open payouts adds up to a deposit is left to it.
    const joins =
      lineCount > cluster.units.length
        ? combinable.line
        : lineCount < cluster.units.length
          ? (_: BankLine, u: PayoutUnit) => combinable.unit(u)
          : () => false;
    for (const [u, line] of assign(cluster, ctx, joins)) {
      if (cluster.namedLinksOnly && !isNamed(line)) continue;
      const named = line.processor === u.processor;
      const usual = typicalLag(ctx, u.processor);
      const why =
        `same amount: ${cluster.units.length} payout(s) and ${lineCount} line(s) of it overlap in the window, so they were ` +
        `paired ${usual !== undefined ? `by ${u.processor}'s usual ${usual}-business-day delay and ` : ''}by date order` +
        (named ? ', preferring lines that name the processor' : '');
      acceptOneLink(ctx, u, line, named ? 0.7 : 0.55, true, why);
    }
  }
  scratch.release(mark);
}

/**
 * A debit that names no processor, for a negative payout (the processor taking money back). A bank
 * account is full of unnamed debits, so such a line is linked only when it is the payout's one
 * candidate and no other payout of the amount wants it; contested clusters leave it out.
 */
const unnamedDebit = (line: BankLine, u: PayoutUnit) =>
  u.value < 0 &&
  line.processor === undefined &&
  !line.notPayout &&
  line.amount < 0 &&
  GENERIC_DEBIT.test(line.t.description);

/** How a bank prints an ACH pull it has no name for (`ACH DEBIT`, `ELECTRONIC WITHDRAWAL`), unlike a bill or card purchase. */
const GENERIC_DEBIT = /^\s*(ACH|ELECTRONIC|ELEC|EFT)\s+(DEBIT|WITHDRAWAL|WITHDRWL|DR)\b/i;

/** First index of `pool` (payout positions by date, their records in `records`) dated after `day`, else its length. */
function afterDay(records: Float64Array, pool: readonly number[], day: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[pool[mid]! * UNIT_RECORD + UNIT_DAY]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `[from, to)` whose line record (in `records`, in date order there) is dated `day` or later, else `to`. */
function firstDayIn(records: Int32Array, day: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid * LINE_RECORD + LINE_DAY]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `at[from, to)` whose line (its record in `records`) is dated `day` or later, else `to`: the lines are in date order. */
function firstDayFrom(
  records: Float64Array,
  at: ArrayLike<number>,
  day: number,
  from: number,
  to: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[at[mid]! * LINE_RECORD + LINE_DAY]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The records (`size` numbers each) at positions `at`, one after the other in that order, as 32-bit
 * integers: half the memory (at 1M every 64 MB of new typed arrays costs a full collection). Codes,
 * days and ordinals fit; a value or an amount does not, and is read from the sorted keys instead.
 */
function gatherRecords(records: Float64Array, at: Int32Array, size: number, scratch: Scratch): Int32Array {
  const out = scratch.int32(at.length * size, false);
  for (let k = 0, o = 0; k < at.length; k++) {
    const from = at[k]! * size;
    for (let f = 0; f < size; f++) out[o++] = records[from + f]!;
  }
  return out;
}

/** Queues a contested cluster without its unnamed debits (see `unnamedDebit`). */
function pushContested(
  contested: Cluster[],
  units: PayoutUnit[],
  options: Map<PayoutUnit, BankLine[]>,
  namedLinksOnly = false,
): void {
  const kept = new Map<PayoutUnit, BankLine[]>();
  for (const u of units) {
    const found = options.get(u)!.filter((l) => !unnamedDebit(l, u));
    if (found.length > 0) kept.set(u, found);
  }
  if (kept.size > 0) contested.push({ units: [...kept.keys()], options: kept, namedLinksOnly });
}

const isNamed = (line: BankLine) => line.processor !== undefined;

/** Why a sole candidate was taken, per processor and kind of line: the same few texts for every payout. */
const uniqueWhys = new Map<string, string[]>();
function uniqueWhy(processor: string, kind: 0 | 1 | 2): string {
  let texts = uniqueWhys.get(processor);
  if (texts === undefined) {
    const base = `the only line of this amount in the ${processor} window`;
    texts = [
      `${base}, and it names the processor`,
      `${base}, though the debit does not name the processor`,
      base,
    ];
    uniqueWhys.set(processor, texts);
  }
  return texts[kind]!;
}

/** How many open payouts a combined deposit is looked for among, nearest first, and of how many at most. */
const MAX_COMBINED_CANDIDATES = 24;
const MAX_COMBINED = 4;

/**
 * Whether other open payouts of a payout's processor, each with the line in its window, add up to
 * the line to the cent: then the line may be their combined deposit, and giving it to this payout
 * would leave them all without one. Open payouts and lines are gathered once per pass, on first use,
 * from the columns (see matchColumns): positions, no object made.
 */
function combinableLines(units: PayoutUnits, lines: BankLines, ctx: MatchContext) {
  const { names, units: U, lines: L } = matchColumns(units, lines);
  const UR = U.records;
  const LR = L.records;
  const claimed = ctx.claimed;
  const unitTakenAt = (r: number) => {
    const ordinal = UR[r * UNIT_RECORD + UNIT_ORDINAL]!;
    return ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r));
  };
  /** Open payouts (positions, by date) per processor and currency (codes: processor × names + currency). */
  let pools: Map<number, number[]> | undefined;
  /** The longest payout window among open payouts, in days: older payouts cannot reach a line. */
  let maxSpan = 0;
  const memo = new Map<string, boolean>();
  const unitMemo = new Map<PayoutUnit, boolean>();
  /** Open lines naming a processor (positions, by date), per processor code. */
  let named: Map<number, number[]> | undefined;
  /** Whether `u` and at least one other open payout add up to an open line naming its processor. */
  const unit = (u: PayoutUnit): boolean => {
    const known = unitMemo.get(u);
    if (known !== undefined) return known;
    if (!named) {
      named = new Map();
      for (let i = 0; i < lines.length; i++) {
        const at = i * LINE_RECORD;
        const p = LR[at + LINE_PROCESSOR]!;
        if (p < 0 || claimed.hasOrdinal(LR[at + LINE_ORDINAL]!)) continue;
        const list = named.get(p);
        if (list) list.push(i);
        else named.set(p, [i]);
      }
    }
    const a = u.rank * UNIT_RECORD;
    const pool = named.get(UR[a + UNIT_PROCESSOR]!) ?? [];
    const currency = UR[a + UNIT_CURRENCY]!;
    let found = false;
    for (
      let i = firstDayFrom(LR, pool, u.day, 0, pool.length), n = 0;
      i < pool.length && n < 50 && !found;
      i++, n++
    ) {
      const at = pool[i]! * LINE_RECORD;
      const day = LR[at + LINE_DAY]!;
      if (day > u.endDay) break;
      const amount = LR[at + LINE_AMOUNT]!;
      if (claimed.hasOrdinal(LR[at + LINE_ORDINAL]!) || LR[at + LINE_CURRENCY] !== currency) continue;
      if (Math.sign(amount) !== Math.sign(u.value) || Math.abs(amount) <= Math.abs(u.value)) continue;
      found = sumsTo(day, amount - u.value, u.rank, 1);
    }
    unitMemo.set(u, found);
    return found;
  };
  /** Whether open payouts of payout `like`'s processor (not it), with a line of `day` in their window, add up to `target`. */
  const sumsTo = (day: number, target: number, like: number, minSize: number): boolean => {
    if (!pools) {
      pools = new Map();
      const byDate = unitDateOrder(UR);
      for (let k = 0; k < byDate.length; k++) {
        const r = byDate[k]!;
        if (unitTakenAt(r)) continue;
        const at = r * UNIT_RECORD;
        maxSpan = Math.max(maxSpan, UR[at + UNIT_END_DAY]! - UR[at + UNIT_DAY]!);
        const key = UR[at + UNIT_PROCESSOR]! * names.length + UR[at + UNIT_CURRENCY]!;
        const list = pools.get(key);
        if (list) list.push(r);
        else pools.set(key, [r]);
      }
    }
    const a = like * UNIT_RECORD;
    const pool = pools.get(UR[a + UNIT_PROCESSOR]! * names.length + UR[a + UNIT_CURRENCY]!) ?? [];
    const values: number[] = [];
    // By binary search and bounded by the longest window: a scan from the end of the pool was
    // linear in the pool per line, quadratic over a year of busy payouts.
    for (let i = afterDay(UR, pool, day) - 1; i >= 0 && values.length < MAX_COMBINED_CANDIDATES; i--) {
      const r = pool[i]!;
      const at = r * UNIT_RECORD;
      const before = day - UR[at + UNIT_DAY]!;
      if (before > 31 || before > maxSpan) break;
      if (r === like || UR[at + UNIT_END_DAY]! < day || unitTakenAt(r)) continue;
      const value = UR[at + UNIT_VALUE]!;
      if (Math.sign(value) !== Math.sign(target) || Math.abs(value) > Math.abs(target)) continue;
      if (value === target) {
        if (minSize <= 1) return true;
        continue;
      }
      values.push(value);
    }
    const maxSize = MAX_COMBINED - (minSize <= 1 ? 1 : 0);
    return hasSubsetSum(values, target, maxSize);
  };
  /** Whether other open payouts of `u`'s processor, with the line in their window, add up to the line. */
  const line = (l: BankLine, u: PayoutUnit): boolean => {
    const memoKey = `${l.ordinal}|${u.processor}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const found = sumsTo(l.day, l.amount, u.rank, 2);
    memo.set(memoKey, found);
    return found;
  };
  return { line, unit };
}

/** Connected groups of payouts that share candidate lines. */
function splitClusters(options: Map<PayoutUnit, BankLine[]>): Cluster[] {
  const byLine = new Map<BankLine, PayoutUnit[]>();
  for (const [u, found] of options) {
    for (const line of found) {
      const list = byLine.get(line);
      if (list) list.push(u);
      else byLine.set(line, [u]);
    }
  }
  const seen = new Set<PayoutUnit>();
  const clusters: Cluster[] = [];
  for (const start of options.keys()) {
    if (seen.has(start)) continue;
    const members: PayoutUnit[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const u = queue.pop()!;
      members.push(u);
      for (const line of options.get(u)!) {
        for (const other of byLine.get(line)!) {
          if (seen.has(other)) continue;
          seen.add(other);
          queue.push(other);
        }
      }
    }
    members.sort((a, b) => (a.end !== b.end ? (a.end < b.end ? -1 : 1) : byUnitDate(a, b)));
    clusters.push({ units: members, options: new Map(members.map((u) => [u, options.get(u)!])) });
  }
  return clusters;
}

/**
 * Score of an assignment, compared left to right: more pairs, more lines whose text dates the payout
 * (`DESC DATE:YYMMDD`), fewer pairs out of date order among one processor's payouts, more named lines,
 * closer to usual delays.
 */
type Score = [number, number, number, number, number, number];

const better = (a: Score, b: Score) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/** Pairs a contested cluster: exhaustively when small, else first paid takes the first line. */
function assign(
  cluster: Cluster,
  ctx: MatchContext,
  joins: (line: BankLine, u: PayoutUnit) => boolean,
): Array<[PayoutUnit, BankLine]> {
  const { units, options } = cluster;
  const size = units.reduce((n, u) => n * (options.get(u)!.length + 1), 1);
  if (size > MAX_ASSIGNMENTS) {
    const taken = new Set<BankLine>();
    const pairs: Array<[PayoutUnit, BankLine]> = [];
    for (const u of units) {
      const free = options.get(u)!.filter((l) => !taken.has(l));
      const line = free.find((l) => hintsDate(l, u.date)) ?? free[0];
      if (!line) continue;
      taken.add(line);
      pairs.push([u, line]);
    }
    return pairs;
  }

  const deviation = (u: PayoutUnit, line: BankLine) => {
    const usual = typicalLag(ctx, u.processor);
    return usual === undefined ? 0 : Math.abs(ctx.lag(u.day, line.day) - usual);
  };
  const costs = new Map(units.map((u) => [u, options.get(u)!.map((l) => deviation(u, l))]));

  let best: { score: Score; pairs: Array<[PayoutUnit, BankLine]> } | undefined;
  const chosen: Array<[PayoutUnit, BankLine]> = [];
  const taken = new Set<BankLine>();
  const hints = new Map(units.map((u) => [u, options.get(u)!.map((l) => (hintsDate(l, u.date) ? 1 : 0))]));
  const joined = new Map(units.map((u) => [u, options.get(u)!.map((l) => (joins(l, u) ? 1 : 0))]));
  const search = (i: number, named: number, cost: number, hinted: number, combined: number) => {
    if (i === units.length) {
      let crossings = 0;
      for (let a = 0; a < chosen.length; a++) {
        for (let b = a + 1; b < chosen.length; b++) {
          const [ua, la] = chosen[a]!;
          const [ub, lb] = chosen[b]!;
          if (ua.processor !== ub.processor || ua.date === ub.date) continue;
          if (byUnitDate(ua, ub) * (la.ordinal - lb.ordinal) < 0) crossings++;
        }
      }
      const score: Score = [chosen.length, hinted, -combined, -crossings, named, -cost];
      if (!best || better(score, best.score)) best = { score, pairs: [...chosen] };
      return;
    }
    const u = units[i]!;
    const found = options.get(u)!;
    found.forEach((line, k) => {
      if (taken.has(line)) return;
      taken.add(line);
      chosen.push([u, line]);
      search(
        i + 1,
        named + (line.processor === u.processor ? 1 : 0),
        cost + costs.get(u)![k]!,
        hinted + hints.get(u)![k]!,
        combined + joined.get(u)![k]!,
      );
      chosen.pop();
      taken.delete(line);
    });
    search(i + 1, named, cost, hinted, combined);
  };
  search(0, 0, 0, 0, 0);
  return best!.pairs;
}

/** `DESC DATE:251216`, or a bare `251216` a bank prints after the originator's name: the payout's own date. */
const DATE_HINT = /(?:DESC DATE:\s*|(?<![\w:#-]))(\d{2})(\d{2})(\d{2})(?![\w-])/gi;
const hintCache = new WeakMap<BankLine, string[]>();

/** Whether the line's text carries `date` (YYMMDD) as a date a few days before it posted. */
function hintsDate(line: BankLine, date: string): boolean {
  let found = hintCache.get(line);
  if (found === undefined) {
    found = [];
    const text = line.t.memo ? `${line.t.description} ${line.t.memo}` : line.t.description;
    for (const m of text.matchAll(DATE_HINT)) {
      const iso = `20${m[1]}-${m[2]}-${m[3]}`;
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const before = daysApart(iso, line.t.date);
      if (before >= 0 && before <= 14) found.push(iso);
    }
    hintCache.set(line, found);
  }
  return found.includes(date);
}
