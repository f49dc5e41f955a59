import { type Problem, problem } from '../model/problem';
import type { Action, Rule, SplitAction } from '../model/rule';
import { percentUnits } from '../model/rule';
import type { Split } from '../model/transaction';
import { decimalToMinor } from '../money/decimalToMinor';
import { formatAmount } from '../money/formatAmount';
import { expenseBlockedOnInflow } from './expenseOnInflow';
import { PAYEE_BEFORE_RULES, type RuleSubject } from './ruleSubject';
import { splitByAmounts, splitByPercent } from './splitAmount';

/** Runs one matching rule's actions; what the bookkeeper set by hand is skipped, never overwritten. */
export function applyActions(rule: Rule, subject: RuleSubject, problems: Problem[]) {
  for (const action of rule.actions) applyAction(rule, action, subject, problems);
}

function applyAction(rule: Rule, action: Action, s: RuleSubject, problems: Problem[]) {
  const ruleId = rule.id;
  switch (action.type) {
    case 'setCategory':
      if (s.locked.category) return;
      if (expenseBlockedOnInflow(rule, action.category, s.source.amount.minor)) return;
      s.setCategory(action.category);
      s.rule = ruleId;
      s.record(ruleId, 'category', action.category, true);
      return;
    case 'setPayee':
      if (s.locked.payee || s.payee === action.payee) return;
      if (!s.trail.some((e) => e.field === PAYEE_BEFORE_RULES))
        s.record(ruleId, PAYEE_BEFORE_RULES, s.payee, true);
      s.setPayee(action.payee);
      s.record(ruleId, 'payee', action.payee, true);
      return;
    case 'addTags':
      for (const tag of action.tags) {
        if (s.tags.includes(tag) || s.removedTags?.has(tag)) continue;
        s.tags = [...s.tags, tag];
        s.record(ruleId, 'tags', tag, false);
      }
      return;
    case 'markTransfer':
      if (s.locked.transfer || s.transfer === true) return;
      s.transfer = true;
      s.record(ruleId, 'transfer', 'true', true);
      return;
    case 'appendNote':
      if (s.locked.notes || s.notes?.includes(action.note)) return;
      s.notes = s.notes ? `${s.notes}\n${action.note}` : action.note;
      s.record(ruleId, 'notes', action.note, false);
      return;
    case 'split': {
      if (s.locked.splits) return;
      const splits = computeSplits(action, s, ruleId, problems);
      if (!splits) return;
      s.splits = splits;
      s.record(ruleId, 'splits', describeSplits(splits), true);
      return;
    }
  }
}

function computeSplits(
  action: SplitAction,
  s: RuleSubject,
  ruleId: string,
  problems: Problem[],
): Split[] | undefined {
  const { minor, currency } = s.source.amount;
  const part = (category: string, amount: number, note?: string): Split => ({
    category,
    amount: { minor: amount, currency },
    ...(note !== undefined ? { note } : {}),
  });
  const where = { path: ['transactions', s.source.id], field: 'amount' };
  if (action.parts.every((p) => p.percent !== undefined)) {
    const shares = splitByPercent(
      minor,
      action.parts.map((p) => percentUnits(p.percent!)!),
    );
    return action.parts.map((p, i) => part(p.category, shares[i]!, p.note));
  }
  const fixed: number[] = [];
  for (const p of action.parts) {
    const value = decimalToMinor(p.amount!, currency);
    if (!value.ok) {
      problems.push(
        problem(
          'split_amount_precision',
          `rule ${ruleId}: split amount ${p.amount} does not fit ${currency}; not split`,
          where,
        ),
      );
      return undefined;
    }
    fixed.push(value.value);
  }
  const result = splitByAmounts(minor, fixed);
  if (!result) {
    problems.push(
      problem(
        'split_exceeds_amount',
        `rule ${ruleId}: split parts add up to more than ${formatAmount(Math.abs(minor), currency)} ${currency}; not split`,
        where,
      ),
    );
    return undefined;
  }
  const parts = action.parts.map((p, i) => part(p.category, result.parts[i]!, p.note));
  return result.remainder === 0 ? parts : [...parts, part(action.remainder!, result.remainder)];
}

/** "Meals -12.50 · Travel -12.50": what the trail shows for a split. */
function describeSplits(splits: Split[]): string {
  return splits.map((p) => `${p.category} ${formatAmount(p.amount.minor, p.amount.currency)}`).join(' · ');
}
