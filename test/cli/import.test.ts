import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TransactionJson } from '../../core/model/transactionJson';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function ledgerbridge(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['cli/bin.mjs', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ledgerbridge import', () => {
  it('prints the JSON array of an OFX file’s transactions', async () => {
    const { code, stdout, stderr } = await ledgerbridge('import', 'test/fixtures/corpus/ofx/checking.ofx');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as unknown[];
    expect(rows.every((r) => TransactionJson.safeParse(r).success)).toBe(true);
    expect(
      rows.map((r) => {
        const t = r as TransactionJson;
        return [t.date, t.amount, t.currency, t.status, t.externalId, t.description];
      }),
    ).toEqual([
      ['2011-03-31', '0.01', 'USD', 'posted', '0000486', 'DIVIDEND EARNED FOR PERIOD OF 03'],
      ['2011-04-05', '-34.51', 'USD', 'posted', '0000487', 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL'],
      ['2011-04-07', '-25.00', 'USD', 'posted', '0000488', 'RETURNED CHECK FEE, CHECK # 319'],
    ]);
    expect((rows[0] as TransactionJson).origin).toMatchObject({
      file: 'test/fixtures/corpus/ofx/checking.ofx',
      row: 1,
      element: 'STMTTRN',
    });
  });

  it('merges files: the same file twice adds nothing, other files add theirs', async () => {
    const { code, stdout } = await ledgerbridge(
      'import',
      'test/fixtures/corpus/processor/paypal-activity.csv',
      'test/fixtures/corpus/processor/paypal-activity.csv',
      'test/fixtures/corpus/camt053/camt053.v3.xml',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as TransactionJson[];
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.id)).size).toBe(8);
    expect(rows.at(-1)).toMatchObject({
      amount: '8.85',
      currency: 'EUR',
      externalId: 'XXXXXXXXXXXXXXXXXXXXXXEUR',
    });
  });

  it('applies --account, --currency and --mapping to a CSV, and prints warnings on stderr', async () => {
    const mapping = JSON.stringify({
      date: 'Date',
      description: 'Libellé',
      debit: 'Débit',
      credit: 'Crédit',
      dateOrder: 'dmy',
    });
    const ok = await ledgerbridge(
      'import',
      'test/fixtures/files/bank-fr-windows1252.csv',
      '--account',
      'Compte ••4411',
      '--currency',
      'eur',
      '--mapping',
      mapping,
    );
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const rows = JSON.parse(ok.stdout) as TransactionJson[];
    expect(rows.map((r) => [r.date, r.amount, r.currency, r.account])).toEqual([
      ['2026-11-02', '-45.10', 'EUR', 'Compte ••4411'],
      ['2026-11-04', '1500.00', 'EUR', 'Compte ••4411'],
      ['2026-11-25', '-7.80', 'EUR', 'Compte ••4411'],
      ['2026-11-26', '-12.00', 'EUR', 'Compte ••4411'],
    ]);
    const warned = await ledgerbridge('import', 'test/fixtures/corpus/ofx-fail/empty_balance.ofx');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(
      'ledgerbridge import: warning: test/fixtures/corpus/ofx-fail/empty_balance.ofx, line 37, element <LEDGERBAL>:',
    );
  });

  it('fails with the file and the line or element when a file cannot be read', async () => {
    const refused = await ledgerbridge('import', 'test/fixtures/corpus/camt053/camt053.v2.wrong.xml');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'ledgerbridge import: test/fixtures/corpus/camt053/camt053.v2.wrong.xml, line 3, element <BkToCstmrStmt>: <BkToCstmrStmt> holds no <Stmt>: the file has a group header but no statement to import\n',
    );
    const missing = await ledgerbridge('import', 'no-such-file.ofx');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.ofx: cannot read the file (ENOENT)');
  });

  it('documents itself in --help and rejects wrong usage with code 2', async () => {
    const help = await ledgerbridge('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ledgerbridge import FILE… [options]');
    expect(help.stdout).toContain('--mapping JSON');
    const wrong = await ledgerbridge('import', 'x.csv', '--currency', 'euro');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--currency: "euro" is not an ISO 4217 code');
  });
});
