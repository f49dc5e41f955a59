import { currencyExponent } from '../../../core/model/currency';
import type { Condition, Rule } from '../../../core/model/rule';
import type { Transaction } from '../../../core/model/transaction';
import { applyActions } from '../../../core/rules/applyActions';
import { sortRules } from '../../../core/rules/ruleOrder';
import { RuleSubject } from '../../../core/rules/ruleSubject';

/**
 * The baseline the compiled engine is checked and benchmarked against: every rule object is
 * re-interpreted for every transaction (text folded, amounts parsed and regexes built on each
 * evaluation, no index). Same actions, so only matching is compared.
 */
export function naiveApplyRules(transactions: readonly Transaction[], rules: readonly Rule[]): Transaction[] {
  const ordered = sortRules(rules).filter((r) => r.enabled);
  return transactions.map((t) => {
    const subject = new RuleSubject(t);
    for (const r of ordered) {
      const results = r.conditions.map((c) => holds(c, subject));
      const matched = r.conditionsOp === 'and' ? results.every(Boolean) : results.some(Boolean);
      if (!matched) continue;
      applyActions(r, subject, []);
      if (r.stop) break;
    }
    return subject.result().transaction;
  });
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function scaled(decimal: string): number {
  return Math.round(Number(decimal) * 10_000);
}

function holds(c: Condition, s: RuleSubject): boolean {
  const result = positive(c, s);
  return c.not ? !result : result;
}

function positive(c: Condition, s: RuleSubject): boolean {
  if ('conditions' in c) {
    const results = c.conditions.map((x) => holds(x, s));
    return c.field === 'all' ? results.every(Boolean) : results.some(Boolean);
  }
  if (c.field === 'amount') {
    const a = s.source.amount.minor * 10 ** (4 - currencyExponent(s.source.amount.currency));
    switch (c.op) {
      case 'inflow':
        return a > 0;
      case 'outflow':
        return a < 0;
      case 'is':
        return a === scaled(c.value!);
      case 'gt':
        return a > scaled(c.value!);
      case 'gte':
        return a >= scaled(c.value!);
      case 'lt':
        return a < scaled(c.value!);
      case 'lte':
        return a <= scaled(c.value!);
      case 'between':
        return a >= scaled(c.min!) && a <= scaled(c.max!);
    }
  }
  if (c.field === 'date') {
    const d = s.source.date;
    switch (c.op) {
      case 'is':
        return d === c.value;
      case 'before':
        return d < c.value!;
      case 'after':
        return d > c.value!;
      case 'onOrBefore':
        return d <= c.value!;
      case 'onOrAfter':
        return d >= c.value!;
      case 'between':
        return d >= c.min! && d <= c.max!;
    }
  }
  const text = fold(s.raw(c.field));
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map(fold);
  switch (c.op) {
    case 'is':
      return text === values[0];
    case 'oneOf':
      return values.includes(text);
    case 'contains':
      return values.some((v) => text.includes(v));
    case 'startsWith':
      return values.some((v) => text.startsWith(v));
    case 'matches':
      return new RegExp(c.value as string, 'i').test(s.raw(c.field));
  }
}
