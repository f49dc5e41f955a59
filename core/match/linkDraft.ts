import type { MatchMember } from '../model/match';
import type { BankLine } from './bankLine';
import { describeMoney } from './describeMoney';
import { accept, acceptPair, type MatchContext, type MatchDraft } from './matchContext';
import { later } from './pairReason';
import type { PayoutUnit } from './payoutUnit';

const side = (line: BankLine) =>
  `${line.amount >= 0 ? 'deposit' : 'debit'} "${line.t.description}" of ${describeMoney(line.amount, line.currency)} on ${line.t.date}`;

/** How the money reached the bank side: plain ASCII, so a reason stays one byte a character. */
const reached = (deposit: boolean) => (deposit ? ' paid into ' : ' taken by ');

/**
 * Records the match linking payouts to their bank side (see accept); `why` says how it was found.
 * One payout line and one bank line, most links, go in as a pair whose reason is written when read.
 * Returns the match's index among those found, -1 when the bookkeeper rejected this pairing.
 */
export function acceptLink(
  ctx: MatchContext,
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  confidence: number,
  ambiguous: boolean,
  why: string,
): number {
  if (units.length === 1 && lines.length === 1)
    return acceptOneLink(ctx, units[0]!, lines[0]!, confidence, ambiguous, why);
  return accept(ctx, linkDraft(ctx, units, lines, confidence, ambiguous, why));
}

/** `acceptLink` of one payout and one line, without a list of each (most links). */
export function acceptOneLink(
  ctx: MatchContext,
  unit: PayoutUnit,
  line: BankLine,
  confidence: number,
  ambiguous: boolean,
  why: string,
): number {
  if (unit.payout !== undefined) return acceptPair(ctx, unit, line, confidence, ambiguous, why);
  return accept(ctx, linkDraft(ctx, [unit], [line], confidence, ambiguous, why));
}

/** The match linking payouts to their bank side, with the reason spelled out; `why` says how it was found. */
function linkDraft(
  ctx: MatchContext,
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  confidence: number,
  ambiguous: boolean,
  why: string,
): MatchDraft {
  const currency = units[0]!.currency;
  const members: MatchMember[] = [];
  const ordinals: number[] = [];
  let paid = 0;
  // The last payout and the first line by day number (ISO dates order as days do).
  let lastPayout = units[0]!.day;
  for (const u of units) {
    paid += u.value;
    if (u.day > lastPayout) lastPayout = u.day;
    const unitMembers = u.members;
    const unitOrdinals = u.ordinals;
    for (let k = 0; k < unitMembers.length; k++) {
      members.push(unitMembers[k]!);
      ordinals.push(unitOrdinals[k]!);
    }
  }
  let bank = 0;
  let firstLine = lines[0]!.day;
  for (const l of lines) {
    bank += l.amount;
    if (l.day < firstLine) firstLine = l.day;
    members.push({ id: l.id, role: l.amount >= 0 ? 'deposit' : 'withdrawal' });
    ordinals.push(l.ordinal);
  }
  const type =
    units.length > 1
      ? 'many-to-one'
      : lines.length > 1
        ? 'one-to-many'
        : paid < 0
          ? 'refund-debit'
          : 'payout-deposit';
  return {
    type,
    members,
    ordinals,
    difference: { minor: bank - paid, currency },
    confidence,
    ambiguous,
    // Joined rather than a template: one flat string. A template leaves a tree of a dozen
    // concatenations per reason, which outweighed the rest of the match and survived with it.
    reason: [
      units.length === 1 ? units[0]!.label : units.map((u) => u.label).join(' + '),
      reached(lines[0]!.amount >= 0),
      lines.length === 1 ? side(lines[0]!) : lines.map(side).join(' + '),
      ', ',
      later(ctx.lag(lastPayout, firstLine)),
      ': ',
      why,
    ].join(''),
  };
}
