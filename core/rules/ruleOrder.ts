import type { Rule } from '../model/rule';

const STAGE_ORDER = { pre: 0, default: 1, post: 2 } as const;

/** The one order rules run in: stage, then rank (lower first), then id (code-unit order, not locale). */
export function compareRules(a: Rule, b: Rule): number {
  return (
    STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(compareRules);
}
