import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ReconcileInput, reconcile } from '../../../core/match/reconcile';
import type { Match } from '../../../core/model/match';
import { book } from '../../bench/match.bench';
import { generateHeldoutScenario } from '../../heldout/generateHeldoutScenario';
import { generateScenario } from './scenarios/generateScenario';

/**
 * Everything `reconcile` returns (matches, reasons, ids, discrepancies, unmatched lines, in order),
 * pinned by digest for seeded books, as the matcher returned it before it was reworked for speed
 * (date scans by day number, claims and ordering by ordinal, ids written in one string). A pass made
 * faster must keep every result: a changed digest means a changed answer somewhere in that book.
 * Each book is also run again with a third of its matches rejected and a fifth confirmed.
 */
const EXPECTED: Record<string, string> = {
  h1: '76ca9d58826afc98dfaa',
  h2: 'a6b8ba689d5287ae6cc8',
  h3: 'c406ea2279a6d3d89414',
  h4: 'd560e83173491b119acb',
  h5: 'aefc6641228ec80def87',
  h6: 'e75aca3642320e272d7c',
  h7: 'bfe15bf31b55a0c51dea',
  h8: 'b160fb82fb54ef0b2291',
  h9: 'da96418c27a8080e9022',
  h10: '7bb2823d575b589deaa4',
  h11: '5111dcde00a66a7fd0c7',
  h12: '1151bcee143376640481',
  'h1+dec': 'ceb835651825651e6ba1',
  'h2+dec': 'fba6421144e92778f1fe',
  'h3+dec': 'de757bb9c57fddf0dee2',
  'h4+dec': '88a63345ca45a9a925d5',
  'h5+dec': '010219980e1c179f07e7',
  'h6+dec': '0e8bfbac59606ef1cef9',
  'h7+dec': '01fa7520af1caacdaa89',
  'h8+dec': 'f02f6fff5baad521f3b2',
  'h9+dec': '86c2671c88785bcf528b',
  'h10+dec': 'acca80d6a29808c1abc0',
  'h11+dec': 'ff9f9f7efcc2a4e06537',
  'h12+dec': 'b458cbc0a74d4060ef7b',
  s1: '7e9d50185ac2b138785d',
  s2: '15ed14a693a0cdd37bb7',
  s3: '075dd1e16d51969032d6',
  s4: 'afffd165219bdde972af',
  s5: '3d5a7a38e4cdc7a47cf3',
  s6: 'e0008599c428566b79f4',
  s7: '03cde0773adf4666bbc0',
  s8: '0ad7d5a0c6190b52014b',
  's1+dec': 'ae10c6e0fe5355bc6f7c',
  's2+dec': 'f3f50b944d873ddcf15b',
  's3+dec': 'e8d11cebba159a495aa7',
  's4+dec': '2146ebb32227c7c362f1',
  's5+dec': 'a585a3bee24855b1a1ce',
  's6+dec': 'e77aa1c44ab505eee09b',
  's7+dec': '094e6bf098fb5790063f',
  's8+dec': '7583f1a8c0e5d418cc60',
  big1: 'c6546ec4b127d1b45128',
  'big1+dec': '06f553392e7f0185e9eb',
  book5000: '7d5bab47fcc8bb386cb9',
  'book5000+dec': '43edd9d60d6d954a272d',
};

const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 20);

function digests(name: string, input: ReconcileInput): Array<[string, string]> {
  const first = reconcile(input);
  const decisions = first.matches.flatMap((m, i): Match[] =>
    i % 3 === 0 ? [{ ...m, state: 'rejected' }] : i % 5 === 0 ? [{ ...m, state: 'confirmed' }] : [],
  );
  return [
    [name, digest(first)],
    [`${name}+dec`, digest(reconcile({ ...input, decisions }))],
  ];
}

describe('reconcile keeps its results', () => {
  it('on held-out scenarios', () => {
    for (let s = 1; s <= 12; s++) {
      const h = generateHeldoutScenario(5000 + s);
      for (const [k, d] of digests(`h${s}`, { transactions: h.transactions, periodEnd: h.periodEnd }))
        expect([k, d]).toEqual([k, EXPECTED[k]]);
    }
  });

  it('on generated scenarios with duplicates, transfers and roll-ups', () => {
    for (let s = 1; s <= 8; s++) {
      const sc = generateScenario(s);
      for (const [k, d] of digests(`s${s}`, { transactions: sc.transactions, periodEnd: sc.periodEnd }))
        expect([k, d]).toEqual([k, EXPECTED[k]]);
    }
    const big = generateScenario(1, { activity: 4, months: 3 });
    for (const [k, d] of digests('big1', { transactions: big.transactions }))
      expect([k, d]).toEqual([k, EXPECTED[k]]);
  });

  it('on the benchmark book (many payouts of equal amounts on nearby days)', () => {
    for (const [k, d] of digests('book5000', { transactions: book(5000) }))
      expect([k, d]).toEqual([k, EXPECTED[k]]);
  });
});
