const hexValue = (c: number) => (c < 58 ? c - 48 : (c | 32) - 87);

/**
 * How many times each id slot was seen: the slot is the 52 bits of the 13 hex digits after `lb_`
 * (the first hash of a line, occurrence 0). An open-addressing table over typed arrays — a Map
 * keyed by those 52-bit numbers boxed every key and cost a tenth of a CSV import — still one
 * entry per distinct line, and exact: slots are compared in full, never by a shorter hash.
 */
export class OccurrenceCounter {
  private hi = new Int32Array(1024);
  private lo = new Int32Array(1024);
  /** Times seen; 0 marks an empty cell. */
  private counts = new Int32Array(1024);
  private size = 0;

  /** Occurrences of `id`'s slot before this one (0 the first time); counts this one. */
  next(id: string): number {
    let hi = 0;
    for (let i = 3; i < 9; i++) hi = (hi << 4) | hexValue(id.charCodeAt(i));
    let lo = 0;
    for (let i = 9; i < 16; i++) lo = (lo << 4) | hexValue(id.charCodeAt(i));
    const mask = this.counts.length - 1;
    // The bits are a hash already: the low ones index the table.
    for (let at = lo & mask; ; at = (at + 1) & mask) {
      const n = this.counts[at]!;
      if (n === 0) {
        this.hi[at] = hi;
        this.lo[at] = lo;
        this.counts[at] = 1;
        if (++this.size * 2 > mask) this.grow();
        return 0;
      }
      if (this.lo[at] === lo && this.hi[at] === hi) {
        this.counts[at] = n + 1;
        return n;
      }
    }
  }

  private grow(): void {
    const { hi, lo, counts } = this;
    const length = counts.length * 2;
    const mask = length - 1;
    this.hi = new Int32Array(length);
    this.lo = new Int32Array(length);
    this.counts = new Int32Array(length);
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      let at = lo[i]! & mask;
      while (this.counts[at] !== 0) at = (at + 1) & mask;
      this.hi[at] = hi[i]!;
      this.lo[at] = lo[i]!;
      this.counts[at] = counts[i]!;
    }
  }
}
