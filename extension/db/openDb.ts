import { Dexie, type EntityTable } from 'dexie';
import type { Match } from '../../core/model/match';
import type { Rule } from '../../core/model/rule';
import { STARTER_RULES } from '../../core/rules/defaultCategories';
import {
  type CaptureRecord,
  type RawRow,
  SCHEMA_VERSIONS,
  type SendRecord,
  type SiteProfile,
  type StoredInvoice,
  type StoredTransaction,
} from './schema';

export type LedgerDb = Dexie & {
  transactions: EntityTable<StoredTransaction, 'id'>;
  captures: EntityTable<CaptureRecord, 'id'>;
  raw: Dexie.Table<RawRow, [string, number]>;
  sends: EntityTable<SendRecord, 'batchId'>;
  profiles: EntityTable<SiteProfile, 'host'>;
  rules: EntityTable<Rule, 'id'>;
  decisions: EntityTable<Match, 'id'>;
  invoices: EntityTable<StoredInvoice, 'number'>;
};

export const DB_NAME = 'ledgerbridge';

/**
 * Opens the extension's store at the newest schema, upgrading older databases in order.
 * `indexedDB` is injected so tests run on fake-indexeddb.
 */
export function openDb(
  options: { name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): LedgerDb {
  const db = new Dexie(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as LedgerDb;
  for (const step of SCHEMA_VERSIONS) {
    const version = db.version(step.version).stores(step.stores);
    if ('upgrade' in step) version.upgrade(step.upgrade);
  }
  // A new store starts with the starter rules too (Dexie runs upgrades only on existing stores).
  db.on('populate', (tx) => {
    tx.table('rules').bulkPut([...STARTER_RULES]);
  });
  return db;
}
