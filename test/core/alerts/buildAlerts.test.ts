import { describe, expect, it } from 'vitest';
import { buildAlerts, type DataDelivery } from '../../../core/alerts/buildAlerts';
import type { Transaction } from '../../../core/model/transaction';
import { invoiceStandings } from '../../../core/receivables/invoiceStandings';

let seq = 0;
const line = (account: string, date: string, amount: number, balance?: number): Transaction => ({
  schemaVersion: 1,
  id: `a${++seq}`,
  institution: 'bank',
  account,
  date,
  description: 'x',
  payee: 'x',
  amount: { minor: amount, currency: 'USD' },
  ...(balance !== undefined ? { balance: { minor: balance, currency: 'USD' } } : {}),
  status: 'posted',
  kind: 'unknown',
  tags: [],
  origin: { file: 'f.csv', capturedAt: '2026-12-01T00:00:00Z' },
});
const delivery = (account: string, from: string, to: string, rows: number, at = to): DataDelivery => ({
  account,
  source: `${account} ${from}`,
  rows,
  from,
  to,
  at,
});

/** A clean month: two accounts delivered weekly, balances chained, nothing overdue. */
const clean = () => {
  const transactions = [
    line('Checking ••4417', '2026-11-02', -500, 99500),
    line('Checking ••4417', '2026-11-02', 1000, 100500),
    line('Checking ••4417', '2026-11-03', -200, 100300),
    line('Checking ••4417', '2026-11-05', 700, 101000),
  ];
  const deliveries = [
    delivery('Checking ••4417', '2026-11-01', '2026-11-07', 21),
    delivery('Checking ••4417', '2026-11-08', '2026-11-14', 19),
    delivery('Checking ••4417', '2026-11-15', '2026-11-21', 20),
    delivery('Savings ••4421', '2026-11-01', '2026-11-21', 3),
  ];
  return { transactions, deliveries };
};

describe('alerts', () => {
  it('stays silent on a clean set', () => {
    expect(buildAlerts({ asOf: '2026-11-24', ...clean() })).toEqual([]);
  });

  it('says when an account has not been captured for longer than its rhythm, settable per account', () => {
    const { transactions, deliveries } = clean();
    const alerts = buildAlerts({ asOf: '2026-12-06', transactions, deliveries });
    expect(alerts.map((a) => [a.type, a.account, a.since])).toEqual([
      ['stale-account', 'Checking ••4417', '2026-11-21'],
      ['stale-account', 'Savings ••4421', '2026-11-21'],
    ]);
    expect(alerts[0]!.message).toMatch(
      /nothing captured or imported since 2026-11-21 \(15 days; expected every 7\)\. Capture/,
    );
    const relaxed = buildAlerts({
      asOf: '2026-12-06',
      transactions,
      deliveries,
      rhythmDays: { 'Savings ••4421': 30 },
    });
    expect(relaxed.map((a) => a.account)).toEqual(['Checking ••4417']);
  });

  it('flags a capture with far fewer rows than the account usually has for the span', () => {
    const { transactions, deliveries } = clean();
    deliveries.push(delivery('Checking ••4417', '2026-11-22', '2026-11-28', 6));
    const alerts = buildAlerts({ asOf: '2026-11-28', transactions, deliveries });
    expect(alerts.map((a) => [a.type, a.since])).toEqual([['few-rows', '2026-11-22']]);
    expect(alerts[0]!.message).toMatch(
      /holds 6 rows for 2026-11-22 to 2026-11-28, where this account usually has about 20/,
    );
  });

  it('finds a gap in the balance chain', () => {
    const { transactions, deliveries } = clean();
    transactions.push(line('Checking ••4417', '2026-11-09', -100, 90900)); // 10,000.00 of lines missing before it
    const alerts = buildAlerts({ asOf: '2026-11-24', transactions, deliveries });
    expect(alerts.map((a) => [a.type, a.account, a.since])).toEqual([
      ['balance-gap', 'Checking ••4417', '2026-11-05'],
    ]);
    expect(alerts[0]!.message).toMatch(
      /does not lead to the balance on 2026-11-09 \(-100\.00 USD unexplained\)/,
    );
  });

  it('passes drift on and lists overdue invoices with what to do', () => {
    const invoice = {
      schemaVersion: 1 as const,
      id: 'inv:1043',
      number: '1043',
      customer: 'Harbor Bakery',
      issued: '2026-11-05',
      due: '2026-11-20',
      amount: { minor: 45000, currency: 'USD' },
      processorIds: [],
      source: {},
    };
    const standings = invoiceStandings([invoice], [], '2026-11-24');
    const alerts = buildAlerts({
      asOf: '2026-11-24',
      ...clean(),
      standings,
      drifts: [
        {
          account: 'Chase Checking',
          since: '2026-11-23',
          message: 'the activity table changed: check the columns',
        },
      ],
    });
    expect(alerts.map((a) => [a.type, a.account ?? a.invoice, a.since])).toEqual([
      ['drift', 'Chase Checking', '2026-11-23'],
      ['overdue-invoice', '1043', '2026-11-20'],
    ]);
    expect(alerts[1]!.message).toBe(
      'Invoice 1043 (Harbor Bakery) is 4 days past due with 450.00 USD unpaid. Send a reminder, or record the payment if it came in another way.',
    );
  });
});

describe('few-rows compares like with like', () => {
  it('does not compare a deposits file with the sales file of the same processor account', async () => {
    const { deliveriesOf } = await import('../../../core/alerts/deliveriesOf');
    const sale = (i: number): Transaction => ({
      ...line('Square USD', `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, 500),
      kind: 'charge',
      origin: { file: 'square-transactions.csv', capturedAt: 'x' },
    });
    const payout = (i: number): Transaction => ({
      ...line('Square USD', `2026-11-${String((i % 4) * 7 + 2).padStart(2, '0')}`, -5000),
      kind: 'payout',
      origin: { file: 'square-deposits.csv', capturedAt: 'x' },
    });
    const transactions = [
      ...Array.from({ length: 200 }, (_, i) => sale(i)),
      ...Array.from({ length: 4 }, (_, i) => payout(i)),
    ];
    const alerts = buildAlerts({ asOf: '2026-11-28', transactions, deliveries: deliveriesOf(transactions) });
    expect(alerts.filter((a) => a.type === 'few-rows')).toEqual([]);
  });
});

describe('alerts in the owner’s words', () => {
  it('names an account the page did not name as such, never by the engine’s placeholder', () => {
    const alerts = buildAlerts({
      asOf: '2026-12-01',
      transactions: [],
      deliveries: [delivery('unknown', '2026-11-01', '2026-11-07', 5)],
    });
    expect(alerts.map((a) => a.message)).toEqual([
      'Account not named on the page: nothing captured or imported since 2026-11-07 (24 days; expected every 7). Capture its activity page or import its latest statement.',
    ]);
  });
});
