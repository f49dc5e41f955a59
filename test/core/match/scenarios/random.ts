/** A small seeded PRNG (mulberry32) with the helpers scenarios need; the same seed gives the same scenario. */
export type Random = {
  next: () => number;
  chance: (p: number) => boolean;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  token: (length: number) => string;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return {
    next,
    chance: (p) => next() < p,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    token: (length) => Array.from({ length }, () => ALPHABET[int(0, ALPHABET.length - 1)]).join(''),
  };
}
