/**
 * Every id of a run, its UTF-16 code units one after the other, found by ordinal. A pass that makes
 * a match hashes its members' ids (see pairLanesAt); read from the transactions' own strings, each id
 * is a cache miss somewhere in the heap, since matches are made in amount order. Copied here once, in
 * the order the input sits in memory, they are read from a few megabytes instead.
 */
export class IdChars {
  private constructor(
    readonly chars: Uint16Array,
    /** Per ordinal, where its id starts and ends in `chars` (at 2k and 2k + 1). */
    readonly bounds: Int32Array,
  ) {}

  /** Ids already copied in input order (see readRunColumns); `bounds`: per ordinal, where its id starts and ends. */
  static of(chars: Uint16Array, bounds: Int32Array): IdChars {
    return new IdChars(chars, bounds);
  }

  /** Whether ordinal `a`'s id sorts at or before `b`'s, as strings compare (`<=`, by code unit). */
  atOrBefore(a: number, b: number): boolean {
    const { chars, bounds } = this;
    const aEnd = bounds[2 * a + 1]!;
    const bEnd = bounds[2 * b + 1]!;
    for (let i = bounds[2 * a]!, j = bounds[2 * b]!; ; i++, j++) {
      if (i === aEnd) return true;
      if (j === bEnd) return false;
      if (chars[i] !== chars[j]) return chars[i]! < chars[j]!;
    }
  }
}
