import { accountKey } from '../model/account';
import type { Transaction } from '../model/transaction';
import type { BankLine } from './bankLine';
import type { BankLines } from './bankLines';
import { describeMoney } from './describeMoney';
import {
  LINE_AMOUNT,
  LINE_CURRENCY,
  LINE_DAY,
  LINE_ORDINAL,
  LINE_PROCESSOR,
  LINE_RECORD,
} from './matchColumns';
import { accept, isRejected, type MatchContext } from './matchContext';
import { transferWindow } from './processors';

const TRANSFER_WORDS =
  /\b(TRANSFER|XFER|TRNSFR|TFR|TRANSF|FROM (CHK|CHECKING|SAV|SAVINGS)|TO (CHK|CHECKING|SAV|SAVINGS))\b/i;

/** Something on the line says it moves money between own accounts; equal amounts alone are not enough. */
const looksLikeTransfer = (t: Transaction) =>
  t.kind === 'transfer' ||
  t.transfer === true ||
  TRANSFER_WORDS.test(t.description) ||
  (!!t.memo && TRANSFER_WORDS.test(t.memo));

/**
 * Pass 5. Money out of one of the business's accounts and the same amount into another, within a
 * few business days either way, where at least one side reads as a transfer. `processorLines` are
 * transfer lines in a processor's own account (no payout), which pair with a bank line the same way.
 * Bank lines are read from their columns (see BankLines): no line object is made, and a transaction
 * is read only for a pair of legs of one amount in reach of each other.
 */
export function matchTransfers(
  bankLines: BankLines,
  processorLines: readonly BankLine[],
  ctx: MatchContext,
): void {
  const window = transferWindow(ctx.windows);
  const L = bankLines.records;
  const names = bankLines.names;
  // A line is `e`: bank line e when e >= 0, processorLines[-1 - e] otherwise.
  const held = (e: number) => (e >= 0 ? undefined : processorLines[-1 - e]!.heldBy);
  const t = (e: number) => (e >= 0 ? bankLines.t(e) : processorLines[-1 - e]!.t);
  const amountOf = (e: number) =>
    e >= 0 ? L[e * LINE_RECORD + LINE_AMOUNT]! : processorLines[-1 - e]!.amount;
  const dayOf = (e: number) => (e >= 0 ? L[e * LINE_RECORD + LINE_DAY]! : processorLines[-1 - e]!.day);
  const ordinalOf = (e: number) =>
    e >= 0 ? L[e * LINE_RECORD + LINE_ORDINAL]! : processorLines[-1 - e]!.ordinal;
  const processorOf = (e: number) => {
    if (e < 0) return processorLines[-1 - e]!.processor;
    const p = L[e * LINE_RECORD + LINE_PROCESSOR]!;
    return p < 0 ? undefined : names[p];
  };
  /** Currency codes: the bank lines' (see MatchColumns), then any other a processor's line has. */
  const otherCurrencies = new Map<string, number>();
  const currencyOf = (e: number) => {
    if (e >= 0) return L[e * LINE_RECORD + LINE_CURRENCY]!;
    const c = processorLines[-1 - e]!.currency;
    const at = names.indexOf(c);
    if (at >= 0) return at;
    let code = otherCurrencies.get(c);
    if (code === undefined) {
      code = names.length + otherCurrencies.size;
      otherCurrencies.set(c, code);
    }
    return code;
  };
  const order: number[] = [];
  for (let i = 0; i < bankLines.length; i++) order.push(i);
  if (processorLines.length > 0) {
    for (let j = 0; j < processorLines.length; j++) order.push(-1 - j);
    order.sort((a, b) => {
      const ta = t(a);
      const tb = t(b);
      return ta.date < tb.date ? -1 : ta.date > tb.date ? 1 : ta.id < tb.id ? -1 : 1;
    });
  }
  /** The open incoming lines of each currency code, by amount, in `order`. */
  const incoming = new Map<number, Map<number, number[]>>();
  const outgoing: number[] = [];
  for (let x = 0; x < order.length; x++) {
    const e = order[x]!;
    const amount = amountOf(e);
    if (ctx.claimed.hasOrdinal(ordinalOf(e)) || amount === 0) continue;
    if (processorLines.length === 0 && processorOf(e) !== undefined) continue;
    if (amount < 0) {
      outgoing.push(e);
      continue;
    }
    const currency = currencyOf(e);
    let byAmount = incoming.get(currency);
    if (byAmount === undefined) {
      byAmount = new Map();
      incoming.set(currency, byAmount);
    }
    const list = byAmount.get(amount);
    if (list) list.push(e);
    else byAmount.set(amount, [e]);
  }
  const options = new Map<number, Array<{ line: number; lag: number }>>();
  const rivals = new Map<number, number>();
  for (const out of outgoing) {
    const pool = incoming.get(currencyOf(out))?.get(-amountOf(out));
    if (!pool) continue;
    // Calendar bounds first (cheap), then the exact business-day distance.
    const reach = window * 2 + 4;
    const day = dayOf(out);
    const found: Array<{ line: number; lag: number }> = [];
    for (
      let i = firstOnOrAfter(pool, dayOf, day - reach);
      i < pool.length && dayOf(pool[i]!) <= day + reach;
      i++
    ) {
      const inn = pool[i]!;
      const outT = t(out);
      const innT = t(inn);
      if (accountKey(innT) === accountKey(outT) || !legs(out, inn, held, processorOf)) continue;
      if (!looksLikeTransfer(outT) && !looksLikeTransfer(innT)) continue;
      const lag = ctx.businessDaysBetween(day, dayOf(inn));
      if (Math.abs(lag) > window || isRejected(ctx, 'transfer', () => [outT.id, innT.id])) continue;
      found.push({ line: inn, lag });
      rivals.set(inn, (rivals.get(inn) ?? 0) + 1);
    }
    if (found.length === 0) continue;
    // Nearest first, a later arrival before an earlier one, then by id.
    found.sort((a, b) =>
      Math.abs(a.lag) !== Math.abs(b.lag)
        ? Math.abs(a.lag) - Math.abs(b.lag)
        : a.lag !== b.lag
          ? b.lag - a.lag
          : t(a.line).id < t(b.line).id
            ? -1
            : 1,
    );
    options.set(out, found);
  }
  for (const [out, found] of options) {
    const pick = found.find((f) => !ctx.claimed.hasOrdinal(ordinalOf(f.line)));
    if (!pick) continue;
    const outT = t(out);
    const innT = t(pick.line);
    const ambiguous = found.length > 1 || (rivals.get(pick.line) ?? 0) > 1;
    const both = looksLikeTransfer(outT) && looksLikeTransfer(innT);
    const c = outT.amount.currency;
    accept(ctx, {
      type: 'transfer',
      members: [
        { id: outT.id, role: 'from' },
        { id: innT.id, role: 'to' },
      ],
      difference: { minor: innT.amount.minor + outT.amount.minor, currency: c },
      confidence: (ambiguous ? 0.6 : 0.9) + (both ? 0.05 : 0),
      ambiguous,
      reason: `${describeMoney(-outT.amount.minor, c)} left ${outT.account} on ${outT.date} ("${outT.description}") and arrived in ${innT.account} on ${innT.date} ("${innT.description}"), ${Math.abs(pick.lag)} business day(s) apart${ambiguous ? '; other transfers of the same amount are near, the nearest was taken' : ''}`,
    });
  }
}

/**
 * Whether two lines can be the two legs of one transfer. A line naming a processor is left to the
 * payout passes, unless its other leg is in that processor's own account (money added to a PayPal
 * balance from the bank). `held` and `named`: a line's processor account and the processor its text names.
 */
function legs(
  a: number,
  b: number,
  held: (e: number) => string | undefined,
  named: (e: number) => string | undefined,
): boolean {
  const heldA = held(a);
  const heldB = held(b);
  if (heldA !== undefined && heldB !== undefined) return false;
  const by = heldA ?? heldB;
  const bank = heldA !== undefined ? b : a;
  return by === undefined
    ? named(a) === undefined && named(b) === undefined
    : named(bank) !== undefined
      ? named(bank) === by
      : true;
}

/** First index in `pool` (lines by date) dated on or after `day` (a day number), else its length. */
function firstOnOrAfter(pool: readonly number[], dayOf: (e: number) => number, day: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOf(pool[mid]!) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
