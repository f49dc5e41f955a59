import { describe, expect, it } from 'vitest';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { rowToTransaction, transactionToRow } from '../../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../../core/sheet/workbookLayout';
import { makeTransaction } from './makeTransaction';

describe('indexHeader', () => {
  it('finds columns wherever the bookkeeper moved them, ignoring case and spacing', () => {
    const header = ['My column', ...TRANSACTION_COLUMNS.map((c) => c.header).reverse()];
    header[1] = '  batch   id ';
    const index = indexHeader(header, TRANSACTION_COLUMNS);
    expect(index.missing).toEqual([]);
    expect(index.positions.get('batchId')).toBe(1);
    expect(index.positions.get('id')).toBe(header.length - 1);
    const t = makeTransaction({ notes: 'n' });
    const record = transactionToRow(t);
    const row = header.map((_, i) => {
      const key = [...index.positions].find(([, at]) => at === i)?.[0];
      return key ? record[key as keyof typeof record] : 'mine';
    });
    const read = rowToTransaction(row, index, { row: 2 });
    expect(read.ok && read.value.transaction).toEqual(t);
  });

  it('reports the required columns that are missing', () => {
    const index = indexHeader(['ID', 'Date', 'Notes'], TRANSACTION_COLUMNS, 'Transactions');
    expect(index.missing.map((c) => c.header)).toContain('Amount');
    expect(index.missing.map((c) => c.header)).not.toContain('Notes');
    expect(index.problems[0]).toMatchObject({ code: 'missing_column', row: 1 });
  });
});
