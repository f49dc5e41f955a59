import { TRANSACTION_SCHEMA_VERSION, type Transaction, type TransactionDraft } from '../model/transaction';
import { normalizeForId } from './normalizeForId';
import { OccurrenceCounter } from './occurrenceCounter';
import { type Sha256Hex, sha256Hex } from './sha256Hex';

const SEP = '\u001f';

/** Id from the source's own durable id (FITID, Stripe txn_/po_, PayPal id, CAMT AcctSvcrRef). */
export function sourceTransactionId(
  institution: string,
  account: string,
  externalId: string,
  occurrence = 0,
  hash: Sha256Hex = sha256Hex,
): string {
  const key = `src${SEP}${institution}${SEP}${account}${SEP}${externalId}${SEP}${occurrence ? occurrence : ''}`;
  return `lb_${hash(key, 12)}`;
}

/** What a content id hashes, up to the occurrence number: one string built once per line. */
const contentKey = (d: TransactionDraft, normalizedDescription: string) =>
  `content${SEP}${d.institution}${SEP}${d.account}${SEP}${d.date}${SEP}${d.amount.minor}${SEP}${d.amount.currency}${SEP}${normalizedDescription}${SEP}`;

/** Id from content, for sources without ids; `occurrence` counts identical lines in one capture or file. */
export function contentTransactionId(d: TransactionDraft, occurrence: number): string {
  return contentIdFromKey(contentKey(d, normalizeForId(d.description)), occurrence);
}

const contentIdFromKey = (key: string, occurrence: number, hash: Sha256Hex = sha256Hex) =>
  `lb_${hash(key + occurrence, 12)}`;

/**
 * Gives every draft of ONE capture or file its stable id. Identical lines get increasing
 * occurrence numbers in source order, so two real identical coffees stay two, and reading the
 * same page or file again gives the same ids (so it adds nothing). Each draft is completed in
 * place and becomes the transaction: a copy of every row (an object spread) cost more than
 * reading the row.
 */
export function assignIds(drafts: readonly TransactionDraft[], hash: Sha256Hex = sha256Hex): Transaction[] {
  return drafts.map(idAssigner(hash));
}

/**
 * assignIds one draft at a time, for files read as a stream: occurrences are counted under the
 * first 52 bits of the occurrence-0 id rather than the full key, so memory stays small (a number
 * per distinct line) on files of millions of rows. `hash` must be SHA-256 (a platform's own is
 * faster; the pure-JS default runs everywhere): ids are the same whichever computes them.
 */
export function idAssigner(hash: Sha256Hex = sha256Hex): (d: TransactionDraft) => Transaction {
  const seen = new OccurrenceCounter();
  return (d) => {
    const key = d.externalId ? undefined : contentKey(d, normalizeForId(d.description));
    const first = d.externalId
      ? sourceTransactionId(d.institution, d.account, d.externalId, 0, hash)
      : contentIdFromKey(key!, 0, hash);
    const n = seen.next(first);
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    t.id =
      n === 0
        ? first
        : d.externalId
          ? sourceTransactionId(d.institution, d.account, d.externalId, n, hash)
          : contentIdFromKey(key!, n, hash);
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? [];
    return t;
  };
}
