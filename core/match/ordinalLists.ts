import { heapCopy } from './heapCopy';
import { type Columns, NEW_ARRAYS } from './scratch';

/**
 * Lists of ordinals (a match's members' positions in the run), one after the other in one typed
 * array: a run keeps one list per match until it ends, and a small array per match was two more
 * objects for the collector to carry.
 */
export class OrdinalLists {
  /** Grown in `columns` (a run's scratch) until `seal` copies them out (see FoundMatches). */
  constructor(private columns: Columns = NEW_ARRAYS) {}

  private values: Int32Array | number[] = new Int32Array(1024);
  private used = 0;
  /** Where each list starts in `values`, and one past the end of the last (valid to `lists`). */
  private starts: Int32Array | number[] = new Int32Array(256);
  private lists = 0;

  get length(): number {
    return this.lists;
  }

  /** How many ordinals all the lists hold together. */
  get size(): number {
    return this.used;
  }

  push(list: ArrayLike<number>): void {
    this.reserve(list.length);
    for (let i = 0; i < list.length; i++) this.values[this.used++] = list[i]!;
    this.endList();
  }

  /** A list of two (most matches). */
  pushPair(a: number, b: number): void {
    this.reserve(2);
    this.values[this.used++] = a;
    this.values[this.used++] = b;
    this.endList();
  }

  /** The `k`th list's ordinals are `at(from(k))` … `at(to(k) - 1)`. */
  from(k: number): number {
    return this.starts[k]!;
  }

  to(k: number): number {
    return this.starts[k + 1]!;
  }

  at(i: number): number {
    return this.values[i]!;
  }

  /** Marks the end of the list just pushed. */
  private endList(): void {
    if (this.lists + 1 === this.starts.length) {
      const grown = this.columns.int32(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[++this.lists] = this.used;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.values.length) return;
    const grown = this.columns.int32(Math.max(this.values.length * 2, this.used + more));
    grown.set(this.values);
    this.values = grown;
  }

  /** The lists copied out of the scratch at their final length (see FoundMatches.seal). */
  seal(): void {
    if (this.columns === NEW_ARRAYS) return;
    this.values = heapCopy(this.values, this.used);
    this.starts = heapCopy(this.starts, this.lists + 1);
    this.columns = NEW_ARRAYS;
  }
}
