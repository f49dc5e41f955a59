import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
import { capturePage } from '../../../core/capture/capturePage';
import { importFile } from '../../../core/formats/importFile';
import { fixturePages, loadDocument } from './fixturePages';

describe('a processor page captured and the same processor export imported', () => {
  it('give the same sale the same id, the same net amount, gross and fee', () => {
    const page = fixturePages().find((p) => p.name === 'stripe-balance')!;
    const captured = capturePage(loadDocument(page.html), {
      url: page.url,
      asOf: page.asOf,
      capturedAt: page.capturedAt,
      profiles: BUILTIN_PROFILES,
    }).transactions;
    // The balance report Stripe exports for the same days: the same balance transactions.
    const csv = [
      'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,description',
      'txn_3QAbCdEf12345678,2026-11-21 15:02:11,2026-11-23 00:00:00,usd,120.00,3.78,116.22,charge,Order #1091 — Maple Latte subscription',
      'txn_3QRefund00000001,2026-11-19 09:40:00,2026-11-19 09:40:00,usd,-25.00,0.00,-25.00,refund,REFUND FOR CHARGE (Order #1077)',
      'txn_3QPayout000000042,2026-11-18 00:10:00,2026-11-18 00:10:00,usd,-2980.14,0.00,-2980.14,payout,STRIPE PAYOUT',
    ].join('\n');
    const imported = importFile({ name: 'balance_report.csv', bytes: new TextEncoder().encode(csv) });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    for (const t of imported.transactions) {
      const same = captured.find((c) => c.externalId === t.externalId);
      expect(same, t.externalId).toBeDefined();
      expect([same!.id, same!.account, same!.amount, same!.gross?.minor, same!.fee?.minor ?? 0]).toEqual([
        t.id,
        t.account,
        t.amount,
        t.gross?.minor,
        t.fee?.minor ?? 0,
      ]);
    }
  });
});
