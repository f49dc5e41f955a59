import type { Transaction } from '../model/transaction';
import type { DataDelivery } from './buildAlerts';

/**
 * What each file or capture brought, per account, from the transactions' origins. A capture is
 * dated by when it was taken; a file, which may be imported long after, by the last day it covers.
 */
export function deliveriesOf(transactions: readonly Transaction[]): DataDelivery[] {
  const byKey = new Map<string, DataDelivery>();
  const kinds = new Map<string, Map<string, number>>();
  for (const t of transactions) {
    const source = t.origin.file ?? t.origin.url ?? 'unknown source';
    const key = `${t.account}\u241f${source}`;
    const at = t.origin.url && !t.origin.file ? t.origin.capturedAt.slice(0, 10) : t.date;
    const counts = kinds.get(key) ?? new Map<string, number>();
    counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
    kinds.set(key, counts);
    const d = byKey.get(key);
    if (!d) {
      byKey.set(key, { account: t.account, source, rows: 1, from: t.date, to: t.date, at });
      continue;
    }
    d.rows++;
    if (t.date < d.from) d.from = t.date;
    if (t.date > d.to) d.to = t.date;
    if (at > d.at) d.at = at;
  }
  for (const [key, d] of byKey) {
    const counts = [...kinds.get(key)!].sort((a, b) => b[1] - a[1]);
    d.kind = counts[0]![0];
  }
  return [...byKey.values()];
}
