import { fail, ok, type Result } from '../../core/model/result';
import { applyRules } from '../../core/rules/applyRules';
import { rowsToRules } from '../../core/rules/rulesSheet';
import { putInChunks } from '../db/putInChunks';
import type { StoredTransaction } from '../db/schema';
import type { BackgroundDeps } from './deps';

/**
 * Replaces the rules with the ones in `rows` (the Rules tab's format, header first) and re-applies
 * them to everything stored. Rows with problems save nothing: the owner fixes them first.
 * What a person set by hand stays (applyRules never overwrites it).
 */
export async function saveRules(
  deps: BackgroundDeps,
  rows: string[][],
): Promise<Result<{ rules: number; changed: number }>> {
  const { rules, problems } = rowsToRules(rows);
  if (problems.length > 0) return fail(...problems);
  const { db } = deps;
  await db.transaction('rw', db.rules, async () => {
    await db.rules.clear();
    await db.rules.bulkPut(rules);
  });
  const stored = await db.transactions.toArray();
  const applied = applyRules(stored, rules).transactions;
  const at = deps.now().toISOString();
  const changed: StoredTransaction[] = [];
  applied.forEach((t, i) => {
    if (t === stored[i]) return;
    const { sentAt: _sent, ...rest } = t as StoredTransaction;
    changed.push({ ...rest, updatedAt: at });
  });
  await putInChunks(db.transactions, changed);
  return ok({ rules: rules.length, changed: changed.length });
}
