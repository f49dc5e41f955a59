import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../extension/db/openDb';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../extension/db/schema';

const V1_ROW = {
  schemaVersion: 1,
  id: 'lb_1',
  institution: 'generic',
  account: 'Checking ••6789',
  date: '2026-03-02',
  description: 'COFFEE',
  payee: 'COFFEE',
  amount: { minor: -450, currency: 'USD' },
  status: 'posted',
  kind: 'unknown',
  tags: [],
  origin: { url: 'https://bank.example/', capturedAt: '2026-03-02T09:00:00.000Z' },
  captureId: 'c1',
};

const V1_CAPTURE = {
  id: 'c1',
  kind: 'capture',
  source: 'https://bank.example/',
  host: 'bank.example',
  capturedAt: '2026-03-02T09:00:00.000Z',
  state: 'saved',
  counts: { found: 1, added: 1, unchanged: 0, changed: 0 },
  incoming: [],
  diagnostics: { pages: 1, mapping: {}, headers: [], warnings: [] },
};

/** A database as an older version of the extension left it. */
async function createAtVersion(idb: IDBFactory, version: number, fill: (db: Dexie) => Promise<void>) {
  const db = new Dexie('ledgerbridge', { indexedDB: idb, IDBKeyRange });
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= version))
    db.version(step.version).stores(step.stores);
  await db.open();
  await fill(db);
  db.close();
}

describe('the extension store schema', () => {
  it('walks every migration from version 1 to the current one, keeping and completing old rows', async () => {
    const idb = new IDBFactory();
    await createAtVersion(idb, 1, async (db) => {
      await db.table('transactions').put(V1_ROW);
      await db.table('raw').put({ captureId: 'c1', row: 1, cells: ['03/02/2026', 'COFFEE', '-4.50'] });
      await db.table('captures').put(V1_CAPTURE);
    });
    const db = openDb({ indexedDB: idb, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.transactions.get('lb_1')).toMatchObject({
      ...V1_ROW,
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(await db.raw.get(['c1', 1])).toMatchObject({ cells: ['03/02/2026', 'COFFEE', '-4.50'] });
    // A capture made before self-checks existed was never checked: never presented as verified.
    expect(await db.captures.get('c1')).toMatchObject({ ...V1_CAPTURE, verification: 'unchecked' });
    expect(await db.captures.where('verification').equals('unchecked').primaryKeys()).toEqual(['c1']);
    // What each saved capture brought per account, rebuilt from the lines it wrote (schema 7).
    expect((await db.captures.get('c1'))?.delivered).toEqual([
      { account: 'Checking ••6789', rows: 1, from: '2026-03-02', to: '2026-03-02' },
    ]);
    expect(await db.invoices.count()).toBe(0);
    // Tables and indexes that later versions added are usable.
    expect(await db.sends.count()).toBe(0);
    expect(await db.rules.count()).toBeGreaterThan(0); // the starter rules arrive with the rules table
    expect(await db.transactions.where('updatedAt').equals('2026-03-02T09:00:00.000Z').count()).toBe(1);
    expect(
      await db.transactions
        .where('[account+status+date]')
        .equals(['Checking ••6789', 'posted', '2026-03-02'])
        .count(),
    ).toBe(1);
    db.close();
  });

  it('has versions in increasing order, each re-declaring the stores it changes', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('indexes account+date and keeps ids unique', async () => {
    const db = openDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const row = { ...V1_ROW, updatedAt: 'x' } as Parameters<typeof db.transactions.put>[0];
    await db.transactions.put(row);
    await db.transactions.put({ ...row, description: 'COFFEE (edited)' });
    expect(await db.transactions.count()).toBe(1);
    await expect(db.transactions.add(row)).rejects.toThrow();
    await db.transactions.put({ ...row, id: 'lb_2', date: '2026-04-01' });
    await db.transactions.put({ ...row, id: 'lb_3', account: 'Savings ••1111' });
    const march = await db.transactions
      .where('[account+date]')
      .between(['Checking ••6789', '2026-03-01'], ['Checking ••6789', '2026-03-31'], true, true)
      .primaryKeys();
    expect(march).toEqual(['lb_1']);
  });
});
