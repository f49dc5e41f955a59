import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CORPUS, essentials, FIXTURES, imported } from './loadFile';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('Stripe balance report', () => {
  it('reads stripe-balance-report.csv: txn ids, lowercase currency, gross/fee/net, category as kind', () => {
    const r = imported(`${CORPUS}processor/stripe-balance-report.csv`);
    expect(r.format).toBe('stripe');
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2020-01-23', minor: 1200, currency: 'USD', externalId: 'txn_14G11HjubSIHf9IKrvJdwN' },
      { date: '2020-01-23', minor: -77, currency: 'USD', externalId: 'txn_14G11HjHgubIH9ZvbPgYO7' },
    ]);
    expect(
      r.transactions.map((t) => [t.kind, t.description, t.gross?.minor, t.fee?.minor, t.account]),
    ).toEqual([
      ['charge', 'charge', 1200, 0, 'Stripe USD'],
      ['refund', 'REFUND FOR PAYMENT', -77, 0, 'Stripe USD'],
    ]);
    expect(r.accounts).toEqual([
      { schemaVersion: 1, institution: 'stripe', account: 'Stripe USD', currency: 'USD', type: 'processor' },
    ]);
  });

  it('reads the itemized payout reconciliation report: fee = gross − net, payout id, zero-decimal currency', () => {
    const csv = [
      'automatic_payout_id,automatic_payout_effective_at,balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description',
      'po_1OaB2c,2026-11-05 00:00:00,txn_3Kx1,2026-11-02 14:03:11,2026-11-04 00:00:00,usd,100.00,3.20,96.80,charge,ch_3Kx1,Invoice 1042',
      'po_1OaB2c,2026-11-05 00:00:00,txn_3Kx2,2026-11-02 15:10:00,2026-11-04 00:00:00,jpy,1200,66,1134,charge,ch_3Kx2,Tokyo order',
    ].join('\n');
    const r = importFile({ name: 'payout_reconciliation.csv', bytes: utf8(csv) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.transactions.map((t) => [t.externalId, t.payoutId, t.amount, t.gross?.minor, t.fee?.minor]),
    ).toEqual([
      ['txn_3Kx1', 'po_1OaB2c', { minor: 9680, currency: 'USD' }, 10000, 320],
      ['txn_3Kx2', 'po_1OaB2c', { minor: 1134, currency: 'JPY' }, 1200, 66],
    ]);
    expect(r.accounts.map((a) => a.account)).toEqual(['Stripe USD', 'Stripe JPY']);
  });
});

describe('PayPal activity download', () => {
  it('reads paypal-activity.csv: Transaction IDs, Gross/Fee/Net, Completed → posted, Pending → pending', () => {
    const r = imported(`${CORPUS}processor/paypal-activity.csv`);
    expect(r.format).toBe('paypal');
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2019-10-01', minor: -699, currency: 'USD', externalId: '06P57143A2806728E' },
      { date: '2019-10-01', minor: 699, currency: 'USD', externalId: '0UT1454T080467333' },
      { date: '2019-10-01', minor: -700, currency: 'USD', externalId: '2723294R5F587612G' },
      { date: '2019-10-01', minor: 700, currency: 'USD', externalId: '78154807RG994149F' },
      { date: '2019-10-19', minor: -200, currency: 'USD', externalId: 'KU943404RY432005M' },
      { date: '2019-10-19', minor: 200, currency: 'USD', externalId: '3XJ170193A851016F' },
      { date: '2019-10-22', minor: 941, currency: 'USD', externalId: '68LL1662YP3134303' },
    ]);
    expect(r.transactions.map((t) => t.status)).toEqual([
      'posted',
      'pending',
      'posted',
      'pending',
      'posted',
      'pending',
      'posted',
    ]);
    const sale = r.transactions[6]!;
    expect(sale).toMatchObject({ description: 'Noble Benefactor', kind: 'charge' });
    // PayPal prints the fee as -0.59; the contract keeps fee positive with amount = gross − fee.
    expect([sale.gross?.minor, sale.fee?.minor, sale.balance?.minor]).toEqual([1000, 59, 941]);
    expect(r.transactions[1]).toMatchObject({
      description: 'Bank Deposit to PP Account',
      kind: 'transfer',
      memo: 'Reference Txn ID 06P57143A2806728E',
    });
  });
});

describe('Square exports', () => {
  it('reads the transactions export: $ money, Payment ID, deposit as payoutId, refunds and pending', () => {
    const r = imported(`${FIXTURES}square-transactions.csv`);
    expect(r.format).toBe('square-transactions');
    expect(
      r.transactions.map((t) => [
        t.date,
        t.amount.minor,
        t.gross?.minor,
        t.fee?.minor,
        t.externalId,
        t.payoutId,
        t.kind,
        t.status,
      ]),
    ).toEqual([
      ['2026-11-02', 570, 591, 21, 'pY3nG8sK1wQ9zL2mR5tV7bX4c', 'D7KQ2M9XW4TZ', 'charge', 'posted'],
      ['2026-11-02', 468, 491, 23, 'kR2mT6wP9xB4nQ7zS1vL8cY5d', 'D7KQ2M9XW4TZ', 'charge', 'posted'],
      ['2026-11-02', 121365, 125000, 3635, 'vT8kN3qR6zW1mB9xL4pS7dC2h', 'D7KQ2M9XW4TZ', 'charge', 'posted'],
      ['2026-11-03', -478, -491, -13, 'kR2mT6wP9xB4nQ7zS1vL8cY5d:refund', 'R3PZ8N1YV6QA', 'refund', 'posted'],
      ['2026-11-03', 1981, 2044, 63, 'zQ7xM1vR5bL8dJyHn4Wc9KpT2', undefined, 'charge', 'pending'],
    ]);
    expect(r.transactions[2]).toMatchObject({ description: 'Catering order #1042', payee: 'Harbor Law LLP' });
    expect(new Set(r.transactions.map((t) => t.id)).size).toBe(5);
  });

  it('reads the transfers export as payouts out of the Square balance', () => {
    const r = imported(`${FIXTURES}square-transfers.csv`);
    expect(r.format).toBe('square-transfers');
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.externalId, t.payoutId, t.kind, t.status]),
    ).toEqual([
      ['2026-11-03', -122403, 'D7KQ2M9XW4TZ', 'D7KQ2M9XW4TZ', 'payout', 'posted'],
      ['2026-11-04', 478, 'R3PZ8N1YV6QA', 'R3PZ8N1YV6QA', 'payout', 'posted'],
      ['2026-11-05', -1981, 'T9MX4C2HN7LB', 'T9MX4C2HN7LB', 'payout', 'pending'],
    ]);
    expect(r.transactions[0]!.description).toBe('Transfer to Checking ••6789');
  });
});

describe('PayPal activity download, newer layout', () => {
  it('skips Balance Impact "Memo" rows (authorizations) with one notice', () => {
    const csv = [
      '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Balance","Transaction ID","Reference Txn ID","Balance Impact"',
      '"02/11/2026","10:00:00","CET","Hotel Adler","General Authorization","Pending","EUR","-120,00","0,00","-120,00","0,00","1AB23456CD789012E","","Memo"',
      '"03/11/2026","09:30:00","CET","Hotel Adler","Express Checkout Payment","Completed","EUR","-1.120,00","0,00","-1.120,00","-1.120,00","9ZY87654XW321098V","","Debit"',
    ].join('\n');
    const r = importFile({ name: 'Download.CSV', bytes: utf8(csv) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount, t.externalId])).toEqual([
      ['2026-11-03', { minor: -112000, currency: 'EUR' }, '9ZY87654XW321098V'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['memo_rows_skipped']);
  });
});

describe('Stripe balance history (older export)', () => {
  it('reads id/Type/Amount/Fee/Net with Created (UTC) and the Transfer column as payout', () => {
    const csv = [
      'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,Transfer',
      'txn_1A,charge,ch_1A,50.00,1.75,48.25,usd,2026-11-02 10:00,2026-11-04 00:00,Order 7,po_9Z',
      'txn_1B,payout,po_9Z,-48.25,0.00,-48.25,usd,2026-11-05 01:00,2026-11-05 01:00,STRIPE PAYOUT,',
    ].join('\n');
    const r = importFile({ name: 'balance_history.csv', bytes: utf8(csv) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('stripe');
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.fee?.minor, t.kind, t.externalId, t.payoutId]),
    ).toEqual([
      ['2026-11-02', 4825, 175, 'charge', 'txn_1A', 'po_9Z'],
      ['2026-11-05', -4825, 0, 'payout', 'txn_1B', 'po_9Z'],
    ]);
  });
});
