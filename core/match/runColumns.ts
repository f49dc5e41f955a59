import type { Transaction } from '../model/transaction';
import { IdIndex, idHashOfCodes } from './idIndex';
import { isProcessorName, processorOf } from './processors';
import type { Scratch } from './scratch';

/**
 * What the matcher's first passes need of each transaction, read in ONE pass over the run in the
 * order it was passed (the order the objects sit in memory) into typed columns by input position.
 * Repeated strings become small codes: the passes then compare numbers, and no later pass reads a
 * transaction object for these fields (each such read, in posting order, was a cache miss).
 */
export type RunColumns = {
  size: number;
  /** Per position, the rank of its date in `dates` (the run's distinct dates, sorted). */
  dateRank: Int32Array;
  dates: string[];
  /** Per position, the rank of its source (file, else url) among the run's sources in name order. */
  sourceRank: Int32Array;
  sourceCount: number;
  /**
   * Per source rank, whether every line of it has a row and they come in row order (the usual case;
   * otherwise postingOrder reads the rows again, see rowOf).
   */
  inRowOrder: Uint8Array;
  /** Per position, the code of its processor in `processors` for a processor's own line, -1 for a bank line. */
  processor: Int32Array;
  /** Processor names (institutions lower-cased, see processorOf). */
  processors: string[];
  /** Per position: PAYOUT, TRANSFER (kind `transfer` without a payout id), SUPERSEDED flags. */
  flags: Uint8Array;
  minor: Float64Array;
  /** Per position, the code of its currency in `currencies` (one string per currency). */
  currency: Int32Array;
  currencies: string[];
  ids: string[];
  /**
   * The ids' UTF-16 code units one after the other, in input order: position i's id is
   * `idChars[idStart[i], idStart[i + 1])` (see IdChars, which hashes match ids from them).
   */
  idChars: Uint16Array;
  idStart: Int32Array;
  /** Each id → its position (see IdIndex). */
  positions: IdIndex;
};

/** `flags` bits. */
export const PAYOUT = 1;
/** A transfer that settles in no payout (a processor's "add funds from bank"). */
export const TRANSFER = 2;
export const SUPERSEDED = 4;

/** Codes for the few distinct values of a field: the first few are compared in a list (cheaper than hashing each), the rest in a map. */
export class Codes {
  readonly values: string[] = [];
  private readonly more = new Map<string, number>();

  of(value: string): number {
    const values = this.values;
    const few = values.length < FEW ? values.length : FEW;
    for (let c = 0; c < few; c++) if (values[c] === value) return c;
    if (values.length > FEW) {
      const c = this.more.get(value);
      if (c !== undefined) return c;
    }
    const c = values.length;
    values.push(value);
    if (c >= FEW) this.more.set(value, c);
    return c;
  }
}
const FEW = 8;

/** The columns come from `scratch`: they are the run's to read while it runs, not its result's. */
export function readRunColumns(input: readonly Transaction[], scratch: Scratch): RunColumns {
  const n = input.length;
  // Every position of these is written below before any is read: no zeroing.
  const dateKey = scratch.int32(n, false);
  const sourceOf = scratch.int32(n, false);
  const processor = scratch.int32(n, false);
  const flags = scratch.uint8(n, false);
  const minor = scratch.float64(n, false);
  const currency = scratch.int32(n, false);
  const ids = new Array<string>(n);
  const idHashes = scratch.int32(n, false);
  let idChars: Uint16Array = scratch.uint16(Math.max(16, n * 8), false);
  const idStart = scratch.int32(n + 1, false);
  idStart[0] = 0;
  let used = 0;

  /** Per source code: its last row so far (NaN before the first), and whether its lines are out of row order. */
  const lastRow: number[] = [];
  const outOfOrder: boolean[] = [];
  const sources = new Codes();
  const currencies = new Codes();
  const institutions = new Codes();
  const processors = new Codes();
  /** Per institution code: its processor's code, or -1 when it is no processor (a bank). */
  const processorOfInstitution: number[] = [];
  let minKey = 0x7fffffff;
  let maxKey = -1;
  for (let i = 0; i < n; i++) {
    const t = input[i]!;
    const id = t.id;
    ids[i] = id;
    // Copied and hashed here, while its characters are at hand: the index (built after the pass)
    // reads only the hashes, and no later pass reads an id string for its characters.
    if (used + id.length > idChars.length) idChars = grown(idChars, used + id.length, scratch);
    for (let c = 0; c < id.length; c++) idChars[used + c] = id.charCodeAt(c);
    idHashes[i] = idHashOfCodes(idChars, used, used + id.length);
    used += id.length;
    idStart[i + 1] = used;

    const key = isoKey(t.date);
    dateKey[i] = key;
    if (key < minKey) minKey = key;
    if (key > maxKey) maxKey = key;
    const origin = t.origin;
    const source = sources.of(origin.file ?? origin.url ?? '');
    sourceOf[i] = source;
    if (source === lastRow.length) {
      lastRow.push(Number.NaN);
      outOfOrder.push(false);
    }
    // A line without a row, or with one below the last, puts the source out of row order.
    const row = origin.row ?? Number.NaN;
    if (Number.isNaN(row) || row < lastRow[source]!) outOfOrder[source] = true;
    else lastRow[source] = row;
    const kind = t.kind;
    const inst = institutions.of(t.institution);
    if (inst === processorOfInstitution.length) {
      const name = processorOf(t);
      processorOfInstitution.push(isProcessorName(name) ? processors.of(name) : -1 - processors.of(name));
    }
    const p = processorOfInstitution[inst]!;
    const payout = kind === 'payout';
    // A payout line is a processor's whatever its institution: -1 - p names the processor then.
    processor[i] = p >= 0 ? p : payout ? -1 - p : -1;
    let f = 0;
    if (payout) f |= PAYOUT;
    else if (kind === 'transfer' && !t.payoutId) f |= TRANSFER;
    if (t.supersededBy) f |= SUPERSEDED;
    flags[i] = f;
    const amount = t.amount;
    minor[i] = amount.minor;
    currency[i] = currencies.of(amount.currency);
  }
  const sourceRank = rankOf(sources.values);
  const inRowOrder = scratch.uint8(sources.values.length);
  for (let s = 0; s < inRowOrder.length; s++) inRowOrder[sourceRank[s]!] = outOfOrder[s] ? 0 : 1;
  const { dateRank, dates } =
    // An empty run has no key range (minKey above maxKey).
    minKey >= 0 && minKey <= maxKey && maxKey - minKey < MAX_KEY_SPAN
      ? rankByKey(input, dateKey, minKey, maxKey, scratch)
      : rankStrings(n, (i) => input[i]!.date, scratch);
  return {
    size: n,
    dateRank,
    dates,
    sourceRank: remap(sourceOf, sourceRank),
    sourceCount: sources.values.length,
    inRowOrder,
    processor,
    processors: processors.values,
    flags,
    minor,
    currency,
    currencies: currencies.values,
    ids,
    idChars,
    idStart,
    // Indexed after the pass, not in it: a write to a random slot per line stalled the pass's reads.
    positions: new IdIndex((i) => ids[i]!, n, idHashes, scratch),
  };
}

/** `chars` copied into a buffer at least twice as long and at least `need` long. */
function grown(chars: Uint16Array, need: number, scratch: Scratch): Uint16Array {
  const more = scratch.uint16(Math.max(chars.length * 2, need));
  more.set(chars);
  return more;
}

/** Date keys this far apart are ranked through a table that spans them (a few years span a few tens of thousands). */
const MAX_KEY_SPAN = 1 << 20;

/**
 * A `YYYY-MM-DD` date as the number YYYYMMDD, which orders as the text does; -1 for any other text
 * (the run's dates are then ranked as strings).
 */
function isoKey(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    key = key * 10 + d;
  }
  return key;
}

/** Ranks of date keys through a table over their span: no map, no string compared. */
function rankByKey(
  input: readonly Transaction[],
  keys: Int32Array,
  min: number,
  max: number,
  scratch: Scratch,
) {
  const table = scratch.int32(max - min + 1);
  for (let i = 0; i < keys.length; i++) {
    const at = keys[i]! - min;
    if (table[at] === 0) table[at] = i + 1;
  }
  const dates: string[] = [];
  for (let at = 0; at < table.length; at++) {
    if (table[at] === 0) continue;
    const first = table[at]! - 1;
    table[at] = dates.length;
    dates.push(input[first]!.date);
  }
  // The keys become their ranks in place: at a million lines each column is 4-8 MB, and every 64 MB
  // of new typed arrays makes V8 mark the whole heap (external memory pressure).
  for (let i = 0; i < keys.length; i++) keys[i] = table[keys[i]! - min]!;
  return { dateRank: keys, dates };
}

/** Ranks of arbitrary strings among the distinct ones sorted. */
function rankStrings(n: number, at: (i: number) => string, scratch: Scratch) {
  const codes = new Codes();
  const code = scratch.int32(n);
  for (let i = 0; i < n; i++) code[i] = codes.of(at(i));
  const dates = codes.values;
  const dateRank = remap(code, rankOf(dates));
  dates.sort();
  return { dateRank, dates };
}

/** `codes` mapped through `to`, in place. */
function remap(codes: Int32Array, to: Int32Array): Int32Array {
  for (let i = 0; i < codes.length; i++) codes[i] = to[codes[i]!]!;
  return codes;
}

/** For each string, its rank among them sorted (they are distinct). */
function rankOf(strings: readonly string[]): Int32Array {
  const byValue = Array.from(strings.keys()).sort((a, b) =>
    strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0,
  );
  const rank = new Int32Array(strings.length);
  for (let r = 0; r < byValue.length; r++) rank[byValue[r]!] = r;
  return rank;
}
