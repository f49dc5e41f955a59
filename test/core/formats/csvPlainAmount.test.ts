import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnRoles } from '../../../core/formats/csv/columnRoles';
import { type BankCsvPlan, plainSignedAmount, signedAmount } from '../../../core/formats/csv/planBankCsv';

/** Digits, zeros often (`-0.00`, `1.000`). */
const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0000123456789'), minLength, maxLength });
/** Plain figures mostly (signs, groups, decimals of any length), some with marks the fast path leaves. */
const figure = fc
  .tuple(
    fc.constantFrom('', '', '', '-', '-', '+', '(', '$', ' '),
    fc.array(digits(1, 5), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(',', '.', ' '),
    fc.constantFrom('', '.', ',', '.', ','),
    digits(0, 7),
    fc.constantFrom('', '', '', '', ')', ' CR', ' '),
  )
  .map(
    ([lead, groups, group, decimal, frac, tail]) => `${lead}${groups.join(group)}${decimal}${frac}${tail}`,
  );
/** Figures as most files write them: a sign, groups of three or none, a few decimals, either separator. */
const plainFigure = fc
  .tuple(fc.boolean(), fc.nat({ max: 1e12 }), fc.boolean(), fc.constantFrom('.', ','), digits(0, 4))
  .map(([minus, whole, grouped, decimal, frac]) => {
    const group = decimal === '.' ? ',' : '.';
    const int = grouped ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group) : String(whole);
    return `${minus ? '-' : ''}${int}${frac ? `${decimal}${frac}` : ''}`;
  });
const anyText = fc.string({ unit: fc.constantFrom(...'0123456789.,-+ ()$€EURCD'), maxLength: 20 });

/** A plan with an amount column (0) and, sometimes, a currency (1) or debit/credit mark (2) column. */
const plan = fc
  .record({
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'BHD'),
    separator: fc.constantFrom('.' as const, ',' as const),
    currencyColumn: fc.constantFrom(false, false, false, true),
    directionColumn: fc.constantFrom(false, false, false, true),
  })
  .map(({ currency, separator, currencyColumn, directionColumn }) => {
    const roles: ColumnRoles = {
      date: 3,
      description: [4],
      amount: 0,
      ...(currencyColumn ? { currency: 1 } : {}),
      ...(directionColumn ? { direction: 2 } : {}),
    };
    return { roles, separators: { amount: separator }, currency } as unknown as BankCsvPlan;
  });

describe('plainSignedAmount (the bank CSV reader fast path)', () => {
  it('answers as signedAmount does wherever it answers, and answers plain figures', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.oneof(plainFigure, figure, anyText),
        plan,
        fc.constantFrom('EUR', 'jpy', 'XXX1', ''),
        fc.constantFrom('DR', 'CR', ''),
        (amount, p, code, mark) => {
          const fields = [amount, code, mark, '2026-11-20', 'Coffee'];
          const fast = plainSignedAmount(p, fields);
          if (fast === undefined) return;
          answered++;
          expect(fast).toEqual(signedAmount(p, fields));
        },
      ),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('leaves amounts beside a currency or debit/credit column to signedAmount', () => {
    const fields = ['12.50', 'JPY', 'DR', '2026-11-20', 'Coffee'];
    const base = { separators: { amount: '.' }, currency: 'USD' };
    const roles = { date: 3, description: [4], amount: 0 };
    const p = (extra: object) => ({ ...base, roles: { ...roles, ...extra } }) as unknown as BankCsvPlan;
    expect(plainSignedAmount(p({}), fields)).toEqual({ ok: true, value: 1250, currency: 'USD' });
    expect(plainSignedAmount(p({ currency: 1 }), fields)).toBeUndefined();
    expect(plainSignedAmount(p({ direction: 2 }), fields)).toBeUndefined();
  });
});
