import { type BankLine, firstOnOrAfter, lineTaken } from './bankLine';
import { daysApart } from './dayNumber';
import { acceptLink } from './linkDraft';
import { isRejected, type MatchContext } from './matchContext';
import { byUnitDate, type PayoutUnit, unitMemberIds, unitsByDate, unitTaken } from './payoutUnit';
import { subsetSums } from './subsetSums';

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
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  ctx: MatchContext,
  { namedOnly }: { namedOnly: boolean },
): void {
  manyToOne(
    units,
    lines.filter((l) => l.processor !== undefined || (!namedOnly && !l.notPayout && l.amount > 0)),
    ctx,
  );
  if (namedOnly) oneToMany(units, lines, ctx);
}

function manyToOne(units: readonly PayoutUnit[], lines: readonly BankLine[], ctx: MatchContext): void {
  const open = unitsByDate(units).filter((u) => !unitTaken(ctx.claimed, u));
  if (open.length < 2) return;
  let maxSpan = 0;
  for (const u of open) maxSpan = Math.max(maxSpan, daysApart(u.date, u.end));
  const byCurrency = groupBy(open, (u) => u.currency);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    // The line's amount, currency and day as copied on the line (see BankLine), not read off the transaction.
    if (lineTaken(ctx.claimed, line) || line.amount === 0) continue;
    const pool = byCurrency.get(line.currency);
    if (!pool) continue;
    const target = line.amount;
    const date = line.t.date;
    const found: PayoutUnit[] = [];
    let scanned = 0;
    for (
      let i = upperBound(pool, date) - 1;
      i >= 0 && found.length < MAX_CANDIDATES && scanned < MAX_SCAN;
      i--, scanned++
    ) {
      const u = pool[i]!;
      if (line.day - u.day > maxSpan) break;
      if (unitTaken(ctx.claimed, u) || u.end < date || !sameSign(u.value, target)) continue;
      if (Math.abs(u.value) >= Math.abs(target)) continue;
      if (line.processor !== undefined && u.processor !== line.processor) continue;
      found.push(u);
    }
    let solutions: PayoutUnit[][] = [];
    for (const group of groupBy(found, (u) => u.processor).values()) {
      if (group.length < 2) continue;
      const keep = (ix: number[]) =>
        !isRejected(ctx, 'many-to-one', () => [...ix.flatMap((i) => unitMemberIds(group[i]!)), line.t.id]);
      for (const ix of subsetSums(
        group.map((u) => u.value),
        target,
        { maxSize: MAX_GROUP, limit: MAX_SOLUTIONS, keep },
      )) {
        solutions.push(ix.map((i) => group[i]!));
      }
    }
    if (solutions.length === 0) continue;
    solutions = firstPaidFirst(solutions, found, line, ctx);
    const unique = solutions.length === 1;
    const chosen = unique ? solutions[0]! : nearest(solutions, (u) => daysApart(u.date, line.t.date));
    const named = line.processor !== undefined;
    const confidence = unique ? (named ? 0.9 : 0.75) - 0.05 * (chosen.length - 2) : 0.4;
    const why = unique
      ? `these ${chosen.length} payouts are the only combination of open payouts in the window that adds up to the deposit to the cent`
      : `several combinations of open payouts add up to the deposit; the nearest in date is proposed for review`;
    acceptLink(ctx, [...chosen].sort(byUnitDate), [line], confidence, !unique, why);
  }
}

function oneToMany(units: readonly PayoutUnit[], lines: readonly BankLine[], ctx: MatchContext): void {
  // A split deposit is rare; only lines that name the payout's processor may make one up.
  const open = lines.filter((l) => !lineTaken(ctx.claimed, l) && l.processor !== undefined && l.amount !== 0);
  if (open.length < 2) return;
  const byCurrency = groupBy(open, (l) => `${l.processor}|${l.currency}`);
  for (const u of unitsByDate(units)) {
    if (unitTaken(ctx.claimed, u)) continue;
    const pool = byCurrency.get(`${u.processor}|${u.currency}`);
    if (!pool) continue;
    const found: BankLine[] = [];
    let scanned = 0;
    for (
      let i = firstOnOrAfter(pool, u.day);
      i < pool.length && found.length < MAX_CANDIDATES && scanned < MAX_SCAN;
      i++, scanned++
    ) {
      const line = pool[i]!;
      if (line.day > u.endDay) break;
      if (lineTaken(ctx.claimed, line) || !sameSign(line.amount, u.value)) continue;
      if (Math.abs(line.amount) >= Math.abs(u.value)) continue;
      found.push(line);
    }
    if (found.length < 2) continue;
    const keep = (ix: number[]) =>
      !isRejected(ctx, 'one-to-many', () => [...unitMemberIds(u), ...ix.map((i) => found[i]!.t.id)]);
    const solutions = subsetSums(
      found.map((l) => l.amount),
      u.value,
      { maxSize: MAX_GROUP, limit: 2, keep },
    ).map((ix) => ix.map((i) => found[i]!));
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

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** First index whose date is after `date` (units sorted by date). */
export function upperBound(units: readonly PayoutUnit[], date: string): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
