import { type Problem, problem } from '../model/problem';
import { parseRule, type Rule } from '../model/rule';
import type { CategoryInfo } from './categoryRows';
import type { HeaderIndex } from './headerIndex';
import type { SheetRecord } from './workbookLayout';

/** A rule as a Rules-tab row: its id, and the rule itself as JSON the bookkeeper can edit. */
export function ruleToRow(rule: Rule): SheetRecord {
  return { id: rule.id, definition: JSON.stringify(rule) };
}

/**
 * Reads the Rules tab back: every row validated as a rule (the Rule ID cell wins over the id in
 * the JSON). Bad rows are reported with their sheet row and column and left out; blank rows skipped.
 */
export function rowsToRules(
  rows: readonly (readonly unknown[])[],
  index: HeaderIndex,
): { rules: Rule[]; problems: Problem[] } {
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  const idAt = index.positions.get('id');
  const definitionAt = index.positions.get('definition');
  rows.forEach((row, i) => {
    const sheetRow = i + 2;
    const id = idAt === undefined ? '' : String(row[idAt] ?? '').trim();
    const text = definitionAt === undefined ? '' : String(row[definitionAt] ?? '').trim();
    if (!id && !text) return;
    const where = { path: ['Rules', sheetRow, 'Rule'], row: sheetRow, field: 'Rule' };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(problem('invalid_rule', `rule ${id || sheetRow} is not JSON`, where));
      return;
    }
    const parsed = parseRule(id && typeof json === 'object' && json !== null ? { ...json, id } : json);
    if (parsed.ok) rules.push(parsed.value);
    else problems.push(...parsed.problems.map((p) => ({ ...p, ...where, path: [...where.path, ...p.path] })));
  });
  return { rules, problems };
}

/** The categories rules can set, for the Categories tab. */
export function ruleCategories(rules: readonly Rule[]): CategoryInfo[] {
  const names = new Set<string>();
  for (const rule of rules) {
    for (const action of rule.actions) {
      if (action.type === 'setCategory') names.add(action.category);
      if (action.type === 'split') {
        for (const part of action.parts) names.add(part.category);
        if (action.remainder) names.add(action.remainder);
      }
    }
  }
  return [...names].map((category) => ({ category }));
}
