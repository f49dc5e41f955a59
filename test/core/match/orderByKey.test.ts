import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByKey, sortPositionsByKey } from '../../../core/match/orderByKey';

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

describe('sortPositionsByKey', () => {
  it('sorts ascending positions by their keys in place, equal keys in position order, packable or not', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 3 }),
            key: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(2 ** 40), fc.constant(0.5)),
          }),
        ),
        fc.boolean(),
        (items, far) => {
          // Ascending positions, some beyond what packs with a key when `far`.
          let at = far ? 2 ** 21 - 2 : 0;
          const positions = Int32Array.from(items, (x) => (at += x.gap + 1));
          const keys = Float64Array.from(items, (x) => x.key);
          const expected = items
            .map((x, i) => ({ position: positions[i]!, key: x.key }))
            .sort((a, b) => a.key - b.key || a.position - b.position);
          sortPositionsByKey(positions, keys);
          expect(Array.from(positions)).toEqual(expected.map((x) => x.position));
          expect(Array.from(keys)).toEqual(expected.map((x) => x.key));
        },
      ),
    );
  });
});
