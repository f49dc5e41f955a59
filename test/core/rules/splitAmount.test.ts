import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByAmounts, splitByPercent } from '../../../core/rules/splitAmount';

/** Percents in 1/10,000ths summing to 100%. */
const percentsArb = fc
  .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 7 })
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const units = weights.map((w) => Math.floor((w * 1_000_000) / total));
    units[0]! += 1_000_000 - units.reduce((a, b) => a + b, 0);
    return units;
  })
  .filter((units) => units.every((u) => u > 0));

describe('splitByPercent', () => {
  it('always sums exactly to the amount, each part within one minor unit of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        percentsArb,
        (minor, units) => {
          const parts = splitByPercent(minor, units);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(minor);
          parts.forEach((p, i) => {
            const exact = (BigInt(minor) * BigInt(units[i]!)) / 1_000_000n;
            const diff = BigInt(p) - exact;
            expect(diff >= -1n && diff <= 1n).toBe(true);
            expect(p === 0 || Math.sign(p) === Math.sign(minor)).toBe(true);
          });
        },
      ),
    );
  });

  it('gives leftover units to the largest fractions, earlier parts first on ties', () => {
    expect(splitByPercent(100, [333_333, 333_333, 333_334])).toEqual([33, 33, 34]);
    expect(splitByPercent(2, [333_334, 333_333, 333_333])).toEqual([1, 1, 0]);
    expect(splitByPercent(-1, [500_000, 500_000])).toEqual([-1, 0]);
    expect(splitByPercent(0, [500_000, 500_000])).toEqual([0, 0]);
  });

  it('refuses percents that do not sum to 100', () => {
    expect(() => splitByPercent(100, [500_000])).toThrow(RangeError);
  });
});

describe('splitByAmounts', () => {
  it('takes fixed parts with the amount sign and leaves the rest', () => {
    expect(splitByAmounts(-10_000, [2500, 1000])).toEqual({ parts: [-2500, -1000], remainder: -6500 });
    expect(splitByAmounts(3500, [2500, 1000])).toEqual({ parts: [2500, 1000], remainder: 0 });
    expect(splitByAmounts(3499, [2500, 1000])).toBeUndefined();
  });
});
