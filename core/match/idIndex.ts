/**
 * Each transaction id of a run → its position, for runs of distinct ids. An open-addressing table
 * over typed arrays, keyed by a hash of the id's characters: indexing a run's ids in a Map took as
 * long as a plain matcher's whole pass over the run, and the Map grew through a dozen copies of
 * itself on the way. `distinct` is false when an id came twice (the caller then indexes them its own way).
 */
export class IdIndex {
  private readonly hashes: Int32Array;
  /** Position + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly distinct: boolean;

  constructor(
    private readonly idAt: (position: number) => string,
    readonly size: number,
  ) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    let distinct = true;
    for (let i = 0; i < size; i++) {
      const id = idAt(i);
      const h = hashOf(id);
      let at = h & this.mask;
      for (; this.slots[at] !== 0; at = (at + 1) & this.mask) {
        if (this.hashes[at] === h && idAt(this.slots[at]! - 1) === id) {
          distinct = false;
          break;
        }
      }
      if (this.slots[at] !== 0) continue;
      this.hashes[at] = h;
      this.slots[at] = i + 1;
    }
    this.distinct = distinct;
  }

  /** The position of the (first) transaction with this id. */
  get(id: string): number | undefined {
    const h = hashOf(id);
    for (let at = h & this.mask; this.slots[at] !== 0; at = (at + 1) & this.mask) {
      if (this.hashes[at] === h && this.idAt(this.slots[at]! - 1) === id) return this.slots[at]! - 1;
    }
    return undefined;
  }
}

/** FNV-1a over the UTF-16 code units, mixed at the end so that nearby ids spread over the table. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
