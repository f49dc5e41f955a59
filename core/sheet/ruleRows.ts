import type { Problem } from '../model/problem';
import type { Rule } from '../model/rule';
import { rowsToRules as rulesFromSheetRows, rulesToRows } from '../rules/rulesSheet';
import type { CategoryInfo } from './categoryRows';
import { cellToIsoDate } from './dateCell';
import type { HeaderIndex } from './headerIndex';
import { RULE_COLUMNS, type SheetRecord } from './workbookLayout';

const toRecord = (cells: readonly string[]): SheetRecord =>
  Object.fromEntries(RULE_COLUMNS.map((c, i) => [c.key, cells[i] ? cells[i]! : null]));

/** Rules as Rules-tab records, in run order (core/rules/rulesSheet decides the cells). */
export function rulesToRecords(rules: readonly Rule[]): SheetRecord[] {
  return rulesToRows(rules).slice(1).map(toRecord);
}

/** One rule as a Rules-tab record. */
export const ruleToRow = (rule: Rule): SheetRecord => rulesToRecords([rule])[0]!;

/** A cell as the text the Rules tab parser reads: dates as YYYY-MM-DD, flags as TRUE/FALSE. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = cellToIsoDate(value);
    return date.ok ? (date.value ?? '') : '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * Reads the Rules tab back, columns found by header (`index` from indexHeader with RULE_COLUMNS).
 * Rows are passed in sheet order from row 2; a bad row is reported with its sheet row and column
 * and left out, blank rows are skipped.
 */
export function rowsToRules(
  rows: readonly (readonly unknown[])[],
  index: HeaderIndex,
): { rules: Rule[]; problems: Problem[] } {
  const found = RULE_COLUMNS.filter((c) => index.positions.has(c.key));
  const header = found.map((c) => c.header);
  const body = rows.map((row) => found.map((c) => cellText(row[index.positions.get(c.key)!])));
  return rulesFromSheetRows([header, ...body]);
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
