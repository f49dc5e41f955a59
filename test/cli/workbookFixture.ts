import { type SheetTab, tabFromRecords } from '../../cli/workbook/writeWorkbook';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { transactionToRow } from '../../core/sheet/transactionRow';
import { SUMMARY_COLUMNS, TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { makeTransaction } from '../core/sheet/makeTransaction';

/** Lines that stress the writer: formula-looking portal text, three currency exponents, blanks, unicode. */
export const fixtureTransactions = [
  makeTransaction({
    id: 'lb_formula',
    description: '=HYPERLINK("http://evil.example","click")',
    payee: '+1 555 0100',
    memo: '@SUM(A1:A9)',
    notes: '-5 off, asked the owner',
    amount: { minor: -123450, currency: 'USD' },
    gross: { minor: -120000, currency: 'USD' },
    fee: { minor: 3450, currency: 'USD' },
    tags: ['stripe', 'payout'],
    category: 'Sales',
    rule: 'stripe-sales',
    transfer: false,
  }),
  makeTransaction({
    id: 'lb_jpy',
    date: '2026-01-31',
    amount: { minor: -1234, currency: 'JPY' },
    description: 'Café ☕ Tōkyō',
  }),
  makeTransaction({
    id: 'lb_kwd',
    date: '2026-02-28',
    amount: { minor: 12345, currency: 'KWD' },
    balance: { minor: 99999999, currency: 'KWD' },
    origin: { url: 'https://portal.example/activity?x=1', capturedAt: '2026-03-01T08:30:00.000Z' },
  }),
];

export function fixtureTabs(): SheetTab[] {
  return [
    tabFromRecords(
      'Transactions',
      TRANSACTION_COLUMNS,
      fixtureTransactions.map((t) => transactionToRow(t, 'batch-1')),
    ),
    tabFromRecords(
      'Summary',
      SUMMARY_COLUMNS,
      buildSummary({ transactions: fixtureTransactions }).map(summaryToRow),
    ),
  ];
}
