import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTokenHashIn, referenceTokens, tokenHash, tokenHashes } from '../../../core/match/referenceTokens';

/** The tokens as first written, by splitting on a pattern: the scan must find exactly these, in this order. */
function reference(...texts: Array<string | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const raw of text.split(/[^A-Za-z0-9_-]+/)) {
      if (raw.length < 6 || !/\d/.test(raw)) continue;
      const token = raw.replace(/[-_]/g, '').toUpperCase();
      if (token.length < 6) continue;
      if (/^\d+$/.test(token) && (token.length < 8 || /^(19|20)\d{6}$/.test(token))) continue;
      out.add(token);
    }
  }
  return [...out];
}

const text = fc.string({
  unit: fc.constantFrom(...'aZst09_- .:/#*Ä1920'.split('')),
  maxLength: 40,
});

describe('referenceTokens', () => {
  it('finds what splitting on separators found, on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.option(text, { nil: undefined }), { maxLength: 4 }), (texts) => {
        expect(referenceTokens(...texts)).toEqual(reference(...texts));
      }),
      { numRuns: 20_000 },
    );
  });

  it('folds separators, keeps long numbers and leaves dates, short numbers and words', () => {
    expect(referenceTokens('STRIPE TRANSFER ST-AB12CD', 'st_ab12cd')).toEqual(['STAB12CD']);
    expect(referenceTokens('ACH 20260105 TRACE 12345678 REF 1234567 PAYMENTS')).toEqual(['12345678']);
    expect(referenceTokens('po_12-3', 'po_1234', 'Ä12345678Ä')).toEqual(['PO1234', '12345678']);
  });
});

describe('hasTokenHashIn', () => {
  const texts = fc.array(
    fc.constantFrom('ST-', 'po_', 'AB', 'x9', '2026', '0', 'q', ' ', '-', '_', '*', 'é', 'Z7'),
    {
      maxLength: 14,
    },
  );

  it('says yes exactly when the text has a token of the set (collisions aside), making no token', () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const text = a.join('');
        const others = referenceTokens(b.join(''));
        const shared = referenceTokens(text).some((t) => others.includes(t));
        expect(hasTokenHashIn(new Set(others.map(tokenHash)), undefined, 'no token here', text)).toBe(shared);
        for (const token of referenceTokens(text)) {
          expect(hasTokenHashIn(new Set([tokenHash(token)]), text)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenHashes', () => {
  it('holds the hash of every token referenceTokens finds, on any text', () => {
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), (a, b) => {
        const hashes = tokenHashes(a, b);
        for (const token of referenceTokens(a, b)) expect(hashes).toContain(tokenHash(token));
      }),
      { numRuns: 20_000 },
    );
    expect(tokenHashes('STRIPE TRANSFER ST-AB12CD', 'st_ab12cd')).toEqual([
      tokenHash('STAB12CD'),
      tokenHash('STAB12CD'),
    ]);
    expect(tokenHashes('MOBILE DEPOSIT')).toEqual([]);
  });
});
