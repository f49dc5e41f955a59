import { TRANSACTION_SCHEMA_VERSION } from '../model/schemaVersions';
import type { Transaction, TransactionDraft } from '../model/transaction';
import { normalizeForId } from './normalizeForId';
import { OccurrenceCounter } from './occurrenceCounter';
import { type Sha256Hex, sha256Hex } from './sha256Hex';

const SEP = '\u001f';

/**
 * The tags of a line nothing has tagged yet: one frozen empty list shared by every such line
 * instead of an array per row. Rules and merges replace a line's tags, never change them in place
 * (and a change in place would throw, not leak into other lines).
 */
export const NO_TAGS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Gives every draft of ONE capture or file its stable id. Identical lines get increasing
 * occurrence numbers in source order, so two real identical coffees stay two, and reading the
 * same page or file again gives the same ids (so it adds nothing). Each draft is completed in
 * place and becomes the transaction: a copy of every row (an object spread) cost more than
 * reading the row.
 */
export function assignIds(drafts: readonly TransactionDraft[], hash: Sha256Hex = sha256Hex): Transaction[] {
  const assign = idAssigner(hash, drafts.length);
  const out = new Array<Transaction>(drafts.length);
  for (let i = 0; i < drafts.length; i++) out[i] = assign(drafts[i]!);
  return out;
}

/**
 * assignIds one draft at a time, for files read as a stream: occurrences are counted under the
 * first 52 bits of the occurrence-0 id rather than the full key, so memory stays small (a number
 * per distinct line) on files of millions of rows. `hash` must be SHA-256 (a platform's own is
 * faster; the pure-JS default runs everywhere): ids are the same whichever computes them.
 * `expected` (the number of lines, when known) sizes the count table once.
 */
export function idAssigner(hash: Sha256Hex = sha256Hex, expected = 0): (d: TransactionDraft) => Transaction {
  const seen = new OccurrenceCounter(expected);
  // What a line's id hashes, up to its occurrence number: the source's own durable id where there
  // is one (FITID, Stripe txn_/po_, PayPal id, CAMT AcctSvcrRef), else the content, for sources
  // without ids. The part naming the account is the same for a whole file: built once per account.
  let institution: string | undefined;
  let account: string | undefined;
  let src = '';
  let content = '';
  return (d) => {
    if (d.institution !== institution || d.account !== account) {
      institution = d.institution;
      account = d.account;
      src = `src${SEP}${institution}${SEP}${account}${SEP}`;
      content = `content${SEP}${institution}${SEP}${account}${SEP}`;
    }
    const key = d.externalId
      ? src + d.externalId + SEP
      : `${content}${d.date}${SEP}${d.amount.minor}${SEP}${d.amount.currency}${SEP}${normalizeForId(d.description)}${SEP}`;
    // A source key ends without a number for the first occurrence, a content key with 0.
    const first = hash(d.externalId ? key : `${key}0`, 12);
    const n = seen.next(first);
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    // One flat string: `lb_${hex}` would keep a pair, the hex slice and the whole digest alive per row.
    t.id = ['lb_', n === 0 ? first : hash(key + n, 12)].join('');
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? NO_TAGS;
    return t;
  };
}
