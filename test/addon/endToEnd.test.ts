import { beforeAll, describe, expect, it } from 'vitest';
import type { TransactionJson } from '../../core/model/transactionJson';
import { toBatch } from '../../extension/export/toBatch';
import { connect, post, records } from './addonHarness';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

const capturedAt = '2026-02-03T10:00:00.000Z';
const line = (
  t: Partial<TransactionJson> & Pick<TransactionJson, 'id' | 'date' | 'amount'>,
): TransactionJson => ({
  schemaVersion: 1,
  institution: 'chase',
  account: 'Checking ••6789',
  description: 'LINE',
  payee: 'Payee',
  currency: 'USD',
  status: 'posted',
  kind: 'withdrawal',
  tags: [],
  origin: { url: 'https://secure.chase.com/activity', capturedAt },
  ...t,
});
const stripe = (t: Partial<TransactionJson> & Pick<TransactionJson, 'id' | 'date' | 'amount'>) =>
  line({
    institution: 'stripe',
    account: 'Stripe balance',
    origin: { url: 'https://dashboard.stripe.com/balance', capturedAt },
    ...t,
  });

/** A month of a small business as the extension captured it: Stripe sales paid out to Chase. */
const captured: TransactionJson[] = [
  stripe({
    id: 'ch_1',
    date: '2026-01-05',
    amount: '96.80',
    gross: '100.00',
    fee: '3.20',
    kind: 'charge',
    externalId: 'ch_1',
    payoutId: 'po_1',
    description: 'Payment from Ann',
  }),
  stripe({
    id: 'ch_2',
    date: '2026-01-06',
    amount: '48.25',
    gross: '50.00',
    fee: '1.75',
    kind: 'charge',
    externalId: 'ch_2',
    payoutId: 'po_1',
    description: '=HYPERLINK("http://x","Payment")',
  }),
  stripe({
    id: 'po_1',
    date: '2026-01-07',
    amount: '-145.05',
    kind: 'payout',
    externalId: 'po_1',
    payoutId: 'po_1',
    description: 'STRIPE PAYOUT',
  }),
  line({ id: 'b1', date: '2026-01-03', amount: '-4.50', balance: '995.50', description: 'SQ *BLUE BOTTLE' }),
  line({
    id: 'b2',
    date: '2026-01-09',
    amount: '145.05',
    balance: '1140.55',
    kind: 'deposit',
    description: 'STRIPE TRANSFER ST-7Q2',
  }),
  line({ id: 'b3', date: '2026-01-20', amount: '-800.00', balance: '340.55', description: 'RENT JANUARY' }),
  line({ id: 'b4', date: '2026-02-02', amount: '-40.55', balance: '300.00', description: 'UTILITIES' }),
];

describe('end to end: the extension’s export → doPost → tabs → Reconcile → Summary', () => {
  it('ties out every bank month and links the payout to its deposit', () => {
    const addon = loadAddon();
    const token = connect(addon);
    const batch = toBatch(captured, {
      batchId: 'export-1',
      exportedAt: capturedAt,
      client: 'ledgerbridge-extension/0.1.0',
    });
    expect(post(addon, { token, batch })).toEqual({ ok: true, added: 7, updated: 0, skipped: 0, errors: [] });

    addon.run('reconcileSheet');
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/matches/);
    expect(addon.ui.alerts).toEqual([]);
    const summary = records(addon, 'Summary').filter((r) => r.Institution === 'chase');
    expect(
      summary.map((r) => [
        r.Month,
        r['Opening Balance'],
        r.Inflows,
        r.Outflows,
        r['Closing Balance'],
        r['Statement Balance'],
        r.Difference,
        r.Status,
      ]),
    ).toEqual([
      ['2026-01', 1000, 145.05, -804.5, 340.55, 340.55, 0, 'reconciled'],
      ['2026-02', 340.55, 0, -40.55, 300, 300, 0, 'reconciled'],
    ]);
    const matches = records(addon, 'Matches');
    const deposit = matches.find((m) => m.Kind === 'payout-deposit');
    expect(deposit).toMatchObject({ State: expect.any(String), Difference: 0 });
    expect(String(deposit!.Members)).toContain('po_1');
    expect(String(deposit!.Members)).toContain('b2');
    // Categories: totals per category (none set yet), the bookkeeper's chart and groups kept.
    const categories = records(addon, 'Categories');
    expect(categories.find((c) => c.Category === '(uncategorized)')).toMatchObject({
      Currency: 'USD',
      Transactions: 7,
      Inflows: 290.1,
      Outflows: -990.1,
      Net: -700,
    });
    expect(categories.find((c) => c.Category === 'Meals')).toMatchObject({
      Group: 'Expenses',
      Transactions: 0,
    });
    expect(records(addon, 'Audit').map((a) => a.What)).toEqual(['setup', 'batch', 'reconcile']);
    expect(addon.env.unlockedWrites).toEqual([]);
    // Portal text stayed text through every tab.
    for (const sheet of addon.spreadsheet.sheets) {
      expect(
        sheet
          .snapshot()
          .flat()
          .filter((c) => typeof c === 'object' && c !== null),
      ).toEqual([]);
    }
  });

  it('keeps a rejected match rejected when Reconcile runs again, from the sidebar or the sheet', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: toBatch(captured, { batchId: 'e', exportedAt: capturedAt, client: 'x' }) });
    addon.run('reconcileSheet');
    const before = records(addon, 'Matches');
    const deposit = before.find((m) => m.Kind === 'payout-deposit')!;
    const toReview = addon.run('matchesToReview') as Array<{ matchId: string }>;
    expect(deposit.State).toBe('suggested');
    expect(toReview.map((m) => m.matchId)).toContain(deposit['Match ID']);
    const left = addon.run('decideMatch', deposit['Match ID'], 'reject') as Array<{ matchId: string }>;
    expect(left.map((m) => m.matchId)).not.toContain(deposit['Match ID']);
    expect(records(addon, 'Matches').find((m) => m['Match ID'] === deposit['Match ID'])!.Decision).toBe(
      'reject',
    );
    addon.run('reconcileSheet');
    const after = records(addon, 'Matches').find((m) => m['Match ID'] === deposit['Match ID'])!;
    expect(after).toMatchObject({ State: 'rejected', Decision: 'reject' });
    expect(records(addon, 'Audit').map((a) => a.What)).toEqual([
      'setup',
      'batch',
      'reconcile',
      'review',
      'reconcile',
    ]);
  });
});
