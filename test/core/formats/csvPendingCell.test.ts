import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPendingCell, PENDING_CELL } from '../../../core/formats/csv/pendingCell';

const MARKS = [
  'Umsatz vorgemerkt',
  'vorgemerkt',
  'Vorgemerkte Umsätze',
  'PENDING',
  'in Bearbeitung',
  'en attente',
];

describe('isPendingCell', () => {
  it('answers as the expression on the trimmed cell under 40 characters, for any cell', () => {
    const pad = fc.constantFrom('', ' ', '\t', '\u00a0', '\u2003', '\ufeff', 'x', '1');
    const cell = fc.oneof(
      fc.tuple(pad, fc.constantFrom(...MARKS), pad).map(([a, m, b]) => `${a}${m}${b}`),
      fc
        .tuple(fc.constantFrom(...MARKS), fc.integer({ min: 0, max: 30 }))
        .map(([m, n]) => `${' '.repeat(n)}${m}`),
      fc.string({ maxLength: 45 }),
      fc.string({ unit: fc.constantFrom(...'uvpineUVPINE @é\u00a0'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(cell, (f) => {
        expect(isPendingCell(f)).toBe(f.length < 40 && PENDING_CELL.test(f.trim()));
      }),
      { numRuns: 20000 },
    );
  });
});
