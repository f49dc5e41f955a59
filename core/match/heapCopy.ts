/**
 * The first `n` values as a plain array, in V8's heap. What a run's result keeps goes there rather
 * than into new typed arrays: V8 lets its heap grow in proportion to its size (a 1.2 GB heap takes
 * about a gigabyte more before it is marked again), but marks the whole heap after every 64 MB of new
 * memory outside it (see Scratch), which at 1M lines a run's result alone came close to. Integers stay
 * unboxed: small integers, or a plain array of doubles once one does not fit.
 */
export function heapCopy(values: ArrayLike<number>, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = values[i]!;
  return out;
}
