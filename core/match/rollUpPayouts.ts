import type { MatchMember } from '../model/match';
import type { Transaction } from '../model/transaction';
import { dayNumber } from './dayNumber';
import { describeMoney } from './describeMoney';
import { accept, type MatchContext, report } from './matchContext';
import { PayoutUnit, processorTitle } from './payoutUnit';
import { payoutWindow, processorOf } from './processors';

/** Without a payout line the payout date is unknown; it follows the last settled line by a few days. */
const VIRTUAL_PAYOUT_SLACK = 2;

/**
 * Pass 1. Groups processor lines (charges, refunds, fees, adjustments, disputes — any line naming a
 * payout) under their payout, checks that the nets add up to the payout and
 * that every line's gross − fee = net, and returns the payouts to link to the bank.
 * Processor-side lines only, in posting order (see postingOrder), free of duplicates already, with
 * their ordinals in the run.
 */
export function rollUpPayouts(
  processorLines: readonly Transaction[],
  ordinals: readonly number[],
  ctx: MatchContext,
  known: ProcessorColumns = processorColumns(processorLines),
): PayoutUnit[] {
  const groups = new Map<string, Transaction[]>();
  const groupOrdinals = new Map<string, number[]>();
  const payouts: number[] = [];
  for (let i = 0; i < processorLines.length; i++) {
    if (known.payout[i]) {
      payouts.push(i);
      continue;
    }
    const t = processorLines[i]!;
    if (t.payoutId) {
      const key = `${known.processors[i]!}|${t.payoutId}`;
      const group = groups.get(key);
      if (group) {
        group.push(t);
        groupOrdinals.get(key)!.push(ordinals[i]!);
      } else {
        groups.set(key, [t]);
        groupOrdinals.set(key, [ordinals[i]!]);
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
  for (const at of payouts) {
    const payout = processorLines[at]!;
    const processor = known.processors[at]!;
    const groupKey = groups.size === 0 ? undefined : findGroup(groups, processor, payout);
    const lines = groupKey ? groups.get(groupKey)! : [];
    if (groupKey) groups.delete(groupKey);
    const value = -known.minor[at]!;
    const date = known.dates[at]!;
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
      known.currencies[at]!,
      value,
      date,
      end,
      known.days[at]!,
      endDay,
      ordinals[at]!,
      payout,
      undefined,
    );
    if (lines.length > 0) checkRollUp(payout, lines, unit.label, ctx);
    units.push(unit);
  }

  // Lines whose payout line was not captured still settle as one payout: link them as a whole.
  for (const [key, lines] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = lines[0]!;
    const processor = processorOf(first);
    const currency = first.amount.currency;
    const value = lines.reduce((sum, t) => (t.amount.currency === currency ? sum + t.amount.minor : sum), 0);
    if (value === 0) continue;
    const date = lines[lines.length - 1]!.date;
    const end = ctx.windowEnd(date, payoutWindow(ctx.windows, processor) + VIRTUAL_PAYOUT_SLACK);
    const memberOrdinals = groupOrdinals.get(key)!;
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

/**
 * Per processor line (in the order given): its processor (see processorOf), date as a day number and
 * as text, whether it is a payout line, and its amount. The caller reads them off the transactions in
 * the order those sit in memory; this reads them in the order given.
 */
export type ProcessorColumns = {
  processors: string[];
  days: number[];
  payout: boolean[];
  minor: number[];
  currencies: string[];
  dates: string[];
};

function processorColumns(lines: readonly Transaction[]): ProcessorColumns {
  return {
    processors: lines.map(processorOf),
    days: lines.map((t) => dayNumber(t.date)),
    payout: lines.map((t) => t.kind === 'payout'),
    minor: lines.map((t) => t.amount.minor),
    currencies: lines.map((t) => t.amount.currency),
    dates: lines.map((t) => t.date),
  };
}

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
