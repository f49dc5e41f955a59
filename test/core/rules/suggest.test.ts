import { describe, expect, it } from 'vitest';
import { applyRules } from '../../../core/rules/applyRules';
import { suggestCategories, suggestRules } from '../../../core/rules/suggest';
import { tx } from './fixtures';

const coffee = (n: number, category?: string, extra = {}) =>
  tx({
    description: `SQ *BLUE BOTTLE COF #${100 + n} OAKLAND CA`,
    payee: 'SQ *BLUE BOTTLE',
    minor: -450 - n,
    ...(category ? { category } : {}),
    ...extra,
  });

describe('suggestCategories', () => {
  const history = [coffee(1, 'Meals'), coffee(2, 'Meals'), coffee(3, 'Meals'), coffee(4, 'Client Gifts')];

  it('proposes the category most used for the same payee and direction, with a confidence', () => {
    const open = coffee(9);
    expect(suggestCategories(history, [open])).toEqual([
      {
        id: open.id,
        category: 'Meals',
        confidence: 0.6,
        because: '3 of 4 earlier "Blue Bottle Coffee" outflows are Meals',
      },
    ]);
  });

  it('grows more confident with more agreeing history', () => {
    const many = Array.from({ length: 9 }, (_, i) => coffee(i, 'Meals'));
    expect(suggestCategories(many, [coffee(20)])[0]!.confidence).toBe(0.9);
    expect(suggestCategories(many.slice(0, 1), [coffee(20)])[0]!.confidence).toBe(0.5);
  });

  it('does not carry an outflow category over to an inflow from the same payee', () => {
    const refund = coffee(9, undefined, { minor: 450 });
    const [s] = suggestCategories(history, [refund]);
    expect(s?.because ?? '').not.toMatch(/of \d+ earlier/);
  });

  it('falls back to shared words, less confidently', () => {
    const other = tx({ description: 'BLUE BOTTLE KIOSK SFO', minor: -300 });
    const [s] = suggestCategories(history, [other]);
    expect(s).toMatchObject({ id: other.id, category: 'Meals' });
    expect(s!.confidence).toBeLessThanOrEqual(0.5);
    expect(s!.because).toContain('"bottle"');
  });

  it('suggests nothing without evidence, and skips what is already categorized', () => {
    expect(suggestCategories(history, [tx({ description: 'ZZZ TOP' }), coffee(5, 'Travel')])).toEqual([]);
    expect(suggestCategories([], [coffee(5)])).toEqual([]);
  });

  it('never changes the transactions it looks at', () => {
    const open = coffee(9);
    const before = structuredClone(open);
    suggestCategories(history, [open]);
    expect(open).toEqual(before);
  });
});

describe('suggestRules', () => {
  it('proposes a disabled rule from repeated hand categorizations that matches them', () => {
    const history = [coffee(1, 'Meals'), coffee(2, 'Meals'), coffee(3, 'Meals')];
    const rules = suggestRules(history);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      enabled: false,
      conditions: [
        { field: 'description', op: 'contains', value: 'sq *blue bottle cof' },
        { field: 'amount', op: 'outflow' },
      ],
      actions: [{ type: 'setCategory', category: 'Meals' }],
    });
    expect(rules[0]!.name).toBe('Suggested: "Blue Bottle Coffee" outflows → Meals (3 of 3 by hand)');
    const enabled = rules.map((r) => ({ ...r, enabled: true }));
    const fresh = [coffee(7), coffee(8)];
    expect(applyRules(fresh, enabled).transactions.map((t) => t.category)).toEqual(['Meals', 'Meals']);
  });

  it('ignores single examples, disagreement and what rules already categorize', () => {
    expect(suggestRules([coffee(1, 'Meals')])).toEqual([]);
    expect(suggestRules([coffee(1, 'Meals'), coffee(2, 'Travel'), coffee(3, 'Gifts')])).toEqual([]);
    expect(suggestRules([coffee(1, 'Meals', { rule: 'r' }), coffee(2, 'Meals', { rule: 'r' })])).toEqual([]);
  });

  it('is deterministic whatever the history order', () => {
    const history = [
      coffee(1, 'Meals'),
      coffee(2, 'Meals'),
      tx({ description: 'ADOBE *CREATIVE CLOUD', category: 'Software' }),
      tx({ description: 'ADOBE *CREATIVE CLOUD', category: 'Software' }),
      tx({ description: 'ADOBE *CREATIVE CLOUD', category: 'Software' }),
    ];
    const a = suggestRules(history);
    expect(a.map((r) => r.actions[0])).toEqual([
      { type: 'setCategory', category: 'Software' },
      { type: 'setCategory', category: 'Meals' },
    ]);
    expect(suggestRules([...history].reverse())).toEqual(a);
  });
});
