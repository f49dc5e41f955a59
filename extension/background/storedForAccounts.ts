import { Dexie } from 'dexie';
import type { LedgerDb } from '../db/openDb';
import type { StoredTransaction } from '../db/schema';

/** Stored lines of the accounts a capture touches, read through the [account+date] index. */
export async function storedForAccounts(
  db: LedgerDb,
  accounts: Iterable<string>,
): Promise<StoredTransaction[]> {
  const out: StoredTransaction[] = [];
  for (const account of new Set(accounts)) {
    out.push(
      ...(await db.transactions
        .where('[account+date]')
        .between([account, Dexie.minKey], [account, Dexie.maxKey])
        .toArray()),
    );
  }
  return out;
}
