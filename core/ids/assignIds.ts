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

/** Drafts hashed before their occurrences are counted together (see OccurrenceCounter.nextAll). */
const BATCH = 512;

/**
 * Gives every draft of ONE capture or file its stable id. Identical lines get increasing
 * occurrence numbers in source order, so two real identical coffees stay two, and reading the
 * same page or file again gives the same ids (so it adds nothing). Each draft is completed in
 * place and becomes the transaction: a copy of every row (an object spread) cost more than
 * reading the row.
 */
export function assignIds(drafts: readonly TransactionDraft[], hash: Sha256Hex = sha256Hex): Transaction[] {
  const ids = new IdAssigner(hash, drafts.length);
  const out = new Array<Transaction>(drafts.length);
  ids.all(drafts, out);
  return out;
}

/**
 * assignIds one draft at a time, for files read as a stream: occurrences are counted under the
 * first 52 bits of the occurrence-0 id rather than the full key, so memory stays small (a number
 * per distinct line) on files of millions of rows. `hash` must be SHA-256 (a platform's own is
 * faster; the pure-JS default runs everywhere): ids are the same whichever computes them.
 * `expected` (the number of lines, when known) sizes the count table once.
 */
export class IdAssigner {
  private readonly seen: OccurrenceCounter;
  // The part of a key naming the account is the same for a whole file: built once per account.
  private institution: string | undefined;
  private account: string | undefined;
  private src = '';
  private content = '';
  private readonly keys: string[] = [];
  private readonly hexes: string[] = [];
  private readonly counts = new Int32Array(BATCH);

  constructor(
    private readonly hash: Sha256Hex = sha256Hex,
    expected = 0,
  ) {
    this.seen = new OccurrenceCounter(expected);
  }

  /** The transaction `d` becomes, with its id. */
  one(d: TransactionDraft): Transaction {
    const key = this.firstKey(d);
    const hex = this.hash(key, 12);
    return this.complete(d, key, hex, this.seen.next(hex));
  }

  /** one() of every draft, in order, into `out` (the same ids, a batch of look-ups at a time). */
  all(drafts: readonly TransactionDraft[], out: Transaction[], at = 0): void {
    const { keys, hexes, counts } = this;
    for (let from = 0; from < drafts.length; from += BATCH) {
      const n = Math.min(BATCH, drafts.length - from);
      for (let i = 0; i < n; i++) {
        const key = this.firstKey(drafts[from + i]!);
        keys[i] = key;
        hexes[i] = this.hash(key, 12);
      }
      this.seen.nextAll(hexes, n, counts);
      for (let i = 0; i < n; i++)
        out[at + from + i] = this.complete(drafts[from + i]!, keys[i]!, hexes[i]!, counts[i]!);
    }
    keys.length = 0;
    hexes.length = 0;
  }

  /**
   * What a line's first id hashes: the source's own durable id where there is one (FITID, Stripe
   * txn_/po_, PayPal id, CAMT AcctSvcrRef), else the content, for sources without ids; a source key
   * ends without a number for the first occurrence, a content key with 0. Joined into one flat
   * string: a template of nine parts made eight pairs for the hash to flatten.
   */
  private firstKey(d: TransactionDraft): string {
    if (d.institution !== this.institution || d.account !== this.account) {
      this.institution = d.institution;
      this.account = d.account;
      this.src = `src${SEP}${d.institution}${SEP}${d.account}${SEP}`;
      this.content = `content${SEP}${d.institution}${SEP}${d.account}${SEP}`;
    }
    if (d.externalId) return this.src + d.externalId + SEP;
    const { minor, currency } = d.amount;
    return [this.content, d.date, SEP, minor, SEP, currency, SEP, normalizeForId(d.description), SEP, 0].join(
      '',
    );
  }

  private complete(d: TransactionDraft, key: string, hex: string, n: number): Transaction {
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    // Later occurrences hash the key with their number in place of the first's (none for a source key).
    const later = n === 0 ? hex : this.hash((d.externalId ? key : key.slice(0, -1)) + n, 12);
    // One flat string: `lb_${hex}` would keep a pair, the hex slice and the whole digest alive per row.
    t.id = ['lb_', later].join('');
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? NO_TAGS;
    return t;
  }
}

/** IdAssigner.one as a function. */
export function idAssigner(hash: Sha256Hex = sha256Hex, expected = 0): (d: TransactionDraft) => Transaction {
  const ids = new IdAssigner(hash, expected);
  return (d) => ids.one(d);
}
