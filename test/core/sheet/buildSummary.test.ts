import { describe, expect, it } from 'vitest';
import type { StatementBalance } from '../../../core/model/account';
import { buildSummary, summaryToRow } from '../../../core/sheet/buildSummary';
import { makeTransaction } from './makeTransaction';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const line = (id: string, date: string, minor: number, extra = {}) =>
  makeTransaction({ id, date, amount: usd(minor), ...extra });
const statement = (
  date: string,
  minor: number,
  kind: StatementBalance['kind'] = 'closing',
): StatementBalance => ({
  institution: 'chase',
  account: 'Checking ••6789',
  date,
  balance: usd(minor),
  kind,
});

describe('buildSummary', () => {
  const transactions = [
    line('d1', '2026-01-05', 100000),
    line('w1', '2026-01-20', -25000),
    line('s1', '2026-01-29', -5000, { status: 'pending', supersededBy: 'd3' }),
    line('d3', '2026-02-02', -5000),
    line('d4', '2026-02-10', 30000),
  ];

  it('ties out a known two-month example to the statement balances', () => {
    const summary = buildSummary({
      transactions,
      balances: [
        statement('2026-01-01', 500000, 'opening'),
        statement('2026-01-31', 575000),
        statement('2026-02-28', 600000),
      ],
      unmatchedIds: ['d4'],
    });
    expect(summary).toEqual([
      expect.objectContaining({
        month: '2026-01',
        opening: 500000,
        inflows: 100000,
        outflows: -25000,
        closing: 575000,
        statementBalance: 575000,
        difference: 0,
        unmatched: 0,
        status: 'reconciled',
        openingFrom: 'statement opening balance of 2026-01-01',
      }),
      expect.objectContaining({
        month: '2026-02',
        opening: 575000,
        inflows: 30000,
        outflows: -5000,
        closing: 600000,
        difference: 0,
        unmatched: 1,
        openingFrom: "previous month's closing balance",
      }),
    ]);
  });

  it('shows the difference when a line is missing', () => {
    const summary = buildSummary({
      transactions: transactions.filter((t) => t.id !== 'd4'),
      balances: [statement('2025-12-31', 500000), statement('2026-02-28', 600000)],
    });
    expect(summary[1]).toMatchObject({
      closing: 570000,
      statementBalance: 600000,
      difference: 30000,
      status: 'difference',
    });
    expect(summary[0]).toMatchObject({ status: 'no statement', opening: 500000 });
  });

  it('rolls the opening back from running balances, whatever order the day is listed in', () => {
    const summary = buildSummary({
      transactions: [
        line('a', '2026-03-02', -300, { balance: usd(9700) }),
        line('b', '2026-03-02', 1000, { balance: usd(10700) }),
        line('c', '2026-03-01', 500, { balance: usd(10000) }),
        line('e', '2026-03-31', -700, { balance: usd(10000) }),
      ].reverse(),
    });
    expect(summary).toEqual([
      expect.objectContaining({
        opening: 9500,
        closing: 10000,
        statementBalance: 10000,
        statementFrom: 'running balance',
        statementDate: '2026-03-31',
        difference: 0,
        openingFrom: 'rolled back from the running balance on 2026-03-01',
      }),
    ]);
    expect(summaryToRow(summary[0]!)).toMatchObject({
      opening: 95,
      closing: 100,
      difference: 0,
      month: '2026-03',
    });
  });

  it('counts a line still pending (portal balances include it) but not a superseded one', () => {
    const summary = buildSummary({
      transactions: [
        line('a', '2026-05-01', -699, { balance: usd(-699) }),
        line('b', '2026-05-01', 699, { status: 'pending', balance: usd(0) }),
        line('c', '2026-05-02', -500, { status: 'pending', supersededBy: 'd' }),
        line('d', '2026-05-03', -500, { balance: usd(-500) }),
      ],
    });
    expect(summary[0]).toMatchObject({
      opening: 0,
      inflows: 699,
      outflows: -1199,
      closing: -500,
      difference: 0,
    });
  });

  it('assumes 0 and says so when nothing states a balance', () => {
    const [only] = buildSummary({ transactions: [line('x', '2026-04-04', 1234)] });
    expect(only).toMatchObject({ opening: 0, closing: 1234, status: 'no statement' });
    expect(only!.openingFrom).toMatch(/assumed 0/);
  });
});
