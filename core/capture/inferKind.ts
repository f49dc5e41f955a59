import type { TransactionKind } from '../model/transaction';

export type PortalKind = 'bank' | 'card' | 'processor';

const KEYWORDS: Array<[RegExp, TransactionKind]> = [
  [/\b(dispute|chargeback|inquiry|rückbuchung)\b/i, 'dispute'],
  [
    /\b(refund|refunded|return|reversal|rückerstattung|erstattung|remboursement|reembolso|devoluci[oó]n)\b/i,
    'refund',
  ],
  [/\b(convert|converted|conversion|currency exchange)\b/i, 'transfer'],
  [/\b(fees?|service charge|gebühr|entgelt|frais|comisi[oó]n|commission)\b/i, 'fee'],
  [/\b(payouts?|auszahlung|versement)\b/i, 'payout'],
  [/\b(adjustment|correction|korrektur)\b/i, 'adjustment'],
  [/\b(transfer|überweisung|umbuchung|virement|transferencia|zelle|wire)\b/i, 'transfer'],
];
/** Any of the keywords (each `\b(…)\b`, all /i): most rows hold none, and are told so by one pattern, not seven. */
const ANY_KEYWORD = new RegExp(KEYWORDS.map(([re]) => re.source).join('|'), 'i');
const PROCESSOR_PAYOUT =
  /\b(stripe|square|sq|paypal|shopify|adyen|braintree)\b.*\b(transfer|payout|deposit|inst xfer)\b/i;
const ID_KINDS: Array<[RegExp, TransactionKind]> = [
  [/^po_/, 'payout'],
  [/^(re|pyr)_/, 'refund'],
  [/^dp_/, 'dispute'],
  [/^(ch|py|pi)_/, 'charge'],
];

/** The kind of a row from its id, its type column and its wording; the portal's kind decides the rest. */
export function inferKind(input: {
  text: string;
  externalId?: string | undefined;
  minor: number;
  portalKind: PortalKind;
  defaultKind?: TransactionKind | undefined;
}): TransactionKind {
  const { text, externalId, minor, portalKind } = input;
  // A processor's payout reaches a bank account as a deposit, whatever the bank calls it.
  if (portalKind !== 'processor' && PROCESSOR_PAYOUT.test(text)) return minor < 0 ? 'withdrawal' : 'deposit';
  // Index loops, no destructuring: this runs per row, mostly before the engine optimizes it.
  if (externalId && portalKind === 'processor') {
    for (let i = 0; i < ID_KINDS.length; i++) if (ID_KINDS[i]![0].test(externalId)) return ID_KINDS[i]![1];
  }
  const keyword = ANY_KEYWORD.test(text);
  for (let i = 0; keyword && i < KEYWORDS.length; i++) {
    const re = KEYWORDS[i]![0];
    const kind = KEYWORDS[i]![1];
    if (!re.test(text)) continue;
    // On a bank page a processor's payout arrives as a deposit.
    if (kind === 'payout' && portalKind !== 'processor') return minor < 0 ? 'withdrawal' : 'deposit';
    return kind;
  }
  if (input.defaultKind) return input.defaultKind;
  if (portalKind === 'processor') return minor >= 0 ? 'charge' : 'withdrawal';
  if (portalKind === 'card')
    return minor < 0 ? 'charge' : /payment|thank you/i.test(text) ? 'transfer' : 'refund';
  return minor < 0 ? 'withdrawal' : 'deposit';
}
