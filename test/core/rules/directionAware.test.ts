import { describe, expect, it } from 'vitest';
import { parseRule, type Rule } from '../../../core/model/rule';
import { applyRules } from '../../../core/rules/applyRules';
import { DEFAULT_CATEGORIES, STARTER_RULES } from '../../../core/rules/defaultCategories';
import { tx } from './fixtures';

const GROUP = new Map(DEFAULT_CATEGORIES.map((c) => [c.name, c.group]));
const categoryOf = (line: ReturnType<typeof tx>, rules: readonly Rule[] = STARTER_RULES) =>
  applyRules([line], rules).transactions[0]!.category;

/** A description each starter rule on bank lines matches, from its own `contains` values. */
const probe = (rule: Rule): string | undefined => {
  for (const c of rule.conditions)
    if (c.field === 'description' && c.op === 'contains')
      return `${Array.isArray(c.value) ? c.value[0] : c.value} 1234`;
  return undefined;
};

describe('direction-aware categories', () => {
  it('Square and Stripe sales of coffee and bread are Sales, never Meals', () => {
    for (const description of [
      '2 x Latte, 1 x Sourdough loaf',
      '1 x Drip coffee',
      'Coffee beans 1lb',
      'STARBUCKS RESERVE blend',
    ]) {
      for (const institution of ['square', 'stripe']) {
        expect(categoryOf(tx({ institution, kind: 'charge', description, minor: 1_050 }))).toBe('Sales');
      }
    }
  });

  it('every starter rule that sets an expense sets it on money out and never on money in', () => {
    const checked: string[] = [];
    for (const rule of STARTER_RULES) {
      const category = rule.actions.find((a) => a.type === 'setCategory')?.category;
      const description = probe(rule);
      if (!category || !description || !['Expenses', 'Cost of Goods Sold'].includes(GROUP.get(category)!))
        continue;
      expect([rule.id, categoryOf(tx({ description, minor: -4_200 }))]).toEqual([rule.id, category]);
      expect([rule.id, categoryOf(tx({ description, minor: 4_200 }))]).toEqual([rule.id, undefined]);
      checked.push(rule.id);
    }
    expect(checked.length).toBeGreaterThanOrEqual(7);
  });

  it('income, payout and transfer starter rules keep to their direction', () => {
    expect(categoryOf(tx({ description: 'INTEREST PAYMENT', minor: 120 }))).toBe('Interest Income');
    expect(categoryOf(tx({ description: 'INTEREST PAYMENT', minor: -120 }))).toBeUndefined();
    expect(categoryOf(tx({ kind: 'deposit', description: 'SQUARE INC DEPOSIT 261104', minor: 81_240 }))).toBe(
      'Processor Payout',
    );
    expect(categoryOf(tx({ description: 'ONLINE TRANSFER FROM CHECKING ••4417', minor: 200_000 }))).toBe(
      'Transfer Between Accounts',
    );
    expect(categoryOf(tx({ description: 'ONLINE TRANSFER TO SAVINGS ••4421', minor: -200_000 }))).toBe(
      'Transfer Between Accounts',
    );
  });

  it('a rule that says it is for inflows may put an expense category on one (a supplier refund)', () => {
    const parsed = parseRule({
      id: 'supplier-refund',
      name: 'Supplier refunds reduce supplies',
      conditions: [
        { field: 'description', op: 'contains', value: 'RESTAURANT DEPOT' },
        { field: 'amount', op: 'inflow' },
      ],
      actions: [{ type: 'setCategory', category: 'Supplies' }],
    });
    if (!parsed.ok) expect.fail(JSON.stringify(parsed.problems));
    const rules = [parsed.value];
    expect(categoryOf(tx({ description: 'RESTAURANT DEPOT REFUND', minor: 1_999 }), rules)).toBe('Supplies');
    const unsigned = { ...parsed.value, conditions: parsed.value.conditions.slice(0, 1) };
    expect(
      categoryOf(tx({ description: 'RESTAURANT DEPOT REFUND', minor: 1_999 }), [unsigned]),
    ).toBeUndefined();
    expect(categoryOf(tx({ description: 'RESTAURANT DEPOT #12', minor: -1_999 }), [unsigned])).toBe(
      'Supplies',
    );
  });
});
