import type { Match } from '../model/match';
import { type BankLine, lineTaken } from './bankLine';
import type { BankLines } from './bankLines';
import { earliestDate } from './dateExtremes';
import { describeMoney } from './describeMoney';
import { firstAtLeast } from './firstAtLeast';
import { acceptOneLink } from './linkDraft';
import type { NearPair } from './matchByReference';
import {
  LINE_AMOUNT,
  LINE_CURRENCY,
  LINE_DAY,
  LINE_NOT_PAYOUT,
  LINE_ORDINAL,
  LINE_PROCESSOR,
  LINE_RECORD,
  matchColumns,
  UNIT_CURRENCY,
  UNIT_DAY,
  UNIT_END_DAY,
  UNIT_ORDINAL,
  UNIT_PROCESSOR,
  UNIT_RECORD,
  UNIT_VALUE,
} from './matchColumns';
import { isRejected, type MatchContext, report } from './matchContext';
import { orderByKey } from './orderByKey';
import { type PayoutUnit, pairType, unitMemberIds, unitTaken } from './payoutUnit';
import type { PayoutUnits } from './payoutUnits';
import { unitDateOrder } from './unitDateOrder';

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
  units: PayoutUnits;
  lines: BankLines;
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

  // Payouts and lines are read from their columns (see matchColumns); an object only to be reported.
  const { units, lines } = input;
  const columns = matchColumns(units, lines);
  const U = columns.units.records;
  const L = columns.lines.records;
  const claimed = ctx.claimed;
  const byDate = unitDateOrder(U);
  for (let k = 0; k < byDate.length; k++) {
    const r = byDate[k]!;
    const ordinal = U[r * UNIT_RECORD + UNIT_ORDINAL]!;
    if (ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r))) continue;
    const unit = units.at(r);
    const inTransit = unit.end > input.horizon;
    report(ctx, {
      type: inTransit ? 'in-transit' : 'missing-deposit',
      transactionIds: unitMemberIds(unit),
      amount: { minor: unit.value, currency: unit.currency },
      date: unit.date,
      reason: inTransit
        ? `${unit.label} has no bank side yet; its window runs to ${unit.end}, after the bank data ends (${input.horizon})`
        : `${unit.label} has no bank side, and its window ended ${unit.end}`,
    });
  }
  if (input.periodEnd) {
    const periodEnd = input.periodEnd;
    // Members by ordinal: each bank line's position, each payout's position for its members.
    const lineOf = lines.indexOf;
    const unitOf = new Int32Array(lineOf.length).fill(-1);
    for (let r = 0; r < units.length; r++) {
      const ordinal = U[r * UNIT_RECORD + UNIT_ORDINAL]!;
      if (ordinal >= 0) unitOf[ordinal] = r;
      else for (const o of units.at(r).ordinals) unitOf[o] = r;
    }
    const ordinalOf = (id: string) => ctx.ordinals.get(id) ?? -1;
    const isLine = (id: string) => {
      const o = ordinalOf(id);
      return o >= 0 && lineOf[o]! >= 0;
    };
    const check = (type: Match['type'], memberIds: readonly string[], id: () => string) => {
      if (!LINK_TYPES.has(type)) return;
      const found = new Set<number>();
      const bankDates: string[] = [];
      for (const m of memberIds) {
        const o = ordinalOf(m);
        if (o < 0) continue;
        if (unitOf[o]! >= 0) found.add(unitOf[o]!);
        if (lineOf[o]! >= 0) bankDates.push(lines.t(lineOf[o]!).date);
      }
      const units = [...found].map((r) => input.units.at(r));
      if (units.length === 0 || bankDates.length === 0) return;
      const arrived = earliestDate(bankDates);
      if (arrived <= periodEnd) return;
      for (const unit of units) {
        if (unit.date > periodEnd) continue;
        report(ctx, {
          type: 'in-transit',
          transactionIds: [...unitMemberIds(unit), ...memberIds.filter(isLine)],
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
      check(found.typeAt(k), found.memberIds(k), () => found.idAt(k));
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const at = i * LINE_RECORD;
    if (claimed.hasOrdinal(L[at + LINE_ORDINAL]!) || L[at + LINE_PROCESSOR]! < 0 || L[at + LINE_AMOUNT]! <= 0)
      continue;
    const line = lines.at(i);
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
function pairCloseAmounts(units: PayoutUnits, lines: BankLines, ctx: MatchContext): void {
  const columns = matchColumns(units, lines);
  const U = columns.units.records;
  const L = columns.lines.records;
  const claimed = ctx.claimed;
  const open: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const at = i * LINE_RECORD;
    if (claimed.hasOrdinal(L[at + LINE_ORDINAL]!) || (L[at + LINE_PROCESSOR]! < 0 && L[at + LINE_NOT_PAYOUT]))
      continue;
    if (L[at + LINE_AMOUNT] === 0) continue;
    open.push(i);
  }
  // Day, amount and processor of the open lines side by side: a window holds a few hundred lines and
  // nearly all of them are neither of the payout's amount nor of its processor, which these tell.
  const days = new Int32Array(open.length);
  const amounts = new Float64Array(open.length);
  const processors = new Int32Array(open.length);
  for (let j = 0; j < open.length; j++) {
    const at = open[j]! * LINE_RECORD;
    days[j] = L[at + LINE_DAY]!;
    amounts[j] = L[at + LINE_AMOUNT]!;
    processors[j] = L[at + LINE_PROCESSOR]!;
  }
  // The open lines of each processor, and all of them by amount (positions in `open`, ascending
  // within each): a payout looks at its processor's lines and at the lines of its exact amount in its
  // window, not at every line there (hundreds at 1M, nearly all of neither kind).
  const byProcessor: number[][] = [];
  for (let j = 0; j < open.length; j++) {
    const p = processors[j]!;
    if (p < 0) continue;
    const list = byProcessor[p];
    if (list) list.push(j);
    else byProcessor[p] = [j];
  }
  const byAmount = orderByKey(amounts);
  /** Per open line, how many payouts it is close to; and the payouts with exactly one such line, with it. */
  const rivals = new Int32Array(open.length);
  const sole: number[] = [];
  const byDate = unitDateOrder(U);
  for (let k = 0; k < byDate.length; k++) {
    const r = byDate[k]!;
    const unitAt = r * UNIT_RECORD;
    const ordinal = U[unitAt + UNIT_ORDINAL]!;
    if (ordinal >= 0 ? claimed.hasOrdinal(ordinal) : unitTaken(claimed, units.at(r))) continue;
    const value = U[unitAt + UNIT_VALUE]!;
    const processor = U[unitAt + UNIT_PROCESSOR]!;
    const currency = U[unitAt + UNIT_CURRENCY]!;
    // The window's lines, at most MAX_SCAN of them from its first day: open[start, end).
    const start = firstAtLeast(days, U[unitAt + UNIT_DAY]!);
    const end = Math.min(start + MAX_SCAN, firstAtLeast(days, U[unitAt + UNIT_END_DAY]! + 1));
    // A line of the exact amount that could be the payout's (compatible, same currency) rules it out.
    let exact = false;
    for (
      let x = firstOfAmount(byAmount, amounts, value, start);
      x < byAmount.length && !exact && amounts[byAmount[x]!] === value && byAmount[x]! < end;
      x++
    ) {
      const j = byAmount[x]!;
      const at = open[j]! * LINE_RECORD;
      if (processors[j] !== processor && (processors[j]! >= 0 || value <= 0 || L[at + LINE_NOT_PAYOUT]))
        continue;
      exact = L[at + LINE_CURRENCY] === currency;
    }
    let found = 0;
    let first = -1;
    const mine = byProcessor[processor] ?? [];
    for (let x = firstAtLeast(mine, start); x < mine.length && mine[x]! < end; x++) {
      const j = mine[x]!;
      if (L[open[j]! * LINE_RECORD + LINE_CURRENCY] !== currency) continue;
      if (Math.sign(amounts[j]!) !== Math.sign(value)) continue;
      if (!closeEnough(value, amounts[j]!)) continue;
      if (found++ === 0) first = j;
      rivals[j]!++;
    }
    if (found === 1 && !exact) sole.push(r, first);
  }
  for (let s = 0; s < sole.length; s += 2) {
    const j = sole[s + 1]!;
    if (rivals[j] !== 1) continue;
    const unit = units.at(sole[s]!);
    linkWithDifference(
      unit,
      lines.at(open[j]!),
      0.5,
      `the only ${unit.processor} deposit close to the payout's amount in its window, and the only payout near it`,
      ctx,
    );
  }
}

/** First index in `byAmount` (positions ordered by amount, then position) of `amount` at position `from` or later. */
function firstOfAmount(byAmount: Int32Array, amounts: Float64Array, amount: number, from: number): number {
  let lo = 0;
  let hi = byAmount.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = amounts[byAmount[mid]!]!;
    if (a < amount || (a === amount && byAmount[mid]! < from)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
