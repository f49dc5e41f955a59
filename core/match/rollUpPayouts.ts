import type { MatchMember } from '../model/match';
import type { Transaction } from '../model/transaction';
import { dayNumber } from './dayNumber';
import { describeMoney } from './describeMoney';
import {
  type RefColumns,
  UNIT_CURRENCY,
  UNIT_DAY,
  UNIT_END_DAY,
  UNIT_ORDINAL,
  UNIT_PROCESSOR,
  UNIT_RECORD,
  UNIT_VALUE,
} from './matchColumns';
import { accept, type MatchContext, report } from './matchContext';
import { PayoutUnit, processorTitle } from './payoutUnit';
import { PayoutUnits } from './payoutUnits';
import { payoutWindow } from './processors';
import { type Codes, PAYOUT } from './runColumns';

/** Without a payout line the payout date is unknown; it follows the last settled line by a few days. */
const VIRTUAL_PAYOUT_SLACK = 2;

/**
 * Pass 1. Groups processor lines (charges, refunds, fees, adjustments, disputes — any line naming a
 * payout) under their payout, checks that the nets add up to the payout and
 * that every line's gross − fee = net, and returns the payouts to link to the bank, as columns (see
 * PayoutUnits): a payout line's object is made only when a pass asks for it.
 * `ordinals`: the processor-side lines, in posting order (see postingOrder), free of duplicates
 * already; `transactions` and `known` are the run by ordinal. Processors get codes in `codes`, which
 * numbers currencies as `known.currency` does.
 */
export function rollUpPayouts(
  ordinals: ArrayLike<number>,
  transactions: readonly Transaction[],
  ctx: MatchContext,
  known: ProcessorColumns,
  codes: Codes,
  /** The payout lines' reference hashes, in posting order (see readBankLines). */
  payoutRefs: RefColumns,
): PayoutUnits {
  const groups = new Map<string, Transaction[]>();
  const groupOrdinals = new Map<string, number[]>();
  const payouts: number[] = [];
  for (let i = 0; i < ordinals.length; i++) {
    const k = ordinals[i]!;
    if (known.flags[k]! & PAYOUT) {
      payouts.push(k);
      continue;
    }
    const t = transactions[k]!;
    if (t.payoutId) {
      const key = `${known.processors[known.processor[k]!]!}|${t.payoutId}`;
      const group = groups.get(key);
      if (group) {
        group.push(t);
        groupOrdinals.get(key)!.push(k);
      } else {
        groups.set(key, [t]);
        groupOrdinals.set(key, [k]);
      }
    }
  }
  for (const group of groups.values()) {
    for (const line of group) checkGrossFeeNet(line, ctx);
  }

  // At most a payout per payout line and per group of settled lines.
  const most = payouts.length + groups.size;
  const records = ctx.scratch.float64(most * UNIT_RECORD);
  let count = 0;
  const made: Array<PayoutUnit | undefined> = [];
  /** Per processor code of the run, its code in `codes` (-1 until seen). */
  const processorCode = new Int32Array(known.processors.length).fill(-1);
  const make = (r: number) => {
    const at = r * UNIT_RECORD;
    const k = records[at + UNIT_ORDINAL]!;
    const processor = known.processors[known.processor[k]!]!;
    const date = known.dates[known.dateRank[k]!]!;
    return new PayoutUnit(
      r,
      processor,
      known.currencies[known.currency[k]!]!,
      records[at + UNIT_VALUE]!,
      date,
      ctx.windowEnd(date, payoutWindow(ctx.windows, processor)),
      records[at + UNIT_DAY]!,
      records[at + UNIT_END_DAY]!,
      k,
      transactions[k]!,
      undefined,
    );
  };
  // Payouts come in date order: one window end per date and window length, not one lookup per payout.
  let lastDate = '';
  let lastWindow = -1;
  let endDay = 0;
  for (let r = 0; r < payouts.length; r++) {
    const k = payouts[r]!;
    const p = known.processor[k]!;
    const processor = known.processors[p]!;
    const date = known.dates[known.dateRank[k]!]!;
    const window = payoutWindow(ctx.windows, processor);
    if (date !== lastDate || window !== lastWindow) {
      lastDate = date;
      lastWindow = window;
      endDay = dayNumber(ctx.windowEnd(date, window));
    }
    if (processorCode[p]! < 0) processorCode[p] = codes.of(processor);
    const at = r * UNIT_RECORD;
    records[at + UNIT_ORDINAL] = k;
    records[at + UNIT_VALUE] = -known.minor[k]!;
    records[at + UNIT_DAY] = known.days[k]!;
    records[at + UNIT_END_DAY] = endDay;
    records[at + UNIT_CURRENCY] = known.currency[k]!;
    records[at + UNIT_PROCESSOR] = processorCode[p]!;
    count++;
    made.push(undefined);
    if (groups.size === 0) continue;
    const payout = transactions[k]!;
    const groupKey = findGroup(groups, processor, payout);
    if (!groupKey) continue;
    const lines = groups.get(groupKey)!;
    groups.delete(groupKey);
    const unit = make(r);
    made[r] = unit;
    if (lines.length > 0) checkRollUp(payout, lines, unit.label, ctx);
  }

  // Lines whose payout line was not captured still settle as one payout: link them as a whole.
  for (const [key, lines] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = lines[0]!;
    const memberOrdinals = groupOrdinals.get(key)!;
    const processor = known.processors[known.processor[memberOrdinals[0]!]!]!;
    const currency = first.amount.currency;
    const value = lines.reduce((sum, t) => (t.amount.currency === currency ? sum + t.amount.minor : sum), 0);
    if (value === 0) continue;
    const date = lines[lines.length - 1]!.date;
    const end = ctx.windowEnd(date, payoutWindow(ctx.windows, processor) + VIRTUAL_PAYOUT_SLACK);
    const r = count++;
    const unit = new PayoutUnit(
      r,
      processor,
      currency,
      value,
      date,
      end,
      dayNumber(date),
      dayNumber(end),
      memberOrdinals[0]!,
      undefined,
      {
        members: lines.map((t): MatchMember => ({ id: t.id, role: t.kind })),
        ordinals: memberOrdinals,
        label: `${processorTitle(processor)} payout ${first.payoutId} (${lines.length} lines, no payout line) of ${describeMoney(value, currency)} after ${date}`,
        payoutId: first.payoutId,
      },
    );
    const at = r * UNIT_RECORD;
    records[at + UNIT_ORDINAL] = -1;
    records[at + UNIT_VALUE] = value;
    records[at + UNIT_DAY] = unit.day;
    records[at + UNIT_END_DAY] = unit.endDay;
    records[at + UNIT_CURRENCY] = codes.of(currency);
    records[at + UNIT_PROCESSOR] = codes.of(processor);
    made.push(unit);
  }
  return new PayoutUnits(
    count === most ? records : records.subarray(0, count * UNIT_RECORD),
    payoutRefs,
    transactions,
    make,
    made,
  );
}

/** What the roll-up reads of the run, by ordinal, as runOrder in reconcile read it (see RunColumns). */
export type ProcessorColumns = {
  /** Code in `processors` (see processorOf). */
  processor: Int32Array;
  processors: readonly string[];
  /** See RunColumns: PAYOUT is read here. */
  flags: Uint8Array;
  minor: Float64Array;
  /** Code in `currencies`. */
  currency: Int32Array;
  currencies: readonly string[];
  /** Day numbers. */
  days: Int32Array;
  /** Rank in `dates`. */
  dateRank: Int32Array;
  dates: readonly string[];
};

/** The group of settled lines under this payout's id, else under its external id. */
function findGroup(groups: Map<string, Transaction[]>, processor: string, payout: Transaction) {
  for (const k of [payout.payoutId, payout.externalId]) {
    if (k && groups.has(`${processor}|${k}`)) return `${processor}|${k}`;
  }
  return undefined;
}

function checkGrossFeeNet(line: Transaction, ctx: MatchContext): void {
  if (!line.gross || !line.fee) return;
  const gap = line.gross.minor - line.fee.minor - line.amount.minor;
  if (gap === 0) return;
  const c = line.amount.currency;
  report(ctx, {
    type: 'rollup-gap',
    transactionIds: [line.id],
    amount: { minor: gap, currency: c },
    date: line.date,
    reason: `${line.kind} on ${line.date}: gross ${describeMoney(line.gross.minor, c)} − fee ${describeMoney(line.fee.minor, c)} is not the net ${describeMoney(line.amount.minor, c)} (off by ${describeMoney(gap, c)})`,
  });
}

function checkRollUp(payout: Transaction, lines: Transaction[], label: string, ctx: MatchContext): void {
  const currency = payout.amount.currency;
  const value = -payout.amount.minor;
  const foreign = lines.filter((t) => t.amount.currency !== currency);
  const net = lines.reduce((sum, t) => (t.amount.currency === currency ? sum + t.amount.minor : sum), 0);
  const gap = net - value;
  const counts = new Map<string, number>();
  for (const t of lines) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  const listed = [...counts].map(([kind, n]) => `${n} ${kind}${n > 1 ? 's' : ''}`).join(', ');
  const balanced = gap === 0 && foreign.length === 0;
  accept(ctx, {
    type: 'payout-rollup',
    members: [{ id: payout.id, role: 'payout' }, ...lines.map((t) => ({ id: t.id, role: t.kind }))],
    difference: { minor: gap, currency },
    confidence: balanced ? 1 : 0.5,
    reason: balanced
      ? `${listed} settle in ${label}: their net ${describeMoney(net, currency)} equals the payout`
      : `${listed} settle in ${label}, but their net is ${describeMoney(net, currency)}`,
  });
  if (gap !== 0) {
    report(ctx, {
      type: 'rollup-gap',
      transactionIds: [payout.id, ...lines.map((t) => t.id)],
      amount: { minor: gap, currency },
      date: payout.date,
      reason: `${label}: its ${lines.length} lines net ${describeMoney(net, currency)}, ${describeMoney(Math.abs(gap), currency)} ${gap > 0 ? 'more' : 'less'} than paid out (a line is missing or was not captured)`,
    });
  }
  if (foreign.length > 0) {
    report(ctx, {
      type: 'rollup-gap',
      transactionIds: foreign.map((t) => t.id),
      amount: { minor: 0, currency },
      date: payout.date,
      reason: `${label}: ${foreign.length} line(s) are in another currency than the payout and were left out of the sum`,
    });
  }
}
