import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForId } from '../../../core/ids/normalizeForId';

/** The general fold, for every text. */
function fold(description: string): string {
  const folded = /^[\x00-\x7f]*$/.test(description) ? description : description.normalize('NFKC');
  return folded
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

describe('normalizeForId', () => {
  it('folds every text as the general fold does (plain text by lower case alone)', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        ' ',
        '  ',
        '\t',
        '\n',
        '\u00a0',
        '\u2003',
        'é',
        'Ｆ',
        '~',
        '\x7f',
        '#',
        '1',
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeForId(t)).toBe(fold(t));
      }),
      { numRuns: 20000 },
    );
  });
});
