import type { Transaction } from '../model/transaction';
import { type RunColumns, readRunColumns } from './runColumns';
import { Scratch } from './scratch';

/** Where the lines of a run are in posting order, with their dates numbered (see `postingOrderIndex`). */
export type PostingOrder = {
  /** The input position of the transaction at each ordinal (its position in posting order). */
  order: Int32Array;
  /** The distinct dates of the run, sorted. */
  dates: string[];
  /** Per ordinal, the rank of its date in `dates`: equal dates, equal ranks. */
  dateRank: Int32Array;
  /** Per input position, its ordinal (`order` inverted). */
  ordinalAt: Int32Array;
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
 * `postingOrder` as positions, without an object per line (see runColumns for how each line is read
 * once). Sources are laid out one after the other in name order, each in its own sequence (lines
 * without a row first, by id), and a stable counting sort by date then gives date, source, sequence,
 * id — the order a comparison sort on those keys gives, at a fraction of the cost.
 */
export function postingOrderIndex(
  transactions: readonly Transaction[],
  scratch: Scratch = new Scratch(),
  run: RunColumns = readRunColumns(transactions, scratch),
): PostingOrder {
  const n = run.size;
  const { ids, dates } = run;
  const dateRankOf = run.dateRank;
  const sourceRankOf = run.sourceRank;
  const sourceCount = run.sourceCount;

  // The lines of each source, in name order, each source's lines in input order.
  const sourceStart = scratch.int32(sourceCount + 1);
  for (let i = 0; i < n; i++) sourceStart[sourceRankOf[i]! + 1]!++;
  for (let s = 0; s < sourceCount; s++) sourceStart[s + 1]! += sourceStart[s]!;
  const bySource = scratch.int32(n, false);
  const fill = sourceStart.slice(0, sourceCount);
  for (let i = 0; i < n; i++) bySource[fill[sourceRankOf[i]!]!++] = i;

  // Each source in its posting sequence, in place: lines without a row first (by id), then by row (a
  // statement listed newest first, read from the bottom up).
  const sequence = bySource;
  for (let s = 0; s < sourceCount; s++) {
    const from = sourceStart[s]!;
    const to = sourceStart[s + 1]!;
    let rowless = 0;
    // Most sources list every line with a row, in row order: their lines stay where they are.
    if (!run.inRowOrder[s]) rowless = inSequence(bySource.subarray(from, to), transactions, ids);
    // A statement listed newest first has more rows followed by an earlier date than by a later one.
    let rising = 0;
    for (let k = from + rowless + 1; k < to; k++) {
      const d = dateRankOf[sequence[k]!]!;
      const before = dateRankOf[sequence[k - 1]!]!;
      if (d > before) rising++;
      else if (d < before) rising--;
    }
    if (rising < 0) sequence.subarray(from + rowless, to).reverse();
  }

  // Stable counting sort by date: a statement spans a few hundred days.
  const dayStart = scratch.int32(dates.length + 1);
  for (let i = 0; i < n; i++) dayStart[dateRankOf[i]! + 1]!++;
  for (let d = 0; d < dates.length; d++) dayStart[d + 1]! += dayStart[d]!;
  const order = scratch.int32(n, false);
  const ordinalAt = scratch.int32(n, false);
  const dateRank = scratch.int32(n, false);
  for (let k = 0; k < n; k++) {
    const i = sequence[k]!;
    const d = dateRankOf[i]!;
    const ordinal = dayStart[d]!++;
    order[ordinal] = i;
    ordinalAt[i] = ordinal;
    dateRank[ordinal] = d;
  }
  return { order, dates, dateRank, ordinalAt };
}

/**
 * A source's lines put in sequence in place: those without a row (by id), then those with one, by
 * row (equal rows in input order). Returns how many have no row.
 */
function inSequence(lines: Int32Array, transactions: readonly Transaction[], ids: readonly string[]): number {
  const rows = new Map<number, number>();
  const rowless: number[] = [];
  const rowed: number[] = [];
  for (const i of lines) {
    const row = transactions[i]!.origin.row ?? Number.NaN;
    if (Number.isNaN(row)) rowless.push(i);
    else {
      rows.set(i, row);
      rowed.push(i);
    }
  }
  if (rowless.length > 1) rowless.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  rowed.sort((a, b) => rows.get(a)! - rows.get(b)!);
  lines.set(rowless);
  lines.set(rowed, rowless.length);
  return rowless.length;
}
