import { beforeAll, describe, expect, it } from 'vitest';
import { toBatch } from '../../extension/export/toBatch';
import { connect, post, records } from './addonHarness';
import { capturedLines as captured, capturedAt } from './endToEndBatch';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

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
