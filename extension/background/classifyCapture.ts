import { mergeTransactions } from '../../core/ids/mergeTransactions';
import type { Transaction } from '../../core/model/transaction';
import type { RowChange } from '../messages/responses';

/**
 * What saving `incoming` would do: counts the owner reads as "N new, M already captured, K changed".
 * A posted line that replaces a pending one counts as a change of that pending line, not as new.
 */
export function classifyCapture(existing: Iterable<Transaction>, incoming: readonly Transaction[]) {
  const merge = mergeTransactions(existing, incoming);
  const supersedingIds = new Set(merge.superseded.map((s) => s.posted.id));
  const changedIds = new Set([...merge.changed.map((c) => c.after.id), ...supersedingIds]);
  const unchangedIds = new Set(merge.unchanged.map((t) => t.id));
  const changeOf = (t: Transaction): RowChange =>
    changedIds.has(t.id) ? 'changed' : unchangedIds.has(t.id) ? 'unchanged' : 'new';
  return {
    merge,
    counts: {
      found: incoming.length,
      added: merge.added.length - supersedingIds.size,
      unchanged: merge.unchanged.length,
      changed: merge.changed.length,
    },
    changeOf,
  };
}
