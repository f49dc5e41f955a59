/** A row read from one region, as the comparison needs it. */
export type RegionRow = {
  date: string;
  amount: { minor: number; currency: string };
  description: string;
  origin: { row: number };
};

export type RegionCopy = {
  kept: number;
  dropped: number;
  /** Row of the dropped region → the row of the kept region it repeats. */
  repeats: Map<number, number>;
};

const key = (r: RegionRow) => `${r.date}|${Math.abs(r.amount.minor)}|${r.amount.currency}`;
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameWords = (a: string, b: string) => {
  const x = words(a);
  const y = words(b);
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

/**
 * Regions that list the same rows — the same dates and amounts in the same order, as a desktop
 * table and the mobile card list a page carries beside it — keep one copy. A short region (one or
 * two rows) counts as a copy only when its descriptions agree too; a region that repeats a run of
 * another's rows (a mobile list showing the first ten of twenty-five) is a copy of it. Of two
 * copies the one read more fully (`score`) is kept, else the first.
 */
export function findDuplicateRegions(regions: Array<{ rows: RegionRow[]; score: number }>): RegionCopy[] {
  const copies: RegionCopy[] = [];
  // One region with rows has nothing to repeat.
  if (regions.filter((g) => g.rows.length > 0).length < 2) return copies;
  const dropped = new Set<number>();
  const joined = regions.map((g) => `\n${g.rows.map(key).join('\n')}\n`);
  for (let a = 0; a < regions.length; a++) {
    for (let b = a + 1; b < regions.length; b++) {
      if (dropped.has(a) || dropped.has(b)) continue;
      const ra = regions[a]!.rows;
      const rb = regions[b]!.rows;
      if (ra.length === 0 || rb.length === 0) continue;
      // s: the shorter region (the first of equals), l: the other.
      const [s, l] = ra.length <= rb.length ? [a, b] : [b, a];
      const shortRows = regions[s]!.rows;
      const longRows = regions[l]!.rows;
      const at = joined[l]!.indexOf(joined[s]!);
      if (at === -1) continue;
      const offset = joined[l]!.slice(0, at).split('\n').length - 1;
      const whole = shortRows.length === longRows.length;
      if (!whole && shortRows.length < 3) continue;
      const described = shortRows.every((r, i) =>
        sameWords(r.description, longRows[offset + i]!.description),
      );
      if (shortRows.length < 3 && !described) continue;
      // Equal copies: the fuller reading stays; a partial copy always goes.
      const keep = whole ? (regions[b]!.score > regions[a]!.score ? b : a) : l;
      const drop = keep === s ? l : s;
      const repeats = new Map<number, number>();
      regions[drop]!.rows.forEach((r, i) => {
        const twin = regions[keep]!.rows[keep === l ? i + offset : i];
        if (twin) repeats.set(r.origin.row, twin.origin.row);
      });
      copies.push({ kept: keep, dropped: drop, repeats });
      dropped.add(drop);
    }
  }
  return copies;
}
