import { assignIds } from '../ids/assignIds';
import type { Transaction, TransactionDraft } from '../model/transaction';
import type { SelfCheck } from './captureDiagnostics';

/**
 * A page's drafts as transactions: ids (by content or the source's own id, one occurrence count per
 * page), and the page's failed self-checks carried on every line, so no surface shows them as clean.
 */
export function completeCapture(drafts: TransactionDraft[], checks: readonly SelfCheck[]): Transaction[] {
  const transactions = assignIds(drafts);
  const failed = checks.filter((c) => !c.ok).map((c) => c.message);
  if (failed.length === 0) return transactions;
  const unverified = failed.join('; ').slice(0, 1000);
  return transactions.map((t) => ({ ...t, unverified }));
}
