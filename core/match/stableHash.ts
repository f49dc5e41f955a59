/**
 * A fast deterministic 64-bit string hash (two independent 32-bit lanes) as 16 hex characters after
 * `prefix`. Match ids are made for every candidate on every run, so sha256 would dominate the
 * matcher's time; this needs to be stable and well spread, not cryptographic. The id is written in
 * one `fromCharCode` call: one flat string, where number-to-hex conversions, padding and
 * concatenations cost more than the hash and left a rope that every later comparison had to flatten.
 */
export function stableHash(text: string, prefix = ''): string {
  hashStart();
  hashText(text);
  return hashEnd(prefix);
}

/**
 * The same hash fed in parts (`hashStart`, then `hashText` / `hashCode` in order, then `hashEnd`):
 * an id over a type and member ids is hashed without first joining them into one string.
 */
let h1 = 0;
let h2 = 0;

export function hashStart(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

export function hashText(text: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** `hashText` of the text whose code units are `chars[from, to)`. */
export function hashChars(chars: Uint16Array, from: number, to: number): void {
  let a = h1;
  let b = h2;
  for (let i = from; i < to; i++) {
    const ch = chars[i]!;
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** The running hash's two lanes, to resume from later (`hashResume`) after a prefix they cover. */
export const hashState = (): [number, number] => [h1, h2];

/** Continues from a state `hashState` returned: its prefix is not hashed again. */
export function hashResume([a, b]: readonly [number, number]): void {
  h1 = a;
  h2 = b;
}

/** One character by its code, as `hashText` of that character. */
export function hashCode(ch: number): void {
  h1 = Math.imul(h1 ^ ch, 2654435761);
  h2 = Math.imul(h2 ^ ch, 1597334677);
}

export function hashEnd(prefix: string): string {
  hashFinish();
  return hashHex(prefix, laneA, laneB);
}

/**
 * The hash's two final 32-bit lanes, left in `laneA` and `laneB`: a match id is kept as these two
 * numbers and written out (`hashHex`) only when it is read. The hex of `laneA` then `laneB` is the id,
 * so ids order as (laneA, laneB) do, unsigned.
 */
export let laneA = 0;
export let laneB = 0;

export function hashFinish(): void {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  laneA = a;
  laneB = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
}

/** `prefix` and the 16 hex digits of the lanes `a`, `b`: what `hashEnd` returns for them. */
export function hashHex(prefix: string, a: number, b: number): string {
  const codes = CODES;
  codes.length = prefix.length + 16;
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  for (let i = 0; i < 8; i++) {
    codes[prefix.length + i] = HEX[(a >>> (28 - 4 * i)) & 15]!;
    codes[prefix.length + 8 + i] = HEX[(b >>> (28 - 4 * i)) & 15]!;
  }
  return String.fromCharCode.apply(null, codes);
}

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Reused between calls: the hash allocates nothing but its result. */
const CODES: number[] = [];
