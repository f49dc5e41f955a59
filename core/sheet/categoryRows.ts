import type { Transaction } from '../model/transaction';
import { moneyToCell } from './moneyCell';
import type { SheetRecord } from './workbookLayout';

export type CategoryInfo = { category: string; group?: string };

/** How lines without a category are listed, so nothing drops out of the totals. */
export const UNCATEGORIZED = '(uncategorized)';

/**
 * The Categories tab: every known category (the rules' list, with its group) and every category in
 * use, with per-currency count, inflows, outflows and net. A line counts under the bookkeeper's
 * Category Override when there is one, else under the rules' category; superseded pending lines
 * are left out.
 */
export function categoryRows(
  transactions: readonly Transaction[],
  options: { overrides?: ReadonlyMap<string, string>; known?: readonly CategoryInfo[] } = {},
): SheetRecord[] {
  const groupOf = new Map((options.known ?? []).map((c) => [c.category, c.group]));
  const totals = new Map<
    string,
    { category: string; currency: string; count: number; inflows: number; outflows: number }
  >();
  for (const t of transactions) {
    if (t.supersededBy) continue;
    const category = options.overrides?.get(t.id) ?? t.category ?? UNCATEGORIZED;
    const key = `${category}\u241f${t.amount.currency}`;
    const total = totals.get(key) ?? {
      category,
      currency: t.amount.currency,
      count: 0,
      inflows: 0,
      outflows: 0,
    };
    total.count++;
    if (t.amount.minor > 0) total.inflows += t.amount.minor;
    else total.outflows += t.amount.minor;
    totals.set(key, total);
  }
  const used = new Set([...totals.values()].map((t) => t.category));
  const rows: SheetRecord[] = [...totals.values()].map((t) => {
    const cash = (minor: number) => moneyToCell({ minor, currency: t.currency });
    return {
      category: t.category,
      group: groupOf.get(t.category) ?? null,
      currency: t.currency,
      count: t.count,
      inflows: cash(t.inflows),
      outflows: cash(t.outflows),
      net: cash(t.inflows + t.outflows),
    };
  });
  for (const c of options.known ?? []) {
    if (used.has(c.category)) continue;
    used.add(c.category);
    rows.push({
      category: c.category,
      group: c.group ?? null,
      currency: null,
      count: 0,
      inflows: null,
      outflows: null,
      net: null,
    });
  }
  return rows.sort(
    (a, b) =>
      String(a.category).localeCompare(String(b.category)) ||
      String(a.currency).localeCompare(String(b.currency)),
  );
}
