import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CAPTURED_AT } from './loadFile';

const read = (text: string) =>
  importFile(
    { name: 'pair.csv', bytes: new TextEncoder().encode(text) },
    { capturedAt: CAPTURED_AT, currency: 'USD' },
  );

describe('headerless debit/credit pair (two money columns never both filled)', () => {
  it('unsigned sides: the balance column tells which one is money out', () => {
    const r = read(
      [
        '11/03/2026,GROCERY STORE 12,45.10,,954.90',
        '11/04/2026,PAYROLL ACME,,1200.00,2154.90',
        '11/05/2026,ELECTRIC CO,80.00,,2074.90',
        '11/06/2026,REFUND SHOP,,19.99,2094.89',
      ].join('\n'),
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.description])).toEqual([
      ['2026-11-03', -4510, 'GROCERY STORE 12'],
      ['2026-11-04', 120000, 'PAYROLL ACME'],
      ['2026-11-05', -8000, 'ELECTRIC CO'],
      ['2026-11-06', 1999, 'REFUND SHOP'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('unsigned sides and no balance: refused with a reason, not guessed', () => {
    const r = read(
      [
        '11/03/2026,GROCERY STORE 12,45.10,',
        '11/04/2026,PAYROLL ACME,,1200.00',
        '11/05/2026,ELECTRIC CO,80.00,',
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['debit_credit_undecided']);
    expect(r.problems[0]!.message).toMatch(/column 3 and column 4 .*mapping with "debit" and "credit"/);
  });
});
