import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../core/model/batch';
import type { ImportProgress } from '../../sheets-addon/src/importJob';
import { connect, post, records } from './addonHarness';
import { makeBatch } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

function connected() {
  const addon = loadAddon();
  return { addon, token: connect(addon) };
}

/** The same lines as `batch`, captured again later with other descriptions, in a new batch. */
function recaptured(batch: Batch, batchId: string, capturedAt: string): Batch {
  return {
    ...batch,
    batchId,
    source: { ...batch.source, capturedAt },
    transactions: batch.transactions.map((t) => ({
      ...t,
      description: `${t.description} (posted)`,
      origin: { ...t.origin, capturedAt },
    })),
  };
}

describe('a batch lands at most once', () => {
  it('re-posting a batch after the bookkeeper deleted some of its rows brings none back', () => {
    const { addon, token } = connected();
    const batch = makeBatch(5, { batchId: 'ext-1' });
    expect(post(addon, { token, batch })).toMatchObject({ ok: true, added: 5 });
    // The bookkeeper deletes rows 2 and 3 of the data (txn-000001, txn-000002).
    addon.spreadsheet.sheet('Transactions').deleteRows(3, 2);
    const ids = () => records(addon, 'Transactions').map((r) => r.ID);
    expect(ids()).toEqual(['txn-000000', 'txn-000003', 'txn-000004']);
    const audit = records(addon, 'Audit').length;

    const again = post(addon, { token, batch });
    expect(again).toMatchObject({
      ok: true,
      added: 0,
      updated: 0,
      skipped: 5,
      errors: [],
      alreadyApplied: { sameContent: true },
    });
    expect(ids()).toEqual(['txn-000000', 'txn-000003', 'txn-000004']);
    expect(records(addon, 'Audit')).toHaveLength(audit);
    // The log says what landed, in a hidden tab.
    const log = records(addon, '_ledgerbridge_batches');
    expect(log).toEqual([
      expect.objectContaining({ 'Batch ID': 'ext-1', Rows: 5, Added: 5, Updated: 0, Skipped: 0 }),
    ]);
    expect(String(log[0]!['Content SHA-256'])).toMatch(/^[0-9a-f]{64}$/);
    // A new batch still lands.
    expect(post(addon, { token, batch: makeBatch(2, { first: 5, batchId: 'ext-2' }) }).added).toBe(2);
    expect(ids()).toHaveLength(5);
  });

  it('a batch id seen before changes nothing even when its content differs, and says so', () => {
    const { addon, token } = connected();
    const batch = makeBatch(3, { batchId: 'ext-1' });
    post(addon, { token, batch });
    const edited = structuredClone(batch);
    edited.transactions[0]!.category = 'Meals';
    expect(post(addon, { token, batch: edited })).toMatchObject({
      added: 0,
      updated: 0,
      alreadyApplied: { sameContent: false },
    });
    expect(records(addon, 'Transactions')[0]!.Category).toBe('');
  });

  it('an older batch re-posted after a newer one never reverts the newer values', () => {
    const { addon, token } = connected();
    const older = makeBatch(3, { batchId: 'ext-old' });
    const newer = recaptured(older, 'ext-new', '2026-02-01T09:00:00.000Z');
    post(addon, { token, batch: older });
    expect(post(addon, { token, batch: newer })).toMatchObject({ updated: 3 });
    post(addon, { token, batch: older });
    expect(records(addon, 'Transactions').map((r) => [r.Description, r['Batch ID']])).toEqual([
      ['CARD PURCHASE 0 BLUE BOTTLE (posted)', 'ext-new'],
      ['CARD PURCHASE 1 BLUE BOTTLE (posted)', 'ext-new'],
      ['CARD PURCHASE 2 BLUE BOTTLE (posted)', 'ext-new'],
    ]);
  });

  it('an older batch arriving late, for the first time, lands only what the sheet does not hold newer', () => {
    const { addon, token } = connected();
    const older = makeBatch(4, { batchId: 'ext-old' });
    const newer = recaptured(makeBatch(3, { batchId: 'x' }), 'ext-new', '2026-02-01T09:00:00.000Z');
    post(addon, { token, batch: newer });
    const late = post(addon, { token, batch: older });
    // txn-000003 is new; the other three are older than what the sheet holds.
    expect(late).toMatchObject({ ok: true, added: 1, updated: 0, skipped: 3, older: 3 });
    expect(records(addon, 'Transactions').map((r) => r.Description)).toEqual([
      'CARD PURCHASE 0 BLUE BOTTLE (posted)',
      'CARD PURCHASE 1 BLUE BOTTLE (posted)',
      'CARD PURCHASE 2 BLUE BOTTLE (posted)',
      'CARD PURCHASE 3 BLUE BOTTLE',
    ]);
    expect(records(addon, 'Audit').at(-1)!.Detail).toMatch(/3 older than the sheet's rows, left out/);
  });

  it('of two batches carrying the same capture, the one made later wins whatever the order they arrive', () => {
    const { addon, token } = connected();
    const first = makeBatch(2, { batchId: 'ext-1' });
    const second = structuredClone(first);
    second.batchId = 'ext-2';
    second.source.capturedAt = '2026-01-31T08:00:00.000Z';
    for (const t of second.transactions) t.category = 'Meals';
    post(addon, { token, batch: second });
    expect(post(addon, { token, batch: first })).toMatchObject({ updated: 0, older: 2 });
    expect(records(addon, 'Transactions').map((r) => r.Category)).toEqual(['Meals', 'Meals']);
  });
});

describe('a row over the 50,000-character cell limit', () => {
  it('fails alone, named by row and field; the rest of the batch lands', () => {
    const { addon, token } = connected();
    const batch = makeBatch(3, { batchId: 'ext-long' });
    batch.transactions[1]!.memo = 'x'.repeat(60_000);
    const answer = post(addon, { token, batch });
    expect(answer).toMatchObject({ ok: true, added: 2 });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        code: 'cell_too_long',
        row: 2,
        field: 'memo',
        path: ['transactions', 1, 'memo'],
        message: expect.stringContaining('Memo of txn-000001 is 60000 characters'),
      }),
    ]);
    expect(records(addon, 'Transactions').map((r) => r.ID)).toEqual(['txn-000000', 'txn-000002']);
    expect(records(addon, '_ledgerbridge_batches')[0]).toMatchObject({ 'Refused Rows': '2' });
    // The retry answers the same refusal, so the sender never marks that row as landed.
    expect(post(addon, { token, batch }).errors).toEqual([
      expect.objectContaining({ code: 'cell_too_long', row: 2 }),
    ]);
  });

  it('fails alone in a file import too; a long line that fits lands whole', () => {
    const addon = loadAddon();
    const batch = makeBatch(3, { batchId: 'export-long' });
    batch.transactions[0]!.description = 'd'.repeat(60_000);
    // 70,000 characters of JSON, every cell under the limit: staged over several cells.
    batch.transactions[2]!.description = 'a'.repeat(35_000);
    batch.transactions[2]!.memo = 'b'.repeat(35_000);
    const file = Buffer.from(JSON.stringify(batch)).toString('base64');
    const progress = addon.run('startImport', 'export.json', file) as ImportProgress;
    expect(progress).toMatchObject({ ok: true, done: true, added: 2 });
    expect(progress.errors).toEqual([
      expect.objectContaining({ code: 'cell_too_long', field: 'description', file: 'export.json' }),
    ]);
    const rows = records(addon, 'Transactions');
    expect(rows.map((r) => r.ID)).toEqual(['txn-000001', 'txn-000002']);
    expect(rows[1]!.Memo).toBe('b'.repeat(35_000));
  });
});
