import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceCounter, slotHigh, slotLow } from '../../../core/ids/occurrenceCounter';

/** The counting it replaces: a Map keyed by the 52-bit number of the first 13 hex digits. */
function byMap(hashes: readonly string[]): number[] {
  const seen = new Map<number, number>();
  return hashes.map((hex) => {
    const slot = Number.parseInt(hex.slice(0, 13), 16);
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    return n;
  });
}

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

describe('OccurrenceCounter', () => {
  it('counts every slot as the Map of 52-bit numbers did: repeats, near misses, growth', () => {
    // Few distinct slots (repeats), slots differing in one digit of either half, ids that share a
    // slot but not their tail (counted together, as before), and enough of them to grow the table.
    const slot = fc.oneof(
      hex(13),
      fc.constantFrom('0000000000000', '0000001000000', '1000000000000', 'fffffffffffff', 'ffffff0ffffff'),
    );
    const hash = fc.tuple(slot, hex(11)).map(([s, tail]) => `${s}${tail}`);
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 3000 }), fc.integer({ min: 1, max: 6 }), (hashes, copies) => {
        const all = Array.from({ length: copies }, () => hashes).flat();
        const counter = new OccurrenceCounter();
        expect(all.map((i) => counter.next(i))).toEqual(byMap(all));
        // Sized for them up front (never grown): the same counts.
        const sized = new OccurrenceCounter(all.length);
        expect(all.map((i) => sized.next(i))).toEqual(byMap(all));
      }),
      { numRuns: 60 },
    );
  });

  it('countAll counts as next() one by one, in any number of calls', () => {
    // Few slots, so that lines repeat within every call as well as across them.
    const slot = fc.oneof(
      hex(2).map((h) => h.padEnd(13, '0')),
      hex(13),
    );
    const hash = fc.tuple(slot, hex(11)).map(([s, tail]) => `${s}${tail}`);
    fc.assert(
      fc.property(
        fc.array(hash, { maxLength: 1500, size: 'max' }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 700 }),
        (hashes, copies, size) => {
          const all = Array.from({ length: copies }, () => hashes).flat();
          const counter = new OccurrenceCounter();
          const counts: number[] = [];
          for (let from = 0; from < all.length; from += size) {
            const part = all.slice(from, from + size);
            const out = new Int32Array(size);
            counter.countAll(
              Int32Array.from(part, slotHigh),
              Int32Array.from(part, slotLow),
              part.length,
              out,
            );
            counts.push(...out.subarray(0, part.length));
          }
          expect(counts).toEqual(byMap(all));
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
