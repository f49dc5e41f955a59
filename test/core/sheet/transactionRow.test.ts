import { describe, expect, it } from 'vitest';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { rowToTransaction, transactionToRow } from '../../../core/sheet/transactionRow';
import { headersOf, recordToRow, TRANSACTION_COLUMNS } from '../../../core/sheet/workbookLayout';
import { makeTransaction } from './makeTransaction';

const header = headersOf(TRANSACTION_COLUMNS);
const index = indexHeader(header, TRANSACTION_COLUMNS);

describe('transactionToRow / rowToTransaction', () => {
  it('writes money as major units and reads it back exactly', () => {
    const t = makeTransaction({
      amount: { minor: -123450, currency: 'USD' },
      gross: { minor: -120000, currency: 'USD' },
      fee: { minor: 3450, currency: 'USD' },
      balance: { minor: 1, currency: 'USD' },
      tags: ['stripe', 'payout'],
      category: 'Sales',
      rule: 'r1',
      ruleTrail: [
        { rule: 'r1', field: 'category', value: 'Sales' },
        { rule: 'r1', field: 'payee.from', value: 'SQ *BLUE; BOTTLE' },
        { rule: 'r2', field: 'tags', value: 'stripe, payout' },
      ],
      notes: 'checked',
      splits: [
        { category: 'Supplies', amount: { minor: -100000, currency: 'USD' } },
        { category: 'Meals: team', amount: { minor: -23450, currency: 'USD' }, note: 'lunch; with Bo' },
      ],
      transfer: true,
      externalId: 'po_123',
      supersedes: 'lb_0',
    });
    const record = transactionToRow(t, 'batch-1');
    expect(record.amount).toBe(-1234.5);
    expect(record.balance).toBe(0.01);
    expect(record.tags).toBe('stripe, payout');
    expect(record.source).toBe('bank.csv row 3');
    const read = rowToTransaction(recordToRow(TRANSACTION_COLUMNS, record), index, { row: 2 });
    expect(read).toEqual({ ok: true, value: { transaction: t, batchId: 'batch-1' } });
  });

  it('uses the currency exponent: JPY has none, KWD three', () => {
    for (const [minor, currency, cell] of [
      [-1234, 'JPY', -1234],
      [12345, 'KWD', 12.345],
    ] as const) {
      const t = makeTransaction({ amount: { minor, currency } });
      const record = transactionToRow(t);
      expect(record.amount).toBe(cell);
      const read = rowToTransaction(recordToRow(TRANSACTION_COLUMNS, record), index, { row: 2 });
      expect(read.ok && read.value.transaction.amount).toEqual({ minor, currency });
    }
  });

  it('keeps a url origin and reads a Date cell and a display amount', () => {
    const t = makeTransaction({
      origin: { url: 'https://dashboard.stripe.com/balance', capturedAt: '2026-02-01T10:00:00.000Z' },
    });
    const row: unknown[] = recordToRow(TRANSACTION_COLUMNS, transactionToRow(t));
    row[header.indexOf('Date')] = new Date(Date.UTC(2026, 0, 5));
    row[header.indexOf('Amount')] = '1,234.50';
    const read = rowToTransaction(row, index, { row: 7 });
    expect(read.ok && read.value.transaction).toEqual(t);
  });

  it('returns the bookkeeper category override apart from the rules category', () => {
    const row = recordToRow(TRANSACTION_COLUMNS, transactionToRow(makeTransaction({ category: 'Sales' })));
    row[header.indexOf('Category Override')] = 'Owner draw';
    const read = rowToTransaction(row, index, { row: 2 });
    expect(read.ok && read.value.categoryOverride).toBe('Owner draw');
    expect(read.ok && read.value.transaction.category).toBe('Sales');
  });

  it('names the sheet row and column of each problem', () => {
    const row = recordToRow(TRANSACTION_COLUMNS, transactionToRow(makeTransaction()));
    row[header.indexOf('Date')] = '05/01/2026';
    row[header.indexOf('Amount')] = 'abc';
    row[header.indexOf('Status')] = 'cleared';
    const read = rowToTransaction(row, index, { row: 12 });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.row, p.field])).toEqual(
      expect.arrayContaining([
        [12, 'Date'],
        [12, 'Amount'],
        [12, 'Status'],
      ]),
    );
  });
});
