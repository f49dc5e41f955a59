import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_FILES, DEMO_RULES } from '../../cli/commands/demoCommand';
import { buildWorkbookTabs } from '../../cli/workbook/buildWorkbookTabs';
import { readRulesFile } from '../../cli/workbook/readRulesFile';
import { reconcileFiles } from '../../cli/workbook/reconcileFiles';
import { type SheetTab, writeWorkbook } from '../../cli/workbook/writeWorkbook';
import { indexHeader } from '../../core/sheet/headerIndex';
import { rowToTransaction } from '../../core/sheet/transactionRow';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { fixtureTabs, fixtureTransactions } from './workbookFixture';
import { hasSoffice, sofficeSheets } from './workbookProcess';

const dir = mkdtempSync(join(tmpdir(), 'lb-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSoffice)('the .xlsx in LibreOffice', () => {
  it('reads back the values that were written, portal text as text', async () => {
    const book = join(dir, 'book.xlsx');
    writeFileSync(book, await writeWorkbook(fixtureTabs()));
    const raw = sofficeSheets(book, dir, false);
    expect([...raw.keys()].sort()).toEqual(['Summary', 'Transactions']);

    const [header, ...rows] = raw.get('Transactions')!;
    const index = indexHeader(header!, TRANSACTION_COLUMNS);
    const read = rows.map((row, i) => rowToTransaction(row, index, { row: i + 2 }));
    expect(read.map((r) => (r.ok ? r.value.transaction : r.problems))).toEqual(fixtureTransactions);
    expect(rows[0]![header!.indexOf('Description')]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(rows[0]![header!.indexOf('Notes')]).toBe('-5 off, asked the owner');

    const shown = sofficeSheets(book, dir, true);
    const [shownHeader, ...shownRows] = shown.get('Transactions')!;
    const amounts = shownRows.map((r) => r[shownHeader!.indexOf('Amount')]);
    expect(amounts).toEqual(['-1,234.50', '-1,234', '12.345']);
    expect(shownRows.map((r) => r[shownHeader!.indexOf('Date')])).toEqual([
      '2026-01-05',
      '2026-01-31',
      '2026-02-28',
    ]);

    const [summaryHeader, ...summaryRows] = raw.get('Summary')!;
    expect(
      summaryRows.map((r) => [
        r[summaryHeader!.indexOf('Month')],
        r[summaryHeader!.indexOf('Closing Balance')],
      ]),
    ).toEqual([
      ['2026-01', '-1234'],
      ['2026-02', '99999.999'],
      ['2026-01', '-1234.5'],
    ]);
  });

  it('shows every cell of the reconciled example workbook as written', async () => {
    const files = readdirSync(DEMO_FILES).map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(join(DEMO_FILES, name))),
    }));
    const run = reconcileFiles(files, { rules: await readRulesFile(DEMO_RULES) });
    const { tabs } = buildWorkbookTabs({
      run,
      batchId: 'b1',
      now: '2026-11-01T00:00:00.000Z',
      actor: 'test',
    });
    const book = join(dir, 'ridgeline.xlsx');
    writeFileSync(book, await writeWorkbook(tabs));
    const raw = sofficeSheets(book, dir, false);
    // Raw CSV: numbers as numbers, booleans as TRUE/FALSE, percents (LibreOffice keeps those) as 95%.
    const text = (value: unknown, percent: boolean) =>
      value === null || value === undefined
        ? ''
        : typeof value === 'boolean'
          ? String(value).toUpperCase()
          : percent && typeof value === 'number'
            ? `${Math.round(value * 1000) / 10}%`
            : String(value);
    const expected = (tab: SheetTab) => {
      const percent = tab.header.map((h) => tab.columns.find((c) => c.header === h)?.type === 'percent');
      return [tab.header, ...tab.rows.map((r) => tab.header.map((_, i) => text(r[i], percent[i]!)))];
    };
    for (const tab of tabs) {
      const rows = (raw.get(tab.name) ?? []).map((r) => r.slice(0, tab.header.length));
      expect(rows, tab.name).toEqual(expected(tab));
    }
  });
});
