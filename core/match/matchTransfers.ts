import { accountKey } from '../model/account';
import type { Transaction } from '../model/transaction';
import { type BankLine, firstOnOrAfter, lineTaken } from './bankLine';
import { describeMoney } from './describeMoney';
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
 * Whether two lines can be the two legs of one transfer. A line naming a processor is left to the
 * payout passes, unless its other leg is in that processor's own account (money added to a PayPal
 * balance from the bank).
 */
function legs(a: BankLine, b: BankLine): boolean {
  if (a.heldBy !== undefined && b.heldBy !== undefined) return false;
  const held = a.heldBy ?? b.heldBy;
  const bank = a.heldBy !== undefined ? b : a;
  return held === undefined
    ? a.processor === undefined && b.processor === undefined
    : bank.processor !== undefined
      ? bank.processor === held
      : true;
}

/**
 * Pass 5. Money out of one of the business's accounts and the same amount into another, within a
 * few business days either way, where at least one side reads as a transfer. `processorLines` are
 * transfer lines in a processor's own account (no payout), which pair with a bank line the same way.
 */
export function matchTransfers(
  bankLines: readonly BankLine[],
  processorLines: readonly BankLine[],
  ctx: MatchContext,
): void {
  const window = transferWindow(ctx.windows);
  const incoming = new Map<string, BankLine[]>();
  const outgoing: BankLine[] = [];
  const lines =
    processorLines.length === 0
      ? bankLines
      : [...bankLines, ...processorLines].sort((a, b) =>
          a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.id < b.t.id ? -1 : 1,
        );
  for (const line of lines) {
    if (lineTaken(ctx.claimed, line) || line.amount === 0) continue;
    if (line.processor !== undefined && processorLines.length === 0) continue;
    if (line.amount < 0) outgoing.push(line);
    else {
      const key = `${line.currency}:${line.amount}`;
      const list = incoming.get(key);
      if (list) list.push(line);
      else incoming.set(key, [line]);
    }
  }
  const options = new Map<BankLine, Array<{ line: BankLine; lag: number }>>();
  const rivals = new Map<BankLine, number>();
  for (const out of outgoing) {
    const pool = incoming.get(`${out.currency}:${-out.amount}`);
    if (!pool) continue;
    // Calendar bounds first (cheap), then the exact business-day distance.
    const reach = window * 2 + 4;
    const found: Array<{ line: BankLine; lag: number }> = [];
    for (
      let i = firstOnOrAfter(pool, out.day - reach);
      i < pool.length && pool[i]!.day <= out.day + reach;
      i++
    ) {
      const inn = pool[i]!;
      if (accountKey(inn.t) === accountKey(out.t) || !legs(out, inn)) continue;
      if (!looksLikeTransfer(out.t) && !looksLikeTransfer(inn.t)) continue;
      const lag = ctx.businessDaysBetween(out.day, inn.day);
      if (Math.abs(lag) > window || isRejected(ctx, 'transfer', () => [out.t.id, inn.t.id])) continue;
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
          : a.line.t.id < b.line.t.id
            ? -1
            : 1,
    );
    options.set(out, found);
  }
  for (const [out, found] of options) {
    const pick = found.find((f) => !lineTaken(ctx.claimed, f.line));
    if (!pick) continue;
    const inn = pick.line;
    const ambiguous = found.length > 1 || (rivals.get(inn) ?? 0) > 1;
    const both = looksLikeTransfer(out.t) && looksLikeTransfer(inn.t);
    const c = out.t.amount.currency;
    accept(ctx, {
      type: 'transfer',
      members: [
        { id: out.t.id, role: 'from' },
        { id: inn.t.id, role: 'to' },
      ],
      difference: { minor: inn.t.amount.minor + out.t.amount.minor, currency: c },
      confidence: (ambiguous ? 0.6 : 0.9) + (both ? 0.05 : 0),
      ambiguous,
      reason: `${describeMoney(-out.t.amount.minor, c)} left ${out.t.account} on ${out.t.date} ("${out.t.description}") and arrived in ${inn.t.account} on ${inn.t.date} ("${inn.t.description}"), ${Math.abs(pick.lag)} business day(s) apart${ambiguous ? '; other transfers of the same amount are near, the nearest was taken' : ''}`,
    });
  }
}
