import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { readTransactionRows } from '../../core/sheet/readTransactionRows';
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
  if (tab.index.problems.length > 0) {
    return { tab, transactions: [], overrides: new Map(), problems: [...tab.index.problems] };
  }
  return { tab, ...readTransactionRows(tab.rows, tab.index) };
}
