import type { Transaction } from '../model/transaction';
import { NOT_FROM_PROCESSOR, readBankText } from './bankText';
import type { Claims } from './claims';
import { namedIn } from './processors';
import { referenceTokens, tokenHashes } from './referenceTokens';

/** A bank-side line with what its text says about where the money came from. */
export type BankLine = {
  t: Transaction;
  /** Position of the transaction in the run, in posting order (see postingOrder): ties and claims. */
  ordinal: number;
  /** The transaction's id (for match members). */
  id: string;
  /**
   * The transaction's day number, amount in minor units and currency, copied here: the passes scan
   * lines by date and amount, and reading them off the transaction cost a cache miss per field.
   */
  day: number;
  amount: number;
  currency: string;
  /** The processor the text names, if any. */
  processor: string | undefined;
  /**
   * Hashes of the reference tokens in the text and the source's id (see tokenHashes), read with the
   * text; the tokens themselves are made (see lineRefs) only for a line a payout may share one with.
   */
  refHashes: readonly number[];
  /** Says it is something a processor never sends: a move between own accounts, a check, cash, Zelle. */
  notPayout: boolean;
  /** Set for a line in a processor's own account (a PayPal "add funds from bank"): which processor. */
  heldBy?: string;
};

/**
 * The originator an ACH credit names (`HARBOR DENTAL DES:PAYMENT …`, `ORIG CO NAME:CITY OF …`): a
 * processor's payout names the processor there, so a line naming someone else is that party's payment.
 */
const ORIGINATOR = /^\s*(?:ORIG CO NAME:\s*(.+?)\s+ORIG ID\b|(.+?)\s+DES:)/i;

const namesOtherOriginator = (text: string, processor: string | undefined) => {
  if (processor !== undefined) return false;
  const m = ORIGINATOR.exec(text);
  return m !== null && (m[1] ?? m[2] ?? '').trim() !== '';
};
/** `day`: the line's date as a day number (see dayNumber), which the caller has at hand. */
/** The text a bank line is read from: its description, and its memo when it has one. */
const lineText = (t: Transaction) => (t.memo ? `${t.description} ${t.memo}` : t.description);

/** Reference tokens in the line's text and the source's id (see referenceTokens). */
export const lineRefs = (line: BankLine): string[] => referenceTokens(lineText(line.t), line.t.externalId);

export function toBankLine(t: Transaction, ordinal: number, day: number): BankLine {
  const text = lineText(t);
  // The processor named and whether the text says no processor sent it, in one scan (see bankText).
  const read = readBankText(text);
  const processor = namedIn(read);
  return {
    t,
    ordinal,
    id: t.id,
    day,
    amount: t.amount.minor,
    currency: t.amount.currency,
    processor,
    refHashes: tokenHashes(text, t.externalId),
    notPayout:
      t.transfer === true || (read & NOT_FROM_PROCESSOR) !== 0 || namesOtherOriginator(text, processor),
  };
}

/**
 * Whether a bank line can be this payout's other side: it names the payout's processor, or names
 * none and is a deposit that could come from anyone. A debit must name the processor, since a bank
 * account is full of unnamed debits (card purchases, bills) of every amount.
 */
export const compatible = (line: BankLine, unit: { processor: string; value: number }) =>
  line.processor === unit.processor || (line.processor === undefined && unit.value > 0 && !line.notPayout);

/** First index in `lines[from, to)` (sorted by date) dated on or after `day` (a day number), else `to`. */
export function firstOnOrAfter(lines: readonly BankLine[], day: number, from = 0, to = lines.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const lineTaken = (claimed: Claims, line: BankLine) => claimed.hasOrdinal(line.ordinal);
