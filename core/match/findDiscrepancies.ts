import type { Match } from '../model/match';
import { type BankLine, compatible, lineTaken } from './bankLine';
import { earliestDate } from './dateExtremes';
import { describeMoney } from './describeMoney';
import { acceptOneLink } from './linkDraft';
import type { NearPair } from './matchByReference';
import { isRejected, type MatchContext, report } from './matchContext';
import { type PayoutUnit, pairType, unitMemberIds, unitsByDate, unitTaken } from './payoutUnit';

/**
 * How far a deposit may fall short of (or exceed) its payout and still be taken for it: a few percent
 * (FX, reserves) or a flat bank fee such as an incoming-wire charge, never half the payout.
 */
const MAX_DIFFERENCE_SHARE = 0.05;
const MAX_FLAT_DIFFERENCE = 1500;
const closeEnough = (value: number, amount: number) => {
  const diff = Math.abs(amount - value);
  return (
    diff <= Math.max(Math.abs(value) * MAX_DIFFERENCE_SHARE, MAX_FLAT_DIFFERENCE) &&
    diff < Math.abs(value) / 2
  );
};
const MAX_SCAN = 400;

const LINK_TYPES = new Set<Match['type']>(['payout-deposit', 'refund-debit', 'many-to-one', 'one-to-many']);

export type DiscrepancyInput = {
  units: readonly PayoutUnit[];
  lines: readonly BankLine[];
  near: readonly NearPair[];
  /** Latest date the bank data covers: a deposit due after it may simply not be there yet. */
  horizon: string;
  periodEnd?: string;
  /** Decisions to check against the period end, beside the first `found` of `ctx.found`. */
  decisions: readonly Match[];
  found: number;
};

/**
 * Pass 6. Pairs a payout with a bank line that differs in amount when the evidence is strong (a shared
 * reference, or the only candidates on both sides within a few percent), then reports what is left:
 * payouts in transit, payouts whose window passed without a deposit, and processor deposits without
 * a payout.
 */
export function findDiscrepancies(input: DiscrepancyInput, ctx: MatchContext): void {
  for (const { unit, line } of input.near) {
    if (unitTaken(ctx.claimed, unit) || lineTaken(ctx.claimed, line)) continue;
    linkWithDifference(
      unit,
      line,
      0.75,
      'the bank line repeats the payout reference but the amount differs',
      ctx,
    );
  }
  pairCloseAmounts(input.units, input.lines, ctx);

  for (const unit of unitsByDate(input.units)) {
    const c = unit.currency;
    if (!unitTaken(ctx.claimed, unit)) {
      const inTransit = unit.end > input.horizon;
      report(ctx, {
        type: inTransit ? 'in-transit' : 'missing-deposit',
        transactionIds: unitMemberIds(unit),
        amount: { minor: unit.value, currency: c },
        date: unit.date,
        reason: inTransit
          ? `${unit.label} has no bank side yet; its window runs to ${unit.end}, after the bank data ends (${input.horizon})`
          : `${unit.label} has no bank side, and its window ended ${unit.end}`,
      });
    }
  }
  if (input.periodEnd) {
    const periodEnd = input.periodEnd;
    const byId = new Map(input.lines.map((l) => [l.t.id, l.t]));
    const unitsById = new Map(input.units.flatMap((u) => u.members.map((m) => [m.id, u] as const)));
    const check = (type: Match['type'], memberIds: readonly string[], id: () => string) => {
      if (!LINK_TYPES.has(type)) return;
      const units = [...new Set(memberIds.map((m) => unitsById.get(m)).filter((u) => u !== undefined))];
      const bankDates = memberIds.map((m) => byId.get(m)?.date).filter((d) => d !== undefined);
      if (units.length === 0 || bankDates.length === 0) return;
      const arrived = earliestDate(bankDates);
      if (arrived <= periodEnd) return;
      for (const unit of units) {
        if (unit.date > periodEnd) continue;
        report(ctx, {
          type: 'in-transit',
          transactionIds: [...unitMemberIds(unit), ...memberIds.filter((m) => byId.has(m))],
          amount: { minor: unit.value, currency: unit.currency },
          date: unit.date,
          reason: `${unit.label} was in transit at the period end ${periodEnd}: it reached the bank on ${arrived}`,
          matchId: id(),
        });
      }
    };
    for (const d of input.decisions) {
      if (d.state !== 'rejected')
        check(
          d.type,
          d.members.map((m) => m.id),
          () => d.id,
        );
    }
    const found = ctx.found;
    for (let k = 0; k < input.found; k++) {
      check(found.typeAt(k), found.memberIds.slice(found.ordinals.from(k), found.ordinals.to(k)), () =>
        found.idAt(k),
      );
    }
  }
  for (const line of input.lines) {
    if (lineTaken(ctx.claimed, line) || line.processor === undefined || line.amount <= 0) continue;
    report(ctx, {
      type: 'deposit-without-source',
      transactionIds: [line.t.id],
      amount: line.t.amount,
      date: line.t.date,
      reason: `deposit "${line.t.description}" of ${describeMoney(line.t.amount.minor, line.t.amount.currency)} on ${line.t.date} names ${line.processor} but matches no ${line.processor} payout in the data`,
    });
  }
}

function linkWithDifference(
  unit: PayoutUnit,
  line: BankLine,
  confidence: number,
  why: string,
  ctx: MatchContext,
): void {
  if (isRejected(ctx, pairType(unit), () => [...unitMemberIds(unit), line.t.id])) return;
  const diff = line.t.amount.minor - unit.value;
  const c = unit.currency;
  const k = acceptOneLink(ctx, unit, line, confidence, true, `${why} (by ${describeMoney(diff, c)})`);
  if (k < 0) return;
  report(ctx, {
    type: 'amount-difference',
    transactionIds: [...unitMemberIds(unit), line.t.id],
    amount: { minor: diff, currency: c },
    date: line.t.date,
    reason: `${unit.label} reached the bank as ${describeMoney(line.t.amount.minor, c)} on ${line.t.date}: ${describeMoney(Math.abs(diff), c)} ${diff < 0 ? 'short' : 'over'}`,
    matchId: ctx.found.idAt(k),
  });
}

/**
 * Open payouts and open lines that may be theirs, within the window and close in amount: unique both
 * ways only, and only lines naming the payout's processor (an unnamed, customer or counter deposit
 * near a payout's amount is a coincidence), for a payout with no open line of its exact amount.
 */
function pairCloseAmounts(units: readonly PayoutUnit[], lines: readonly BankLine[], ctx: MatchContext): void {
  const open = lines.filter(
    (l) => !lineTaken(ctx.claimed, l) && !(l.processor === undefined && l.notPayout) && l.amount !== 0,
  );
  // Day, amount and processor of the open lines side by side: a window holds a few hundred lines and
  // nearly all of them are neither of the payout's amount nor of its processor, which these tell
  // without reading the line.
  const days = Int32Array.from(open, (l) => l.day);
  const amounts = Float64Array.from(open, (l) => l.amount);
  const processors = open.map((l) => l.processor);
  const options = new Map<PayoutUnit, BankLine[]>();
  const rivals = new Map<BankLine, number>();
  for (const unit of unitsByDate(units)) {
    if (unitTaken(ctx.claimed, unit)) continue;
    const found: BankLine[] = [];
    let exact = false;
    for (
      let i = firstDayOnOrAfter(days, unit.day), scanned = 0;
      i < open.length && days[i]! <= unit.endDay && scanned < MAX_SCAN;
      i++, scanned++
    ) {
      const sameAmount = amounts[i] === unit.value;
      const sameProcessor = processors[i] === unit.processor;
      if (!sameAmount && !sameProcessor) continue;
      const line = open[i]!;
      if (!compatible(line, unit) || line.currency !== unit.currency) continue;
      if (sameAmount) exact = true;
      if (!sameProcessor) continue;
      if (Math.sign(line.amount) !== Math.sign(unit.value)) continue;
      if (!closeEnough(unit.value, line.amount)) continue;
      found.push(line);
      rivals.set(line, (rivals.get(line) ?? 0) + 1);
    }
    if (found.length > 0 && !exact) options.set(unit, found);
  }
  for (const [unit, found] of options) {
    const line = found[0]!;
    if (found.length !== 1 || rivals.get(line) !== 1) continue;
    linkWithDifference(
      unit,
      line,
      0.5,
      `the only ${unit.processor} deposit close to the payout's amount in its window, and the only payout near it`,
      ctx,
    );
  }
}

/** First index in `days` (ascending) holding `day` or later, else its length. */
function firstDayOnOrAfter(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
