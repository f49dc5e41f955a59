import type { Problem } from '../model/problem';
import type { Transaction } from '../model/transaction';
import type { HeaderIndex } from './headerIndex';
import { rowToTransaction } from './transactionRow';

/**
 * The Transactions tab's data rows (row 2 on) back into transactions, with the bookkeeper's
 * Category Override per id; blank rows are passed over, bad rows reported by sheet row and column.
 */
export function readTransactionRows(rows: readonly unknown[][], index: HeaderIndex) {
  const transactions: Transaction[] = [];
  const overrides = new Map<string, string>();
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    if (row.every((cell) => cell === '' || cell === null || cell === undefined)) return;
    const read = rowToTransaction(row, index, { row: i + 2 });
    if (!read.ok) {
      problems.push(...read.problems);
      return;
    }
    transactions.push(read.value.transaction);
    if (read.value.categoryOverride) overrides.set(read.value.transaction.id, read.value.categoryOverride);
  });
  return { transactions, overrides, problems };
}
