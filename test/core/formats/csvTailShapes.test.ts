import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf } from '../../../core/formats/csv/tailShapes';

describe('decimalsOf', () => {
  it('reads the decimals of a last value as the expressions did, for any text', () => {
    const byExpressions = (v: string) => {
      const m = /[.,](\d+)$/.exec(v);
      if (m) return m[1]!.length;
      return /\d$/.test(v) ? 0 : undefined;
    };
    const unit = fc.constantFrom(...'0123456789.,-: a١'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ maxLength: 12 })), (v) => {
        expect(decimalsOf(v)).toBe(byExpressions(v));
      }),
      { numRuns: 20000 },
    );
  });
});
