const hexValue = (c: number) => (c < 58 ? c - 48 : (c | 32) - 87);

/** The slot's high 24 bits: the first 6 hex digits. */
export function slotHigh(hex: string): number {
  let hi = 0;
  for (let i = 0; i < 6; i++) hi = (hi << 4) | hexValue(hex.charCodeAt(i));
  return hi;
}

/** The slot's low 28 bits: hex digits 7 to 13. */
export function slotLow(hex: string): number {
  let lo = 0;
  for (let i = 6; i < 13; i++) lo = (lo << 4) | hexValue(hex.charCodeAt(i));
  return lo;
}

/**
 * How many times each id slot was seen: the slot is the 52 bits of the first 13 hex digits of a
 * line's first hash (occurrence 0). An open-addressing table in one typed array — a Map
 * keyed by those 52-bit numbers boxed every key and cost a tenth of a CSV import — still one
 * entry per distinct line, and exact: slots are compared in full, never by a shorter hash.
 */
export class OccurrenceCounter {
  /** Per cell: the slot's high 24 bits, its low 28 bits, and the times seen (0: an empty cell). */
  private cells: Int32Array;
  private size = 0;

  /** `expected`: how many distinct slots may come, when known (the table is then never grown). */
  constructor(expected = 0) {
    let cells = 1024;
    while (cells < expected * 2 + 2) cells *= 2;
    this.cells = new Int32Array(3 * cells);
  }

  /** Occurrences of the slot of `hex` (a hash in hex) before this one (0 the first time); counts this one. */
  next(hex: string): number {
    return this.count(slotHigh(hex), slotLow(hex));
  }

  /**
   * count() of the first `n` slots, in order, into `out`. The table is far larger than the cache,
   * so nearly every look-up waits on memory: in a loop that does nothing else, the next look-ups
   * are under way while one waits (a tenth of a CSV import went to these waits one by one).
   */
  countAll(high: Int32Array, low: Int32Array, n: number, out: Int32Array): void {
    for (let i = 0; i < n; i++) out[i] = this.count(high[i]!, low[i]!);
  }

  /** Occurrences of the slot (its high 24 and low 28 bits) before this one (0 the first time); counts this one. */
  count(hi: number, lo: number): number {
    const cells = this.cells;
    const mask = cells.length / 3 - 1;
    // The bits are a hash already: the low ones index the table.
    for (let at = lo & mask; ; at = (at + 1) & mask) {
      const c = at * 3;
      const n = cells[c + 2]!;
      if (n === 0) {
        cells[c] = hi;
        cells[c + 1] = lo;
        cells[c + 2] = 1;
        if (++this.size * 2 > mask) this.grow();
        return 0;
      }
      if (cells[c + 1] === lo && cells[c] === hi) {
        cells[c + 2] = n + 1;
        return n;
      }
    }
  }

  private grow(): void {
    const old = this.cells;
    const cells = new Int32Array(old.length * 2);
    const mask = cells.length / 3 - 1;
    for (let c = 0; c < old.length; c += 3) {
      if (old[c + 2] === 0) continue;
      let at = old[c + 1]! & mask;
      while (cells[at * 3 + 2] !== 0) at = (at + 1) & mask;
      cells[at * 3] = old[c]!;
      cells[at * 3 + 1] = old[c + 1]!;
      cells[at * 3 + 2] = old[c + 2]!;
    }
    this.cells = cells;
  }
}
