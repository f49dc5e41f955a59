import { describe, expect, it } from 'vitest';
import { sortByTypeAndId, typeIdKey, typeRanks } from '../../../core/match/sortByTypeAndId';
import { MATCH_SCHEMA_VERSION, type Match, MatchType } from '../../../core/model/match';
import { seededRandom } from './scenarios/random';

const match = (type: string, id: string) =>
  ({
    schemaVersion: MATCH_SCHEMA_VERSION,
    id,
    type,
    members: [{ id: 'x', role: 'deposit' }],
    difference: { minor: 0, currency: 'USD' },
    confidence: 1,
    state: 'suggested',
    reason: '',
  }) as Match;

/** Sorts every match's index as reconcile sorts a day's matches. */
function sorted(matches: Match[]): number[] {
  const ranks = typeRanks(MatchType.options);
  const keys = Float64Array.from(matches, (m) => typeIdKey(ranks.get(m.type), m.id));
  const order = Int32Array.from(matches.keys());
  sortByTypeAndId(
    order,
    0,
    order.length,
    (k) => matches[k]!.type,
    (k) => matches[k]!.id,
    keys,
  );
  return Array.from(order);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order a comparison sort by type, then id gives. */
const expected = (matches: Match[]) =>
  matches
    .map((_, i) => i)
    .sort((a, b) => compare(matches[a]!.type, matches[b]!.type) || compare(matches[a]!.id, matches[b]!.id));

describe('sortByTypeAndId', () => {
  it('orders as a comparison by type then id, ids sharing their first digits included', () => {
    const r = seededRandom(7);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    const matches: Match[] = [];
    for (let i = 0; i < 400; i++) {
      const type = MatchType.options[r.int(0, MatchType.options.length - 1)]!;
      // A few shared beginnings, so that many keys tie and only the rest of the id decides.
      matches.push(match(type, `m_${r.chance(0.5) ? `abcdef${r.int(0, 1)}` : hex(7)}${hex(9)}`));
    }
    expect(sorted(matches)).toEqual(expected(matches));
  });

  it('orders ids and types it cannot key (decisions made elsewhere) by comparison', () => {
    const matches = [
      match('payout-deposit', 'm_0000000000000002'),
      match('payout-deposit', 'custom-id'),
      match('custom', 'm_0000000000000001'),
      match('duplicate', 'm_ffffffffffffffff'),
    ];
    expect(sorted(matches)).toEqual(expected(matches));
  });
});
