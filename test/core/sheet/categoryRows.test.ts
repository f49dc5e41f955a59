import { describe, expect, it } from 'vitest';
import { categoryRows, UNCATEGORIZED } from '../../../core/sheet/categoryRows';
import { makeTransaction } from './makeTransaction';

describe('categoryRows', () => {
  it('totals per category and currency, with the override winning and superseded lines left out', () => {
    const rows = categoryRows(
      [
        makeTransaction({ id: 'a', category: 'Sales', amount: { minor: 1000, currency: 'USD' } }),
        makeTransaction({ id: 'b', category: 'Sales', amount: { minor: -250, currency: 'USD' } }),
        makeTransaction({ id: 'c', category: 'Sales', amount: { minor: 500, currency: 'USD' } }),
        makeTransaction({ id: 'd', amount: { minor: -99, currency: 'USD' } }),
        makeTransaction({
          id: 'e',
          category: 'Sales',
          amount: { minor: 1, currency: 'USD' },
          supersededBy: 'a',
        }),
      ],
      {
        overrides: new Map([['c', 'Owner draw']]),
        known: [
          { category: 'Sales', group: 'Income' },
          { category: 'Rent', group: 'Expense' },
        ],
      },
    );
    expect(rows).toEqual([
      {
        category: UNCATEGORIZED,
        group: null,
        currency: 'USD',
        count: 1,
        inflows: 0,
        outflows: -0.99,
        net: -0.99,
      },
      { category: 'Owner draw', group: null, currency: 'USD', count: 1, inflows: 5, outflows: 0, net: 5 },
      {
        category: 'Rent',
        group: 'Expense',
        currency: null,
        count: 0,
        inflows: null,
        outflows: null,
        net: null,
      },
      {
        category: 'Sales',
        group: 'Income',
        currency: 'USD',
        count: 2,
        inflows: 10,
        outflows: -2.5,
        net: 7.5,
      },
    ]);
  });
});
