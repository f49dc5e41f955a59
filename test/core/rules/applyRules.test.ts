import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerbridgeError } from '../../../core/model/errors';
import type { Rule } from '../../../core/model/rule';
import { applyRules } from '../../../core/rules/applyRules';
import { compileRules } from '../../../core/rules/compileRules';
import { rulesArb, transactionArb } from './arbitraries';
import { rule, tx } from './fixtures';
import { naiveApplyRules } from './naiveApplyRules';

const setCategory = (category: string) => [{ type: 'setCategory', category }];

describe('applyRules: order', () => {
  it('runs stages, then rank, then id, so the last matching rule wins', () => {
    const rules = [
      rule({ id: 'b', stage: 'default', rank: 1, conditions: [], actions: setCategory('default-1-b') }),
      rule({ id: 'a', stage: 'default', rank: 1, conditions: [], actions: setCategory('default-1-a') }),
      rule({
        id: 'z',
        stage: 'post',
        rank: -5,
        conditions: [],
        actions: [{ type: 'appendNote', note: 'post' }],
      }),
      rule({ id: 'c', stage: 'pre', rank: 99, conditions: [], actions: setCategory('pre') }),
    ];
    const [t] = applyRules([tx()], rules).transactions;
    expect(t!.category).toBe('default-1-b');
    expect(t!.rule).toBe('b');
    expect(t!.ruleTrail).toEqual([
      { rule: 'b', field: 'category', value: 'default-1-b' },
      { rule: 'z', field: 'notes', value: 'post' },
    ]);
  });

  it('stops at a matching rule with stop', () => {
    const rules = [
      rule({ id: 'first', rank: 1, stop: true, conditions: [], actions: setCategory('Kept') }),
      rule({ id: 'second', rank: 2, conditions: [], actions: setCategory('Never') }),
    ];
    expect(applyRules([tx()], rules).transactions[0]!.category).toBe('Kept');
  });

  it('a stop rule that does not match stops nothing', () => {
    const rules = [
      rule({
        id: 'first',
        rank: 1,
        stop: true,
        conditions: [{ field: 'description', op: 'contains', value: 'nowhere' }],
        actions: setCategory('No'),
      }),
      rule({ id: 'second', rank: 2, conditions: [], actions: setCategory('Yes') }),
    ];
    expect(applyRules([tx()], rules).transactions[0]!.category).toBe('Yes');
  });

  it('treats each transaction on its own, whatever order they come in (property)', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 10 }), rulesArb(), (ts, rules) => {
        const forward = applyRules(ts, rules).transactions;
        const backward = applyRules([...ts].reverse(), rules).transactions.reverse();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 100 },
    );
  });

  it('takes rules compiled once and reused, with the same results', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 8 }), rulesArb(), (ts, rules) => {
        const compiled = compileRules(rules);
        expect(applyRules(ts, compiled)).toEqual(applyRules(ts, rules));
        expect(applyRules(ts, compiled)).toEqual(applyRules(ts, rules));
      }),
      { numRuns: 50 },
    );
  });

  it('throws a typed error for a rule that skipped validation', () => {
    const unchecked = {
      ...rule({ id: 'r', conditions: [], actions: setCategory('X') }),
      conditions: [{ field: 'description', op: 'matches', value: '(a)\\1' }],
    } as Rule;
    expect(() => applyRules([tx()], [unchecked])).toThrow(LedgerbridgeError);
  });

  it('skips disabled rules', () => {
    const rules = [rule({ id: 'off', enabled: false, conditions: [], actions: setCategory('Off') })];
    expect(applyRules([tx()], rules).transactions[0]!.category).toBeUndefined();
  });

  it('gives the same result whatever order the rules come in (property)', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 8 }), rulesArb(), fc.nat(), (ts, rules, seed) => {
        const shuffled = [...rules].sort(
          (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7),
        );
        expect(applyRules(ts, shuffled).transactions).toEqual(applyRules(ts, rules).transactions);
      }),
      { numRuns: 150 },
    );
  });
});

describe('applyRules: conditions', () => {
  const matches = (conditions: unknown[], t = tx(), conditionsOp = 'and') =>
    applyRules([t], [rule({ id: 'r', conditionsOp, conditions, actions: setCategory('Hit') })])
      .transactions[0]!.category === 'Hit';

  it('compares text case- and spacing-insensitively', () => {
    const t = tx({ description: 'SQ *BLUE BOTTLE COF OAKLAND CA', payee: 'Blue Bottle' });
    expect(matches([{ field: 'description', op: 'contains', value: 'blue  bottle' }], t)).toBe(true);
    expect(matches([{ field: 'description', op: 'startsWith', value: 'sq *' }], t)).toBe(true);
    expect(matches([{ field: 'description', op: 'startsWith', value: 'blue' }], t)).toBe(false);
    expect(matches([{ field: 'payee', op: 'is', value: 'BLUE BOTTLE' }], t)).toBe(true);
    expect(matches([{ field: 'payee', op: 'is', value: 'Blue' }], t)).toBe(false);
    expect(matches([{ field: 'payee', op: 'oneOf', value: ['Uber', 'blue bottle'] }], t)).toBe(true);
    expect(matches([{ field: 'description', op: 'contains', value: ['uber', 'oakland'] }], t)).toBe(true);
  });

  it('matches regexes with the linear engine', () => {
    const t = tx({ description: 'UBER *EATS PENDING' });
    expect(matches([{ field: 'description', op: 'matches', value: '^uber \\*eats\\b' }], t)).toBe(true);
    expect(matches([{ field: 'description', op: 'matches', value: '^eats' }], t)).toBe(false);
  });

  it('compares amounts exactly in any currency', () => {
    const usd = tx({ minor: -1250 });
    expect(matches([{ field: 'amount', op: 'is', value: '-12.5' }], usd)).toBe(true);
    expect(matches([{ field: 'amount', op: 'between', min: '-20', max: '-12.50' }], usd)).toBe(true);
    expect(matches([{ field: 'amount', op: 'between', min: '-12.49', max: '0' }], usd)).toBe(false);
    expect(matches([{ field: 'amount', op: 'lt', value: '-12.5' }], usd)).toBe(false);
    expect(matches([{ field: 'amount', op: 'lte', value: '-12.5' }], usd)).toBe(true);
    expect(matches([{ field: 'amount', op: 'outflow' }], usd)).toBe(true);
    expect(matches([{ field: 'amount', op: 'inflow' }], usd)).toBe(false);
    const yen = tx({ minor: 1250, currency: 'JPY' });
    expect(matches([{ field: 'amount', op: 'is', value: '1250' }], yen)).toBe(true);
    expect(matches([{ field: 'amount', op: 'gt', value: '1249.99' }], yen)).toBe(true);
    const dinar = tx({ minor: 1250, currency: 'KWD' });
    expect(matches([{ field: 'amount', op: 'is', value: '1.25' }], dinar)).toBe(true);
  });

  it('compares dates, kinds, statuses, accounts, institutions and currencies', () => {
    const t = tx({
      date: '2026-03-31',
      kind: 'fee',
      status: 'pending',
      institution: 'stripe',
      account: 'Stripe',
    });
    expect(matches([{ field: 'date', op: 'between', min: '2026-03-01', max: '2026-03-31' }], t)).toBe(true);
    expect(matches([{ field: 'date', op: 'before', value: '2026-03-31' }], t)).toBe(false);
    expect(matches([{ field: 'date', op: 'onOrBefore', value: '2026-03-31' }], t)).toBe(true);
    expect(matches([{ field: 'kind', op: 'is', value: 'fee' }], t)).toBe(true);
    expect(matches([{ field: 'status', op: 'is', value: 'posted' }], t)).toBe(false);
    expect(matches([{ field: 'institution', op: 'oneOf', value: ['square', 'stripe'] }], t)).toBe(true);
    expect(matches([{ field: 'account', op: 'is', value: 'stripe' }], t)).toBe(true);
    expect(matches([{ field: 'currency', op: 'is', value: 'usd' }], t)).toBe(true);
  });

  it('combines with and/or, nested all/any and not', () => {
    const t = tx({ description: 'STRIPE TRANSFER', minor: 5000 });
    const stripe = { field: 'description', op: 'contains', value: 'stripe' };
    const out = { field: 'amount', op: 'outflow' };
    expect(matches([stripe, out], t)).toBe(false);
    expect(matches([stripe, out], t, 'or')).toBe(true);
    expect(matches([{ ...out, not: true }, stripe], t)).toBe(true);
    expect(
      matches(
        [
          { field: 'any', conditions: [out, stripe] },
          { field: 'all', conditions: [stripe] },
        ],
        t,
      ),
    ).toBe(true);
    expect(matches([{ field: 'all', conditions: [out, stripe], not: true }], t)).toBe(true);
    expect(matches([], t)).toBe(true);
    expect(matches([], t, 'or')).toBe(false);
  });

  it('sees the payee and category earlier rules set', () => {
    const rules = [
      rule({
        id: 'a',
        rank: 1,
        conditions: [],
        actions: [{ type: 'setPayee', payee: 'Blue Bottle Coffee' }],
      }),
      rule({
        id: 'b',
        rank: 2,
        conditions: [{ field: 'payee', op: 'is', value: 'blue bottle coffee' }],
        actions: setCategory('Meals'),
      }),
      rule({
        id: 'c',
        rank: 3,
        conditions: [{ field: 'category', op: 'is', value: 'Meals' }],
        actions: [{ type: 'addTags', tags: ['food'] }],
      }),
    ];
    const [t] = applyRules([tx()], rules).transactions;
    expect(t).toMatchObject({ payee: 'Blue Bottle Coffee', category: 'Meals', tags: ['food'] });
  });

  it('agrees with a naive interpreter of the same rules (property)', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 12 }), rulesArb(10), (ts, rules) => {
        expect(applyRules(ts, rules).transactions).toEqual(naiveApplyRules(ts, rules));
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyRules: actions and the trail', () => {
  it('records every value a rule set', () => {
    const r = rule({
      id: 'coffee',
      conditions: [],
      actions: [
        { type: 'setCategory', category: 'Meals' },
        { type: 'setPayee', payee: 'Blue Bottle Coffee' },
        { type: 'addTags', tags: ['food', 'client'] },
        { type: 'markTransfer' },
        { type: 'appendNote', note: 'keep receipt' },
      ],
    });
    const result = applyRules([tx({ payee: 'SQ *BLUE BOTTLE', tags: ['client'] })], [r]);
    expect(result.changed).toBe(1);
    expect(result.transactions[0]).toMatchObject({
      category: 'Meals',
      rule: 'coffee',
      payee: 'Blue Bottle Coffee',
      tags: ['client', 'food'],
      transfer: true,
      notes: 'keep receipt',
      ruleTrail: [
        { rule: 'coffee', field: 'category', value: 'Meals' },
        { rule: 'coffee', field: 'payee.from', value: 'SQ *BLUE BOTTLE' },
        { rule: 'coffee', field: 'payee', value: 'Blue Bottle Coffee' },
        { rule: 'coffee', field: 'tags', value: 'food' },
        { rule: 'coffee', field: 'transfer', value: 'true' },
        { rule: 'coffee', field: 'notes', value: 'keep receipt' },
      ],
    });
  });

  it('returns untouched transactions as the same objects and counts only changes', () => {
    const hit = tx({ description: 'STRIPE' });
    const miss = tx({ description: 'OTHER' });
    const r = rule({
      id: 'r',
      conditions: [{ field: 'description', op: 'is', value: 'stripe' }],
      actions: setCategory('X'),
    });
    const result = applyRules([hit, miss], [r]);
    expect(result.changed).toBe(1);
    expect(result.transactions[1]).toBe(miss);
    expect(result.transactions.map((t) => t.id)).toEqual([hit.id, miss.id]);
  });

  it('splits by percent so the parts sum exactly to the amount', () => {
    const r = rule({
      id: 'thirds',
      conditions: [],
      actions: [
        {
          type: 'split',
          parts: [1, 2, 3].map((i) => ({ category: `C${i}`, percent: i === 3 ? 33.3334 : 33.3333 })),
        },
      ],
    });
    const [t] = applyRules([tx({ minor: -1000 })], [r]).transactions;
    expect(t!.splits!.map((s) => s.amount.minor)).toEqual([-333, -333, -334]);
    expect(t!.ruleTrail).toContainEqual({
      rule: 'thirds',
      field: 'splits',
      value: 'C1 -3.33 · C2 -3.33 · C3 -3.34',
    });
  });

  it('splits fixed amounts with the sign of the amount and the rest to the remainder', () => {
    const r = rule({
      id: 'fixed',
      conditions: [],
      actions: [
        { type: 'split', parts: [{ category: 'Supplies', amount: '25.00' }], remainder: 'Office Expense' },
      ],
    });
    const [t] = applyRules([tx({ minor: -10_000 })], [r]).transactions;
    expect(t!.splits).toEqual([
      { category: 'Supplies', amount: { minor: -2500, currency: 'USD' } },
      { category: 'Office Expense', amount: { minor: -7500, currency: 'USD' } },
    ]);
  });

  it('reports a fixed split larger than the amount, or finer than the currency, and does not split', () => {
    const r = rule({
      id: 'fixed',
      conditions: [],
      actions: [{ type: 'split', parts: [{ category: 'Supplies', amount: '25.50' }], remainder: 'Other' }],
    });
    const small = tx({ minor: -1000 });
    const yen = tx({ minor: -10_000, currency: 'JPY' });
    const result = applyRules([small, yen], [r]);
    expect(result.transactions).toEqual([small, yen]);
    expect(result.problems.map((p) => p.code)).toEqual(['split_exceeds_amount', 'split_amount_precision']);
  });
});

describe('applyRules: what the bookkeeper set by hand', () => {
  const rules = [
    rule({
      id: 'coffee',
      conditions: [{ field: 'description', op: 'contains', value: 'coffee' }],
      actions: [
        { type: 'setCategory', category: 'Meals' },
        { type: 'setPayee', payee: 'Coffee Shop' },
        { type: 'addTags', tags: ['food'] },
        { type: 'appendNote', note: 'receipt' },
        {
          type: 'split',
          parts: [
            { category: 'Meals', percent: 50 },
            { category: 'Travel', percent: 50 },
          ],
        },
        { type: 'markTransfer' },
      ],
    }),
  ];

  it('never overwrites a category without a rule, a transfer flag or splits set by someone else', () => {
    const manual = tx({
      description: 'COFFEE',
      category: 'Client Gifts',
      transfer: false,
      splits: [{ category: 'Client Gifts', amount: { minor: -1000, currency: 'USD' } }],
    });
    const [t] = applyRules([manual], rules).transactions;
    expect(t).toMatchObject({ category: 'Client Gifts', transfer: false, splits: manual.splits });
    expect(t!.rule).toBeUndefined();
    expect(t!.ruleTrail!.map((e) => e.field)).toEqual(['payee.from', 'payee', 'tags', 'notes']);
  });

  it('keeps a category the bookkeeper changed after a rule set it, and drops the stale rule name', () => {
    const [once] = applyRules([tx({ description: 'COFFEE' })], rules).transactions;
    const edited = { ...once!, category: 'Client Gifts', payee: 'Ritual Coffee' };
    const [again] = applyRules([edited], rules).transactions;
    expect(again).toMatchObject({ category: 'Client Gifts', payee: 'Ritual Coffee' });
    expect(again!.rule).toBeUndefined();
  });

  it('keeps a renamed payee, a removed tag and an edited note through every later re-apply', () => {
    const [once] = applyRules([tx({ description: 'COFFEE', payee: 'COFFEE' })], rules).transactions;
    expect(once).toMatchObject({ payee: 'Coffee Shop', tags: ['food'], notes: 'receipt' });
    const edited = { ...once!, payee: 'Ritual Coffee', tags: [], notes: 'lunch with client' };
    const [twice] = applyRules([edited], rules).transactions;
    const [thrice] = applyRules([twice!], rules).transactions;
    for (const t of [twice, thrice]) {
      expect(t).toMatchObject({
        payee: 'Ritual Coffee',
        tags: [],
        notes: 'lunch with client',
        category: 'Meals',
      });
    }
    expect(thrice).toEqual(twice);
    expect(twice!.ruleTrail).toContainEqual({ rule: 'coffee', field: 'tags.removed', value: 'food' });
  });

  it('respects hand edits made after rules ran, and stays stable (property)', () => {
    const edits = fc.record({
      category: fc.option(fc.constant('By Hand'), { nil: undefined }),
      payee: fc.option(fc.constant('Hand Payee'), { nil: undefined }),
      clearTags: fc.boolean(),
      notes: fc.option(fc.constant('hand note'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(transactionArb, edits), { maxLength: 6 }), rulesArb(), (rows, rs) => {
        const once = applyRules(
          rows.map(([t]) => t),
          rs,
        ).transactions;
        const edited = once.map((t, i) => {
          const e = rows[i]![1];
          return {
            ...t,
            ...(e.category ? { category: e.category } : {}),
            ...(e.payee ? { payee: e.payee } : {}),
            ...(e.clearTags ? { tags: [] } : {}),
            ...(e.notes ? { notes: e.notes } : {}),
          };
        });
        const again = applyRules(edited, rs).transactions;
        again.forEach((t, i) => {
          const e = rows[i]![1];
          const before = once[i]!;
          const trailHas = (field: string) => before.ruleTrail?.some((x) => x.field === field) ?? false;
          if (e.category) expect(t.category).toBe('By Hand');
          if (e.payee && trailHas('payee')) expect(t.payee).toBe('Hand Payee');
          if (e.clearTags) for (const tag of before.tags) expect(t.tags).not.toContain(tag);
          if (e.notes && trailHas('notes')) expect(t.notes).toBe('hand note');
          if (e.notes) expect(t.notes?.startsWith('hand note')).toBe(true);
        });
        expect(applyRules(again, rs).transactions).toEqual(again);
      }),
      { numRuns: 300 },
    );
  });

  it('re-applying the same rules changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 10 }), rulesArb(), (ts, rs) => {
        const once = applyRules(ts, rs);
        const twice = applyRules(once.transactions, rs);
        expect(twice.changed).toBe(0);
        expect(twice.transactions).toEqual(once.transactions);
      }),
      { numRuns: 200 },
    );
  });

  it('re-applying after rules change equals applying the new rules to the originals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(transactionArb, { maxLength: 10 }),
        rulesArb(),
        rulesArb(),
        (ts, before, after) => {
          const reapplied = applyRules(applyRules(ts, before).transactions, after).transactions;
          expect(reapplied).toEqual(applyRules(ts, after).transactions);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('releases what a rule set once the rule no longer matches', () => {
    const original = tx({ description: 'COFFEE', payee: 'COFFEE', notes: 'mine', tags: ['mine'] });
    const [categorized] = applyRules([original], rules).transactions;
    expect(categorized!.notes).toBe('mine\nreceipt');
    const [released] = applyRules([categorized!], []).transactions;
    expect(released).toEqual(original);
  });
});
