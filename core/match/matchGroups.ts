import type { BankLine } from './bankLine';
import type { BankLines } from './bankLines';
import { daysApart } from './dayNumber';
import { firstAtLeast } from './firstAtLeast';
import { acceptLink } from './linkDraft';
import {
  LINE_AMOUNT,
  LINE_CURRENCY,
  LINE_DAY,
  LINE_NOT_PAYOUT,
  LINE_ORDINAL,
  LINE_PROCESSOR,
  LINE_RECORD,
  type MatchColumns,
  matchColumns,
  UNIT_CURRENCY,
  UNIT_DAY,
  UNIT_END_DAY,
  UNIT_ORDINAL,
  UNIT_PROCESSOR,
  UNIT_RECORD,
  UNIT_VALUE,
} from './matchColumns';
import { isRejected, type MatchContext } from './matchContext';
import { byUnitDate, type PayoutUnit, unitMemberIds, unitTaken } from './payoutUnit';
import type { PayoutUnits } from './payoutUnits';
import { subsetSums } from './subsetSums';
import { unitDateOrder } from './unitDateOrder';

/** Candidates per search, nearest in date first: 24 keeps meet-in-the-middle to a few hundred pairs. */
const MAX_CANDIDATES = 24;
/** How far a search may scan past ineligible lines before giving up, so a crowded day stays cheap. */
const MAX_SCAN = 400;
const MAX_GROUP = 4;
/** Solutions looked for per deposit: enough to see past ones that only swap equal payouts. */
const MAX_SOLUTIONS = 6;

const sameSign = (a: number, b: number) => (a > 0 && b > 0) || (a < 0 && b < 0);

/**
 * Pass 4. One deposit that is several payouts (many-to-one), then one payout that arrived as several
 * deposits (one-to-many), found by exact-cent subset sums over the few candidates in the window.
 * A unique combination is accepted; when several fit, the nearest in date is proposed, marked ambiguous.
 * With `namedOnly`, only lines naming a processor are tried (a split deposit always is one of those).
 */
export function matchGroups(
  units: PayoutUnits,
  lines: BankLines,
  ctx: MatchContext,
  { namedOnly }: { namedOnly: boolean },
): void {
  // Payouts and lines are scanned in their columns (see matchColumns); an object is read only for a
  // combination that adds up.
  const columns = matchColumns(units, lines);
  manyToOne(units, lines, ctx, columns, namedOnly);
  if (namedOnly) oneToMany(units, lines, ctx, columns);
}

function manyToOne(
  units: PayoutUnits,
  lines: BankLines,
  ctx: MatchContext,
  columns: MatchColumns,
  namedOnly: boolean,
): void {
  const claimed = ctx.claimed;
  const U = columns.units.records;
  const L = columns.lines.records;
  const taken = (r: number) => {
    const ordinal = U[r * UNIT_RECORD + UNIT_ORDINAL]!;
    return ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r));
  };
  // The open payouts of each currency (by code) in date order.
  const pools: number[][] = [];
  let open = 0;
  let maxSpan = 0;
  const byDate = unitDateOrder(U);
  for (let k = 0; k < byDate.length; k++) {
    const r = byDate[k]!;
    if (taken(r)) continue;
    open++;
    const at = r * UNIT_RECORD;
    maxSpan = Math.max(maxSpan, U[at + UNIT_END_DAY]! - U[at + UNIT_DAY]!);
    const pool = pools[U[at + UNIT_CURRENCY]!];
    if (pool) pool.push(r);
    else pools[U[at + UNIT_CURRENCY]!] = [r];
  }
  /** Each open payout's day, by position in its pool (for the search by date). */
  const poolDays = pools.map((pool) => Int32Array.from(pool, (r) => U[r * UNIT_RECORD + UNIT_DAY]!));
  if (open < 2) return;
  for (let l = 0; l < lines.length; l++) {
    const line = l * LINE_RECORD;
    const processor = L[line + LINE_PROCESSOR]!;
    const target = L[line + LINE_AMOUNT]!;
    if (processor < 0 && (namedOnly || L[line + LINE_NOT_PAYOUT] || target <= 0)) continue;
    if (claimed.hasOrdinal(L[line + LINE_ORDINAL]!) || target === 0) continue;
    const currency = L[line + LINE_CURRENCY]!;
    const pool = pools[currency];
    if (!pool) continue;
    const days = poolDays[currency]!;
    const day = L[line + LINE_DAY]!;
    const found: number[] = [];
    let scanned = 0;
    for (
      let i = firstAtLeast(days, day + 1) - 1;
      i >= 0 && found.length < MAX_CANDIDATES && scanned < MAX_SCAN;
      i--, scanned++
    ) {
      if (day - days[i]! > maxSpan) break;
      const r = pool[i]!;
      const at = r * UNIT_RECORD;
      const value = U[at + UNIT_VALUE]!;
      if (taken(r) || U[at + UNIT_END_DAY]! < day || !sameSign(value, target)) continue;
      if (Math.abs(value) >= Math.abs(target)) continue;
      if (processor >= 0 && U[at + UNIT_PROCESSOR] !== processor) continue;
      found.push(r);
    }
    if (found.length < 2) continue;
    const bankLine = lines.at(l);
    let solutions: PayoutUnit[][] = [];
    for (const at of groupBy(found, (r) => U[r * UNIT_RECORD + UNIT_PROCESSOR]!).values()) {
      if (at.length < 2) continue;
      const group = at.map((r) => units.at(r));
      const keep = (ix: number[]) =>
        !isRejected(ctx, 'many-to-one', () => [
          ...ix.flatMap((i) => unitMemberIds(group[i]!)),
          bankLine.t.id,
        ]);
      for (const ix of subsetSums(
        at.map((r) => U[r * UNIT_RECORD + UNIT_VALUE]!),
        target,
        { maxSize: MAX_GROUP, limit: MAX_SOLUTIONS, keep },
      )) {
        solutions.push(ix.map((i) => group[i]!));
      }
    }
    if (solutions.length === 0) continue;
    solutions = firstPaidFirst(
      solutions,
      found.map((r) => units.at(r)),
      bankLine,
      ctx,
    );
    const unique = solutions.length === 1;
    const chosen = unique ? solutions[0]! : nearest(solutions, (u) => daysApart(u.date, bankLine.t.date));
    const named = bankLine.processor !== undefined;
    const confidence = unique ? (named ? 0.9 : 0.75) - 0.05 * (chosen.length - 2) : 0.4;
    const why = unique
      ? `these ${chosen.length} payouts are the only combination of open payouts in the window that adds up to the deposit to the cent`
      : `several combinations of open payouts add up to the deposit; the nearest in date is proposed for review`;
    acceptLink(ctx, [...chosen].sort(byUnitDate), [bankLine], confidence, !unique, why);
  }
}

function oneToMany(units: PayoutUnits, lines: BankLines, ctx: MatchContext, columns: MatchColumns): void {
  const claimed = ctx.claimed;
  const names = columns.names;
  const U = columns.units.records;
  const L = columns.lines.records;
  // A split deposit is rare; only lines that name the payout's processor may make one up. Lines in
  // their order (by date), per processor and currency (codes: processor × names + currency).
  const pools = new Map<number, number[]>();
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = i * LINE_RECORD;
    if (
      claimed.hasOrdinal(L[line + LINE_ORDINAL]!) ||
      L[line + LINE_PROCESSOR]! < 0 ||
      L[line + LINE_AMOUNT] === 0
    )
      continue;
    open++;
    const key = L[line + LINE_PROCESSOR]! * names.length + L[line + LINE_CURRENCY]!;
    const pool = pools.get(key);
    if (pool) pool.push(i);
    else pools.set(key, [i]);
  }
  if (open < 2) return;
  const byDate = unitDateOrder(U);
  for (let k = 0; k < byDate.length; k++) {
    const r = byDate[k]!;
    const at = r * UNIT_RECORD;
    const ordinal = U[at + UNIT_ORDINAL]!;
    if (ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r))) continue;
    const pool = pools.get(U[at + UNIT_PROCESSOR]! * names.length + U[at + UNIT_CURRENCY]!);
    if (!pool) continue;
    const value = U[at + UNIT_VALUE]!;
    const endDay = U[at + UNIT_END_DAY]!;
    const found: number[] = [];
    let scanned = 0;
    for (
      let j = onOrAfterDay(pool, L, U[at + UNIT_DAY]!);
      j < pool.length && found.length < MAX_CANDIDATES && scanned < MAX_SCAN;
      j++, scanned++
    ) {
      const i = pool[j]!;
      const line = i * LINE_RECORD;
      if (L[line + LINE_DAY]! > endDay) break;
      const amount = L[line + LINE_AMOUNT]!;
      if (claimed.hasOrdinal(L[line + LINE_ORDINAL]!) || !sameSign(amount, value)) continue;
      if (Math.abs(amount) >= Math.abs(value)) continue;
      found.push(i);
    }
    if (found.length < 2) continue;
    const u = units.at(r);
    const candidates = found.map((i) => lines.at(i));
    const keep = (ix: number[]) =>
      !isRejected(ctx, 'one-to-many', () => [...unitMemberIds(u), ...ix.map((i) => candidates[i]!.t.id)]);
    const solutions = subsetSums(
      found.map((i) => L[i * LINE_RECORD + LINE_AMOUNT]!),
      value,
      { maxSize: MAX_GROUP, limit: 2, keep },
    ).map((ix) => ix.map((i) => candidates[i]!));
    if (solutions.length === 0) continue;
    const unique = solutions.length === 1;
    const chosen = unique ? solutions[0]! : nearest(solutions, (l) => daysApart(u.date, l.t.date));
    const why = unique
      ? `these ${chosen.length} deposits naming ${u.processor} are the only combination in the window that adds up to the payout to the cent`
      : `several combinations of deposits add up to the payout; the nearest in date is proposed for review`;
    acceptLink(
      ctx,
      [u],
      [...chosen].sort((a, b) =>
        a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.id < b.t.id ? -1 : 1,
      ),
      unique ? 0.8 : 0.4,
      !unique,
      why,
    );
  }
}

/**
 * Solutions that differ only in which of several equal payouts they use are one combination: it takes
 * the earliest payouts of each amount (first paid, first deposited), leaving later ones for later deposits.
 */
function firstPaidFirst(
  solutions: PayoutUnit[][],
  found: readonly PayoutUnit[],
  line: BankLine,
  ctx: MatchContext,
): PayoutUnit[][] {
  const keyOf = (s: PayoutUnit[]) =>
    `${s[0]!.processor}|${s
      .map((u) => u.value)
      .sort((a, b) => a - b)
      .join(',')}`;
  const keys = new Set(solutions.map(keyOf));
  if (keys.size !== 1 || solutions.length === 1) return solutions.slice(0, 2);
  const first = solutions[0]!;
  const earliest = found.filter((u) => u.processor === first[0]!.processor).sort(byUnitDate);
  const chosen: PayoutUnit[] = [];
  const need = new Map<number, number>();
  for (const u of first) need.set(u.value, (need.get(u.value) ?? 0) + 1);
  for (const u of earliest) {
    const n = need.get(u.value) ?? 0;
    if (n === 0) continue;
    chosen.push(u);
    need.set(u.value, n - 1);
  }
  if (isRejected(ctx, 'many-to-one', () => [...chosen.flatMap(unitMemberIds), line.t.id])) return [first];
  return [chosen];
}

/** The solution with the smallest total distance, then the fewest members; the search order breaks ties. */
function nearest<T>(solutions: T[][], distance: (x: T) => number): T[] {
  let best = solutions[0]!;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const s of solutions) {
    const score = s.reduce((sum, x) => sum + distance(x), 0) * 10 + s.length;
    if (score < bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

function groupBy<T, K>(items: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** First index of `pool` (line positions, ascending by day) whose line's day (in `records`) is `day` or later. */
function onOrAfterDay(pool: readonly number[], records: Float64Array, day: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[pool[mid]! * LINE_RECORD + LINE_DAY]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
