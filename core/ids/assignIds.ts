import { TRANSACTION_SCHEMA_VERSION } from '../model/schemaVersions';
import type { Transaction, TransactionDraft } from '../model/transaction';
import { normalizeForId } from './normalizeForId';
import { OccurrenceCounter } from './occurrenceCounter';
import { type Sha256Hex, sha256Hex } from './sha256Hex';

const SEP = '\u001f';

/**
 * What a line's id hashes, up to its occurrence number, built once per line: the source's own
 * durable id where there is one (FITID, Stripe txn_/po_, PayPal id, CAMT AcctSvcrRef), else the
 * content, for sources without ids.
 */
const idKey = (d: TransactionDraft): string =>
  d.externalId
    ? `src${SEP}${d.institution}${SEP}${d.account}${SEP}${d.externalId}${SEP}`
    : `content${SEP}${d.institution}${SEP}${d.account}${SEP}${d.date}${SEP}${d.amount.minor}${SEP}${d.amount.currency}${SEP}${normalizeForId(d.description)}${SEP}`;

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
    const key = idKey(d);
    // A source key ends without a number for the first occurrence, a content key with 0.
    const first = hash(d.externalId ? key : `${key}0`, 12);
    const n = seen.next(first);
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    // One flat string: `lb_${hex}` would keep a pair, the hex slice and the whole digest alive per row.
    t.id = ['lb_', n === 0 ? first : hash(key + n, 12)].join('');
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? [];
    return t;
  };
}
