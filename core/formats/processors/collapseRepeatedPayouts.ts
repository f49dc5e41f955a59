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

/**
 * A sale listed by both a Stripe balance report (its `txn_…` line, naming the charge `ch_…`) and the
 * Payments export (the `ch_…` row itself) is one sale: the balance report, which holds every
 * movement of the balance (refunds too), is kept, and the Payments export's rows of those charges
 * (and their refunds) are dropped with a notice. Works in place on the imported files.
 */
export function collapseRepeatedCharges(files: Imported[]): void {
  const inBalance = new Map<string, string>();
  for (const f of files)
    if (f.outcome.format === 'stripe')
      for (const t of f.outcome.transactions)
        if (t.memo && /^(ch|py|pi)_/.test(t.memo)) inBalance.set(`${t.account}\u241f${t.memo}`, f.name);
  if (inBalance.size === 0) return;
  for (const f of files) {
    if (f.outcome.format !== 'stripe-payments') continue;
    const charge = (t: Transaction) => `${t.account}\u241f${(t.externalId ?? '').replace(/:refund$/, '')}`;
    const dropped = f.outcome.transactions.filter((t) => inBalance.has(charge(t)));
    if (dropped.length === 0) continue;
    f.outcome.transactions = f.outcome.transactions.filter((t) => !inBalance.has(charge(t)));
    const elsewhere = [...new Set(dropped.map((t) => inBalance.get(charge(t))!))].join(', ');
    f.outcome.warnings.push(
      problem(
        'charge_listed_twice',
        `${dropped.length} line(s) of charges also in ${elsewhere} (the balance report, which has every movement); counted once, as there`,
        { file: f.name },
      ),
    );
    if (f.outcome.report) {
      f.outcome.report.rowsImported = f.outcome.transactions.length;
      f.outcome.report.rowsSkipped.push({
        reason: `${dropped.length} line(s) also in ${elsewhere}; counted once, as there`,
      });
    }
  }
}
