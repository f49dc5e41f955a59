import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountFromFileName } from '../../../core/formats/accountFromFileName';
import { type FileToImport, importFiles } from '../../../core/formats/importFiles';
import { describeProblem } from '../../../core/model/problem';
import { CAPTURED_AT } from './loadFile';

const csv = (name: string, lines: string[], account?: string): FileToImport => ({
  name,
  bytes: new TextEncoder().encode(lines.join('\n')),
  ...(account ? { account } : {}),
});
const run = (...files: FileToImport[]) => importFiles(files, { capturedAt: CAPTURED_AT });
const accountsOf = (r: ReturnType<typeof run>) =>
  r.ok
    ? r.value.map((f) => [f.name, f.outcome.report?.accounts.map((a) => `${a.name} (${a.source})`)])
    : r.problems.map(describeProblem);

const OCTOBER = [
  'Date,Description,Amount,Balance',
  '10/28/2026,RENT NOVEMBER,-2400.00,5600.00',
  '10/30/2026,SQUARE INC DEPOSIT,812.40,6412.40',
];
const NOVEMBER = [
  'Date,Description,Amount,Balance',
  '11/02/2026,GUSTO PAYROLL,-3100.00,3312.40',
  '11/03/2026,STRIPE TRANSFER,455.10,3767.50',
];

describe('the account a file name states', () => {
  it.each([
    ['Chase4417_Activity_20261101.CSV', 'Chase ••4417'],
    ['checking_4417_2026-11.csv', 'Checking ••4417'],
    ['savings_4421.csv', 'Savings ••4421'],
    ['Export_DE89370400440532013000.csv', 'Account ••3000'],
    ['Umsaetze_Girokonto_123456789_2026-11.csv', 'Checking ••6789'],
    ['CreditCard_x1234_Nov2026.csv', 'Card ••1234'],
    ['savings.csv', 'Savings'],
  ])('%s → %s', (name, account) => {
    expect(accountFromFileName(name)?.name).toBe(account);
  });

  it.each([
    'export.csv',
    'statement_2026.csv',
    'stmt_11-01-2026_11-30-2026.csv',
    'transactions (1).csv',
    'Chase_Activity.csv',
    'acct_4417_and_4421.csv',
    'DE89370400440532013001.csv',
  ])('%s names no account for certain', (name) => {
    expect(accountFromFileName(name)).toBeUndefined();
  });
});

describe('one account per file', () => {
  it('refuses several files that name no account and that nothing tells apart, naming them', () => {
    const r = run(
      csv('export.csv', OCTOBER),
      csv('export (1).csv', ['Date,Description,Amount', '11/02/2026,FEE,-5.00']),
    );
    expect(r.ok).toBe(false);
    expect(accountsOf(r)[0]).toMatch(
      /^cannot tell which account each of these files belongs to: export\.csv, export \(1\)\.csv .* --account export\.csv=Checking$/,
    );
  });

  it('books files by the account their names state, never merging two accounts', () => {
    const r = run(csv('checking_4417_2026-10.csv', OCTOBER), csv('savings_4421.csv', NOVEMBER));
    expect(accountsOf(r)).toEqual([
      ['checking_4417_2026-10.csv', ['Checking ••4417 (file name)']],
      ['savings_4421.csv', ['Savings ••4421 (file name)']],
    ]);
  });

  it('files naming the same account number differently are one account; their overlap has the same ids', () => {
    const r = run(
      csv('checking_4417_2026-10.csv', OCTOBER),
      csv('Chase4417_Activity_20261103.CSV', [
        ...OCTOBER.slice(0, 1),
        ...OCTOBER.slice(2),
        ...NOVEMBER.slice(1),
      ]),
    );
    expect(accountsOf(r)).toEqual([
      ['checking_4417_2026-10.csv', ['Checking ••4417 (file name)']],
      ['Chase4417_Activity_20261103.CSV', ['Checking ••4417 (file name)']],
    ]);
    if (!r.ok) return;
    const [a, b] = r.value.map((f) => f.outcome.transactions);
    expect(b![0]!.id).toBe(a![1]!.id);
  });

  it('the same last digits with different kinds are two accounts (checking 4417, a card ending 4417)', () => {
    const r = run(
      csv('checking_4417_2026-10.csv', OCTOBER),
      csv('CreditCard_4417_Nov2026.csv', ['Date,Description,Amount', '11/02/2026,AMAZON,-25.00']),
    );
    expect(accountsOf(r)).toEqual([
      ['checking_4417_2026-10.csv', ['Checking ••4417 (file name)']],
      ['CreditCard_4417_Nov2026.csv', ['Card ••4417 (file name)']],
    ]);
  });

  it('a file whose balances continue another file’s is that file’s account', () => {
    const r = run(csv('checking_4417_2026-10.csv', OCTOBER), csv('download.csv', NOVEMBER));
    expect(accountsOf(r)).toEqual([
      ['checking_4417_2026-10.csv', ['Checking ••4417 (file name)']],
      ['download.csv', ['Checking ••4417 (balance chain)']],
    ]);
    if (r.ok)
      expect(r.value[1]!.outcome.report?.accounts[0]?.evidence).toBe(
        'its balances continue checking_4417_2026-10.csv',
      );
  });

  it('an account named for one file wins over its name; a lone unnamed file keeps the default account', () => {
    const r = run(
      csv('checking_4417_2026-10.csv', OCTOBER, 'Operating'),
      csv('export.csv', ['Date,Description,Amount', '11/02/2026,FEE,-5.00']),
    );
    expect(accountsOf(r)).toEqual([
      ['checking_4417_2026-10.csv', ['Operating (option)']],
      ['export.csv', ['Bank account (undecided)']],
    ]);
  });

  it('keeps a Stripe payout listed by both the balance history and the Payouts export once', () => {
    const dir = new URL('../../fixtures/processors/', import.meta.url).pathname;
    const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(dir + name)) });
    const r = run(file('stripe-balance-history.csv'), file('stripe-payouts.csv'));
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    const payouts = r.value
      .flatMap((f) => f.outcome.transactions)
      .filter((t) => t.payoutId === 'po_1QaB2cD3eF4gH5iJ' && t.kind === 'payout');
    expect(payouts.map((t) => [t.externalId, t.date])).toEqual([['po_1QaB2cD3eF4gH5iJ', '2026-11-04']]);
    expect(r.value[0]!.outcome.warnings.map((w) => w.code)).toEqual(['payout_listed_twice']);
  });

  it('keeps a Stripe sale listed by both the balance history and the Payments export once', () => {
    const dir = new URL('../../fixtures/processors/', import.meta.url).pathname;
    const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(dir + name)) });
    const r = run(file('stripe-payments.csv'), file('stripe-balance-history.csv'));
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    const [payments, history] = r.value.map((f) => f.outcome.transactions.map((t) => t.externalId));
    // ch_3QaA1 and ch_3QaA2 (and its refund) are in the balance history; py_3QaA4 is not.
    expect(payments).toEqual(['py_3QaA4']);
    expect(history).toEqual(['txn_3QaA1', 'txn_3QaA2', 'txn_1QaB2cD3eF4gH5iK']);
    expect(r.value[0]!.outcome.warnings.map((w) => w.code)).toContain('charge_listed_twice');
  });
});
