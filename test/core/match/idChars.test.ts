import { describe, expect, it } from 'vitest';
import { IdChars } from '../../../core/match/idChars';
import { pairLanes, pairLanesAt } from '../../../core/match/matchId';
import { laneA, laneB } from '../../../core/match/stableHash';
import { seededRandom } from './scenarios/random';

/** Ids as sources write them, and near misses: prefixes of each other, non-Latin, astral, empty. */
function ids(count: number): string[] {
  const r = seededRandom(77);
  const alphabet = ['a', 'b', 'Z', '0', '9', '_', '-', 'é', 'Ж', '\u{1F4B3}', '\uffff'];
  const out = ['', 'a', 'ab', 'abc', 'b', 'po_1', 'po_10', 'po_2', 'tx\u{1F4B3}', 'tx\uffff'];
  while (out.length < count) {
    let id = r.chance(0.3) ? out[r.int(0, out.length - 1)]! : '';
    for (let n = r.int(0, 12); n > 0; n--) id += alphabet[r.int(0, alphabet.length - 1)];
    out.push(id);
  }
  return out;
}

describe('IdChars', () => {
  const list = ids(400);
  // Ordinals in a different order from input positions, one position left out of the run.
  const ordinalAt = Int32Array.from(list, (_, i) => (i === 7 ? -1 : i < 7 ? list.length - 2 - i : i - 8));
  const idOf: string[] = [];
  list.forEach((id, i) => {
    if (ordinalAt[i]! >= 0) idOf[ordinalAt[i]!] = id;
  });
  const chars = IdChars.read(list, ordinalAt, list.length - 1);

  it('orders two ids as strings compare, prefixes and surrogate pairs included', () => {
    for (let a = 0; a < idOf.length; a += 3)
      for (let b = 0; b < idOf.length; b += 5)
        expect(chars.atOrBefore(a, b), `${idOf[a]} <= ${idOf[b]}`).toBe(idOf[a]! <= idOf[b]!);
  });

  it('hashes a pair to the lanes the strings hash to', () => {
    for (let a = 0; a < idOf.length; a += 7) {
      for (let b = 1; b < idOf.length; b += 11) {
        pairLanes('payout-deposit', idOf[a]!, idOf[b]!);
        const expected = [laneA, laneB];
        pairLanesAt('payout-deposit', chars, a, b);
        expect([laneA, laneB], `${idOf[a]} / ${idOf[b]}`).toEqual(expected);
      }
    }
  });
});
