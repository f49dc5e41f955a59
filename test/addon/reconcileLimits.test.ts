import { beforeAll, describe, expect, it } from 'vitest';
import type { TransactionJson } from '../../core/model/transactionJson';
import { connect, post, records, tab } from './addonHarness';
import { makeBatch } from './batchFixture';
import { endToEndBatch } from './endToEndBatch';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

describe('Reconcile where a sheet limit or a damaged header is in the way', () => {
  it('refuses, naming the header, when Transactions lost a required column — and clears nothing', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: endToEndBatch() });
    addon.run('reconcileSheet');
    const before = ['Matches', 'Summary', 'Categories'].map((name) => tab(addon, name));
    const header = tab(addon, 'Transactions').header;
    addon.spreadsheet.sheet('Transactions').cell(1, header.indexOf('Amount') + 1).value = '';
    addon.run('reconcileSheet');
    expect(addon.ui.alerts.join('\n')).toMatch(/Transactions header has no "Amount" column/);
    expect(['Matches', 'Summary', 'Categories'].map((name) => tab(addon, name))).toEqual(before);
  });

  it('cuts a roll-up too long for one cell, saying so, instead of failing the whole Reconcile', () => {
    const addon = loadAddon();
    const token = connect(addon);
    const charges = 700;
    const lines: TransactionJson[] = [];
    const stripe = { institution: 'stripe', account: 'Stripe balance', payoutId: 'po_big' };
    for (let i = 0; i < charges; i++) {
      lines.push({
        ...makeBatch(1).transactions[0]!,
        ...stripe,
        id: `ch_${i}`,
        externalId: `ch_${i}`,
        date: '2026-01-05',
        description: `Payment from customer number ${i} for the big order of the day, thank you`,
        amount: '10.00',
        kind: 'charge',
      });
    }
    lines.push({
      ...makeBatch(1).transactions[0]!,
      ...stripe,
      id: 'po_big',
      externalId: 'po_big',
      date: '2026-01-06',
      description: 'STRIPE PAYOUT',
      amount: `-${charges * 10}.00`,
      kind: 'payout',
    });
    const batch = makeBatch(0, { batchId: 'big-day' });
    batch.transactions = lines;
    expect(post(addon, { token, batch })).toMatchObject({ ok: true, added: charges + 1 });
    addon.run('reconcileSheet');
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/matches/);
    const longest = records(addon, 'Matches')
      .flatMap((m) => Object.values(m))
      .filter((v): v is string => typeof v === 'string')
      .sort((a, b) => b.length - a.length)[0]!;
    expect(longest.length).toBeLessThanOrEqual(50_000);
    expect(longest).toMatch(/… \(\d+ characters more\)$/);
  });
});
