import type { MatchMember } from '../model/match';
import type { BankLine } from './bankLine';
import { describeMoney } from './describeMoney';
import { flat } from './flat';
import type { MatchContext, MatchDraft } from './matchContext';
import type { PayoutUnit } from './payoutUnit';

const side = (line: BankLine) =>
  `${line.amount >= 0 ? 'deposit' : 'debit'} "${line.t.description}" of ${describeMoney(line.amount, line.currency)} on ${line.t.date}`;

/** How the money reached the bank side: plain ASCII, so a reason stays one byte a character. */
const reached = (deposit: boolean) => (deposit ? ' paid into ' : ' taken by ');

/** "2 business days later", made once per delay: a run writes the same few thousands of times. */
const laterBy: string[] = [];
function later(lag: number): string {
  if (lag <= 0) return 'on its first business day';
  let text = laterBy[lag];
  if (text === undefined) {
    text = `${lag} business day${lag === 1 ? '' : 's'} later`;
    laterBy[lag] = text;
  }
  return text;
}

/** The match linking payouts to their bank side, with the reason spelled out; `why` says how it was found. */
export function linkDraft(
  ctx: MatchContext,
  units: readonly PayoutUnit[],
  lines: readonly BankLine[],
  confidence: number,
  ambiguous: boolean,
  why: string,
): MatchDraft {
  if (units.length === 1 && lines.length === 1 && units[0]!.payout !== undefined)
    return pairDraft(ctx, units[0]!, lines[0]!, confidence, ambiguous, why);
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

/**
 * `linkDraft` for one payout line and one bank line, most links: arrays made at their size, and the
 * reason joined from its parts in one go (no string for the bank side on the way).
 */
function pairDraft(
  ctx: MatchContext,
  u: PayoutUnit,
  line: BankLine,
  confidence: number,
  ambiguous: boolean,
  why: string,
): MatchDraft {
  const deposit = line.amount >= 0;
  return {
    type: u.value < 0 ? 'refund-debit' : 'payout-deposit',
    members: [
      { id: u.payout!.id, role: 'payout' },
      { id: line.id, role: deposit ? 'deposit' : 'withdrawal' },
    ],
    ordinals: [u.ordinal, line.ordinal],
    difference: { minor: line.amount - u.value, currency: u.currency },
    confidence,
    ambiguous,
    reason: pairReason(ctx, u, line, deposit, why),
  };
}

/**
 * "Stripe payout po_1 of 512.30 USD on 2026-01-05 paid into deposit "STRIPE TRANSFER" of the same
 * amount on 2026-01-07, 2 business days later: why". The bank amount is written only when it differs.
 */
function pairReason(ctx: MatchContext, u: PayoutUnit, line: BankLine, deposit: boolean, why: string): string {
  const bank = line.amount === u.value ? 'the same amount' : describeMoney(line.amount, line.currency);
  return flat(
    `${u.label}${deposit ? ' paid into deposit "' : ' taken by debit "'}${line.t.description}" of ${bank} on ${line.t.date}${tail(ctx.lag(u.day, line.day), why)}`,
  );
}

/** ", 2 business days later: why", made once per delay and why: a run writes the same few thousands of times. */
const tails = new Map<string, string[]>();
function tail(lag: number, why: string): string {
  let byLag = tails.get(why);
  if (byLag === undefined) {
    // Whys made per match (a count in them) would fill the cache: those are joined each time.
    if (tails.size >= 64) return `, ${later(lag)}: ${why}`;
    byLag = [];
    tails.set(why, byLag);
  }
  const at = lag + 1;
  if (at < 0 || at > 64) return `, ${later(lag)}: ${why}`;
  let text = byLag[at];
  if (text === undefined) {
    text = `, ${later(lag)}: ${why}`;
    byLag[at] = text;
  }
  return text;
}
