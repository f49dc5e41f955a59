import type { Problem } from '../model/problem';
import type { Rule } from '../model/rule';
import type { Transaction } from '../model/transaction';
import { applyActions } from './applyActions';
import { type CompiledRules, compileRules } from './compileRules';
import { RuleSubject } from './ruleSubject';

export type ApplyRulesOptions = {
  /** Reserved: what a bookkeeper set by hand is never overwritten. */
  overwriteManual?: false;
};

export type ApplyRulesResult = {
  /** Same order as the input; a transaction rules did not change is returned as the same object. */
  transactions: Transaction[];
  /** How many transactions differ from the input. */
  changed: number;
  /** Actions that could not be carried out (e.g. a fixed split larger than the amount). */
  problems: Problem[];
};

/**
 * Runs the enabled rules on each transaction in their one order (stage, rank, id); a matching rule
 * with `stop` ends the run for that transaction. Values set by rules are recorded in `rule` and
 * `ruleTrail`; re-applying first releases them and never touches what was set by hand (see
 * RuleSubject), so applying the same rules twice gives the same result.
 */
export function applyRules(
  transactions: readonly Transaction[],
  rules: readonly Rule[] | CompiledRules,
  _options: ApplyRulesOptions = {},
): ApplyRulesResult {
  const compiled = Array.isArray(rules) ? compileRules(rules) : (rules as CompiledRules);
  const problems: Problem[] = [];
  let changed = 0;
  const out = transactions.map((t) => {
    const subject = new RuleSubject(t);
    const count = compiled.select(subject);
    for (let i = 0; i < count; i++) {
      const { rule, matches } = compiled.selected(i);
      if (!matches(subject)) continue;
      applyActions(rule, subject, problems);
      if (rule.stop) break;
    }
    const result = subject.result();
    if (result.changed) changed++;
    return result.transaction;
  });
  return { transactions: out, changed, problems };
}
