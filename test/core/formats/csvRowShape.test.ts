import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';

const csv = (text: string) =>
  importFile(
    { name: 'a.csv', bytes: new TextEncoder().encode(text) },
    { currency: 'USD', capturedAt: '2026-11-23T00:00:00.000Z' },
  );

/**
 * A guard for the CSV reader's whole-row literals: every row shape keeps the keys in the order the
 * general path gives them (draft fields, the optional ones in fixed order, then schemaVersion, id,
 * payee, tags), since JSON written from them is compared byte for byte by users' tools.
 */
describe('bank CSV transactions', () => {
  it('keep one key order whatever optional fields a row has', () => {
    const out = csv(
      [
        'Date,Description,Amount,Balance,Reference,Check Number',
        '2026-11-20,Coffee,-4.50,95.50,,',
        '2026-11-21,Tea,-3.00,,,',
        '2026-11-22,Rent,-900.00,-807.50,REF-1,',
        '2026-11-23,Check,-10.00,,,1042',
      ].join('\n'),
    );
    if (!out.ok) expect.fail(JSON.stringify(out.problems));
    const head = ['institution', 'account', 'date', 'description', 'amount', 'status', 'kind', 'origin'];
    const tail = ['schemaVersion', 'id', 'payee', 'tags'];
    expect(out.transactions.map((t) => Object.keys(t))).toEqual([
      [...head, 'balance', ...tail],
      [...head, ...tail],
      [...head, 'memo', 'balance', ...tail],
      [...head, 'checkNumber', ...tail],
    ]);
    expect(out.transactions.every((t) => t.id.startsWith('lb_') && t.id.length === 27)).toBe(true);
  });
});
