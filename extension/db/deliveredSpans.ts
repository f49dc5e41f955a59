import type { DeliveredSpan } from './schema';

/** Per account: how many lines a capture or import brought and the days they cover. */
export function deliveredSpans(
  lines: ReadonlyArray<{ account: string; date: string; supersededBy?: string }>,
): DeliveredSpan[] {
  const byAccount = new Map<string, DeliveredSpan>();
  for (const t of lines) {
    const span = byAccount.get(t.account);
    if (!span) byAccount.set(t.account, { account: t.account, rows: 1, from: t.date, to: t.date });
    else {
      span.rows++;
      if (t.date < span.from) span.from = t.date;
      if (t.date > span.to) span.to = t.date;
    }
  }
  return [...byAccount.values()];
}
