import { describe, expect, it } from 'vitest';
import { settleInvoices } from '../../core/receivables/settleInvoices';
import { generateReceivablesBook } from './generateReceivablesBook';

describe('receivables on generated books', () => {
  it('gets at least 97% of invoice statuses right and never marks paid what a payment did not pay', () => {
    let right = 0;
    let total = 0;
    const wrongPaid: string[] = [];
    const misses: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const book = generateReceivablesBook(seed);
      const { standings } = settleInvoices({ ...book, matches: [], asOf: '2026-12-31' });
      for (const s of standings) {
        const expected = book.truth.get(s.invoice.number)!;
        total++;
        if (s.status === expected) right++;
        else {
          misses.push(`seed ${seed} ${s.invoice.number}: ${s.status}, expected ${expected}`);
          if (
            (s.status === 'paid' || s.status === 'overpaid') &&
            expected !== 'paid' &&
            expected !== 'overpaid'
          )
            wrongPaid.push(misses.at(-1)!);
        }
      }
    }
    expect(wrongPaid).toEqual([]);
    expect(right / total, misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.97);
  });
});
