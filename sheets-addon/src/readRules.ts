import type { Problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import { rowsToRules } from '../../core/sheet/ruleRows';
import { RULE_COLUMNS } from '../../core/sheet/workbookLayout';
import { readTab } from './readTab';
import type { Spreadsheet } from './services';

/** The Rules tab as rules (core/sheet/ruleRows); a bad row is reported and left out. */
export function readRules(spreadsheet: Spreadsheet): { rules: Rule[]; problems: Problem[] } {
  const sheet = spreadsheet.getSheetByName('Rules');
  if (!sheet) return { rules: [], problems: [] };
  const tab = readTab(sheet, RULE_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  if (tab.index.problems.length > 0) return { rules: [], problems: tab.index.problems };
  return rowsToRules(tab.rows, tab.index);
}
