import { beforeAll, describe, expect, it } from 'vitest';
import { parseRule } from '../../core/model/rule';
import { ruleToRow } from '../../core/sheet/ruleRows';
import { RULE_COLUMNS } from '../../core/sheet/workbookLayout';
import { connect, get, post, records, tab } from './addonHarness';
import { makeBatch, wireTransaction } from './batchFixture';
import { buildBundle, type LoadedAddon, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

const coffee = {
  id: 'coffee',
  conditions: [{ field: 'description', op: 'contains', value: 'blue bottle' }],
  actions: [{ type: 'setCategory', category: 'Coffee' }],
};

/**
 * Replaces the seeded starter rules with the bookkeeper's own, each row laid out by
 * core/sheet/ruleRows under the tab's headers; a string is a row with only that Rule ID.
 */
function withRules(addon: LoadedAddon, rules: Array<object | string>) {
  const sheet = addon.spreadsheet.sheet('Rules');
  sheet.deleteRows(2, sheet.lastRow() - 1);
  const header = tab(addon, 'Rules').header;
  rules.forEach((input, i) => {
    let record: Record<string, unknown> = { id: input };
    if (typeof input !== 'string') {
      const rule = parseRule(input);
      if (!rule.ok) throw new Error('bad test rule');
      record = ruleToRow(rule.value);
    }
    for (const column of RULE_COLUMNS) {
      const value = record[column.key];
      if (value !== null && value !== undefined)
        sheet.cell(i + 2, header.indexOf(column.header) + 1).value = String(value);
    }
  });
}

describe('Apply rules and doGet', () => {
  it('seeds a new workbook with the chart of categories and the starter rules', () => {
    const addon = loadAddon();
    addon.run('setUpSpreadsheet');
    const categories = records(addon, 'Categories');
    expect(categories.find((c) => c.Category === 'Meals')).toMatchObject({ Group: 'Expenses' });
    const token = connect(addon);
    const answer = get(addon, { token });
    expect((answer.rules as Array<{ id: string }>).map((r) => r.id)).toContain('starter-meals');
    expect(answer.categories).toContain('Merchant and Processor Fees');
    post(addon, { token, batch: makeBatch(1) });
    addon.run('applyRulesFromSheet');
    expect(records(addon, 'Transactions')[0]).toMatchObject({ Category: 'Meals', Rule: 'starter-meals' });
    // Running Set up again keeps the bookkeeper's edits to both tabs.
    addon.spreadsheet.sheet('Categories').cell(2, 1).value = 'My Own Category';
    addon.run('setUpSpreadsheet');
    expect(records(addon, 'Categories')[0]!.Category).toBe('My Own Category');
    expect(records(addon, 'Categories')).toHaveLength(categories.length);
  });

  it('categorizes from the Rules tab without touching Category Override, and again changes nothing', () => {
    const addon = loadAddon();
    const token = connect(addon);
    addon.run('setUpSpreadsheet');
    const batch = makeBatch(3);
    batch.transactions[2] = wireTransaction(2, { description: 'RENT JANUARY' });
    post(addon, { token, batch });
    withRules(addon, [coffee]);
    const header = tab(addon, 'Transactions').header;
    addon.spreadsheet.sheet('Transactions').cell(2, header.indexOf('Category Override') + 1).value = 'Meals';
    addon.run('applyRulesFromSheet');
    expect(addon.ui.alerts).toEqual([]);
    const rows = records(addon, 'Transactions');
    expect(rows.map((r) => [r.Category, r['Category Override'], r.Rule])).toEqual([
      ['Coffee', 'Meals', 'coffee'],
      ['Coffee', '', 'coffee'],
      ['', '', ''],
    ]);
    // Each row still names the batch that brought it; the rules run is on the Audit tab.
    expect(rows.map((r) => r['Batch ID'])).toEqual([batch.batchId, batch.batchId, batch.batchId]);
    expect(records(addon, 'Audit').at(-1)).toMatchObject({ What: 'rules', Updated: 2, Skipped: 1 });
    const before = addon.spreadsheet.sheets.map((s) => s.snapshot());
    addon.run('applyRulesFromSheet');
    expect(addon.spreadsheet.sheets.map((s) => s.snapshot())).toEqual(before);
  });

  it('reports a bad rule by row and still applies the good ones', () => {
    const addon = loadAddon();
    const token = connect(addon);
    addon.run('setUpSpreadsheet');
    post(addon, { token, batch: makeBatch(2) });
    withRules(addon, ['broken', coffee]);
    addon.run('applyRulesFromSheet');
    expect(addon.ui.alerts).toHaveLength(1);
    expect(addon.ui.alerts[0]).toMatch(/row 2\b/);
    expect(records(addon, 'Transactions').map((r) => r.Category)).toEqual(['Coffee', 'Coffee']);
  });

  it('doGet gives the extension the rules and categories, with the token only', () => {
    const addon = loadAddon();
    const token = connect(addon);
    addon.run('setUpSpreadsheet');
    withRules(addon, [coffee]);
    const categories = addon.spreadsheet.sheet('Categories');
    categories.deleteRows(2, categories.lastRow() - 1);
    categories.cell(2, 1).value = 'Coffee';
    categories.cell(3, 1).value = 'Rent';
    expect(get(addon, {})).toMatchObject({ ok: false, errors: [{ code: 'unauthorized' }] });
    const answer = get(addon, { token });
    expect(answer).toMatchObject({ ok: true, schemaVersion: 1, categories: ['Coffee', 'Rent'], errors: [] });
    expect(answer.rules).toEqual([
      expect.objectContaining({
        id: 'coffee',
        stage: 'default',
        actions: [{ type: 'setCategory', category: 'Coffee' }],
      }),
    ]);
  });
});
