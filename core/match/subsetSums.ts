/**
 * Subsets of 2…maxSize of `values` that add up to `target` exactly, found meet-in-the-middle: every
 * single and pair is indexed by its sum, and larger groups are a single or pair plus an indexed pair.
 * Stops after `limit` solutions (the caller only needs to know "one" from "several").
 * Each solution is a sorted list of indexes into `values`; `keep` drops solutions the caller may not use.
 */
export function subsetSums(
  values: readonly number[],
  target: number,
  {
    maxSize = 4,
    limit = 2,
    keep = () => true,
  }: { maxSize?: number; limit?: number; keep?: (indexes: number[]) => boolean } = {},
): number[][] {
  const n = values.length;
  const pairsBySum = new Map<number, Array<[number, number]>>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sum = values[i]! + values[j]!;
      const list = pairsBySum.get(sum);
      if (list) list.push([i, j]);
      else pairsBySum.set(sum, [[i, j]]);
    }
  }
  const found: number[][] = [];
  const pairsFor = (sum: number) => pairsBySum.get(sum) ?? [];

  for (const [i, j] of pairsFor(target)) {
    if (keep([i, j])) found.push([i, j]);
    if (found.length >= limit) return found;
  }
  if (maxSize >= 3) {
    for (let i = 0; i < n; i++) {
      for (const [j, k] of pairsFor(target - values[i]!)) {
        if (j <= i) continue;
        if (keep([i, j, k])) found.push([i, j, k]);
        if (found.length >= limit) return found;
      }
    }
  }
  if (maxSize >= 4) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        for (const [k, l] of pairsFor(target - values[i]! - values[j]!)) {
          if (k <= j) continue;
          if (keep([i, j, k, l])) found.push([i, j, k, l]);
          if (found.length >= limit) return found;
        }
      }
    }
  }
  return found;
}
