import { describe, expect, it } from 'vitest';
import { FoundMatches } from '../../../core/match/foundMatches';
import { Scratch } from '../../../core/match/scratch';

const lag = (from: number, to: number) => to - from;

/** A duplicate of two transactions outside any run (ids kept by member). */
function pushDuplicate(found: FoundMatches, minor: number, confidence: number): number {
  const k = found.push('duplicate', 1, 2, minor, 'USD', confidence, false, 'why');
  found.members(
    [
      { id: `t${k}a`, role: 'kept' },
      { id: `t${k}b`, role: 'duplicate' },
    ],
    [-1, -1],
  );
  return k;
}

describe('FoundMatches', () => {
  it('gives back each difference, -0 included, and confidence to the hundredth', () => {
    const found = new FoundMatches(lag, new Scratch());
    const values = [0, -0, 1, -250, 2 ** 40];
    for (const [i, minor] of values.entries()) pushDuplicate(found, minor, [1, 0.955, 0.004, 0.5, 0.8][i]!);
    found.seal();
    expect(values.map((_, k) => found.match(k).difference.minor)).toEqual(values);
    expect(values.map((_, k) => found.match(k).confidence)).toEqual([1, 0.96, 0, 0.5, 0.8]);
  });

  it('refuses a confidence outside 0–1 rather than keeping another one', () => {
    const found = new FoundMatches(lag);
    expect(() => pushDuplicate(found, 0, 1.2)).toThrow(/confidence 1.2 outside 0–1/);
    expect(() => pushDuplicate(found, 0, -0.1)).toThrow(/outside 0–1/);
    expect(() => pushDuplicate(found, 0, Number.NaN)).toThrow(/outside 0–1/);
  });

  it('keeps its matches as they were once sealed, whatever is written in the scratch after', () => {
    const scratch = new Scratch();
    const found = new FoundMatches(lag, scratch.lasting);
    for (let i = 0; i < 1000; i++) pushDuplicate(found, i, 0.9);
    const before = Array.from({ length: 1000 }, (_, k) => found.match(k));
    found.seal();
    scratch.lasting.release(0);
    scratch.lasting.int32(100_000).fill(-1);
    expect(Array.from({ length: 1000 }, (_, k) => found.match(k))).toEqual(before);
  });
});
