import { describe, expect, it } from 'vitest';
import { IdChars } from '../../../core/match/idChars';
import { pairLanes, pairLanesAt } from '../../../core/match/matchId';
import { readRunColumns } from '../../../core/match/runColumns';
import { Scratch } from '../../../core/match/scratch';
import { laneA, laneB } from '../../../core/match/stableHash';
import { txn } from './buildTransaction';
import { seededRandom } from './scenarios/random';

/** Ids as sources write them, and near misses: prefixes of each other, non-Latin, astral. */
function ids(count: number): string[] {
  const r = seededRandom(77);
  const alphabet = ['a', 'b', 'Z', '0', '9', '_', '-', 'é', 'Ж', '\u{1F4B3}', '\uffff'];
  const out = ['a', 'ab', 'abc', 'b', 'po_1', 'po_10', 'po_2', 'tx\u{1F4B3}', 'tx\uffff'];
  while (out.length < count) {
    let id = r.chance(0.3) ? out[r.int(0, out.length - 1)]! : '';
    for (let n = r.int(id === '' ? 1 : 0, 12); n > 0; n--) id += alphabet[r.int(0, alphabet.length - 1)];
    out.push(id);
  }
  return out;
}

describe('IdChars', () => {
  const list = ids(400);
  // The ids' code units as the run's one read copies them, found by ordinal: here the reverse of
  // the input order.
  const columns = readRunColumns(
    list.map((id, i) => txn({ id, date: '2026-03-01', amount: i + 1 })),
    new Scratch(),
  );
  const n = list.length;
  const bounds = new Int32Array(2 * n);
  const idOf: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = n - 1 - i;
    bounds[2 * k] = columns.idStart[i]!;
    bounds[2 * k + 1] = columns.idStart[i + 1]!;
    idOf[k] = list[i]!;
  }
  const chars = IdChars.of(columns.idChars, bounds);

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
