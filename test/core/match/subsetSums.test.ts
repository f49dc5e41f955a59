import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subsetSums } from '../../../core/match/subsetSums';

describe('subsetSums', () => {
  it('finds groups of 2 to 4 that add up exactly, as sorted indexes', () => {
    expect(subsetSums([5, 7, 11], 12)).toEqual([[0, 1]]);
    expect(subsetSums([5, 7, 11], 23)).toEqual([[0, 1, 2]]);
    expect(subsetSums([1, 2, 4, 8, 16], 30)).toEqual([[1, 2, 3, 4]]);
    expect(subsetSums([1, 2, 4, 8, 16], 31)).toEqual([]);
    expect(subsetSums([5, 7], 5)).toEqual([]);
  });

  it('stops at the limit and skips what `keep` refuses', () => {
    expect(subsetSums([1, 2, 3, 4], 5)).toHaveLength(2);
    expect(subsetSums([1, 2, 3, 4], 5, { limit: 5 })).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(subsetSums([1, 2, 3, 4], 5, { keep: (ix) => ix[0] !== 0 })).toEqual([[1, 2]]);
  });

  it('agrees with brute force on small inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 9 }),
        fc.integer({ min: -100, max: 100 }),
        (values, target) => {
          const brute: string[] = [];
          for (let mask = 1; mask < 1 << values.length; mask++) {
            const ix = values.map((_, i) => i).filter((i) => mask & (1 << i));
            if (ix.length >= 2 && ix.length <= 4 && ix.reduce((s, i) => s + values[i]!, 0) === target)
              brute.push(ix.join(','));
          }
          const found = subsetSums(values, target, { limit: 10_000 }).map((ix) => ix.join(','));
          expect(found.sort()).toEqual(brute.sort());
        },
      ),
    );
  });
});
