import { describe, expect, it } from 'vitest';
import { discrepancyId, matchId, matchIdLanes } from '../../../core/match/matchId';
import { hashHex, laneA, laneB, stableHash } from '../../../core/match/stableHash';

/** The ids' definition: the type and the sorted ids joined by U+001F, hashed (ids stored on sheets depend on it). */
const joined = (type: string, ids: string[], prefix: string) =>
  stableHash(`${type}\u001f${[...ids].sort().join('\u001f')}`, prefix);

describe('match and discrepancy ids', () => {
  const lists = [
    [],
    ['b1'],
    ['p2', 'b1'],
    ['z', 'a', 'm'],
    ['po_10', 'po_2', 'po_1', 'x\u{1F4B3}', ''],
    ['é', 'e'],
  ];
  it('hash the type and the sorted ids as one joined string would', () => {
    for (const ids of lists) {
      expect(matchId('payout-rollup', ids), ids.join()).toBe(joined('payout-rollup', ids, 'm_'));
      expect(discrepancyId('in-transit', ids), ids.join()).toBe(joined('in-transit', ids, 'd_'));
      matchIdLanes(
        'payout-deposit',
        ids.map((id) => ({ id })),
      );
      expect(hashHex('m_', laneA, laneB), ids.join()).toBe(joined('payout-deposit', ids, 'm_'));
    }
  });
});
