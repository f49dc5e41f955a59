import { type Columns, NEW_ARRAYS } from './scratch';

/**
 * Each transaction id of a run → its position, for runs of distinct ids. An open-addressing table
 * over one typed array, keyed by a hash of the id's characters: indexing a run's ids in a Map took as
 * long as a plain matcher's whole pass over the run, and the Map grew through a dozen copies of
 * itself on the way. The hashes come in a column (see readRunColumns, which hashes each id while it
 * reads its transaction), so building the table reads no string but on a hash collision. A slot's
 * hash and position sit side by side: one cache miss per id, not two. `distinct` is false when an id
 * came twice (the caller then indexes them its own way).
 */
export class IdIndex {
  /** Per slot: the hash, then position + 1 (0 for an empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly distinct: boolean;

  constructor(
    private readonly idAt: (position: number) => string,
    readonly size: number,
    hashes: Int32Array = Int32Array.from({ length: size }, (_, i) => idHash(idAt(i))),
    columns: Columns = NEW_ARRAYS,
  ) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    const mask = capacity - 1;
    const slots = columns.int32(capacity * 2);
    let distinct = true;
    for (let i = 0; i < size; i++) {
      const h = hashes[i]!;
      let at = h & mask;
      for (; slots[2 * at + 1] !== 0; at = (at + 1) & mask) {
        if (slots[2 * at] === h && idAt(slots[2 * at + 1]! - 1) === idAt(i)) {
          distinct = false;
          break;
        }
      }
      if (slots[2 * at + 1] !== 0) continue;
      slots[2 * at] = h;
      slots[2 * at + 1] = i + 1;
    }
    this.mask = mask;
    this.slots = slots;
    this.distinct = distinct;
  }

  /** The position of the (first) transaction with this id. */
  get(id: string): number | undefined {
    const h = idHash(id);
    const slots = this.slots;
    for (let at = h & this.mask; slots[2 * at + 1] !== 0; at = (at + 1) & this.mask) {
      if (slots[2 * at] === h && this.idAt(slots[2 * at + 1]! - 1) === id) return slots[2 * at + 1]! - 1;
    }
    return undefined;
  }
}

/** FNV-1a over the UTF-16 code units, mixed at the end so that nearby ids spread over the table. */
export function idHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mixed(h);
}

/** `idHash` of the id whose code units are `chars[from, to)`. */
export function idHashOfCodes(chars: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ chars[i]!, 0x01000193);
  return mixed(h);
}

function mixed(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
