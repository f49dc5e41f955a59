import { type BankLine, compatible, firstOnOrAfter } from './bankLine';
import { linkDraft } from './linkDraft';
import { accept, isRejected, type MatchContext } from './matchContext';
import { type PayoutUnit, pairType, unitMemberIds, unitTaken } from './payoutUnit';

const amountKey = (currency: string, minor: number) => `${currency}:${minor}`;

/**
 * Pass 3. A payout and a bank line of the same currency and amount, the line dated within the
 * payout's window (0 … N business days later). Lines are indexed by currency and amount and sorted by
 * date, so each payout looks only at its few candidates. Where several payouts and lines of one
 * amount overlap, payouts are served in window order and each takes the line naming its processor
 * first, then the earliest — first paid, first deposited — and the match is marked ambiguous.
 * Run first with `namedOnly` (lines that name a processor), so a customer deposit of the same amount
 * cannot take a payout whose deposit was combined or split.
 */
export function matchOneToOne(
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  ctx: MatchContext,
  { namedOnly }: { namedOnly: boolean },
): void {
  const index = new Map<string, BankLine[]>();
  for (const line of lines) {
    if (ctx.claimed.has(line.t.id) || line.t.amount.minor === 0) continue;
    if (line.processor === undefined && (namedOnly || line.ownTransfer)) continue;
    const key = amountKey(line.t.amount.currency, line.t.amount.minor);
    const list = index.get(key);
    if (list) list.push(line);
    else index.set(key, [line]);
  }
  for (const list of index.values()) list.sort((a, b) => byLine(a, b));

  const groups = new Map<string, PayoutUnit[]>();
  for (const u of units) {
    if (unitTaken(ctx.claimed, u) || !index.has(amountKey(u.currency, u.value))) continue;
    const key = amountKey(u.currency, u.value);
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }

  for (const [key, group] of groups) {
    const sorted = index.get(key)!;
    const options = new Map<PayoutUnit, BankLine[]>();
    const rivals = new Map<BankLine, number>();
    for (const u of group) {
      const found: BankLine[] = [];
      for (let i = firstOnOrAfter(sorted, u.date); i < sorted.length && sorted[i]!.t.date <= u.end; i++) {
        const line = sorted[i]!;
        if (!compatible(line, u.processor) || isRejected(ctx, pairType(u), [...unitMemberIds(u), line.t.id]))
          continue;
        found.push(line);
        rivals.set(line, (rivals.get(line) ?? 0) + 1);
      }
      if (found.length > 0) options.set(u, found);
    }
    const order = [...options.keys()].sort((a, b) =>
      a.end !== b.end
        ? a.end < b.end
          ? -1
          : 1
        : a.date !== b.date
          ? a.date < b.date
            ? -1
            : 1
          : a.key < b.key
            ? -1
            : 1,
    );
    for (const u of order) {
      const all = options.get(u)!;
      const free = all.filter((l) => !ctx.claimed.has(l.t.id));
      if (free.length === 0) continue;
      const named = free.filter((l) => l.processor === u.processor);
      const chosen = (named.length > 0 ? named : free)[0]!;
      const isNamed = chosen.processor === u.processor;
      const ambiguous = all.length > 1 || (rivals.get(chosen) ?? 0) > 1;
      const confidence = ambiguous ? (isNamed ? 0.7 : 0.55) : isNamed ? 0.95 : 0.8;
      const named2 = isNamed ? ' and names the processor' : '';
      const why = ambiguous
        ? `same amount; ${all.length} line(s) and ${rivals.get(chosen)} payout(s) of this amount overlap in the window, so it was paired by date order${isNamed ? ' and processor name' : ''}`
        : `the only line of this amount in the ${u.processor} window${named2}`;
      accept(ctx, linkDraft(ctx, [u], [chosen], confidence, ambiguous, why));
    }
  }
}

const byLine = (a: BankLine, b: BankLine) =>
  a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0;
