import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellToMinor, moneyToCell } from '../../../core/sheet/moneyCell';

describe('money cells', () => {
  it('read back to the same minor units for every exponent (0, 2, 3, 4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom('JPY', 'USD', 'KWD', 'CLF'),
        (minor, currency) => {
          expect(cellToMinor(moneyToCell({ minor, currency }), currency)).toEqual({ ok: true, value: minor });
        },
      ),
    );
  });

  it('read display text exactly and refuse what is not an amount', () => {
    expect(cellToMinor('$1,234.50', 'USD')).toEqual({ ok: true, value: 123450 });
    expect(cellToMinor('(12.00)', 'USD')).toEqual({ ok: true, value: -1200 });
    expect(cellToMinor('', 'USD')).toEqual({ ok: true, value: undefined });
    expect(cellToMinor('12.00 EUR', 'USD')).toMatchObject({
      ok: false,
      problems: [{ code: 'currency_mismatch' }],
    });
    expect(cellToMinor('abc', 'USD').ok).toBe(false);
  });
});
