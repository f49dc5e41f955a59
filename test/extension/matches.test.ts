import { describe, expect, it } from 'vitest';
import { TRANSACTION_SCHEMA_VERSION, type Transaction } from '../../core/model/transaction';
import type { StoredTransaction } from '../../extension/db/schema';
import { harness } from './harness';

function line(
  t: Partial<Transaction> & Pick<Transaction, 'id' | 'date' | 'description'> & { cents: number },
) {
  const { cents, ...rest } = t;
  return {
    schemaVersion: TRANSACTION_SCHEMA_VERSION,
    institution: 'chase',
    account: 'Checking ••6789',
    payee: t.description,
    status: 'posted',
    kind: cents >= 0 ? 'deposit' : 'withdrawal',
    tags: [],
    origin: { url: 'https://bank.example/', capturedAt: '2026-03-05T00:00:00Z' },
    captureId: 'c1',
    updatedAt: '2026-03-05T00:00:00Z',
    ...rest,
    amount: { minor: cents, currency: 'USD' },
  } as StoredTransaction;
}

describe('matches in the extension', () => {
  it('suggests a payout ↔ deposit match, keeps the owner’s decision, and filters unmatched lines', async () => {
    const h = harness();
    await h.db.transactions.bulkPut([
      line({
        id: 'po',
        date: '2026-03-02',
        description: 'Payout',
        cents: -123456,
        institution: 'stripe',
        account: 'stripe balance',
        kind: 'payout',
        payoutId: 'po_1',
        externalId: 'po_1',
      }),
      line({ id: 'dep', date: '2026-03-04', description: 'STRIPE TRANSFER ST-7Q2X', cents: 123456 }),
      line({ id: 'rent', date: '2026-03-03', description: 'RENT MARCH', cents: -200000 }),
    ]);
    const listed = await h.ask({ type: 'matches' });
    if (!listed.ok) throw new Error(JSON.stringify(listed.problems));
    const found = listed.value.matches.find((m) => m.members.some((x) => x.transaction.id === 'dep'));
    expect(found?.match.state).toBe('suggested');
    expect(found?.members.map((m) => m.transaction.id).sort()).toEqual(['dep', 'po']);

    const decided = await h.ask({ type: 'decideMatch', matchId: found!.match.id, state: 'confirmed' });
    expect(decided).toMatchObject({ ok: true, value: { state: 'confirmed' } });
    const again = await h.ask({ type: 'matches' });
    expect(again.ok && again.value.matches.find((m) => m.match.id === found!.match.id)?.match.state).toBe(
      'confirmed',
    );

    const unmatched = await h.ask({ type: 'query', filter: { unmatched: true } });
    expect(unmatched.ok && unmatched.value.transactions.map((t) => t.id)).toEqual(['rent']);
    expect(await h.ask({ type: 'decideMatch', matchId: 'nope', state: 'rejected' })).toMatchObject({
      ok: false,
    });
  });
});

describe('discrepancies behind the count', () => {
  it('lists each discrepancy with its lines, and the query shows just those lines', async () => {
    const h = harness();
    await h.db.transactions.bulkPut([
      line({
        id: 'po',
        date: '2026-03-02',
        description: 'Payout',
        cents: -50000,
        institution: 'stripe',
        account: 'stripe balance',
        kind: 'payout',
        payoutId: 'po_2',
        externalId: 'po_2',
      }),
      line({ id: 'rent', date: '2026-03-20', description: 'RENT MARCH', cents: -200000 }),
    ]);
    const listed = await h.ask({ type: 'matches' });
    if (!listed.ok) throw new Error(JSON.stringify(listed.problems));
    expect(listed.value.discrepancies).toBeGreaterThan(0);
    expect(listed.value.discrepancyList).toHaveLength(listed.value.discrepancies);
    const about = listed.value.discrepancyList.find((d) => d.discrepancy.transactionIds.includes('po'))!;
    expect(about.discrepancy.reason).toMatch(/\S/);
    expect(about.transactions.map((t) => t.id)).toContain('po');
    const shown = await h.ask({ type: 'query', filter: { ids: about.discrepancy.transactionIds } });
    expect(shown.ok && shown.value.transactions.map((t) => t.id)).toEqual(about.discrepancy.transactionIds);
  });
});
