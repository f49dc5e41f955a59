import type { Money } from '../../core/model/money';
import type { Transaction } from '../../core/model/transaction';
import { formatAmount } from '../../core/money/formatAmount';
import { escapeFormula } from '../../core/sheet/escapeFormula';
import { transactionToRow } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * The Transactions tab as CSV (same columns as the spreadsheet). Amounts keep their exact decimals;
 * text from portals is made inert, since spreadsheets open CSV cells starting with = + - @ as formulas.
 */
export function toCsv(transactions: readonly Transaction[]): string {
  const lines = [TRANSACTION_COLUMNS.map((c) => quote(c.header)).join(',')];
  for (const t of transactions) {
    const record = transactionToRow(t);
    const cells = TRANSACTION_COLUMNS.map((c) => {
      if (c.type === 'money') {
        const m = t[c.key as 'amount' | 'gross' | 'fee' | 'balance'] as Money | undefined;
        return m ? formatAmount(m.minor, m.currency) : '';
      }
      const value = record[c.key];
      const text = value === null || value === undefined ? '' : String(value);
      return quote('fromOutside' in c && c.fromOutside ? escapeFormula(text) : text);
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
