import type { Transaction } from '../model/transaction';

/** Where the lines of a run are in posting order, with their dates numbered (see `postingOrderIndex`). */
export type PostingOrder = {
  /** The input position of the transaction at each ordinal (its position in posting order). */
  order: Int32Array;
  /** The distinct dates of the run, sorted. */
  dates: string[];
  /** Per ordinal, the rank of its date in `dates`: equal dates, equal ranks. */
  dateRank: Int32Array;
};

/**
 * Orders lines by date, then — within one file or page — in the order the source listed them
 * (its posting sequence, corrected for newest-first statements), then by id. Two deposits of the
 * same amount on the same day are told apart only by this sequence, so it decides which of two
 * identical payouts each one settles. Returns the lines in that order.
 */
export function postingOrder(transactions: readonly Transaction[]): Transaction[] {
  return Array.from(postingOrderIndex(transactions).order, (i) => transactions[i]!);
}

/**
 * `postingOrder` as positions, without an object per line: each line is read once, in the order it
 * was passed (the order it sits in memory), for its date, source and row. Sources are laid out one
 * after the other in name order, each in its own sequence (lines without a row first, by id), and
 * a stable counting sort by date then gives date, source, sequence, id — the order a comparison sort
 * on those keys gives, at a fraction of the cost.
 */
export function postingOrderIndex(transactions: readonly Transaction[]): PostingOrder {
  const n = transactions.length;
  const dateIds = new Map<string, number>();
  const sourceIds = new Map<string, number>();
  const dateOf = new Int32Array(n);
  const sourceOf = new Int32Array(n);
  const rows = new Float64Array(n);
  const dates: string[] = [];
  const sources: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = transactions[i]!;
    let d = dateIds.get(t.date);
    if (d === undefined) {
      d = dates.length;
      dateIds.set(t.date, d);
      dates.push(t.date);
    }
    dateOf[i] = d;
    const origin = t.origin;
    const source = origin.file ?? origin.url ?? '';
    let s = sourceIds.get(source);
    if (s === undefined) {
      s = sources.length;
      sourceIds.set(source, s);
      sources.push(source);
    }
    sourceOf[i] = s;
    rows[i] = origin.row ?? Number.NaN;
  }

  // Dates and sources renumbered in sorted order, so that comparing numbers compares the strings.
  const dateRankOf = rankOf(dates);
  const sourceRankOf = rankOf(sources);
  dates.sort();

  // The lines of each source, in name order, each source's lines in input order.
  const sourceStart = new Int32Array(sources.length + 1);
  for (let i = 0; i < n; i++) sourceStart[sourceRankOf[sourceOf[i]!]! + 1]!++;
  for (let s = 0; s < sources.length; s++) sourceStart[s + 1]! += sourceStart[s]!;
  const bySource = new Int32Array(n);
  const fill = sourceStart.slice(0, sources.length);
  for (let i = 0; i < n; i++) bySource[fill[sourceRankOf[sourceOf[i]!]!]!++] = i;

  // Each source in its posting sequence: lines without a row first (by id), then by row (a statement
  // listed newest first, read from the bottom up).
  const sequence = new Int32Array(n);
  let at = 0;
  for (let s = 0; s < sources.length; s++) {
    const from = sourceStart[s]!;
    const to = sourceStart[s + 1]!;
    const rowless: number[] = [];
    const rowed: number[] = [];
    let sorted = true;
    for (let k = from; k < to; k++) {
      const i = bySource[k]!;
      if (Number.isNaN(rows[i]!)) rowless.push(i);
      else {
        if (rowed.length > 0 && rows[i]! < rows[rowed[rowed.length - 1]!]!) sorted = false;
        rowed.push(i);
      }
    }
    if (rowless.length > 1) {
      rowless.sort((a, b) => {
        const x = transactions[a]!.id;
        const y = transactions[b]!.id;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    for (const i of rowless) sequence[at++] = i;
    if (!sorted) rowed.sort((a, b) => rows[a]! - rows[b]!);
    // A statement listed newest first has more rows followed by an earlier date than by a later one.
    let rising = 0;
    for (let k = 1; k < rowed.length; k++) {
      const d = dateRankOf[dateOf[rowed[k]!]!]!;
      const before = dateRankOf[dateOf[rowed[k - 1]!]!]!;
      if (d > before) rising++;
      else if (d < before) rising--;
    }
    if (rising < 0) for (let k = rowed.length - 1; k >= 0; k--) sequence[at++] = rowed[k]!;
    else for (let k = 0; k < rowed.length; k++) sequence[at++] = rowed[k]!;
  }

  // Stable counting sort by date: a statement spans a few hundred days.
  const dayStart = new Int32Array(dates.length + 1);
  for (let i = 0; i < n; i++) dayStart[dateRankOf[dateOf[i]!]! + 1]!++;
  for (let d = 0; d < dates.length; d++) dayStart[d + 1]! += dayStart[d]!;
  const order = new Int32Array(n);
  const dateRank = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = sequence[k]!;
    const d = dateRankOf[dateOf[i]!]!;
    const ordinal = dayStart[d]!++;
    order[ordinal] = i;
    dateRank[ordinal] = d;
  }
  return { order, dates, dateRank };
}

/** For each string, its rank among them sorted (they are distinct). */
function rankOf(strings: readonly string[]): Int32Array {
  const byValue = Array.from(strings.keys()).sort((a, b) =>
    strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0,
  );
  const rank = new Int32Array(strings.length);
  for (let r = 0; r < byValue.length; r++) rank[byValue[r]!] = r;
  return rank;
}
