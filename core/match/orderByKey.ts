/** Keys packed with their position stay exact in a double while both fit: 31 bits of key, 21 of position. */
const KEY_OFFSET = 2 ** 31;
const POSITION_SPAN = 2 ** 21;

/**
 * Positions 0…n-1 ordered by their numeric key, equal keys in position order (a stable sort).
 * Integer keys below 2^31 in size (amounts in minor units, day numbers) are packed with their position
 * into one double and sorted natively, with no comparison callback and no object per position:
 * several times faster than sorting records by a key field. Other keys take a plain comparison sort.
 */
export function orderByKey(keys: ArrayLike<number>): Int32Array {
  const n = keys.length;
  let packable = n < POSITION_SPAN;
  for (let i = 0; i < n && packable; i++) {
    const k = keys[i]!;
    if (!Number.isInteger(k) || k <= -KEY_OFFSET || k >= KEY_OFFSET) packable = false;
  }
  const order = new Int32Array(n);
  if (!packable) {
    const positions = Array.from({ length: n }, (_, i) => i);
    positions.sort((a, b) => keys[a]! - keys[b]! || a - b);
    order.set(positions);
    return order;
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (keys[i]! + KEY_OFFSET) * POSITION_SPAN + i;
  packed.sort();
  for (let i = 0; i < n; i++) order[i] = packed[i]! % POSITION_SPAN;
  return order;
}

/**
 * Sorts `positions` (given ascending) by `keys` (the key of each, at the same index) in place, equal
 * keys in position order, and the keys with them. Keys and positions are packed into one double
 * (see orderByKey) when they fit, so the sort reads nothing but the packed numbers.
 */
export function sortPositionsByKey(positions: Int32Array, keys: Float64Array): void {
  const n = positions.length;
  let packable = true;
  for (let i = 0; i < n && packable; i++) {
    const k = keys[i]!;
    if (!Number.isInteger(k) || k <= -KEY_OFFSET || k >= KEY_OFFSET || positions[i]! >= POSITION_SPAN)
      packable = false;
  }
  if (packable) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (keys[i]! + KEY_OFFSET) * POSITION_SPAN + positions[i]!;
    packed.sort();
    for (let i = 0; i < n; i++) {
      const position = packed[i]! % POSITION_SPAN;
      positions[i] = position;
      keys[i] = (packed[i]! - position) / POSITION_SPAN - KEY_OFFSET;
    }
    return;
  }
  const order = orderByKey(keys);
  const sortedPositions = Int32Array.from(order, (i) => positions[i]!);
  const sortedKeys = Float64Array.from(order, (i) => keys[i]!);
  positions.set(sortedPositions);
  keys.set(sortedKeys);
}
