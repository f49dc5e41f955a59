import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { describeProblem } from '../../../core/model/problem';
import type { Transaction } from '../../../core/model/transaction';
import { CAPTURED_AT, imported } from './loadFile';

const DIR = new URL('../../fixtures/processors/', import.meta.url).pathname;
const row = (t: Transaction) => [t.date, t.amount.minor, t.amount.currency, t.kind, t.status, t.externalId];
const refusal = (name: string, text: string) => {
  const r = importFile({ name, bytes: new TextEncoder().encode(text) }, { capturedAt: CAPTURED_AT });
  return r.ok ? `imported as ${r.format}` : r.problems.map(describeProblem).join('\n');
};

describe('Stripe exports, recognized by their columns', () => {
  it('reads the Payouts export as payouts leaving the Stripe balance, dated on arrival', () => {
    const r = imported(`${DIR}stripe-payouts.csv`);
    expect(r.report?.recognized).toEqual({
      format: 'stripe-payouts',
      processor: 'stripe',
      variant: 'payouts export',
    });
    expect(r.transactions.map(row)).toEqual([
      ['2026-11-04', -120455, 'USD', 'payout', 'posted', 'po_1QaB2cD3eF4gH5iJ'],
      ['2026-11-05', -31820, 'USD', 'payout', 'pending', 'po_1QbC3dE4fG5hI6jK'],
      // A negative payout: Stripe debited the bank, so the Stripe balance went up.
      ['2026-11-07', 1240, 'USD', 'payout', 'posted', 'po_1QdE5fG6hI7jK8lM'],
    ]);
    expect(r.transactions.every((t) => t.payoutId === t.externalId && t.account === 'Stripe USD')).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['not_settled', 4]]);
    expect(r.report?.columns).toContainEqual({ role: 'arrival', column: 'Arrival Date (UTC)' });
  });

  it('reads a shorter Payouts export with dates as the dashboard shows them', () => {
    const r = imported(`${DIR}stripe-payouts-minimal.csv`);
    expect(r.transactions.map(row)).toEqual([
      ['2026-11-09', -94010, 'USD', 'payout', 'posted', 'po_1RxA1'],
      ['2026-11-10', -8800, 'USD', 'payout', 'pending', 'po_1RxA2'],
    ]);
    expect(r.transactions[0]!.description).toBe('Stripe payout to Bank of the West ••4417');
  });

  it('reads a Payouts export whose id column is "Payout ID", not taking it for Square deposits', () => {
    const r = imported(`${DIR}stripe-payouts-payout-id.csv`);
    expect(r.format).toBe('stripe-payouts');
    expect(r.transactions.map((t) => [...row(t), t.institution])).toEqual([
      ['2026-11-12', -231044, 'USD', 'payout', 'posted', 'po_1SaZ9yLk2Xw3Vq8R', 'stripe'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['not_settled']);
  });

  it('reads the Payments export: amount − fee as the sale, refunded amounts as refunds, failed ones skipped', () => {
    const r = imported(`${DIR}stripe-payments.csv`);
    expect(r.transactions.map((t) => [...row(t), t.gross?.minor, t.fee?.minor])).toEqual([
      ['2026-11-02', 4339, 'USD', 'charge', 'posted', 'ch_3QaA1', 4500, 161],
      ['2026-11-02', 11622, 'USD', 'charge', 'posted', 'ch_3QaA2', 12000, 378],
      ['2026-11-04', -2000, 'USD', 'refund', 'posted', 'ch_3QaA2:refund', undefined, undefined],
      // Settled in USD: the converted amount is what reached the balance.
      ['2026-11-03', 5223, 'USD', 'charge', 'posted', 'py_3QaA4', 5410, 187],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['not_settled']);
  });

  it('reads the balance history and the payout reconciliation report', () => {
    const history = imported(`${DIR}stripe-balance-history.csv`);
    expect(history.report?.recognized.variant).toBe('balance history');
    expect(history.transactions.map((t) => [...row(t), t.payoutId])).toEqual([
      ['2026-11-02', 4339, 'USD', 'charge', 'posted', 'txn_3QaA1', 'po_1QaB2cD3eF4gH5iJ'],
      ['2026-11-02', 11622, 'USD', 'charge', 'posted', 'txn_3QaA2', 'po_1QaB2cD3eF4gH5iJ'],
      ['2026-11-02', -120455, 'USD', 'payout', 'posted', 'txn_1QaB2cD3eF4gH5iK', 'po_1QaB2cD3eF4gH5iJ'],
    ]);
    const rec = imported(`${DIR}stripe-payout-reconciliation.csv`);
    expect(rec.transactions.map((t) => [...row(t), t.payoutId])).toEqual([
      ['2026-11-02', 4339, 'USD', 'charge', 'posted', 'txn_3QaA1', 'po_1QaB2cD3eF4gH5iJ'],
      ['2026-11-02', 11622, 'USD', 'charge', 'posted', 'txn_3QaA2', 'po_1QaB2cD3eF4gH5iJ'],
      ['2026-11-03', -2000, 'USD', 'refund', 'posted', 'txn_3QaR1', 'po_1QaB2cD3eF4gH5iJ'],
    ]);
  });

  it('refuses a Payouts export without its amount, naming what is missing and what was found', () => {
    expect(
      refusal(
        'payouts.csv',
        'id,Arrival Date (UTC),Status,Destination,Currency\npo_1,2026-11-04,paid,ba_1,usd\n',
      ),
    ).toBe(
      'payouts.csv, line 1: looks like a stripe payouts export but has no column for amount (amount / importe / betrag …) or net (net / neto / netto …); found id ← "id", arrival ← "Arrival Date (UTC)", currency ← "Currency"',
    );
  });
});

describe('Square deposits in the layouts of several years', () => {
  it.each([
    [
      'square-deposits-2019.csv',
      [
        ['2026-11-03', -126312, 'USD', 'payout', 'posted', 'B4Q9XW2LMN7P'],
        ['2026-11-04', -38274, 'USD', 'payout', 'posted', 'C8R2YZ5KTV1Q'],
      ],
    ],
    [
      'square-deposits-2024.csv',
      [
        ['2026-11-06', -108779, 'USD', 'payout', 'posted', 'KJ4M8Q2WZX9T'],
        ['2026-11-09', -29207, 'USD', 'payout', 'pending', 'LP7N3R5YVB2C'],
      ],
    ],
  ])(
    '%s: every deposit a payout out of the Square balance; failed and cancelled ones skipped',
    (file, rows) => {
      const r = imported(`${DIR}${file}`);
      expect(r.format).toBe('square-transfers');
      expect(r.transactions.map(row)).toEqual(rows);
      expect(r.transactions.every((t) => t.payoutId === t.externalId)).toBe(true);
      expect(r.warnings.map((w) => w.code)).toEqual(['not_settled']);
    },
  );

  it('refuses a deposits export without an amount column', () => {
    expect(refusal('deposits.csv', 'Deposit ID,Initiated Date,Status\nAB12,2026-11-06,Sent\n')).toMatch(
      /^deposits\.csv, line 1: looks like a square deposits \(transfers\) export but has no column for net .* or amount .*; found depositId ← "Deposit ID", initiated ← "Initiated Date"$/,
    );
  });

  it('recognizes the item details export and takes no transactions from it, saying why', () => {
    const r = imported(`${DIR}square-item-details.csv`);
    expect(r.format).toBe('square-items');
    expect(r.transactions).toEqual([]);
    expect(r.warnings[0]?.message).toMatch(/3 item line\(s\) of 2 payment\(s\)/);
  });
});

describe('PayPal downloads in English and localized', () => {
  const rows = (currency: string) => [
    ['2026-11-02', 4825, currency, 'charge', 'posted', '1AB11111CD2222222'],
    ['2026-11-03', -1942, currency, 'refund', 'posted', '2AB11111CD2222223'],
    ['2026-11-04', 1000, currency, 'charge', 'pending', '3AB11111CD2222224'],
    ['2026-11-05', -100000, currency, 'payout', 'posted', '4AB11111CD2222225'],
    ['2026-11-07', 119845, currency, 'charge', 'posted', '6AB11111CD2222227'],
  ];
  it.each([
    ['es', 'EUR'],
    ['de', 'EUR'],
    ['fr', 'EUR'],
    ['nl', 'EUR'],
    ['it', 'EUR'],
    ['pt', 'BRL'],
  ])('the %s activity download: day-first dates, decimal commas, memo rows skipped', (lang, currency) => {
    const r = imported(`${DIR}paypal-activity-${lang}.csv`);
    expect(r.report?.recognized).toEqual({
      format: 'paypal',
      processor: 'paypal',
      variant: 'activity download',
    });
    expect(r.transactions.map(row)).toEqual(rows(currency));
    expect(r.transactions.map((t) => t.fee?.minor)).toEqual([175, -58, 0, 0, 3611]);
    expect(r.warnings.map((w) => w.code)).toEqual(['memo_rows_skipped']);
  });

  it('the statement download, which has no status column', () => {
    const r = imported(`${DIR}paypal-statement.csv`);
    expect(r.report?.recognized.variant).toBe('statement download');
    expect(r.transactions.map(row)).toEqual([
      ['2026-11-02', 4825, 'USD', 'charge', 'posted', '1AB11111CD2222222'],
      ['2026-11-03', -1942, 'USD', 'refund', 'posted', '2AB11111CD2222223'],
      ['2026-11-05', -100000, 'USD', 'payout', 'posted', '4AB11111CD2222225'],
    ]);
  });
});
