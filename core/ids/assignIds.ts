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
export const NO_TAGS: string[] = /* @__PURE__ */ Object.freeze([]) as unknown as string[];

/** Drafts hashed before their occurrences are counted together (see OccurrenceCounter.countAll). */
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
  /** The digest's first 12 bytes or more, one character per byte. */
  private readonly binary: (text: string) => string;
  // The part of a key naming the account is the same for a whole file: built once per account.
  private institution: string | undefined;
  private account: string | undefined;
  private src = '';
  private content = '';
  private readonly keys: string[] = [];
  private readonly digests: string[] = [];
  private readonly high = new Int32Array(BATCH);
  private readonly low = new Int32Array(BATCH);
  private readonly counts = new Int32Array(BATCH);

  constructor(hash: Sha256Hex = sha256Hex, expected = 0) {
    this.seen = new OccurrenceCounter(expected);
    this.binary = hash.binary ?? ((text) => binaryOfHex(hash(text, 12)));
  }

  /** The transaction `d` becomes, with its id. */
  one(d: TransactionDraft): Transaction {
    const key = this.firstKey(d);
    const digest = this.binary(key);
    return this.complete(d, key, digest, this.seen.count(slotHigh(digest), slotLow(digest)));
  }

  /** one() of every draft, in order, into `out` from `at` (the same ids, a batch of look-ups at a time). */
  all(drafts: readonly TransactionDraft[], out: Transaction[], at = 0): void {
    const { keys, digests, high, low, counts } = this;
    for (let from = 0; from < drafts.length; from += BATCH) {
      const n = Math.min(BATCH, drafts.length - from);
      for (let i = 0; i < n; i++) {
        const key = this.firstKey(drafts[from + i]!);
        const digest = this.binary(key);
        keys[i] = key;
        digests[i] = digest;
        high[i] = slotHigh(digest);
        low[i] = slotLow(digest);
      }
      this.seen.countAll(high, low, n, counts);
      for (let i = 0; i < n; i++)
        out[at + from + i] = this.complete(drafts[from + i]!, keys[i]!, digests[i]!, counts[i]!);
    }
    keys.length = 0;
    digests.length = 0;
  }

  /**
   * What a line's first id hashes: the source's own durable id where there is one (FITID, Stripe
   * txn_/po_, PayPal id, CAMT AcctSvcrRef), else the content, for sources without ids; a source key
   * ends without a number for the first occurrence, a content key with 0.
   */
  private firstKey(d: TransactionDraft): string {
    if (d.institution !== this.institution || d.account !== this.account) {
      this.institution = d.institution;
      this.account = d.account;
      this.src = `src${SEP}${d.institution}${SEP}${d.account}${SEP}`;
      this.content = `content${SEP}${d.institution}${SEP}${d.account}${SEP}`;
      this.byDate.clear();
    }
    if (d.externalId) return this.src + d.externalId + SEP;
    // A file's lines share a few hundred dates: the key up to the date is made once per date.
    let head = this.byDate.get(d.date);
    if (head === undefined) {
      head = [this.content, d.date, SEP].join('');
      if (this.byDate.size >= 4096) this.byDate.clear();
      this.byDate.set(d.date, head);
    }
    const { minor, currency } = d.amount;
    return `${head}${minor}${SEP}${currency}${SEP}${normalizeForId(d.description)}${SEP}0`;
  }

  private readonly byDate = new Map<string, string>();

  private complete(d: TransactionDraft, key: string, digest: string, n: number): Transaction {
    const t = d as Transaction;
    t.schemaVersion = TRANSACTION_SCHEMA_VERSION;
    // Later occurrences hash the key with their number in place of the first's (none for a source key).
    t.id = idOf(n === 0 ? digest : this.binary((d.externalId ? key : key.slice(0, -1)) + n));
    t.payee = d.payee ?? d.description;
    t.tags = d.tags ?? NO_TAGS;
    return t;
  }
}

/** The id slot's high 24 bits: the digest's first 3 bytes (the first 6 hex digits). */
const slotHigh = (digest: string) =>
  (digest.charCodeAt(0) << 16) | (digest.charCodeAt(1) << 8) | digest.charCodeAt(2);

/** The id slot's low 28 bits: the next 3.5 bytes (hex digits 7 to 13). */
const slotLow = (digest: string) =>
  (digest.charCodeAt(3) << 20) |
  (digest.charCodeAt(4) << 12) |
  (digest.charCodeAt(5) << 4) |
  (digest.charCodeAt(6) >> 4);

const HEX_DIGIT = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** `lb_` and the hex digits of an id, as character codes: one flat string per id, made at once. */
const ID_CODES = /* @__PURE__ */ Array.from({ length: 27 }, (_, i) => [108, 98, 95][i] ?? 48);

/** `lb_` and the first 12 bytes of a digest in hex. */
function idOf(digest: string): string {
  for (let i = 0; i < 12; i++) {
    const b = digest.charCodeAt(i);
    ID_CODES[3 + 2 * i] = HEX_DIGIT[b >> 4]!;
    ID_CODES[4 + 2 * i] = HEX_DIGIT[b & 15]!;
  }
  return String.fromCharCode(...ID_CODES);
}

/** The bytes a hex digest spells, one character per byte: for a hasher without `binary`. */
function binaryOfHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2)
    out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** IdAssigner.one as a function. */
export function idAssigner(hash: Sha256Hex = sha256Hex, expected = 0): (d: TransactionDraft) => Transaction {
  const ids = new IdAssigner(hash, expected);
  return (d) => ids.one(d);
}
