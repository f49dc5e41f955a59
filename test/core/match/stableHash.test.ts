import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableHash } from '../../../core/match/stableHash';

/** The hash as it was first written (hex by `toString(16)` and padding): ids stored in sheets depend on it. */
function reference(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

describe('stableHash', () => {
  it('writes the same 16 hex digits after its prefix as the hash always did', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', 'm_', 'd_'), (text, prefix) => {
        expect(stableHash(text, prefix)).toBe(`${prefix}${reference(text)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps ids already stored', () => {
    expect(stableHash('')).toBe(reference(''));
    expect(stableHash('payout-deposit\u001fb1\u001fp1', 'm_')).toBe(
      `m_${reference('payout-deposit\u001fb1\u001fp1')}`,
    );
  });
});
