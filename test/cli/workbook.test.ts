import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import { writeWorkbook } from '../../cli/workbook/writeWorkbook';
import { indexHeader } from '../../core/sheet/headerIndex';
import { rowToTransaction } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { fixtureTabs, fixtureTransactions } from './workbookFixture';

describe('writeWorkbook / readWorkbook', () => {
  it('reads back the transactions that were written', async () => {
    const book = await readWorkbook(await writeWorkbook(fixtureTabs()));
    expect([...book.keys()]).toEqual(['Transactions', 'Summary']);
    const tab = book.get('Transactions')!;
    const index = indexHeader(tab.header, TRANSACTION_COLUMNS);
    const read = tab.rows.map((row, i) => rowToTransaction(row, index, { row: i + 2 }));
    expect(read.map((r) => r.ok && r.value.transaction)).toEqual(fixtureTransactions);
  });

  it('stores portal text as text, dates as dates and money with the currency decimals', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeWorkbook(fixtureTabs())).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Transactions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1);
    expect(cell(2, 'Description').type).toBe(ExcelJS.ValueType.String);
    expect(cell(2, 'Description').value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(cell(2, 'Date').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(cell(2, 'Amount').numFmt).toBe('#,##0.00;-#,##0.00');
    expect(cell(3, 'Amount').numFmt).toBe('#,##0;-#,##0');
    expect(cell(4, 'Amount').numFmt).toBe('#,##0.000;-#,##0.000');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(header.indexOf('Description') + 1).width).toBe(40);
  });
});
