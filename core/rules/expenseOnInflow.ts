import type { Condition, Rule } from '../model/rule';
import { DEFAULT_CATEGORIES } from './defaultCategories';

const SPENDING = new Set(
  DEFAULT_CATEGORIES.filter((c) => c.group === 'Expenses' || c.group === 'Cost of Goods Sold').map((c) =>
    c.name.toLowerCase(),
  ),
);

/** An expense or cost-of-goods category of the chart (Meals, Supplies …): money spent. */
export const isSpendingCategory = (category: string) => SPENDING.has(category.trim().toLowerCase());

const positive = (value: string | undefined) => value !== undefined && !value.startsWith('-');

/** Whether a condition (or one inside a group) asks for money in: `inflow`, `> 0`, a range above zero. */
function asksForInflow(c: Condition): boolean {
  if (c.field === 'all' || c.field === 'any') return c.conditions.some(asksForInflow);
  if (c.field !== 'amount') return false;
  if (c.not) return c.op === 'outflow';
  switch (c.op) {
    case 'inflow':
      return true;
    case 'gt':
    case 'gte':
      return positive(c.value);
    case 'is':
      return positive(c.value) && Number(c.value) !== 0;
    case 'between':
      return positive(c.min) && positive(c.max);
    default:
      return false;
  }
}

/**
 * An expense category is never put on money coming in — a café's sales of coffee are not Meals —
 * unless the rule says explicitly that it is for inflows (an amount condition `inflow`, `> 0` …),
 * as a rule for a supplier's refunds would.
 */
export function expenseBlockedOnInflow(rule: Rule, category: string, amountMinor: number): boolean {
  return amountMinor > 0 && isSpendingCategory(category) && !rule.conditions.some(asksForInflow);
}
