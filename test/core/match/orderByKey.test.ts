import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByKey } from '../../../core/match/orderByKey';

/** What `orderByKey` must give: positions sorted by key, equal keys in position order. */
const reference = (keys: number[]) => keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);

describe('orderByKey', () => {
  it('orders positions by key, equal keys in position order (amounts, day numbers)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3000, max: 3000 }), { maxLength: 400 }), (keys) => {
        expect(Array.from(orderByKey(keys))).toEqual(reference(keys));
      }),
    );
  });

  it('orders keys too large to pack (amounts beyond 2^31 minor units, fractions) the same way', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.constant(2 ** 40),
            fc.constant(-(2 ** 35)),
            fc.constant(0.5),
          ),
        ),
        (keys) => {
          expect(Array.from(orderByKey(keys))).toEqual(reference(keys));
        },
      ),
    );
  });
});
