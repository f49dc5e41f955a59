import { describe, expect, it } from 'vitest';
import { streamBankCsv } from '../../../core/formats/csv/streamBankCsv';
import { importFile } from '../../../core/formats/importFile';
import type { ImportOutcome } from '../../../core/formats/importTypes';
import { describeProblem } from '../../../core/model/problem';
import type { Transaction } from '../../../core/model/transaction';

const options = { currency: 'USD', capturedAt: '2026-12-01T00:00:00.000Z' };

function read(name: string, lines: string[]): Extract<ImportOutcome, { ok: true }> {
  const r = importFile({ name, bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) }, options);
  if (!r.ok) expect.fail(r.problems.map(describeProblem).join('\n'));
  return r;
}

const moves = (r: { transactions: Transaction[] }) =>
  r.transactions.map((t) => [t.date, t.description, t.amount.minor]);
const warningsOf = (r: { warnings: { message: string }[] }) => r.warnings.map((w) => w.message);

describe('lines of a bank CSV that state a balance or a total', () => {
  it('keeps opening and closing balance lines with figures in the amount column as statement balances, not deposits', () => {
    const r = read('register.csv', [
      'Date,Description,Amount',
      '2026-01-01,Opening balance,100.00',
      '2026-01-02,Rent,-10.00',
      '2026-01-03,Sale,5.00',
      '2026-01-31,Closing balance,95.00',
    ]);
    expect(moves(r)).toEqual([
      ['2026-01-02', 'Rent', -1000],
      ['2026-01-03', 'Sale', 500],
    ]);
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor])).toEqual([
      ['opening', '2026-01-01', 10000],
      ['closing', '2026-01-31', 9500],
    ]);
    expect(warningsOf(r)).toEqual([]);
    expect(r.report?.statementLines).toHaveLength(2);
    expect(r.report?.rowsRead).toBe(4);
  });

  it('reads balance lines in other words and languages, with a running balance column beside them', () => {
    const r = read('konto.csv', [
      'Datum;Buchungstext;Betrag;Saldo',
      '01.10.2026;Alter Saldo;;2.000,00',
      '02.10.2026;Miete;-1.000,00;1.000,00',
      '03.10.2026;Lohn;3.000,00;4.000,00',
      '31.10.2026;Neuer Saldo per 31.10.2026;4.000,00;4.000,00',
    ]);
    expect(moves(r)).toEqual([
      ['2026-10-02', 'Miete', -100000],
      ['2026-10-03', 'Lohn', 300000],
    ]);
    expect(r.balances.map((b) => [b.kind, b.balance.minor])).toEqual([
      ['opening', 200000],
      ['closing', 400000],
    ]);
  });

  it('keeps a shop whose name holds the words, and a line that moves the running balance, as transactions; the closing line is none', () => {
    const r = read('card.csv', [
      'Date,Description,Amount,Balance',
      '2026-01-02,NEW BALANCE #123 BOSTON MA,-89.99,910.01',
      '2026-01-03,TOTAL WINE & MORE,-45.00,865.01',
      '2026-01-04,Balance transfer,200.00,1065.01',
      '2026-01-05,New balance,-5.01,1060.00',
      '2026-01-31,Closing balance,1060.00,1060.00',
    ]);
    expect(moves(r).map((m) => m[1])).toEqual([
      'NEW BALANCE #123 BOSTON MA',
      'TOTAL WINE & MORE',
      'Balance transfer',
      'New balance',
    ]);
    expect(r.balances.map((b) => [b.kind, b.balance.minor])).toEqual([['closing', 106000]]);
  });

  it('checks a total line against the lines above and never books it', () => {
    const dated = read('dated.csv', [
      'Date,Description,Amount',
      '2026-01-02,Rent,-10.00',
      '2026-01-03,Sale,5.00',
      '2026-01-04,Fee,-1.00',
      '2026-01-04,Total,-6.00',
    ]);
    expect(moves(dated).map((m) => m[1])).toEqual(['Rent', 'Sale', 'Fee']);
    expect(warningsOf(dated)).toEqual([]);
    expect(dated.report?.statementLines?.[0]).toMatch(/line 5: "Total" totals the 3 lines above/);

    const split = read('split.csv', [
      'Date,Description,Debit,Credit',
      '2026-01-02,Rent,10.00,',
      '2026-01-03,Sale,,5.00',
      '2026-01-04,Fee,1.00,',
      'Totals,,11.00,5.00',
    ]);
    expect(moves(split).map((m) => m[1])).toEqual(['Rent', 'Sale', 'Fee']);
    expect(warningsOf(split)).toEqual([]);
  });

  it('says when a total line disagrees with the lines above: a line is missing or misread', () => {
    const r = read('short.csv', [
      'Date,Description,Amount',
      '2026-01-02,Rent,-10.00',
      '2026-01-03,Sale,5.00',
      ',Total,-7.00',
    ]);
    expect(moves(r).map((m) => m[1])).toEqual(['Rent', 'Sale']);
    expect(r.warnings.map(describeProblem)).toEqual([
      expect.stringMatching(
        /short\.csv, line 4, row 3.*"Total" is a total line \(-7\.00 USD\), but the 2 lines above add to -5\.00 USD.*missing, doubled or misread/,
      ),
    ]);
  });

  it('streams the same transactions and balances as the whole-file import', async () => {
    const text =
      'Date,Description,Amount\n2026-01-01,Opening balance,100.00\n2026-01-02,Rent,-10.00\n2026-01-03,Total,-10.00\n';
    const whole = importFile({ name: 's.csv', bytes: new TextEncoder().encode(text) }, options);
    if (!whole.ok) expect.fail('not read');
    const emitted: Transaction[] = [];
    async function* chunks() {
      yield text;
    }
    const streamed = await streamBankCsv(
      chunks(),
      { file: 's.csv', capturedAt: options.capturedAt, options },
      (t) => {
        emitted.push(t);
      },
    );
    if (!streamed.ok) expect.fail('not streamed');
    expect(emitted).toEqual(whole.transactions);
    expect(streamed.value.balances).toEqual(whole.balances);
    expect(moves(whole)).toEqual([['2026-01-02', 'Rent', -1000]]);
  });
});

describe("Quicken's opening balance record", () => {
  it('is the account’s starting balance, not a deposit', () => {
    const qif = [
      '!Type:Bank',
      'D01/01/2026',
      'T1,000.00',
      'CX',
      'POpening Balance',
      'L[Checking]',
      '^',
      'D01/02/2026',
      'T-50.00',
      'PCoffee',
      '^',
      'D01/03/2026',
      'T-5.00',
      'POpening Balance Cafe',
      'LDining',
      '^',
    ].join('\n');
    const r = importFile({ name: 'q.qif', bytes: new TextEncoder().encode(qif) }, options);
    if (!r.ok) expect.fail('not read');
    expect(moves(r)).toEqual([
      ['2026-01-02', 'Coffee', -5000],
      ['2026-01-03', 'Opening Balance Cafe', -500],
    ]);
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor])).toEqual([
      ['opening', '2026-01-01', 100000],
    ]);
    expect(r.report?.statementLines?.[0]).toMatch(/Quicken's opening balance/);
  });
});
