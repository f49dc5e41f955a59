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
 * Each book is also run again with a third of its matches rejected and a fifth confirmed. The digests
 * without reasons (`~`) date from before the reasons were reworded: the rewording changed nothing else.
 */
const EXPECTED: Record<string, string> = {
  h1: '6cd450ba4002f9739ff5',
  'h1~': '07c8d49faad3d3010935',
  'h1+dec': '9b04b329bb7390df23c3',
  'h1+dec~': 'a1dba25b6fe72532c728',
  h2: 'b119c1d5b92394103cdc',
  'h2~': '8edc9cbb670af7456d21',
  'h2+dec': '04f7958a7ff46b909b40',
  'h2+dec~': 'c4c97f1f2013942663a6',
  h3: '83fa9b842c01e9335e08',
  'h3~': 'd77106e83b1e3db10b4b',
  'h3+dec': '9501b3eb661178286c8a',
  'h3+dec~': 'a5778db4388c4bb476d2',
  h4: 'd9fcdfc4ca446e0d95ca',
  'h4~': '9115dd80e90291a17ca3',
  'h4+dec': '9fa803fd8d239ba87b15',
  'h4+dec~': '5c231ca01dff59e62d1e',
  h5: 'fe40a4b6b4983d5f8c86',
  'h5~': 'cce22460d7d08d784ec8',
  'h5+dec': 'bf3875a2e2f0b3c2eeb0',
  'h5+dec~': 'f1ead0d998d9adc3c675',
  h6: 'dbce65d4cb97b23ed7af',
  'h6~': 'c34c79b37957662afed7',
  'h6+dec': 'd79c0325aa3f41983299',
  'h6+dec~': '2236491e740ac3720723',
  h7: '732ad0e13bb482794c68',
  'h7~': '6d714d9720c458a49b7c',
  'h7+dec': '6f787ae937cc12669915',
  'h7+dec~': '88626cf5455f0e1e5758',
  h8: '23266b9725dbeef965d5',
  'h8~': '8ed34a490d021ee1ffcf',
  'h8+dec': '71cbf783894e5417985d',
  'h8+dec~': '280791346c48c2d6ccf0',
  h9: 'fda690e08b349821db32',
  'h9~': 'd71321eaec69d0c4082a',
  'h9+dec': 'c7f47b84327eb4227f61',
  'h9+dec~': 'a515cfaab46ff86a03fa',
  h10: '02e2301ce4434e36650e',
  'h10~': '7fe987d972cf94f7a462',
  'h10+dec': '56c9bface1a1d9da4637',
  'h10+dec~': 'e841e86731178872bd78',
  h11: '97377f290b7d7490e309',
  'h11~': 'f68752f37a9a2b4e3bc1',
  'h11+dec': '9c35ff4a4099b467ebdd',
  'h11+dec~': 'af03846f631e132db02e',
  h12: '018202fe15386737c4d8',
  'h12~': 'f8537c23838ba0526fb1',
  'h12+dec': '5d790bfd07ea4721f4bb',
  'h12+dec~': 'a63471e2114ba37332ea',
  s1: 'f00f7dbea790a6e3334f',
  's1~': '26b7a002cf6ef8be6674',
  's1+dec': '681f87f2da2014778cb0',
  's1+dec~': '139047145521a09a93c3',
  s2: '70f978e44b3a1a492fd4',
  's2~': 'f70b97cb53b2396e5246',
  's2+dec': 'cfa6a499106fc3f2ce73',
  's2+dec~': 'd04ce9c270e1f020298e',
  s3: 'f965b511793867f712fe',
  's3~': '256f1239594293617f63',
  's3+dec': 'eef60342780a23478a92',
  's3+dec~': 'b9743eba3ad8facbbac0',
  s4: '08eaca45f0bc6ed6fce4',
  's4~': '3f4e9646ed53bc0b22d7',
  's4+dec': '6163e6dd705778d95c5a',
  's4+dec~': '5ff8a01092a8c2aec256',
  s5: '08499df5b28c8a03d4bc',
  's5~': '2ef4f65c85152112d72e',
  's5+dec': 'ff8427c5f6edb714a98a',
  's5+dec~': '990037a38533f2563e2e',
  s6: '2d7ab8365a1ee7a50c45',
  's6~': '36c463901de093ee84f1',
  's6+dec': 'ede124281a87d87c5910',
  's6+dec~': 'fa52c5c064def7209f8f',
  s7: '9f3b4129ba285f5dbc88',
  's7~': 'c2b676d958187379ea61',
  's7+dec': '9980fbebf02882941600',
  's7+dec~': '4a9ba378ad0a331601d3',
  s8: 'c6fef36461618c1e7175',
  's8~': '920ac69eb290e71706fa',
  's8+dec': 'fbe5cc9e55a4255929a5',
  's8+dec~': 'd432a42eb117a36ea6a7',
  big1: 'fff04a2c32404f81e24f',
  'big1~': '3452845f10bc2d5d34bc',
  'big1+dec': 'ce3a1146fef5370caf30',
  'big1+dec~': '54be52a8645db6cf5dce',
  book5000: '8d57f22f2dec883518c3',
  'book5000~': '041960716b0c43c40a8e',
  'book5000+dec': 'f8c0e9273dcb1ac1866c',
  'book5000+dec~': '30f90af609af0847a1f3',
};

const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 20);

/** The result with every match's reason left out: what was found, apart from how it is worded. */
const withoutReasons = (r: ReturnType<typeof reconcile>) => ({
  ...r,
  matches: r.matches.toArray().map(({ reason: _, ...m }) => m),
});

/** Per book, the digest of the whole result (`name`) and of the result without match reasons (`name~`). */
function digests(name: string, input: ReconcileInput): Array<[string, string]> {
  const first = reconcile(input);
  const decisions = first.matches
    .toArray()
    .flatMap((m, i): Match[] =>
      i % 3 === 0 ? [{ ...m, state: 'rejected' }] : i % 5 === 0 ? [{ ...m, state: 'confirmed' }] : [],
    );
  const again = reconcile({ ...input, decisions });
  return [
    [name, digest(first)],
    [`${name}~`, digest(withoutReasons(first))],
    [`${name}+dec`, digest(again)],
    [`${name}+dec~`, digest(withoutReasons(again))],
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
