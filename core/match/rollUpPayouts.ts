import type { MatchMember } from '../model/match';
import type { Transaction } from '../model/transaction';
import { dayNumber } from './dayNumber';
import { describeMoney } from './describeMoney';
import { accept, type MatchContext, report } from './matchContext';
import { PayoutUnit, processorTitle } from './payoutUnit';
import { payoutWindow } from './processors';
import { PAYOUT } from './runColumns';

/** Without a payout line the payout date is unknown; it follows the last settled line by a few days. */
const VIRTUAL_PAYOUT_SLACK = 2;

/**
 * Pass 1. Groups processor lines (charges, refunds, fees, adjustments, disputes — any line naming a
 * payout) under their payout, checks that the nets add up to the payout and
 * that every line's gross − fee = net, and returns the payouts to link to the bank.
 * `ordinals`: the processor-side lines, in posting order (see postingOrder), free of duplicates
 * already; `transactions` and `known` are the run by ordinal.
 */
export function rollUpPayouts(
  ordinals: readonly number[],
  transactions: readonly Transaction[],
  ctx: MatchContext,
  known: ProcessorColumns,
): PayoutUnit[] {
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

  const units: PayoutUnit[] = [];
  // Payouts come in date order: one window end per date and window length, not one lookup per payout.
  let lastDate = '';
  let lastWindow = -1;
  let end = '';
  let endDay = 0;
  for (const k of payouts) {
    const payout = transactions[k]!;
    const processor = known.processors[known.processor[k]!]!;
    const groupKey = groups.size === 0 ? undefined : findGroup(groups, processor, payout);
    const lines = groupKey ? groups.get(groupKey)! : [];
    if (groupKey) groups.delete(groupKey);
    const value = -known.minor[k]!;
    const date = known.dates[known.dateRank[k]!]!;
    const window = payoutWindow(ctx.windows, processor);
    if (date !== lastDate || window !== lastWindow) {
      lastDate = date;
      lastWindow = window;
      end = ctx.windowEnd(date, window);
      endDay = dayNumber(end);
    }
    const unit = new PayoutUnit(
      units.length,
      processor,
      known.currencies[known.currency[k]!]!,
      value,
      date,
      end,
      known.days[k]!,
      endDay,
      k,
      payout,
      undefined,
    );
    if (lines.length > 0) checkRollUp(payout, lines, unit.label, ctx);
    units.push(unit);
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
    units.push(
      new PayoutUnit(
        units.length,
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
      ),
    );
  }
  return units;
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
