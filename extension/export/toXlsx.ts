import { currencyExponent } from '../../core/model/currency';
import type { Transaction } from '../../core/model/transaction';
import { transactionToRow } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';

const moneyFormat = (currency: string) => {
  const exponent = currencyExponent(currency);
  return `#,##0${exponent > 0 ? `.${'0'.repeat(exponent)}` : ''}`;
};

/**
 * The Transactions tab as an .xlsx file, with the spreadsheet's columns. exceljs is loaded only
 * when someone exports (it is large). Text is assigned as plain strings, never as formulas.
 */
export async function toXlsx(transactions: readonly Transaction[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Transactions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TRANSACTION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const t of transactions) {
    const row = sheet.addRow(transactionToRow(t));
    for (const c of TRANSACTION_COLUMNS) {
      if (c.type === 'money') row.getCell(c.key).numFmt = moneyFormat(t.amount.currency);
    }
  }
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
