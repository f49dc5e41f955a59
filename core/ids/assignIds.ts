import { TRANSACTION_SCHEMA_VERSION, type Transaction, type TransactionDraft } from '../model/transaction';
import { normalizeForId } from './normalizeForId';
import { sha256Hex } from './sha256Hex';

const SEP = '\u001f';

/** Id from the source's own durable id (FITID, Stripe txn_/po_, PayPal id, CAMT AcctSvcrRef). */
export function sourceTransactionId(
  institution: string,
  account: string,
  externalId: string,
  occurrence = 0,
): string {
  const key = ['src', institution, account, externalId, occurrence ? String(occurrence) : ''].join(SEP);
  return `lb_${sha256Hex(key, 12)}`;
}

const contentKey = (d: TransactionDraft, normalizedDescription: string) =>
  [d.institution, d.account, d.date, String(d.amount.minor), d.amount.currency, normalizedDescription].join(
    SEP,
  );

/** Id from content, for sources without ids; `occurrence` counts identical lines in one capture or file. */
export function contentTransactionId(d: TransactionDraft, occurrence: number): string {
  return contentIdFromKey(contentKey(d, normalizeForId(d.description)), occurrence);
}

const contentIdFromKey = (key: string, occurrence: number) =>
  `lb_${sha256Hex(['content', key, String(occurrence)].join(SEP), 12)}`;

/**
 * Gives every draft of ONE capture or file its stable id. Identical lines get increasing
 * occurrence numbers in source order, so two real identical coffees stay two, and reading the
 * same page or file again gives the same ids (so it adds nothing). Each draft is completed in
 * place and becomes the transaction: a copy of every row (an object spread) cost more than
 * reading the row.
 */
export function assignIds(drafts: readonly TransactionDraft[]): Transaction[] {
  return drafts.map(idAssigner());
}

/**
 * assignIds one draft at a time, for files read as a stream: occurrences are counted under the
 * first 52 bits of the occurrence-0 id rather than the full key, so memory stays small (a number
 * per distinct line) on files of millions of rows.
 */
export function idAssigner(): (d: TransactionDraft) => Transaction {
  const seen = new Map<number, number>();
  return (d) => {
    const key = d.externalId ? undefined : contentKey(d, normalizeForId(d.description));
    const first = d.externalId
      ? sourceTransactionId(d.institution, d.account, d.externalId, 0)
      : contentIdFromKey(key!, 0);
    const slot = Number.parseInt(first.slice(3, 16), 16);
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    t.id =
      n === 0
        ? first
        : d.externalId
          ? sourceTransactionId(d.institution, d.account, d.externalId, n)
          : contentIdFromKey(key!, n);
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? [];
    return t;
  };
}
