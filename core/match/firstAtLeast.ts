/** First index in `sorted` (ascending) holding `value` or more, else its length: one binary search for the passes' sorted day and position lists. */
export function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
