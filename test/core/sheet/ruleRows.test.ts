import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRule } from '../../../core/model/rule';
import { STARTER_RULES } from '../../../core/rules/defaultCategories';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { rowsToRules, ruleCategories, rulesToRecords } from '../../../core/sheet/ruleRows';
import { RULE_COLUMNS } from '../../../core/sheet/workbookLayout';

describe('Rules tab rows', () => {
  it('round-trips rules through a tab whose columns were moved', () => {
    const rules = (
      JSON.parse(readFileSync(join(__dirname, '../../../examples/ridgeline/rules.json'), 'utf8')) as unknown[]
    ).map((r) => {
      const parsed = parseRule(r);
      if (!parsed.ok) throw new Error('example rule invalid');
      return parsed.value;
    });
    const header = RULE_COLUMNS.map((c) => c.header).reverse();
    const index = indexHeader(header, RULE_COLUMNS);
    const rows = rulesToRecords(rules).map((r) =>
      header.map((h) => r[RULE_COLUMNS.find((c) => c.header === h)!.key] ?? null),
    );
    const read = rowsToRules(rows, index);
    expect(read.problems).toEqual([]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...read.rules].sort(byId)).toEqual([...rules].sort(byId));
  });

  it('names the sheet row and column of a bad rule, and skips blank rows', () => {
    const header = RULE_COLUMNS.map((c) => c.header);
    const index = indexHeader(header, RULE_COLUMNS);
    const good = rulesToRecords(STARTER_RULES.slice(0, 1))[0]!;
    const row = (over: Record<string, unknown>) =>
      RULE_COLUMNS.map((c) => (c.key in over ? over[c.key] : (good[c.key] ?? null)));
    const read = rowsToRules([row({}), header.map(() => null), row({ id: 'bad', amountMin: 'ten' })], index);
    expect(read.rules).toHaveLength(1);
    expect(read.problems).toEqual([expect.objectContaining({ row: 4, field: 'Amount Min' })]);
  });

  it('lists the categories rules set, split parts included', () => {
    const categories = ruleCategories([
      {
        ...STARTER_RULES[0]!,
        actions: [
          {
            type: 'split',
            parts: [
              { category: 'A', percent: 50 },
              { category: 'B', percent: 50 },
            ],
          },
        ],
      },
    ]);
    expect(categories).toEqual([{ category: 'A' }, { category: 'B' }]);
  });
});
