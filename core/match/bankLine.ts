import type { Transaction } from '../model/transaction';
import { NAMED_MASK, NOT_FROM_PROCESSOR, readBankText } from './bankText';
import type { Claims } from './claims';
import { namedIn } from './processors';
import { referenceTokens } from './referenceTokens';

/**
 * A bank-side line with what its text says about where the money came from. A run's lines are held
 * as columns (see BankLines); this object is made for the few lines a pass reasons about in detail.
 */
export type BankLine = {
  t: Transaction;
  /** Position of the transaction in the run, in posting order (see postingOrder): ties and claims. */
  ordinal: number;
  /** The transaction's id (for match members). */
  id: string;
  /** The transaction's day number, amount in minor units and currency. */
  day: number;
  amount: number;
  currency: string;
  /** The processor the text names, if any. */
  processor: string | undefined;
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
/** The text a bank line is read from: its description, and its memo when it has one. */
export const lineText = (t: Transaction) => (t.memo ? `${t.description} ${t.memo}` : t.description);

/** Reference tokens in the line's text and the source's id (see referenceTokens). */
export const lineRefs = (line: BankLine): string[] => referenceTokens(lineText(line.t), line.t.externalId);

/**
 * What the text of `t` says (see readBankText): the processor named (namedIn of the answer) and, as
 * NOT_FROM_PROCESSOR, whether it is something a processor never sends (see BankLine.notPayout).
 */
export function readLine(t: Transaction, text: string): number {
  const read = readBankText(text);
  const notPayout =
    t.transfer === true || (read & NOT_FROM_PROCESSOR) !== 0 || namesOtherOriginator(text, namedIn(read));
  return (read & NAMED_MASK) | (notPayout ? NOT_FROM_PROCESSOR : 0);
}

/** `day`: the line's date as a day number (see dayNumber), which the caller has at hand. */
export function toBankLine(t: Transaction, ordinal: number, day: number): BankLine {
  const read = readLine(t, lineText(t));
  return {
    t,
    ordinal,
    id: t.id,
    day,
    amount: t.amount.minor,
    currency: t.amount.currency,
    processor: namedIn(read),
    notPayout: (read & NOT_FROM_PROCESSOR) !== 0,
  };
}

/**
 * Whether a bank line can be this payout's other side: it names the payout's processor, or names
 * none and is a deposit that could come from anyone. A debit must name the processor, since a bank
 * account is full of unnamed debits (card purchases, bills) of every amount.
 */
export const compatible = (line: BankLine, unit: { processor: string; value: number }) =>
  line.processor === unit.processor || (line.processor === undefined && unit.value > 0 && !line.notPayout);

export const lineTaken = (claimed: Claims, line: BankLine) => claimed.hasOrdinal(line.ordinal);
