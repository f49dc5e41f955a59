import { describe, expect, it } from 'vitest';
import { applyRules } from '../../../core/rules/applyRules';
import { DEFAULT_CATEGORIES, STARTER_RULES } from '../../../core/rules/defaultCategories';
import { tx } from './fixtures';

describe('starter rules and categories', () => {
  it('only set categories the chart has, and have unique ids', () => {
    const names = new Set(DEFAULT_CATEGORIES.map((c) => c.name));
    const used = STARTER_RULES.flatMap((r) =>
      r.actions.flatMap((a) => (a.type === 'setCategory' ? [a.category] : [])),
    );
    expect(used.filter((c) => !names.has(c))).toEqual([]);
    expect(new Set(STARTER_RULES.map((r) => r.id)).size).toBe(STARTER_RULES.length);
    expect(names.size).toBe(DEFAULT_CATEGORIES.length);
  });

  it('categorize a typical month', () => {
    const lines = [
      tx({ institution: 'stripe', kind: 'fee', description: 'Stripe processing fees', minor: -320 }),
      tx({ institution: 'stripe', kind: 'charge', description: 'Payment from Jane', minor: 10_000 }),
      tx({ institution: 'stripe', kind: 'payout', description: 'STRIPE PAYOUT', minor: -9_680 }),
      tx({ kind: 'deposit', description: 'STRIPE TRANSFER ST-X1Y2', minor: 9_680 }),
      tx({ description: 'UBER *EATS PENDING', minor: -2_300 }),
      tx({ description: 'UBER *TRIP HELP.UBER.COM', minor: -1_800 }),
      tx({ description: 'MONTHLY MAINTENANCE FEE', minor: -1_500 }),
      tx({ description: 'ONLINE TRANSFER TO SAVINGS ••1111', minor: -50_000 }),
      tx({ description: 'SOMETHING UNKNOWN', minor: -100 }),
    ];
    const out = applyRules(lines, STARTER_RULES).transactions;
    expect(out.map((t) => [t.category, t.transfer ?? false])).toEqual([
      ['Merchant and Processor Fees', false],
      ['Sales', false],
      ['Processor Payout', true],
      ['Processor Payout', true],
      ['Meals', false],
      ['Travel', false],
      ['Bank Fees', false],
      ['Transfer Between Accounts', true],
      [undefined, false],
    ]);
  });
});
