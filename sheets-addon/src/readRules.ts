import { type Problem, problem } from '../../core/model/problem';
import { parseRule, type Rule } from '../../core/model/rule';
import { RULE_COLUMNS } from '../../core/sheet/workbookLayout';
import { readTab } from './readTab';
import type { Spreadsheet } from './services';

/**
 * The Rules tab as rules: a Rule ID and the rule as JSON per row (the layout's identifying
 * columns). A bad row is reported by row and field and left out; the others still apply.
 */
export function readRules(spreadsheet: Spreadsheet): { rules: Rule[]; problems: Problem[] } {
  const sheet = spreadsheet.getSheetByName('Rules');
  if (!sheet) return { rules: [], problems: [] };
  const tab = readTab(sheet, RULE_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const idAt = tab.index.positions.get('id');
  const definitionAt = tab.index.positions.get('definition');
  const rules: Rule[] = [];
  const problems: Problem[] = [...tab.index.problems];
  if (idAt === undefined || definitionAt === undefined) return { rules, problems };
  tab.rows.forEach((row, i) => {
    const id = String(row[idAt] ?? '').trim();
    const text = String(row[definitionAt] ?? '').trim();
    if (!id && !text) return;
    const where = { path: ['Rules', i + 2, 'Rule'], row: i + 2, field: 'Rule' };
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      problems.push(problem('invalid_rule_json', 'the rule is not valid JSON', where));
      return;
    }
    const parsed = parseRule({ ...(json as object), ...(id ? { id } : {}) });
    if (parsed.ok) rules.push(parsed.value);
    else
      problems.push(
        ...parsed.problems.map((p) => ({ ...p, ...where, field: p.field ? `Rule.${p.field}` : 'Rule' })),
      );
  });
  return { rules, problems };
}
