import { Dexie } from 'dexie';
import type { LedgerDb } from '../db/openDb';
import type { StoredTransaction } from '../db/schema';
import { toWire } from '../db/toWire';
import type { TransactionFilter } from '../messages/request';
import type { QueryResult } from '../messages/responses';
import { reconcileStored } from './reconcileStored';

export const DEFAULT_LIMIT = 500;

function matches(t: StoredTransaction, f: TransactionFilter, needle: string | undefined): boolean {
  if (!f.includeSuperseded && t.supersededBy) return false;
  if (f.from && t.date < f.from) return false;
  if (f.to && t.date > f.to) return false;
  if (f.category !== undefined && f.category !== '' && t.category !== f.category) return false;
  if (f.uncategorized && t.category) return false;
  if (f.unsent && t.sentAt) return false;
  if (f.unverified && !t.unverified) return false;
  if (f.ids && !f.ids.includes(t.id)) return false;
  if (f.captureId && t.captureId !== f.captureId) return false;
  if (needle) {
    const hay = [t.description, t.payee, t.category ?? '', t.notes ?? '', t.account].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Stored transactions matching the filter, newest first; an account filter uses the [account+date] index. */
export async function queryTransactions(db: LedgerDb, filter: TransactionFilter = {}): Promise<QueryResult> {
  const needle = filter.search?.trim().toLowerCase() || undefined;
  const collection = filter.account
    ? db.transactions
        .where('[account+date]')
        .between(
          [filter.account, filter.from ?? Dexie.minKey],
          [filter.account, filter.to ?? Dexie.maxKey],
          true,
          true,
        )
        .reverse()
    : db.transactions.orderBy('date').reverse();
  const unmatchedIds = filter.unmatched
    ? new Set((await reconcileStored(db)).result.unmatched.map((t) => t.id))
    : undefined;
  const rows = await collection
    .filter((t) => matches(t, filter, needle) && (!unmatchedIds || unmatchedIds.has(t.id)))
    .toArray();
  const offset = filter.offset ?? 0;
  const page = rows.slice(offset, offset + (filter.limit ?? DEFAULT_LIMIT));
  const unverified = Object.fromEntries(page.flatMap((t) => (t.unverified ? [[t.id, t.unverified]] : [])));
  return { transactions: page.map(toWire), total: rows.length, unverified };
}
