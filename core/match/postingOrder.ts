import type { Transaction } from '../model/transaction';

const sourceOf = (t: Transaction) => t.origin.file ?? t.origin.url ?? '';

/**
 * Orders lines by date, then — within one file or page — in the order the source listed them
 * (its posting sequence, corrected for newest-first statements), then by id. Two deposits of the
 * same amount on the same day are told apart only by this sequence, so it decides which of two
 * identical payouts each one settles. Returns the lines in that order.
 */
export function postingOrder(transactions: readonly Transaction[]): Transaction[] {
  // Sort compact keys rather than the transactions themselves: far fewer memory reads per comparison.
  const keyed = transactions.map((t) => ({ t, date: t.date, source: sourceOf(t), seq: -1, id: t.id }));
  const bySource = new Map<string, Keyed[]>();
  for (const k of keyed) {
    if (k.t.origin.row === undefined) continue;
    const list = bySource.get(k.source);
    if (list) list.push(k);
    else bySource.set(k.source, [k]);
  }
  for (const lines of bySource.values()) {
    lines.sort((a, b) => a.t.origin.row! - b.t.origin.row!);
    // A statement listed newest first has more rows followed by an earlier date than by a later one.
    let rising = 0;
    for (let i = 1; i < lines.length; i++) {
      if (lines[i]!.date > lines[i - 1]!.date) rising++;
      else if (lines[i]!.date < lines[i - 1]!.date) rising--;
    }
    for (let i = 0; i < lines.length; i++) lines[i]!.seq = rising < 0 ? lines.length - i : i;
  }
  // A statement spans a few hundred days: bucket by date, then sort each day's few lines.
  const byDate = new Map<string, Keyed[]>();
  for (const k of keyed) {
    const list = byDate.get(k.date);
    if (list) list.push(k);
    else byDate.set(k.date, [k]);
  }
  const ordered: Transaction[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date)!;
    if (day.length > 1) day.sort(withinDay);
    for (const k of day) ordered.push(k.t);
  }
  return ordered;
}

const withinDay = (a: Keyed, b: Keyed) => {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

type Keyed = { t: Transaction; date: string; source: string; seq: number; id: string };
