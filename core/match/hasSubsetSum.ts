/** Values of the last call, sorted: reused, so that a check allocates nothing. */
let sorted = new Float64Array(32);

/**
 * Whether 2…maxSize (at most 4) of `values` add up to `target` exactly: the question
 * `subsetSums(values, target, { maxSize, limit: 1 }).length > 0` asks, answered over the values
 * sorted with two pointers instead of indexing every pair's sum in a map of lists. The one-to-one
 * pass asks it for every contested payout, thousands of times per run on a busy book.
 */
export function hasSubsetSum(values: readonly number[], target: number, maxSize: number): boolean {
  const n = values.length;
  if (n < 2) return false;
  if (sorted.length < n) sorted = new Float64Array(n * 2);
  const v = sorted;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    let j = i - 1;
    for (; j >= 0 && v[j]! > x; j--) v[j + 1] = v[j]!;
    v[j + 1] = x;
  }
  if (pairSums(v, 0, n, target)) return true;
  for (let i = 0; maxSize >= 3 && i < n; i++) {
    if (pairSums(v, i + 1, n, target - v[i]!)) return true;
    for (let j = i + 1; maxSize >= 4 && j < n; j++)
      if (pairSums(v, j + 1, n, target - v[i]! - v[j]!)) return true;
  }
  return false;
}

/** Whether two of `v[from, to)` (ascending) add up to `target`. */
function pairSums(v: Float64Array, from: number, to: number, target: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const sum = v[lo]! + v[hi]!;
    if (sum === target) return true;
    if (sum < target) lo++;
    else hi--;
  }
  return false;
}
