import { type Columns, NEW_ARRAYS } from './scratch';

/**
 * Reference-like tokens in a text (payout ids, trace ids, `ST-…` codes): at least 6 characters with
 * a digit, separators folded away so `ST-AB12CD` and `stab12cd` meet. Plain words and short numbers
 * are left out because they are shared by unrelated lines.
 *
 * Read in one scan over runs of `[A-Za-z0-9_-]`: every payout and bank line is read, and splitting
 * by a pattern made an array and a string per word even though nearly no word is a reference.
 */
export function referenceTokens(...texts: Array<string | undefined>): string[] {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    let start = 0;
    /** Letters and digits in the run (separators `-` and `_` not counted), digits among them. */
    let kept = 0;
    let digits = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0;
      const digit = c >= 48 && c <= 57;
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (digit || letter || c === 45 || c === 95) {
        if (digit) digits++;
        if (digit || letter) kept++;
        continue;
      }
      if (i - start >= 6 && digits > 0 && kept >= 6) addToken(out, text.slice(start, i), kept, digits);
      start = i + 1;
      kept = 0;
      digits = 0;
    }
  }
  return out.length === 0 ? (NONE as string[]) : out;
}

/** What a text without references gives: one shared empty list, not one per line kept for the whole run. */
const NONE: readonly string[] = Object.freeze([]);

function addToken(out: string[], raw: string, kept: number, digits: number): void {
  const token = (kept === raw.length ? raw : raw.replace(/[-_]/g, '')).toUpperCase();
  // A bare number must be long, and not a YYYYMMDD date, to be an id rather than a date or an amount.
  if (digits === kept && (kept < 8 || /^(19|20)\d{6}$/.test(token))) return;
  if (!out.includes(token)) out.push(token);
}

/** FNV-1a over a token's characters: `tokenHash(t)` is what `hasTokenHashIn` computes for the run that gives `t`. */
export function tokenHash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h;
}

/** What `hasTokenHashIn` looks hashes up in: a `Set<number>`, or an `Int32Set`. */
export type HashLookup = { has(hash: number): boolean };

/**
 * Whether any reference token of the texts may be one of `hashes` (see tokenHash): the texts are
 * scanned as `referenceTokens` scans them, each token hashed as it is read, and no string is made.
 * A yes may be a collision, so the caller then reads the tokens themselves; a no is sure.
 */
export function hasTokenHashIn(
  hashes: HashLookup,
  a: string | undefined,
  b?: string,
  c?: string,
  d?: string,
): boolean {
  return (
    (!!a && scanHashes(hashes, a)) ||
    (!!b && scanHashes(hashes, b)) ||
    (!!c && scanHashes(hashes, c)) ||
    (!!d && scanHashes(hashes, d))
  );
}

/**
 * The hashes (see tokenHash) of the reference tokens of the texts, read as `hasTokenHashIn` reads
 * them: no token string is made. It may hold a few more than `referenceTokens` gives (a short bare
 * number, a date, a repeat), so it answers "may carry", never "carries". `NONE` when there are none.
 */
export function tokenHashes(a: string | undefined, b?: string): readonly number[] {
  let out: number[] | undefined;
  if (a) out = pushHashes(a, out);
  if (b) out = pushHashes(b, out);
  return out ?? (NONE as unknown as readonly number[]);
}

/** A growing list of hashes in one typed array (see appendTokenHashes), grown in `columns` (a run's scratch). */
export type HashList = { values: Int32Array; length: number; columns?: Columns };

/**
 * `tokenHashes` of a text appended to `list`: a run reads every bank line's hashes into one list,
 * not an array per line kept for the whole run.
 */
export function appendTokenHashes(list: HashList, text: string | undefined): void {
  if (!text) return;
  const n = scanTokenHashes(text);
  if (list.length + n > list.values.length) {
    const size = Math.max(list.values.length * 2, list.length + n);
    const more = (list.columns ?? NEW_ARRAYS).int32(size);
    more.set(list.values);
    list.values = more;
  }
  for (let k = 0; k < n; k++) list.values[list.length++] = scanned[k]!;
}

function pushHashes(text: string, out: number[] | undefined): number[] | undefined {
  const n = scanTokenHashes(text);
  if (n === 0) return out;
  out ??= [];
  for (let k = 0; k < n; k++) out.push(scanned[k]!);
  return out;
}

function scanHashes(hashes: HashLookup, text: string): boolean {
  const n = scanTokenHashes(text);
  for (let k = 0; k < n; k++) if (hashes.has(scanned[k]!)) return true;
  return false;
}

/** Where `scanTokenHashes` leaves a text's hashes: module state, so no array or closure per text. */
let scanned = new Int32Array(16);

/**
 * The one scan behind `tokenHashes` and `hasTokenHashIn`: each reference-like run of the text
 * (as `referenceTokens` reads them) hashed as `tokenHash` hashes its token, upper-cased with `-`
 * and `_` left out, into `scanned`; returns how many.
 */
function scanTokenHashes(text: string): number {
  let n = 0;
  let start = 0;
  let kept = 0;
  let digits = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const digit = c >= 48 && c <= 57;
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (digit || upper || lower) {
      if (digit) digits++;
      kept++;
      h = Math.imul(h ^ (lower ? c - 32 : c), 0x01000193);
      continue;
    }
    if (c === 45 || c === 95) continue;
    if (i - start >= 6 && digits > 0 && kept >= 6) {
      if (n === scanned.length) {
        const more = new Int32Array(n * 2);
        more.set(scanned);
        scanned = more;
      }
      scanned[n++] = h;
    }
    start = i + 1;
    kept = 0;
    digits = 0;
    h = 0x811c9dc5;
  }
  return n;
}
