import { Scratch } from './scratch';

/** Bits of an id's hex digits in a key: 7 digits, so type, digits and a position fit in a double. */
const HEX_DIGITS = 7;
const TYPE_SPAN = 2 ** (4 * HEX_DIGITS);
/** Positions within one range stay below this (a day's matches); larger ranges take the comparison sort. */
const POSITION_SPAN = 2 ** 21;
const ID = /^[md]_[0-9a-f]{16}$/;

/** Each type name → its rank among `types` in name order (the order a sort by type gives). */
export const typeRanks = (types: readonly string[]): Map<string, number> =>
  new Map([...types].sort().map((t, i) => [t, i]));

/**
 * A number that orders as (type, id) does, up to ties: the type's rank (see typeRanks) and the id's
 * first hex digits. NaN for a type not ranked or an id not written by matchId (a decision from
 * outside): ranges holding one are ordered by comparison.
 */
export function typeIdKey(rank: number | undefined, id: string): number {
  if (rank === undefined || !ID.test(id)) return Number.NaN;
  return rank * TYPE_SPAN + Number.parseInt(id.slice(2, 2 + HEX_DIGITS), 16);
}

/** `typeIdKey` of an id kept as its hash lanes (see matchIdLanes): its first 7 digits are `a`'s top 28 bits. */
export const laneKey = (rank: number, a: number): number => rank * TYPE_SPAN + (a >>> 4);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts `order[from, to)` (indexes of matches) by type, then id. Keys (see typeIdKey) packed with
 * their position sort natively with no callback; matches whose keys tie are then put in id order
 * (`typeOf`, `idOf`: the type and id of the match an index names).
 */
export function sortByTypeAndId(
  order: Int32Array,
  from: number,
  to: number,
  typeOf: (k: number) => string,
  idOf: (k: number) => string,
  keys: Float64Array,
  scratch: Scratch = new Scratch(),
): void {
  const n = to - from;
  const byTypeAndId = (a: number, b: number) => compare(typeOf(a), typeOf(b)) || compare(idOf(a), idOf(b));
  let keyed = n < POSITION_SPAN;
  for (let i = from; i < to && keyed; i++) if (Number.isNaN(keys[order[i]!]!)) keyed = false;
  if (!keyed) {
    order.set(Array.from(order.subarray(from, to)).sort(byTypeAndId), from);
    return;
  }
  const mark = scratch.mark();
  const packed = scratch.float64(n, false);
  for (let i = 0; i < n; i++) packed[i] = keys[order[from + i]!]! * POSITION_SPAN + i;
  packed.sort();
  const placed = scratch.int32(n, false);
  for (let i = 0; i < n; i++) placed[i] = order[from + (packed[i]! % POSITION_SPAN)]!;
  // Equal keys (same type, same first digits) are rare: those runs are ordered by the whole id.
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[placed[j]!] === keys[placed[i]!]) j++;
    if (j - i > 1) placed.set(Array.from(placed.subarray(i, j)).sort(byTypeAndId), i);
    i = j;
  }
  order.set(placed, from);
  scratch.release(mark);
}
