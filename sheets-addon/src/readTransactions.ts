import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { rowToTransaction } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { readTab, type TabContents } from './readTab';
import type { Sheet } from './services';

export type SheetTransactions = {
  tab: TabContents;
  transactions: Transaction[];
  /** The bookkeeper's Category Override by transaction id. */
  overrides: Map<string, string>;
  /** Rows that could not be read (blank rows are skipped silently). */
  problems: Problem[];
};

/** Reads the Transactions tab back into transactions, one getValues; columns by header name. */
export function readTransactions(sheet: Sheet, timeZone: string): SheetTransactions {
  const tab = readTab(sheet, TRANSACTION_COLUMNS, timeZone);
  const transactions: Transaction[] = [];
  const overrides = new Map<string, string>();
  const problems: Problem[] = [...tab.index.problems];
  if (problems.length > 0) return { tab, transactions, overrides, problems };
  tab.rows.forEach((row, i) => {
    if (row.every((cell) => cell === '' || cell === null)) return;
    const read = rowToTransaction(row, tab.index, { row: i + 2 });
    if (!read.ok) {
      problems.push(...read.problems);
      return;
    }
    transactions.push(read.value.transaction);
    if (read.value.categoryOverride) overrides.set(read.value.transaction.id, read.value.categoryOverride);
  });
  return { tab, transactions, overrides, problems };
}
