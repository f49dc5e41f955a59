import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './workbookCli';

const dir = mkdtempSync(join(tmpdir(), 'lb-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'export.csv'), 'Date,Description,Amount\n11/02/2026,RENT,-2400.00\n');
writeFileSync(join(dir, 'export (1).csv'), 'Date,Description,Amount\n11/03/2026,INTEREST PAYMENT,1.20\n');

const accounts = (stdout: string) =>
  (JSON.parse(stdout) as Array<{ account: string; description: string }>).map((t) => [
    t.description,
    t.account,
  ]);

describe('--account FILE=NAME', () => {
  it('stops with an error naming the files when nothing tells their accounts apart', async () => {
    for (const args of [['import'], ['reconcile', '--json']]) {
      const { code, stderr } = await runCli([...args, 'export.csv', 'export (1).csv'], dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /cannot tell which account each of these files belongs to: export\.csv, export \(1\)\.csv/,
      );
    }
  });

  it('names the account of each file', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'import',
        'export.csv',
        'export (1).csv',
        '--account',
        'export.csv=Checking 4417',
        `--account=${join(dir, 'export (1).csv')}=Savings 4421`,
      ],
      dir,
    );
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(accounts(stdout)).toEqual([
      ['RENT', 'Checking 4417'],
      ['INTEREST PAYMENT', 'Savings 4421'],
    ]);
  });

  it('refuses FILE= naming no file given (usage, exit 2)', async () => {
    const { code, stderr } = await runCli(
      ['reconcile', 'export.csv', '--json', '--account', 'exprot.csv=Checking'],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/"exprot\.csv" is not one of the files given/);
  });
});
