import { describe, expect, it } from 'vitest';
import { MatchList } from '../../../core/match/matchList';
import { reconcile } from '../../../core/match/reconcile';
import type { Match } from '../../../core/model/match';
import { deposit, payout, txn } from './buildTransaction';

const transactions = [
  payout('p1', '2026-03-02', 13505, 'stripe', { payoutId: 'po_1' }),
  deposit('d1', '2026-03-04', 13505, 'STRIPE TRANSFER'),
  payout('p2', '2026-03-03', 5000, 'square'),
  deposit('d2', '2026-03-05', 5000, 'SQUARE INC DEP'),
  deposit('d3', '2026-03-05', 5000, 'SQUARE INC DEP'),
  txn({ id: 'x1', date: '2026-03-06', amount: -2500, description: 'ONLINE TRANSFER TO SAVINGS' }),
  txn({
    id: 'x2',
    date: '2026-03-06',
    amount: 2500,
    account: 'Savings',
    description: 'ONLINE TRANSFER FROM CHECKING',
  }),
];

/** What reconcile returned for this book as a plain array of Match objects, before matches became a list. */
const EXPECTED: Match[] = [
  {
    schemaVersion: 1,
    id: 'm_d6eaa449a7053039',
    type: 'payout-deposit',
    members: [
      { id: 'p1', role: 'payout' },
      { id: 'd1', role: 'deposit' },
    ],
    difference: { minor: 0, currency: 'USD' },
    confidence: 0.95,
    state: 'suggested',
    reason:
      'Stripe payout po_1 of 135.05 USD on 2026-03-02 paid into deposit "STRIPE TRANSFER" of the same amount on 2026-03-04, 2 business days later: the only line of this amount in the stripe window, and it names the processor',
  },
  {
    schemaVersion: 1,
    id: 'm_8eb0ff4d423e1407',
    type: 'payout-deposit',
    members: [
      { id: 'p2', role: 'payout' },
      { id: 'd2', role: 'deposit' },
    ],
    difference: { minor: 0, currency: 'USD' },
    confidence: 0.7,
    state: 'suggested',
    ambiguous: true,
    reason:
      'Square payout po_p2 of 50.00 USD on 2026-03-03 paid into deposit "SQUARE INC DEP" of the same amount on 2026-03-05, 2 business days later: same amount: 1 payout(s) and 2 line(s) of it overlap in the window, so they were paired by date order, preferring lines that name the processor',
  },
  {
    schemaVersion: 1,
    id: 'm_7ed87043e3f1e540',
    type: 'transfer',
    members: [
      { id: 'x1', role: 'from' },
      { id: 'x2', role: 'to' },
    ],
    difference: { minor: 0, currency: 'USD' },
    confidence: 0.95,
    state: 'suggested',
    reason:
      '25.00 USD left Checking ••6789 on 2026-03-06 ("ONLINE TRANSFER TO SAVINGS") and arrived in Savings on 2026-03-06 ("ONLINE TRANSFER FROM CHECKING"), 0 business day(s) apart',
  },
];

describe('MatchList (reconcile’s matches, made when read)', () => {
  const { matches } = reconcile({ transactions });

  it('makes exactly the Match objects reconcile returned before, keys in the same order', () => {
    expect(matches).toBeInstanceOf(MatchList);
    expect(matches.toArray()).toStrictEqual(EXPECTED);
    expect([...matches]).toStrictEqual(EXPECTED);
    expect(matches.toArray().map((m) => Object.keys(m))).toEqual(EXPECTED.map((m) => Object.keys(m)));
    expect(matches.at(-1)).toStrictEqual(EXPECTED[2]);
    expect(matches.at(3)).toBeUndefined();
  });

  it('writes the same JSON as the array did', () => {
    expect(JSON.stringify(matches)).toBe(JSON.stringify(EXPECTED));
    expect(JSON.stringify(reconcile({ transactions }))).toContain(`"matches":${JSON.stringify(EXPECTED)}`);
  });

  it('answers type, state and id without making the match, and finds one by id', () => {
    expect(matches.length).toBe(3);
    for (let i = 0; i < matches.length; i++) {
      expect(matches.typeAt(i)).toBe(EXPECTED[i]!.type);
      expect(matches.stateAt(i)).toBe('suggested');
      expect(matches.idAt(i)).toBe(EXPECTED[i]!.id);
    }
    expect(matches.byId('m_8eb0ff4d423e1407')).toStrictEqual(EXPECTED[1]);
    expect(matches.byId('m_nothing')).toBeUndefined();
  });

  it('lists a decision as it was passed in, in place of the match it decides', () => {
    const confirmed: Match = { ...EXPECTED[1]!, state: 'confirmed' };
    const again = reconcile({ transactions, decisions: [confirmed] }).matches;
    expect(again.toArray()).toStrictEqual([EXPECTED[0], confirmed, EXPECTED[2]]);
    expect(again.at(1)).toBe(confirmed);
    expect(again.stateAt(1)).toBe('confirmed');
  });
});
