import { BATCH_SCHEMA_VERSION } from '../../core/model/batch';
import { type Problem, problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import { CATEGORY_COLUMNS } from '../../core/sheet/workbookLayout';
import { checkExtensionToken } from './extensionToken';
import { readRules } from './readRules';
import { readTab } from './readTab';
import type { Services } from './services';

export type GetAnswer =
  | { ok: true; schemaVersion: number; categories: string[]; rules: Rule[]; errors: Problem[] }
  | { ok: false; errors: Problem[] };

export type GetEvent = { parameter?: Record<string, string | undefined> };

/** What the extension needs to categorize before sending: the categories and the rules. */
export function handleGet(services: Services, event: GetEvent | undefined): GetAnswer {
  if (!checkExtensionToken(services, event?.parameter?.token)) {
    return {
      ok: false,
      errors: [problem('unauthorized', 'the token is missing or wrong; connect the extension again')],
    };
  }
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Categories');
  const categories: string[] = [];
  if (sheet) {
    const tab = readTab(sheet, CATEGORY_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
    const at = tab.index.positions.get('category');
    if (at !== undefined) {
      for (const row of tab.rows) {
        const name = String(row[at] ?? '').trim();
        if (name && !categories.includes(name)) categories.push(name);
      }
    }
  }
  const { rules, problems } = readRules(spreadsheet);
  return { ok: true, schemaVersion: BATCH_SCHEMA_VERSION, categories, rules, errors: problems };
}
