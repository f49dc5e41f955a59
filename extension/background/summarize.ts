import { accountKey } from '../../core/model/account';
import type { LedgerDb } from '../db/openDb';
import type { AccountSummary, MonthSummary, Summary } from '../messages/responses';

/** Per-account counts and balances and per-month inflow/outflow, over lines not superseded. */
export async function summarize(db: LedgerDb): Promise<Summary> {
  const accounts = new Map<string, AccountSummary>();
  const months = new Map<string, MonthSummary>();
  await db.transactions.each((t) => {
    if (t.supersededBy) return;
    const key = `${accountKey(t)}\u241f${t.amount.currency}`;
    const a = accounts.get(key) ?? {
      institution: t.institution,
      account: t.account,
      currency: t.amount.currency,
      count: 0,
      netMinor: 0,
    };
    a.count += 1;
    a.netMinor += t.amount.minor;
    if (t.balance && (!a.balance || t.date >= a.balance.date)) {
      a.balance = { date: t.date, minor: t.balance.minor };
    }
    accounts.set(key, a);
    const month = t.date.slice(0, 7);
    const mKey = `${month}\u241f${t.amount.currency}`;
    const m = months.get(mKey) ?? { month, currency: t.amount.currency, inflowMinor: 0, outflowMinor: 0 };
    if (t.amount.minor >= 0) m.inflowMinor += t.amount.minor;
    else m.outflowMinor += t.amount.minor;
    months.set(mKey, m);
  });
  const byName = (a: AccountSummary, b: AccountSummary) =>
    `${a.institution} ${a.account}`.localeCompare(`${b.institution} ${b.account}`);
  return {
    accounts: [...accounts.values()].sort(byName),
    months: [...months.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency),
    ),
  };
}
