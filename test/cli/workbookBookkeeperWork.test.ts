import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './workbookCli';
import { hasSoffice, sofficeSheets } from './workbookProcess';

const FILES = resolve(__dirname, '../../examples/ridgeline/files');
const RULES = resolve(__dirname, '../../examples/ridgeline/rules.json');
const dir = mkdtempSync(join(tmpdir(), 'lb-keep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const september = readdirSync(FILES)
  .filter((f) => f.includes('2026-09') && !f.includes('2026-09-10'))
  .map((f) => join(FILES, f));
const everything = readdirSync(FILES).map((f) => join(FILES, f));

async function load(book: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  return workbook;
}

/** The data rows of a tab by the text of one column, as [sheet row, cell of that column]. */
function rowsBy(sheet: ExcelJS.Worksheet, header: string): Map<string, ExcelJS.Row> {
  const at = columnOf(sheet, header);
  const rows = new Map<string, ExcelJS.Row>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const key = sheet.getRow(r).getCell(at).text;
    if (key) rows.set(key, sheet.getRow(r));
  }
  return rows;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.text === header) found = n;
  });
  if (!found) throw new Error(`${sheet.name} has no ${header} column`);
  return found;
}

const summaryKey = (row: ExcelJS.Row, sheet: ExcelJS.Worksheet) =>
  ['Institution', 'Account', 'Month', 'Currency'].map((h) => row.getCell(columnOf(sheet, h)).text).join('|');

const FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };

describe("the bookkeeper's own work in the .xlsx survives a re-run", () => {
  it('keeps their tabs, columns, notes, fills, number formats and decisions; rewrites only owned cells', async () => {
    const book = join(dir, 'book.xlsx');
    const first = await runCli(['reconcile', ...september, '--rules', RULES, '--out', book], dir);
    expect(first.code).toBe(0);

    // The bookkeeper's session in the book (as Excel would save it).
    const edited = await load(book);
    const checklist = edited.addWorksheet('Checklist');
    checklist.addRow(['Step', 'Done']);
    checklist.addRow(['Bank statements in', 'yes']);
    checklist.getCell('B2').fill = FILL;
    const tabOrder = edited.worksheets.map((s) => s.name);

    const tx = edited.getWorksheet('Transactions')!;
    const txReceipt = tx.getRow(1).cellCount + 1;
    tx.getRow(1).getCell(txReceipt).value = 'Receipt';
    const txRows = [...rowsBy(tx, 'ID')];
    const [keptId, keptRow] = txRows[3]!;
    keptRow.getCell(txReceipt).value = 'drive://receipts/0003.pdf';
    keptRow.getCell(txReceipt).fill = FILL;
    keptRow.getCell(columnOf(tx, 'Notes')).value = 'asked the owner';
    keptRow.getCell(columnOf(tx, 'Notes')).note = 'owner says: software';
    keptRow.getCell(columnOf(tx, 'Category Override')).value = 'Software';
    keptRow.getCell(columnOf(tx, 'Description')).note = 'check the vendor';

    const matches = edited.getWorksheet('Matches')!;
    const checked = matches.getRow(1).cellCount + 1;
    matches.getRow(1).getCell(checked).value = 'Checked';
    const matchRows = [...rowsBy(matches, 'Match ID')];
    expect(matchRows.length).toBeGreaterThan(1);
    const [decidedId, decidedRow] = matchRows[0]!;
    decidedRow.getCell(columnOf(matches, 'Decision')).value = 'confirm';
    decidedRow.getCell(checked).value = 'tied to statement p.2';
    decidedRow.getCell(checked).note = 'see binder';
    decidedRow.getCell(checked).fill = FILL;
    decidedRow.getCell(columnOf(matches, 'Notes')).value = 'looked fine';

    const categories = edited.getWorksheet('Categories')!;
    const budget = categories.getRow(1).cellCount + 1;
    categories.getRow(1).getCell(budget).value = 'Budget';
    const [budgetCategory, budgetRow] = [...rowsBy(categories, 'Category')][2]!;
    budgetRow.getCell(budget).value = 1250.5;
    budgetRow.getCell(budget).numFmt = '#,##0.00 "per month"';

    const summary = edited.getWorksheet('Summary')!;
    const reviewed = summary.getRow(1).cellCount + 1;
    summary.getRow(1).getCell(reviewed).value = 'Reviewed by';
    const summaryRow = summary.getRow(2);
    const reviewedKey = summaryKey(summaryRow, summary);
    summaryRow.getCell(reviewed).value = 'AK';
    summaryRow.getCell(reviewed).note = 'signed off';
    await edited.xlsx.writeFile(book);

    // The next run brings October: new rows in every tab, Matches and Summary rows move.
    const second = await runCli(['reconcile', ...everything, '--out', book], dir);
    expect(second.stderr).not.toMatch(/error/);
    expect(second.code).toBe(0);

    const after = await load(book);
    expect(after.worksheets.map((s) => s.name).slice(0, tabOrder.length)).toEqual(tabOrder);
    const list = after.getWorksheet('Checklist')!;
    expect(list.getCell('A2').value).toBe('Bank statements in');
    expect(list.getCell('B2').fill).toEqual(FILL);

    const tx2 = after.getWorksheet('Transactions')!;
    const row = rowsBy(tx2, 'ID').get(keptId)!;
    expect(rowsBy(tx2, 'ID').size).toBeGreaterThan(txRows.length);
    expect(row.getCell(columnOf(tx2, 'Receipt')).value).toBe('drive://receipts/0003.pdf');
    expect(row.getCell(columnOf(tx2, 'Receipt')).fill).toEqual(FILL);
    expect(row.getCell(columnOf(tx2, 'Notes')).value).toBe('asked the owner');
    expect(row.getCell(columnOf(tx2, 'Notes')).note).toBe('owner says: software');
    expect(row.getCell(columnOf(tx2, 'Description')).note).toBe('check the vendor');
    expect(row.getCell(columnOf(tx2, 'Category Override')).value).toBe('Software');

    const matches2 = after.getWorksheet('Matches')!;
    const matchRow = rowsBy(matches2, 'Match ID').get(decidedId)!;
    expect(rowsBy(matches2, 'Match ID').size).toBeGreaterThan(matchRows.length);
    expect(matchRow.getCell(columnOf(matches2, 'Decision')).value).toBe('confirm');
    expect(matchRow.getCell(columnOf(matches2, 'State')).value).toBe('confirmed');
    expect(matchRow.getCell(columnOf(matches2, 'Notes')).value).toBe('looked fine');
    expect(matchRow.getCell(columnOf(matches2, 'Checked')).value).toBe('tied to statement p.2');
    expect(matchRow.getCell(columnOf(matches2, 'Checked')).note).toBe('see binder');
    expect(matchRow.getCell(columnOf(matches2, 'Checked')).fill).toEqual(FILL);
    // Nothing of theirs is left on another match's row.
    const stray = [...rowsBy(matches2, 'Match ID')].filter(
      ([id, r]) => id !== decidedId && r.getCell(columnOf(matches2, 'Checked')).text !== '',
    );
    expect(stray).toEqual([]);

    const categories2 = after.getWorksheet('Categories')!;
    const budgetCell = rowsBy(categories2, 'Category')
      .get(budgetCategory)!
      .getCell(columnOf(categories2, 'Budget'));
    expect(budgetCell.value).toBe(1250.5);
    expect(budgetCell.numFmt).toBe('#,##0.00 "per month"');

    const summary2 = after.getWorksheet('Summary')!;
    const reviewedRows = [];
    for (let r = 2; r <= summary2.rowCount; r++) {
      const cell = summary2.getRow(r).getCell(columnOf(summary2, 'Reviewed by'));
      if (cell.text) reviewedRows.push([summaryKey(summary2.getRow(r), summary2), cell.text, cell.note]);
    }
    expect(reviewedRows).toEqual([[reviewedKey, 'AK', 'signed off']]);
    expect(summary2.rowCount).toBeGreaterThan(summary.rowCount);

    const audit = after.getWorksheet('Audit')!;
    // The header, then per run: one row per file read and the reconcile row.
    const whatColumn = columnOf(audit, 'What');
    const runs = audit.getColumn(whatColumn).values.filter((v) => v === 'reconcile');
    expect(runs).toHaveLength(2);

    if (hasSoffice) {
      const sheets = sofficeSheets(book, dir);
      expect([...sheets.keys()]).toContain('Checklist');
      const [header, ...rows] = sheets.get('Matches')!;
      const found = rows.find((r) => r[header!.indexOf('Match ID')] === decidedId)!;
      expect(found[header!.indexOf('Checked')]).toBe('tied to statement p.2');
      const [txHeader, ...txData] = sheets.get('Transactions')!;
      expect(txData.find((r) => r[txHeader!.indexOf('ID')] === keptId)![txHeader!.indexOf('Receipt')]).toBe(
        'drive://receipts/0003.pdf',
      );
    }
  });
});
