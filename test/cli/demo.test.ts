import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/workbook/readWorkbook';
import { runCli } from './workbookCli';

const dir = mkdtempSync(join(tmpdir(), 'lb-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledgerbridge demo', () => {
  it('writes the example business workbook and prints the short summary', async () => {
    const { code, stdout, stderr } = await runCli(['demo', '--out', 'demo.xlsx'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Transactions: 370 from 7 files/);
    expect(stdout).toMatch(/Matched: 18 links \(15 payout-deposit, 2 transfer, 1 many-to-one\)/);
    expect(stdout).toMatch(/Needing review: 2 \(2 in-transit\)/);
    expect(stdout).toMatch(/Differences: 6 of 6 account-months with a statement balance tie out/);

    const book = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'demo.xlsx'))));
    expect([...book.keys()]).toEqual([
      'Transactions',
      'Matches',
      'Rules',
      'Categories',
      'Summary',
      'Invoices',
      'Invoice Payments',
      'Aging',
      'Alerts',
      'Audit',
    ]);
    expect(book.get('Transactions')!.rows).toHaveLength(370);
    const summary = book.get('Summary')!;
    const at = (name: string) => summary.header.indexOf(name);
    const october = summary.rows.find(
      (r) => r[at('Account')] === 'Checking ••6789' && r[at('Month')] === '2026-10',
    )!;
    expect(october[at('Opening Balance')]).toBe(16635.22);
    expect(october[at('Closing Balance')]).toBe(10531.82);
    expect(october[at('Statement Balance')]).toBe(10531.82);
    expect(october[at('Difference')]).toBe(0);
    expect(october[at('Unmatched')]).toBe(6);

    // It opens on the Summary, with a drop-down for the bookkeeper's match decisions.
    const ExcelJS = (await import('exceljs')).default;
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(readFileSync(join(dir, 'demo.xlsx')) as unknown as ArrayBuffer);
    expect(raw.views[0]?.activeTab).toBe(4);
    const matches = raw.getWorksheet('Matches')!;
    expect(matches.getRow(2).getCell(4).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"confirm,reject"'],
    });

    const categories = book.get('Categories')!;
    const names = categories.rows.map((r) => r[0]);
    expect(names).toEqual(
      expect.arrayContaining(['Rent or Lease', 'Sales', 'Cost of Goods Sold', 'Transfer Between Accounts']),
    );
    expect(names).not.toContain('(uncategorized)');
  });

  it('replaces the book when run again', async () => {
    const again = await runCli(['demo', '--out', 'demo.xlsx'], dir);
    expect(again.code).toBe(0);
    const book = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'demo.xlsx'))));
    const audit = book.get('Audit')!;
    expect(audit.rows.filter((r) => r[audit.header.indexOf('What')] === 'reconcile')).toHaveLength(1);
    expect(book.get('Transactions')!.rows).toHaveLength(370);
  });
});
