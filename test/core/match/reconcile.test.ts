import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../core/match/reconcile';
import { Discrepancy, Match } from '../../../core/model/match';
import { deposit, payout, txn } from './buildTransaction';

const links = (r: ReturnType<typeof reconcile>) =>
  r.matches
    .toArray()
    .filter((m) => m.type !== 'payout-rollup' && m.type !== 'duplicate' && m.type !== 'transfer')
    .map((m) => `${m.type}:${m.members.map((x) => x.id).join('+')}`);

describe('an empty run', () => {
  it('finds nothing and reports nothing (a new spreadsheet reconciled before any import)', () => {
    const { matches, discrepancies, unmatched } = reconcile({ transactions: [] });
    expect([matches.length, discrepancies, unmatched]).toEqual([0, [], []]);
  });
});

describe('processor roll-up (pass 1)', () => {
  const lines = [
    txn({
      id: 'c1',
      date: '2026-03-01',
      amount: 9680,
      gross: 10000,
      fee: 320,
      institution: 'stripe',
      kind: 'charge',
      payoutId: 'po_p1',
    }),
    txn({
      id: 'c2',
      date: '2026-03-01',
      amount: 4825,
      gross: 5000,
      fee: 175,
      institution: 'stripe',
      kind: 'charge',
      payoutId: 'po_p1',
    }),
    txn({
      id: 'r1',
      date: '2026-03-01',
      amount: -1000,
      gross: -1000,
      fee: 0,
      institution: 'stripe',
      kind: 'refund',
      payoutId: 'po_p1',
    }),
  ];

  it('groups the lines under their payout and checks that the nets add up', () => {
    const r = reconcile({ transactions: [payout('p1', '2026-03-02', 13505), ...lines] });
    const rollup = r.matches.toArray().find((m) => m.type === 'payout-rollup')!;
    expect(rollup.members.map((m) => `${m.id}:${m.role}`)).toEqual([
      'p1:payout',
      'c1:charge',
      'c2:charge',
      'r1:refund',
    ]);
    expect(rollup.difference.minor).toBe(0);
    expect(rollup.confidence).toBe(1);
    expect(rollup.reason).toContain('2 charges, 1 refund');
    expect(r.discrepancies.filter((d) => d.type === 'rollup-gap')).toEqual([]);
  });

  it('reports a payout whose lines do not add up, and a line whose gross − fee is not its net', () => {
    const broken = { ...lines[0]!, fee: { minor: 300, currency: 'USD' } };
    const r = reconcile({ transactions: [payout('p1', '2026-03-02', 14000), broken, lines[1]!, lines[2]!] });
    const gaps = r.discrepancies.filter((d) => d.type === 'rollup-gap');
    expect(gaps.map((d) => [d.transactionIds[0], d.amount.minor])).toEqual([
      ['c1', 20],
      ['p1', -495],
    ]);
    expect(gaps[1]!.reason).toContain('less than paid out');
  });

  it('links lines without a captured payout line to their deposit as one payout', () => {
    const r = reconcile({ transactions: [...lines, deposit('d1', '2026-03-04', 13505, 'STRIPE TRANSFER')] });
    expect(links(r)).toEqual(['payout-deposit:c1+c2+r1+d1']);
  });
});

describe('payout ↔ deposit', () => {
  it('takes the deposit that repeats the payout reference over an equal one nearer in date (pass 2)', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 50000, 'stripe', { description: 'Payout ST-AB12CD34EF' }),
        deposit('d1', '2026-03-03', 50000, 'STRIPE TRANSFER ST-ZZ99YY88XX'),
        deposit('d2', '2026-03-04', 50000, 'STRIPE TRANSFER ST-AB12CD34EF'),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d2']);
    expect(r.matches.toArray().find((m) => m.type === 'payout-deposit')!.confidence).toBeGreaterThanOrEqual(
      0.95,
    );
  });

  it('matches a unique deposit within the window and says why (pass 3)', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 12345),
        deposit('d1', '2026-03-04', 12345, 'STRIPE TRANSFER'),
      ],
    });
    const [m] = r.matches;
    expect(m).toMatchObject({
      type: 'payout-deposit',
      state: 'suggested',
      difference: { minor: 0, currency: 'USD' },
    });
    expect(m!.ambiguous).toBeUndefined();
    expect(m!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m!.reason).toContain('2 business days later');
    expect(m!.reason).toContain('123.45 USD');
    expect(r.unmatched).toEqual([]);
  });

  it('says in one sentence of plain characters what was linked, the amounts, the dates and the delay', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 12345),
        deposit('d1', '2026-03-04', 12345, 'STRIPE TRANSFER'),
        payout('p2', '2026-03-02', -2500),
        deposit('w2', '2026-03-03', -2500, 'STRIPE DEBIT'),
        payout('p3', '2026-03-09', 40000),
        deposit('d3', '2026-03-10', 39000, 'STRIPE TRANSFER ST-99887766'),
      ],
    });
    expect(r.matches.toArray().map((m) => m.reason)).toEqual([
      'Stripe payout po_p1 of 123.45 USD on 2026-03-02 paid into deposit "STRIPE TRANSFER" of the same amount on 2026-03-04, 2 business days later: the only line of this amount in the stripe window, and it names the processor',
      'Stripe payout po_p2 of -25.00 USD on 2026-03-02 taken by debit "STRIPE DEBIT" of the same amount on 2026-03-03, 1 business day later: the only line of this amount in the stripe window, and it names the processor',
      'Stripe payout po_p3 of 400.00 USD on 2026-03-09 paid into deposit "STRIPE TRANSFER ST-99887766" of 390.00 USD on 2026-03-10, 1 business day later: the only stripe deposit close to the payout\'s amount in its window, and the only payout near it (by -10.00 USD)',
    ]);
    // One byte a character: a run holds one reason per match.
    for (const m of r.matches) expect(m.reason).toMatch(/^[\x20-\x7e]+$/);
  });

  it('counts the window in business days, skipping the weekend and Memorial Day', () => {
    // Friday 2026-05-22 + 5 business days (Mon 25 is a holiday) = Monday 2026-06-01.
    const inside = reconcile({
      transactions: [payout('p1', '2026-05-22', 777), deposit('d1', '2026-06-01', 777, 'STRIPE')],
    });
    expect(links(inside)).toEqual(['payout-deposit:p1+d1']);
    const outside = reconcile({
      transactions: [payout('p1', '2026-05-22', 777), deposit('d1', '2026-06-02', 777, 'STRIPE')],
    });
    expect(links(outside)).toEqual([]);
    expect(outside.discrepancies.map((d) => d.type).sort()).toEqual([
      'deposit-without-source',
      'missing-deposit',
    ]);
  });

  it('honours per-processor windows', () => {
    const transactions = [payout('p1', '2026-03-02', 777), deposit('d1', '2026-03-05', 777, 'STRIPE')];
    expect(links(reconcile({ transactions, windows: { stripe: 2 } }))).toEqual([]);
    expect(links(reconcile({ transactions, windows: { stripe: 3 } }))).toEqual(['payout-deposit:p1+d1']);
  });

  it('never takes a deposit dated before the payout', () => {
    const r = reconcile({
      transactions: [payout('p1', '2026-03-03', 777), deposit('d1', '2026-03-02', 777, 'STRIPE')],
    });
    expect(links(r)).toEqual([]);
  });

  it('pairs identical amounts on nearby days in date order and marks them ambiguous', () => {
    const r = reconcile({
      transactions: [
        deposit('d2', '2026-03-05', 5000, 'STRIPE TRANSFER'),
        payout('p2', '2026-03-03', 5000),
        payout('p1', '2026-03-02', 5000),
        deposit('d1', '2026-03-04', 5000, 'STRIPE TRANSFER'),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d1', 'payout-deposit:p2+d2']);
    for (const m of r.matches) {
      expect(m.ambiguous).toBe(true);
      expect(m.confidence).toBeLessThan(0.9);
    }
  });

  it('uses processor names: a Square deposit is never a Stripe payout, and a named deposit beats an unnamed one', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 5000, 'stripe'),
        payout('q1', '2026-03-02', 5000, 'square'),
        deposit('d0', '2026-03-03', 5000, 'MOBILE DEPOSIT'),
        deposit('dq', '2026-03-03', 5000, 'SQUARE INC DEP'),
        deposit('ds', '2026-03-04', 5000, 'STRIPE TRANSFER'),
      ],
    });
    expect(links(r).sort()).toEqual(['payout-deposit:p1+ds', 'payout-deposit:q1+dq']);
    expect(r.unmatched.map((t) => t.id)).toEqual(['d0']);
  });

  it('does not take a transfer from savings for a payout', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 5000),
        deposit('d1', '2026-03-03', 5000, 'ONLINE TRANSFER FROM SAV ••4321'),
      ],
    });
    expect(links(r)).toEqual([]);
  });

  it('links a negative payout to the bank debit (refunds larger than sales)', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', -2500),
        deposit('w1', '2026-03-03', -2500, 'STRIPE DEBIT ST-QQ11WW22EE'),
      ],
    });
    expect(links(r)).toEqual(['refund-debit:p1+w1']);
    expect(r.matches.at(0)!.members[1]!.role).toBe('withdrawal');
  });

  it('takes only a debit that names the processor for a negative payout, never an unnamed expense', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', -4900),
        deposit('w1', '2026-03-03', -4900, 'COMCAST BUSINESS'),
      ],
    });
    expect(links(r)).toEqual([]);
  });

  it('does not take a counter or mobile deposit for a payout', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 9286),
        deposit('d1', '2026-03-02', 9286, 'COUNTER DEPOSIT'),
        deposit('d2', '2026-03-03', 9286, 'MOBILE DEPOSIT'),
        deposit('d3', '2026-03-04', 9286, 'ACH CREDIT 0421 CCD'),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d3']);
  });

  it('finds one deposit that is several payouts when exactly one combination adds up (pass 4)', () => {
    const r = reconcile({
      transactions: [
        payout('q1', '2026-03-02', 10001, 'square'),
        payout('q2', '2026-03-03', 20020, 'square'),
        payout('q3', '2026-03-03', 40400, 'square'),
        deposit('d1', '2026-03-04', 30021, 'SQUARE INC DEP'),
      ],
    });
    expect(links(r)).toEqual(['many-to-one:q1+q2+d1']);
    expect(r.matches.at(0)!.ambiguous).toBeUndefined();
  });

  it('proposes the nearest combination for review when several add up', () => {
    const r = reconcile({
      transactions: [
        payout('q1', '2026-03-02', 100, 'square'),
        payout('q2', '2026-03-03', 200, 'square'),
        payout('q3', '2026-03-01', 150, 'square'),
        payout('q4', '2026-03-03', 150, 'square'),
        deposit('d1', '2026-03-04', 300, 'SQUARE INC DEP'),
      ],
    });
    expect(links(r)).toEqual(['many-to-one:q1+q2+d1']);
    expect(r.matches.at(0)).toMatchObject({ ambiguous: true, confidence: 0.4 });
    expect(r.matches.at(0)!.reason).toContain('several combinations');
  });

  it('finds one payout that arrived as several deposits', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 100000),
        deposit('d1', '2026-03-04', 40000, 'STRIPE TRANSFER'),
        deposit('d2', '2026-03-04', 60000, 'STRIPE TRANSFER'),
      ],
    });
    expect(links(r)).toEqual(['one-to-many:p1+d1+d2']);
  });

  it('links a reference-matched deposit that differs in amount and reports the difference', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 100000, 'stripe', { description: 'Payout ST-AB12CD34EF' }),
        deposit('d1', '2026-03-03', 98500, 'STRIPE TRANSFER ST-AB12CD34EF'),
      ],
    });
    const m = r.matches.toArray().find((x) => x.type === 'payout-deposit')!;
    expect(m.difference.minor).toBe(-1500);
    expect(r.discrepancies).toMatchObject([
      { type: 'amount-difference', amount: { minor: -1500 }, matchId: m.id },
    ]);
  });
});

describe('transfers and duplicates (pass 5)', () => {
  it('pairs money out of one own account with the same amount into another', () => {
    const r = reconcile({
      transactions: [
        deposit('out', '2026-03-06', -50000, 'ONLINE TRANSFER TO SAV ••4321', { kind: 'transfer' }),
        deposit('in', '2026-03-09', 50000, 'ONLINE TRANSFER FROM CHK ••6789', {
          kind: 'transfer',
          account: 'Savings ••4321',
        }),
      ],
    });
    expect(r.matches.toArray().map((m) => [m.type, m.members.map((x) => `${x.id}:${x.role}`)])).toEqual([
      ['transfer', ['out:from', 'in:to']],
    ]);
  });

  it('pairs money added to a processor balance from the bank, even though the bank line names the processor', () => {
    const r = reconcile({
      transactions: [
        deposit('bank', '2026-03-02', -20000, 'PAYPAL ECHECK 1234'),
        txn({
          id: 'pp',
          date: '2026-03-03',
          amount: 20000,
          institution: 'paypal',
          account: 'PayPal USD',
          kind: 'transfer',
          description: 'Bank Deposit to PP Account',
        }),
      ],
    });
    expect(r.matches.toArray().map((m) => [m.type, m.members.map((x) => `${x.id}:${x.role}`)])).toEqual([
      ['transfer', ['bank:from', 'pp:to']],
    ]);
  });

  it('does not pair equal amounts more than 3 business days apart, or without anything saying transfer', () => {
    const far = reconcile({
      transactions: [
        deposit('out', '2026-03-02', -50000, 'ONLINE TRANSFER TO SAV', { kind: 'transfer' }),
        deposit('in', '2026-03-06', 50000, 'ONLINE TRANSFER FROM CHK', {
          kind: 'transfer',
          account: 'Savings ••4321',
        }),
      ],
    });
    expect(far.matches.toArray()).toEqual([]);
    const plain = reconcile({
      transactions: [
        deposit('out', '2026-03-02', -50000, 'CHECK 1234'),
        deposit('in', '2026-03-02', 50000, 'MOBILE DEPOSIT', { account: 'Savings ••4321' }),
      ],
    });
    expect(plain.matches.toArray()).toEqual([]);
  });

  it('keeps the posted line of a pending/posted pair, so the copy cannot take or lose a deposit', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 5000),
        deposit('pending', '2026-03-03', 5000, 'STRIPE TRANSFER', { status: 'pending' }),
        deposit('posted', '2026-03-04', 5000, 'STRIPE TRANSFER'),
      ],
    });
    expect(r.matches.toArray().find((m) => m.type === 'duplicate')!.members).toEqual([
      { id: 'posted', role: 'kept' },
      { id: 'pending', role: 'duplicate' },
    ]);
    expect(links(r)).toEqual(['payout-deposit:p1+posted']);
    expect(r.discrepancies).toEqual([]);
  });

  it('treats a line superseded by its posted line as a duplicate with full confidence', () => {
    const r = reconcile({
      transactions: [
        deposit('pending', '2026-03-03', 5000, 'CARD', { status: 'pending', supersededBy: 'posted' }),
        deposit('posted', '2026-03-05', 5100, 'CARD TIP', { supersedes: 'pending' }),
      ],
    });
    expect(r.matches.toArray()).toMatchObject([
      { type: 'duplicate', confidence: 1, difference: { minor: -100 } },
    ]);
    expect(r.unmatched.map((t) => t.id)).toEqual(['posted']);
  });

  it('finds one line read from two sources, but not two identical lines from one source', () => {
    const fromFile = deposit('a', '2026-03-03', -1250, 'BLUE BOTTLE COFFEE');
    const fromCapture = deposit('b', '2026-03-03', -1250, 'BLUE BOTTLE COFFEE', {
      origin: { url: 'https://bank.example/activity', capturedAt: '2026-03-04T00:00:00Z' },
    });
    const twin = deposit('c', '2026-03-03', -1250, 'BLUE BOTTLE COFFEE');
    const r = reconcile({ transactions: [fromFile, fromCapture, twin] });
    const dups = r.matches.toArray().filter((m) => m.type === 'duplicate');
    expect(dups).toHaveLength(1);
    expect(dups[0]!.members.map((m) => m.id).sort()).toEqual(['a', 'b']);
  });
});

describe('discrepancies (pass 6)', () => {
  const end = '2026-03-31';
  it('reports payouts in transit, payouts with no deposit after their window, and deposits with no source', () => {
    const r = reconcile({
      periodEnd: end,
      transactions: [
        payout('late', '2026-03-30', 1000),
        payout('lost', '2026-03-02', 2000),
        deposit('orphan', '2026-03-10', 3000, 'PAYPAL TRANSFER'),
        deposit('customer', '2026-03-10', 4000, 'MOBILE DEPOSIT'),
        deposit('last', end, -10, 'FEE'),
      ],
    });
    expect(r.discrepancies.map((d) => [d.type, d.transactionIds.join(), d.amount.minor])).toEqual([
      ['missing-deposit', 'lost', 2000],
      ['deposit-without-source', 'orphan', 3000],
      ['in-transit', 'late', 1000],
    ]);
    expect(r.unmatched.map((t) => t.id).sort()).toEqual(['customer', 'last', 'late', 'lost', 'orphan']);
  });

  it('reports a payout that reached the bank only after the period end as in transit at the period end', () => {
    const r = reconcile({
      periodEnd: end,
      transactions: [payout('p1', '2026-03-31', 1000), deposit('d1', '2026-04-02', 1000, 'STRIPE')],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d1']);
    expect(r.discrepancies).toMatchObject([
      { type: 'in-transit', transactionIds: ['p1', 'd1'], matchId: r.matches.at(0)!.id },
    ]);
  });
});

describe('decisions', () => {
  const transactions = [
    payout('p1', '2026-03-02', 5000),
    deposit('d1', '2026-03-03', 5000, 'STRIPE TRANSFER'),
    deposit('d2', '2026-03-04', 5000, 'STRIPE TRANSFER'),
  ];

  it('never proposes a rejected pairing again, and keeps the rejection in the output', () => {
    const first = reconcile({ transactions });
    expect(links(first)).toEqual(['payout-deposit:p1+d1']);
    const rejected: Match = { ...first.matches.at(0)!, state: 'rejected' };
    const second = reconcile({ transactions, decisions: [rejected] });
    expect(
      second.matches
        .toArray()
        .map((m) => `${m.state}:${m.members.map((x) => x.id).join('+')}`)
        .sort(),
    ).toEqual(['rejected:p1+d1', 'suggested:p1+d2']);
  });

  it('keeps a confirmed match as it was, and no pass takes its members again', () => {
    const confirmed: Match = {
      ...reconcile({ transactions: [transactions[0]!, transactions[2]!] }).matches.at(0)!,
      state: 'confirmed',
    };
    const r = reconcile({ transactions, decisions: [confirmed] });
    expect(r.matches.toArray()).toEqual([confirmed]);
    expect(r.unmatched.map((t) => t.id)).toEqual(['d1']);
  });
});

describe('contracts and determinism', () => {
  const transactions = [
    payout('p1', '2026-03-02', 5000),
    payout('p2', '2026-03-03', 5000),
    payout('q1', '2026-03-02', 700, 'square'),
    payout('q2', '2026-03-02', 800, 'square'),
    deposit('d1', '2026-03-04', 5000, 'STRIPE TRANSFER'),
    deposit('d2', '2026-03-04', 5000, 'STRIPE TRANSFER'),
    deposit('d3', '2026-03-04', 1500, 'SQUARE INC DEP'),
    deposit('o1', '2026-03-04', -900, 'ONLINE TRANSFER TO SAV', { kind: 'transfer' }),
    deposit('i1', '2026-03-04', 900, 'ONLINE TRANSFER FROM CHK', {
      kind: 'transfer',
      account: 'Savings ••4321',
    }),
  ];

  it('produces matches and discrepancies that satisfy their schemas, with stable ids', () => {
    const r = reconcile({ transactions, periodEnd: '2026-03-31' });
    for (const m of r.matches) expect(Match.safeParse(m).success).toBe(true);
    for (const d of r.discrepancies) expect(Discrepancy.safeParse(d).success).toBe(true);
    expect(
      reconcile({ transactions })
        .matches.toArray()
        .map((m) => m.id),
    ).toEqual(r.matches.toArray().map((m) => m.id));
  });

  it('gives the same result whatever the input order', () => {
    const expected = reconcile({ transactions });
    expect(reconcile({ transactions: [...transactions].reverse() })).toEqual(expected);
    expect(reconcile({ transactions: [...transactions.slice(4), ...transactions.slice(0, 4)] })).toEqual(
      expected,
    );
  });
});
