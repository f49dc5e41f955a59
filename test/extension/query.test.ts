import { beforeEach, describe, expect, it } from 'vitest';
import { activityPage, type Harness, harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = harness();
  const tabId = await h.openTab(
    'https://bank.example/activity',
    activityPage([
      ['02/27/2026', 'RENT FEBRUARY', '-$2,000.00'],
      ['03/02/2026', 'COFFEE', '-$4.50'],
      ['03/03/2026', 'ACME INVOICE 1042', '$1,234.56'],
    ]),
  );
  const preview = await h.ask({ type: 'capture', tabId });
  await h.ask({ type: 'saveCapture', captureId: preview.ok ? preview.value.captureId! : '' });
});

const descriptions = async (filter: Record<string, unknown>) => {
  const r = await h.ask({ type: 'query', filter });
  return r.ok ? r.value.transactions.map((t) => t.description) : r.problems;
};

describe('query, edit and summary messages', () => {
  it('lists newest first as wire transactions and filters by search, account, dates and category', async () => {
    const all = await h.ask({ type: 'query' });
    expect(all.ok && all.value.transactions[0]).toMatchObject({
      description: 'ACME INVOICE 1042',
      amount: '1234.56',
    });
    expect(all.ok && 'captureId' in all.value.transactions[0]!).toBe(false);
    expect(await descriptions({ search: 'coff' })).toEqual(['COFFEE']);
    expect(await descriptions({ account: 'Checking ••6789', from: '2026-03-01' })).toEqual([
      'ACME INVOICE 1042',
      'COFFEE',
    ]);
    expect(await descriptions({ account: 'Savings', from: '2026-03-01' })).toEqual([]);
    expect(await descriptions({ to: '2026-02-28' })).toEqual(['RENT FEBRUARY']);
    const coffee = (await h.db.transactions.filter((t) => t.description === 'COFFEE').first())!;
    await h.ask({ type: 'updateTransaction', id: coffee.id, category: 'Meals' });
    expect(await descriptions({ category: 'Meals' })).toEqual(['COFFEE']);
    expect(await descriptions({ uncategorized: true })).toEqual(['ACME INVOICE 1042', 'RENT FEBRUARY']);
  });

  it('rejects a malformed request with problems that name the field', async () => {
    const reply = await h.raw({ type: 'query', filter: { from: '2026-02-30' } });
    expect(reply).toMatchObject({ ok: false, problems: [{ field: 'filter.from' }] });
    expect(await h.raw({ type: 'nope' })).toMatchObject({ ok: false });
  });

  it('edits category and notes, clearing the rule a person overrode, and can clear them again', async () => {
    const coffee = (await h.db.transactions.filter((t) => t.description === 'COFFEE').first())!;
    await h.db.transactions.put({
      ...coffee,
      category: 'Office',
      rule: 'office-rule',
      sentAt: coffee.updatedAt,
    });
    h.tick();
    const edited = await h.ask({
      type: 'updateTransaction',
      id: coffee.id,
      category: 'Meals',
      notes: 'client meeting',
    });
    expect(edited).toMatchObject({ ok: true, value: { category: 'Meals', notes: 'client meeting' } });
    const stored = (await h.db.transactions.get(coffee.id))!;
    expect(stored.rule).toBeUndefined();
    expect(stored.sentAt).toBeUndefined();
    expect(stored.updatedAt > coffee.updatedAt).toBe(true);
    await h.ask({ type: 'updateTransaction', id: coffee.id, category: '', notes: '' });
    expect(await h.db.transactions.get(coffee.id)).not.toHaveProperty('category');
    expect(await h.ask({ type: 'updateTransaction', id: 'missing', notes: 'x' })).toMatchObject({
      ok: false,
    });
  });

  it('summarizes accounts and months', async () => {
    const s = await h.ask({ type: 'summary' });
    expect(s).toMatchObject({
      ok: true,
      value: {
        accounts: [
          { account: 'Checking ••6789', count: 3, netMinor: -200000 - 450 + 123456, currency: 'USD' },
        ],
        months: [
          { month: '2026-02', inflowMinor: 0, outflowMinor: -200000 },
          { month: '2026-03', inflowMinor: 123456, outflowMinor: -450 },
        ],
      },
    });
  });

  it('lists captures without their bulky payload', async () => {
    const r = await h.ask({ type: 'captures' });
    expect(r.ok && r.value).toHaveLength(1);
    expect(r.ok && r.value[0]).not.toHaveProperty('incoming');
  });
});
