import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/formats/importTypes';
import { runCli } from './workbookCli';

const DIR = join(__dirname, '../fixtures/processors');

describe('ledgerbridge import --explain', () => {
  it('says per file what it was read as, its account and why, the columns, the rows read and skipped', async () => {
    const { code, stdout } = await runCli(
      ['import', '--explain', 'stripe-payouts.csv', 'paypal-activity-de.csv'],
      DIR,
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'stripe-payouts.csv: Stripe payouts export; account Stripe USD (from the processor and currency); USD (file data); dates year-month-day; 4 rows read, 3 imported, 1 skipped',
    );
    expect(lines[1]).toMatch(
      /^ {2}columns: id ← "id", amount ← "Amount", currency ← "Currency", arrival ← "Arrival Date \(UTC\)"/,
    );
    expect(lines[2]).toBe(
      '  skipped line 4, row 3: payout po_1QcD4eF5gH6iJ7kL is "failed" and moved no money; skipped',
    );
    expect(stdout).toMatch(
      /^paypal-activity-de\.csv: PayPal activity download; .*EUR \(file data\); dates day\/month\/year; 6 rows read, 5 imported, 1 skipped$/m,
    );
    expect(stdout).toMatch(/transactionId ← "Transaktionscode"/);
  });

  it('prints the reports as JSON with --json', async () => {
    const { code, stdout } = await runCli(['import', '--explain', '--json', 'square-deposits-2024.csv'], DIR);
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout) as ImportReport[];
    expect(report).toMatchObject({
      file: 'square-deposits-2024.csv',
      recognized: { format: 'square-transfers', processor: 'square', variant: 'deposits (transfers) export' },
      accounts: [{ name: 'Square USD', source: 'processor' }],
      currency: { code: 'USD' },
      dateOrder: 'ymd',
      rowsRead: 3,
      rowsImported: 2,
      rowsSkipped: [{ line: 4, row: 3 }],
    });
    expect(report!.columns).toContainEqual({ role: 'depositId', column: 'Deposit ID' });
  });
});
