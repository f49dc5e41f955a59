import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import type { Transaction } from '../../core/model/transaction';
import { indexHeader } from '../../core/sheet/headerIndex';
import { rowToDecision } from '../../core/sheet/matchRow';
import { rowsToRules } from '../../core/sheet/ruleRows';
import { rowToTransaction } from '../../core/sheet/transactionRow';
import { MATCH_COLUMNS, RULE_COLUMNS, TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import type { ReadTab } from './readWorkbook';

export type ExistingBook = {
  tabs: ReadonlyMap<string, ReadTab>;
  transactions: Transaction[];
  /** Category Override per transaction id. */
  overrides: Map<string, string>;
  /** Matches the bookkeeper confirmed or rejected. */
  decisions: Match[];
  /** The rules in the Rules tab, when the book has one. */
  rules?: Rule[];
  /** Rows that could not be read: they stay in the book untouched, but take no part in this run. */
  warnings: Problem[];
};

/** What a book written earlier says: its transactions, the bookkeeper's overrides and decisions. */
export function readExistingBook(tabs: ReadonlyMap<string, ReadTab>, file: string): ExistingBook {
  const book: ExistingBook = { tabs, transactions: [], overrides: new Map(), decisions: [], warnings: [] };
  const transactions = tabs.get('Transactions');
  if (transactions) {
    const index = indexHeader(transactions.header, TRANSACTION_COLUMNS, 'Transactions');
    if (index.problems.length > 0) book.warnings.push(...index.problems.map((p) => ({ ...p, file })));
    else
      transactions.rows.forEach((row, i) => {
        if (row.every((v) => v === null || v === undefined || v === '')) return;
        const read = rowToTransaction(row, index, { row: i + 2, file });
        if (!read.ok) {
          book.warnings.push(...read.problems);
          return;
        }
        book.transactions.push(read.value.transaction);
        if (read.value.categoryOverride)
          book.overrides.set(read.value.transaction.id, read.value.categoryOverride);
      });
  }
  const matches = tabs.get('Matches');
  if (matches) {
    const index = indexHeader(matches.header, MATCH_COLUMNS, 'Matches');
    matches.rows.forEach((row, i) => {
      const read = rowToDecision(row, index, { row: i + 2, file });
      if (!read.ok) book.warnings.push(...read.problems);
      else if (read.value) book.decisions.push(read.value);
    });
  }
  const rulesTab = tabs.get('Rules');
  if (rulesTab && rulesTab.rows.length > 0) {
    const read = rowsToRules(rulesTab.rows, indexHeader(rulesTab.header, RULE_COLUMNS, 'Rules'));
    book.rules = read.rules;
    book.warnings.push(...read.problems.map((p) => ({ ...p, file })));
  }
  return book;
}
