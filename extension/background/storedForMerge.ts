import { addDays } from '../../core/dates/calendar';
import type { Transaction } from '../../core/model/transaction';
import type { LedgerDb } from '../db/openDb';
import type { StoredTransaction } from '../db/schema';

/** How far apart a pending line and its posted line may be dated (mergeTransactions' window, with slack). */
const PENDING_BEFORE_DAYS = 14;
const PENDING_AFTER_DAYS = 2;

/**
 * The stored lines merging `incoming` can touch: the same ids, and the account's open pending lines
 * dated near the capture (which a posted line may replace). Reading only these keeps a capture's
 * cost proportional to the capture, not to everything stored.
 */
export async function storedForMerge(
  db: LedgerDb,
  incoming: readonly Transaction[],
): Promise<StoredTransaction[]> {
  const byId = new Map<string, StoredTransaction>();
  for (const t of await db.transactions.bulkGet(incoming.map((t) => t.id))) if (t) byId.set(t.id, t);
  const ranges = new Map<string, { from: string; to: string }>();
  for (const t of incoming) {
    const r = ranges.get(t.account);
    if (!r) ranges.set(t.account, { from: t.date, to: t.date });
    else {
      if (t.date < r.from) r.from = t.date;
      if (t.date > r.to) r.to = t.date;
    }
  }
  for (const [account, { from, to }] of ranges) {
    const pending = await db.transactions
      .where('[account+status+date]')
      .between(
        [account, 'pending', addDays(from, -PENDING_BEFORE_DAYS)],
        [account, 'pending', addDays(to, PENDING_AFTER_DAYS)],
        true,
        true,
      )
      .toArray();
    for (const t of pending) byId.set(t.id, t);
  }
  return [...byId.values()];
}
