import { type Columns, NEW_ARRAYS } from './scratch';

/**
 * A set of 32-bit integers (token hashes) in one typed array, open addressing. A `Set<number>` of a
 * run's hashes holds a million entries at 1M lines, half of them boxed (outside the small-integer
 * range), and grows through a dozen copies of itself: this holds each in 4 bytes.
 */
export class Int32Set {
  /** The values, 0 for an empty slot (0 itself is `hasZero`). */
  private slots: Int32Array;
  private shift: number;
  private count = 0;
  private hasZero = false;

  /** `columns`: a run's Scratch for a run's set. */
  constructor(
    expected = 0,
    private readonly columns: Columns = NEW_ARRAYS,
  ) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.slots = columns.int32(1 << bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count + (this.hasZero ? 1 : 0);
  }

  add(value: number): void {
    const v = value | 0;
    if (v === 0) {
      this.hasZero = true;
      return;
    }
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = Math.imul(v, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const s = slots[at]!;
      if (s === v) return;
      if (s === 0) {
        slots[at] = v;
        if (++this.count * 2 > slots.length) this.grow();
        return;
      }
    }
  }

  has(value: number): boolean {
    const v = value | 0;
    if (v === 0) return this.hasZero;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = Math.imul(v, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const s = slots[at]!;
      if (s === v) return true;
      if (s === 0) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = this.columns.int32(old.length * 2);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.add(old[i]!);
  }
}
