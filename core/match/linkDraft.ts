import type { BankLine } from './bankLine';
import { earliestDate, latestDate } from './dateExtremes';
import { describeMoney } from './describeMoney';
import type { MatchContext, MatchDraft } from './matchContext';
import type { PayoutUnit } from './payoutUnit';

const side = (line: BankLine) =>
  `${line.t.amount.minor >= 0 ? 'deposit' : 'debit'} "${line.t.description}" of ${describeMoney(line.t.amount.minor, line.t.amount.currency)} on ${line.t.date}`;

/** The match linking payouts to their bank side, with the reason spelled out; `why` says how it was found. */
export function linkDraft(
  ctx: MatchContext,
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  confidence: number,
  ambiguous: boolean,
  why: string,
): MatchDraft {
  const currency = units[0]!.currency;
  const bank = lines.reduce((sum, l) => sum + l.t.amount.minor, 0);
  const paid = units.reduce((sum, u) => sum + u.value, 0);
  const type =
    units.length > 1
      ? 'many-to-one'
      : lines.length > 1
        ? 'one-to-many'
        : paid < 0
          ? 'refund-debit'
          : 'payout-deposit';
  // One payout and one line is nearly every link: no arrays built for it.
  const lastPayout = units.length === 1 ? units[0]!.date : latestDate(units.map((u) => u.date));
  const firstLine = lines.length === 1 ? lines[0]!.t.date : earliestDate(lines.map((l) => l.t.date));
  const lag = ctx.lag(lastPayout, firstLine);
  const when = lag <= 0 ? 'on its first business day' : `${lag} business day${lag === 1 ? '' : 's'} later`;
  return {
    type,
    members: [
      ...units.flatMap((u) => u.members),
      ...lines.map((l) => ({ id: l.t.id, role: l.t.amount.minor >= 0 ? 'deposit' : 'withdrawal' })),
    ],
    difference: { minor: bank - paid, currency },
    confidence,
    ambiguous,
    reason: `${units.length === 1 ? units[0]!.label : units.map((u) => u.label).join(' + ')} → ${lines.length === 1 ? side(lines[0]!) : lines.map(side).join(' + ')}, ${when}: ${why}`,
  };
}
