import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AmountOptions, parseAmount } from '../../../core/money/parseAmount';

/** Digits, zeros often (`-0.00`, `0,004`, `1.000`). */
const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0000123456789'), minLength, maxLength });
/** Mostly plain figures (signs, groups, decimals of any length), some of every other mark. */
const figure = fc
  .tuple(
    fc.constantFrom('', '-', '+', '(', '$', '-$', '−', '€', '-€', '£', '-£', '$-', '-$-'),
    fc.array(digits(1, 6), { minLength: 1, maxLength: 7 }),
    fc.constantFrom(',', '.', ' ', "'"),
    fc.constantFrom('', '.', ','),
    digits(0, 8),
    fc.constantFrom('', ')', '-', ' CR', ' EUR', '€', ' '),
  )
  .map(
    ([lead, groups, group, decimal, frac, tail]) => `${lead}${groups.join(group)}${decimal}${frac}${tail}`,
  );
const anyText = fc.string({ unit: fc.constantFrom(...'0123456789.,-+ ()$€£EURCD\u00a0'), maxLength: 24 });
const options: fc.Arbitrary<AmountOptions> = fc.record(
  {
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'CLF'),
    decimalSeparator: fc.constantFrom('.' as const, ',' as const),
  },
  { requiredKeys: [] },
);

describe('parseAmount fast path', () => {
  it('reads every figure as the general reading does, refusals and their messages included', () => {
    // A leading space keeps the text off the fast path; the general reading trims it away.
    fc.assert(
      fc.property(fc.oneof(figure, anyText), options, (text, o) => {
        expect(parseAmount(text, o)).toEqual(parseAmount(` ${text}`, o));
      }),
      { numRuns: 20000 },
    );
  });
});
