import type { OrdinalLookup } from './matchContext';
import { type Columns, NEW_ARRAYS } from './scratch';

/**
 * Which transactions are taken by an accepted match. Each transaction of the run has an ordinal, so
 * the passes' hot loops test a byte in an array instead of hashing an id string; ids from outside the
 * run (a decision about lines not passed in) go to a plain set.
 */
export class Claims {
  private readonly flags: Uint8Array;
  private readonly others = new Set<string>();

  constructor(
    private readonly ordinals: OrdinalLookup,
    columns: Columns = NEW_ARRAYS,
  ) {
    this.flags = columns.uint8(ordinals.size);
  }

  add(id: string): void {
    const i = this.ordinals.get(id);
    if (i === undefined) this.others.add(id);
    else this.flags[i] = 1;
  }

  /** By ordinal: the transaction's position in the run (see `reconcile`). */
  addOrdinal(ordinal: number): void {
    this.flags[ordinal] = 1;
  }

  has(id: string): boolean {
    const i = this.ordinals.get(id);
    return i === undefined ? this.others.has(id) : this.flags[i] === 1;
  }

  /** By ordinal: the transaction's position in the run (see `reconcile`). */
  hasOrdinal(ordinal: number): boolean {
    return this.flags[ordinal] === 1;
  }
}
