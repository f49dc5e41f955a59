import type { Match } from '../model/match';

/** Bits of an id's hex digits in a key: 7 digits, so type, digits and a position fit in a double. */
const HEX_DIGITS = 7;
const TYPE_SPAN = 2 ** (4 * HEX_DIGITS);
/** Positions within one range stay below this (a day's matches); larger ranges take the comparison sort. */
const POSITION_SPAN = 2 ** 21;
const ID = /^[md]_[0-9a-f]{16}$/;

/**
 * Per match, a number that orders as (type, id) does, up to ties: the type's rank among the names in
 * `types` and the id's first hex digits. NaN for a type not listed or an id not written by matchId
 * (a decision from outside): ranges holding one are ordered by comparison. Read in the order the
 * matches were made (the order they sit in memory), once, instead of in every comparison of a sort.
 */
export function typeIdKeys(matches: readonly Match[], types: readonly string[]): Float64Array {
  const sorted = [...types].sort();
  const rank = new Map(sorted.map((t, i) => [t, i]));
  const keys = new Float64Array(matches.length);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const r = rank.get(m.type);
    if (r === undefined || !ID.test(m.id)) {
      keys[k] = Number.NaN;
      continue;
    }
    keys[k] = r * TYPE_SPAN + Number.parseInt(m.id.slice(2, 2 + HEX_DIGITS), 16);
  }
  return keys;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts `order[from, to)` (indexes into `matches`) by type, then id. Keys (see typeIdKeys) packed with
 * their position sort natively with no callback; matches whose keys tie are then put in id order.
 */
export function sortByTypeAndId(
  order: Int32Array,
  from: number,
  to: number,
  matches: readonly Match[],
  keys: Float64Array,
): void {
  const n = to - from;
  const byTypeAndId = (a: number, b: number) =>
    compare(matches[a]!.type, matches[b]!.type) || compare(matches[a]!.id, matches[b]!.id);
  let keyed = n < POSITION_SPAN;
  for (let i = from; i < to && keyed; i++) if (Number.isNaN(keys[order[i]!]!)) keyed = false;
  if (!keyed) {
    order.set(Array.from(order.subarray(from, to)).sort(byTypeAndId), from);
    return;
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[order[from + i]!]! * POSITION_SPAN + i;
  packed.sort();
  const placed = new Int32Array(n);
  for (let i = 0; i < n; i++) placed[i] = order[from + (packed[i]! % POSITION_SPAN)]!;
  // Equal keys (same type, same first digits) are rare: those runs are ordered by the whole id.
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[placed[j]!] === keys[placed[i]!]) j++;
    if (j - i > 1) placed.set(Array.from(placed.subarray(i, j)).sort(byTypeAndId), i);
    i = j;
  }
  order.set(placed, from);
}
