import type { Invoice, InvoiceApplication } from '../../core/model/invoice';
import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import type { Transaction } from '../../core/model/transaction';
import { indexHeader } from '../../core/sheet/headerIndex';
import {
  INVOICE_PAYMENTS_TAB,
  INVOICES_TAB,
  rowToInvoice,
  rowToInvoiceDecision,
} from '../../core/sheet/invoiceRows';
import { rowToDecision } from '../../core/sheet/matchRow';
import { rowsToRules } from '../../core/sheet/ruleRows';
import { rowToTransaction } from '../../core/sheet/transactionRow';
import {
  INVOICE_COLUMNS,
  INVOICE_PAYMENT_COLUMNS,
  MATCH_COLUMNS,
  RULE_COLUMNS,
  TRANSACTION_COLUMNS,
} from '../../core/sheet/workbookLayout';
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
  /** The Invoices tab's invoices: those imported before and those the bookkeeper typed in. */
  invoices: Invoice[];
  /** Payments the bookkeeper confirmed for or rejected from invoices. */
  invoiceDecisions: InvoiceApplication[];
  /** Each invoice's status as last written, to put what changed on the Audit tab. */
  invoiceStatuses: Map<string, string>;
  /** Rows that could not be read: they stay in the book untouched, but take no part in this run. */
  warnings: Problem[];
};

/** What a book written earlier says: its transactions, the bookkeeper's overrides and decisions. */
export function readExistingBook(tabs: ReadonlyMap<string, ReadTab>, file: string): ExistingBook {
  const book: ExistingBook = {
    tabs,
    transactions: [],
    overrides: new Map(),
    decisions: [],
    invoices: [],
    invoiceDecisions: [],
    invoiceStatuses: new Map(),
    warnings: [],
  };
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
  const invoices = tabs.get(INVOICES_TAB);
  if (invoices) {
    const index = indexHeader(invoices.header, INVOICE_COLUMNS, INVOICES_TAB);
    if (index.problems.length > 0) book.warnings.push(...index.problems.map((p) => ({ ...p, file })));
    else
      invoices.rows.forEach((row, i) => {
        const read = rowToInvoice(row, index, { row: i + 2, file });
        if (!read.ok) book.warnings.push(...read.problems);
        else if (read.value) {
          book.invoices.push(read.value);
          const status = index.positions.get('status');
          if (status !== undefined) book.invoiceStatuses.set(read.value.number, String(row[status] ?? ''));
        }
      });
  }
  const payments = tabs.get(INVOICE_PAYMENTS_TAB);
  if (payments) {
    const index = indexHeader(payments.header, INVOICE_PAYMENT_COLUMNS, INVOICE_PAYMENTS_TAB);
    payments.rows.forEach((row, i) => {
      const read = rowToInvoiceDecision(row, index, { row: i + 2, file });
      if (!read.ok) book.warnings.push(...read.problems);
      else if (read.value) book.invoiceDecisions.push(read.value);
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
