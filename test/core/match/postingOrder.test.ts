import { describe, expect, it } from 'vitest';
import { postingOrder } from '../../../core/match/postingOrder';
import { txn } from './buildTransaction';

const line = (id: string, date: string, row: number, file = 'bank.csv') =>
  txn({ id, date, amount: 100, origin: { file, row, capturedAt: '2026-03-01T00:00:00Z' } });

describe('postingOrder', () => {
  it('orders by date, then by the row order of the file', () => {
    const lines = [line('z', '2026-03-02', 1), line('a', '2026-03-02', 2), line('m', '2026-03-03', 3)];
    expect(postingOrder([...lines].reverse()).map((t) => t.id)).toEqual(['z', 'a', 'm']);
  });

  it('reads a newest-first statement from the bottom up', () => {
    const lines = [
      line('late', '2026-03-03', 1),
      line('second', '2026-03-02', 2),
      line('first', '2026-03-02', 3),
    ];
    expect(postingOrder(lines).map((t) => t.id)).toEqual(['first', 'second', 'late']);
  });

  it('falls back to ids for lines without a row', () => {
    const lines = [
      txn({ id: 'b', date: '2026-03-02', amount: 1 }),
      txn({ id: 'a', date: '2026-03-02', amount: 1 }),
    ];
    expect(postingOrder(lines).map((t) => t.id)).toEqual(['a', 'b']);
  });
});
