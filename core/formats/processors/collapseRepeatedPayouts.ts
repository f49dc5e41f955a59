import { problem } from '../../model/problem';
import type { Transaction } from '../../model/transaction';
import type { ImportOutcome } from '../importTypes';

type Imported = { name: string; outcome: Extract<ImportOutcome, { ok: true }> };

const payoutKey = (t: Transaction) =>
  t.kind === 'payout' && (t.payoutId ?? t.externalId)
    ? `${t.institution}\u241f${t.account}\u241f${t.payoutId ?? t.externalId}\u241f${t.amount.minor}`
    : undefined;

/**
 * One processor payout listed by two exports — the balance report's payout line (`txn_…`, naming
 * `po_…`) and the Payouts export's row (`po_…` itself) — is one payout: two would leave one of them
 * without a deposit, or pair the bank's deposit with one and call the other unmatched. The row whose
 * own id is the payout's (the Payouts export, dated on arrival) is kept; the other is dropped from its
 * file with a notice. Works in place on the imported files.
 */
export function collapseRepeatedPayouts(files: Imported[]): void {
  const owners = new Map<string, { file: string; t: Transaction }>();
  for (const f of files)
    for (const t of f.outcome.transactions) {
      const key = payoutKey(t);
      if (!key) continue;
      const seen = owners.get(key);
      // The payout's own row beats a line that merely names it.
      if (!seen || (seen.t.externalId !== seen.t.payoutId && t.externalId === t.payoutId))
        owners.set(key, { file: f.name, t });
    }
  for (const f of files) {
    const dropped: Transaction[] = [];
    const kept = f.outcome.transactions.filter((t) => {
      const key = payoutKey(t);
      const owner = key ? owners.get(key) : undefined;
      if (!owner || owner.t === t) return true;
      dropped.push(t);
      return false;
    });
    if (dropped.length === 0) continue;
    f.outcome.transactions = kept;
    const elsewhere = [...new Set(dropped.map((t) => owners.get(payoutKey(t)!)!.file))].join(', ');
    const ids = dropped.map((t) => t.payoutId ?? t.externalId);
    f.outcome.warnings.push(
      problem(
        'payout_listed_twice',
        `${dropped.length === 1 ? `payout ${ids[0]} is` : `${dropped.length} payouts (${ids.slice(0, 3).join(', ')}${dropped.length > 3 ? ' …' : ''}) are`} also in ${elsewhere}; counted once, as there`,
        { file: f.name },
      ),
    );
    if (f.outcome.report) {
      f.outcome.report.rowsImported = kept.length;
      for (const t of dropped)
        f.outcome.report.rowsSkipped.push({
          ...(t.origin && 'row' in t.origin && t.origin.row !== undefined ? { row: t.origin.row } : {}),
          reason: `payout ${t.payoutId ?? t.externalId} is also in ${owners.get(payoutKey(t)!)!.file}; counted once, as there`,
        });
    }
  }
}
