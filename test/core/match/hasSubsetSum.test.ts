import { describe, expect, it } from 'vitest';
import { hasSubsetSum } from '../../../core/match/hasSubsetSum';
import { subsetSums } from '../../../core/match/subsetSums';
import { seededRandom } from './scenarios/random';

describe('hasSubsetSum', () => {
  it('answers as subsetSums does, on sums that exist and sums that do not', () => {
    const r = seededRandom(2026);
    let yes = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const n = r.int(0, 24);
      const values = Array.from({ length: n }, () => r.int(-500, 5_000));
      const maxSize = r.int(2, 4);
      // Half the targets are a real subset's sum, half arbitrary.
      const target =
        n >= 2 && r.chance(0.5)
          ? values.slice(0, r.int(2, Math.min(n, maxSize))).reduce((a, b) => a + b, 0)
          : r.int(-1_000, 20_000);
      const expected = subsetSums(values, target, { maxSize, limit: 1 }).length > 0;
      if (expected) yes++;
      expect(hasSubsetSum(values, target, maxSize), `${values} → ${target} in ≤ ${maxSize}`).toBe(expected);
    }
    expect(yes).toBeGreaterThan(1000);
  });

  it('uses each value once and never a single value alone', () => {
    expect(hasSubsetSum([5, 10], 10, 4)).toBe(false);
    expect(hasSubsetSum([5, 5], 10, 2)).toBe(true);
    expect(hasSubsetSum([5], 10, 4)).toBe(false);
    expect(hasSubsetSum([1, 2, 3, 4], 10, 3)).toBe(false);
    expect(hasSubsetSum([1, 2, 3, 4], 10, 4)).toBe(true);
  });
});
