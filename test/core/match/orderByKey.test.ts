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

  it('sorts long lists (the radix route) the same way, negative and repeated keys included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { minLength: 512, maxLength: 3000 }),
        fc.integer({ min: 1, max: 50 }),
        (raw, spread) => {
          // Few distinct keys when `spread` is small: many equal keys keep their position order.
          const keys = Float64Array.from(raw, (k) => Math.trunc(k / spread));
          const positions = Int32Array.from(raw, (_, i) => i * 3);
          const expected = Array.from(positions, (position, i) => ({ position, key: keys[i]! })).sort(
            (a, b) => a.key - b.key || a.position - b.position,
          );
          sortPositionsByKey(positions, keys);
          expect(Array.from(positions)).toEqual(expected.map((x) => x.position));
          expect(Array.from(keys)).toEqual(expected.map((x) => x.key));
        },
      ),
      { numRuns: 40 },
    );
  });
});
