import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { TransactionJson } from '../../core/model/transactionJson';
import type { StoredTransaction } from '../db/schema';
import { toWire } from '../db/toWire';
import type { BackgroundDeps } from './deps';

/**
 * A person's edit of category or notes. A category set by hand is no longer a rule's, so the rule
 * that set it is dropped; the line goes back to the outbox so the spreadsheet gets the edit.
 */
export async function updateTransaction(
  deps: BackgroundDeps,
  edit: { id: string; category?: string; notes?: string },
): Promise<Result<TransactionJson>> {
  const { db } = deps;
  return db.transaction('rw', db.transactions, async () => {
    const stored = await db.transactions.get(edit.id);
    if (!stored) return fail(problem('unknown_transaction', `no transaction ${edit.id}`));
    const { sentAt: _sent, ...next } = stored;
    const updated: StoredTransaction = { ...next, updatedAt: deps.now().toISOString() };
    if (edit.category !== undefined && edit.category !== (stored.category ?? '')) {
      delete updated.rule;
      delete updated.ruleTrail;
      if (edit.category === '') delete updated.category;
      else updated.category = edit.category;
    }
    if (edit.notes !== undefined) {
      if (edit.notes === '') delete updated.notes;
      else updated.notes = edit.notes;
    }
    await db.transactions.put(updated);
    return ok(toWire(updated));
  });
}
