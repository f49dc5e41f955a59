import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMoney } from '../../../core/match/describeMoney';
import { formatAmount } from '../../../core/money/formatAmount';

describe('describeMoney', () => {
  it('writes what formatAmount writes, then the currency', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer()),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'XYZ'),
        (minor, currency) => {
          expect(describeMoney(minor, currency)).toBe(`${formatAmount(minor, currency)} ${currency}`);
        },
      ),
      { numRuns: 20_000 },
    );
    for (const minor of [
      0,
      1,
      -1,
      9,
      10,
      99,
      100,
      -100,
      101,
      -5,
      123456,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
    ])
      expect(describeMoney(minor, 'USD')).toBe(`${formatAmount(minor, 'USD')} USD`);
  });

  it('refuses an amount that is not a whole number of minor units, as formatAmount does', () => {
    expect(() => describeMoney(1.5, 'USD')).toThrow(RangeError);
  });
});
