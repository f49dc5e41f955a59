import { DEFAULT_CATEGORIES, STARTER_RULES } from '../../core/rules/defaultCategories';
import { auditRow } from '../../core/sheet/auditRow';
import { ruleToRow } from '../../core/sheet/ruleRows';
import {
  AUDIT_COLUMNS,
  CATEGORY_COLUMNS,
  RULE_COLUMNS,
  WORKBOOK_TABS,
} from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { columnLetters } from './columnLetters';
import type { Services, Spreadsheet } from './services';
import { setUpTab, type TabSetup } from './setUpTab';

const DECISIONS = ['confirm', 'reject'];

/**
 * Creates the reconciliation tabs with headers, formats, frozen and protected header rows and
 * data validation (categories from the Categories tab, match decisions), and seeds empty Categories
 * and Rules tabs; running it again repairs a damaged workbook without touching its data. The
 * caller holds the document lock.
 */
export function setUpWorkbook(services: Services, spreadsheet: Spreadsheet, actor: string): TabSetup[] {
  const tabs = WORKBOOK_TABS.map((tab) => setUpTab(services, spreadsheet, tab));
  const byName = (name: string) => tabs[WORKBOOK_TABS.findIndex((t) => t.name === name)]!;

  const categories = byName('Categories');
  const categoryColumn = columnLetters(categories.columnOf.get('category')!);
  const categoryRule = services.SpreadsheetApp.newDataValidation()
    .requireValueInRange(categories.sheet.getRange(`${categoryColumn}2:${categoryColumn}`), true)
    .setAllowInvalid(true)
    .build();
  // Validation goes on the columns laid out now; one the bookkeeper changed later is theirs.
  const transactions = byName('Transactions');
  const rows = transactions.sheet.getMaxRows() - 1;
  for (const key of ['category', 'categoryOverride']) {
    if (!transactions.laidOut(key)) continue;
    transactions.sheet.getRange(2, transactions.columnOf.get(key)!, rows, 1).setDataValidation(categoryRule);
  }
  const matches = byName('Matches');
  if (matches.laidOut('decision')) {
    const decisionRule = services.SpreadsheetApp.newDataValidation()
      .requireValueInList(DECISIONS, true)
      .setAllowInvalid(false)
      .build();
    matches.sheet
      .getRange(2, matches.columnOf.get('decision')!, matches.sheet.getMaxRows() - 1, 1)
      .setDataValidation(decisionRule);
  }

  // A new workbook starts with the chart of categories and the starter rules, for the bookkeeper to
  // edit; a tab they emptied on purpose stays empty.
  if (categories.laidOut('category') && categories.sheet.getLastRow() <= 1) {
    appendRecords(
      categories.sheet,
      CATEGORY_COLUMNS,
      DEFAULT_CATEGORIES.map((c) => ({ category: c.name, group: c.group })),
    );
  }
  const rules = byName('Rules');
  if (rules.laidOut('id') && rules.sheet.getLastRow() <= 1) {
    appendRecords(rules.sheet, RULE_COLUMNS, STARTER_RULES.map(ruleToRow));
  }

  const created = tabs.filter((t) => t.created).map((t) => t.sheet.getName());
  const repaired = tabs.flatMap((t) =>
    t.created ? [] : t.addedColumns.map((c) => `${t.sheet.getName()}.${c}`),
  );
  appendRecords(byName('Audit').sheet, AUDIT_COLUMNS, [
    auditRow({
      at: new Date(services.now()).toISOString(),
      actor,
      action: 'setup',
      added: 0,
      updated: 0,
      skipped: 0,
      detail: [
        created.length > 0 ? `created ${created.join(', ')}` : '',
        repaired.length > 0 ? `added columns ${repaired.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    }),
  ]);
  return tabs;
}
