import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../core/model/problem';
import type { Transaction } from '../../../core/model/transaction';
import { applyRules } from '../../../core/rules/applyRules';
import { STARTER_RULES } from '../../../core/rules/defaultCategories';
import {
  joinList,
  RULES_SHEET_HEADERS,
  rowsToRules,
  rulesToRows,
  splitList,
} from '../../../core/rules/rulesSheet';
import { rulesArb, transactionArb } from './arbitraries';
import { rule } from './fixtures';

const sortedTrail = (t: Transaction) =>
  t.ruleTrail
    ? { ...t, ruleTrail: [...t.ruleTrail].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }
    : t;

/** A sheet as a bookkeeper fills it: header row, then rows keyed by column name. */
function sheet(...rows: Array<Record<string, string>>): string[][] {
  return [RULES_SHEET_HEADERS, ...rows.map((r) => RULES_SHEET_HEADERS.map((h) => r[h] ?? ''))];
}

describe('rowsToRules', () => {
  it('reads filter and override columns into a rule', () => {
    const { rules, problems } = rowsToRules(
      sheet({
        'Rule ID': 'coffee',
        'Description Contains': 'BLUE BOTTLE, "RITUAL, INC"',
        Account: 'Checking ••6789',
        Kind: 'withdrawal, fee',
        'Amount Min': '$-50.00',
        'Amount Max': '(1.00)',
        Direction: 'out',
        'Date From': '01/15/2026',
        Category: 'Meals',
        'Rename Payee': 'Coffee',
        'Add Tags': 'food, client',
        Transfer: 'no',
        Note: 'receipt',
        Split: 'Meals: 50%; Travel: 50%',
        Stop: 'TRUE',
      }),
    );
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      {
        schemaVersion: 2,
        id: 'coffee',
        enabled: true,
        stage: 'default',
        rank: 2,
        stop: true,
        conditionsOp: 'and',
        conditions: [
          { field: 'description', op: 'contains', value: ['BLUE BOTTLE', 'RITUAL, INC'] },
          { field: 'account', op: 'is', value: 'Checking ••6789' },
          { field: 'kind', op: 'oneOf', value: ['withdrawal', 'fee'] },
          { field: 'amount', op: 'between', min: '-50.00', max: '-1.00' },
          { field: 'amount', op: 'outflow' },
          { field: 'date', op: 'onOrAfter', value: '2026-01-15' },
        ],
        actions: [
          { type: 'setCategory', category: 'Meals' },
          { type: 'setPayee', payee: 'Coffee' },
          { type: 'addTags', tags: ['food', 'client'] },
          { type: 'appendNote', note: 'receipt' },
          {
            type: 'split',
            parts: [
              { category: 'Meals', percent: 50 },
              { category: 'Travel', percent: 50 },
            ],
          },
        ],
      },
    ]);
  });

  it('names the sheet row and column of every problem, and keeps the good rows', () => {
    const { rules, problems } = rowsToRules(
      sheet(
        { 'Rule ID': 'ok', Category: 'Meals' },
        { 'Rule ID': 'bad-amount', 'Amount Min': 'ten', Category: 'Meals' },
        {},
        { 'Rule ID': 'bad-kind', Kind: 'gift', Category: 'Meals' },
        { 'Rule ID': 'bad-regex', 'Description Matches': '(a+)\\1', Category: 'Meals' },
        { 'Rule ID': 'no-action', 'Description Contains': 'x' },
        { 'Rule ID': 'bad-split', Split: 'Meals: 60%; Travel: 30%' },
        { 'Rule ID': 'ok', Category: 'Travel' },
        { 'Rule ID': 'bad-flags', Enabled: 'maybe', Match: 'some', Rank: 'first', Category: 'X' },
        { 'Rule ID': 'bad-json', 'More (JSON)': '{"conditions": [', Category: 'X' },
      ),
    );
    expect(rules.map((r) => r.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'Amount Min', 'invalid_amount'],
      [5, 'Kind', 'invalid_kind'],
      [6, 'Description Matches', 'regex_unsupported'],
      [7, 'Category', 'too_small'],
      [8, 'Split', 'split_percent_sum'],
      [9, 'Rule ID', 'duplicate_rule_id'],
      [10, 'Rank', 'invalid_number'],
      [10, 'Match', 'invalid_choice'],
      [10, 'Enabled', 'invalid_boolean'],
      [11, 'More (JSON)', 'invalid_json'],
    ]);
    expect(describeProblem(problems[0]!)).toBe(
      'row 3, field Amount Min: Amount Min: "ten" is not an amount such as -12.50',
    );
  });

  it('accepts columns in any order and reports unknown ones', () => {
    const { rules, problems } = rowsToRules([
      ['category', 'Colour', 'description contains'],
      ['Meals', 'red', 'COFFEE'],
    ]);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([[1, 'Colour', 'unknown_column']]);
    expect(rules[0]).toMatchObject({
      rank: 2,
      conditions: [{ field: 'description', op: 'contains', value: 'COFFEE' }],
      actions: [{ type: 'setCategory', category: 'Meals' }],
    });
    expect(rules[0]!.id).toMatch(/^row-[0-9a-f]{12}$/);
  });

  it('reads numbers and booleans a sheet hands back for typed cells', () => {
    const header = ['Rule ID', 'Rank', 'Enabled', 'Amount Equals', 'Category'];
    const rows = [header, ['n', 7, false, -12.5, 'Meals']] as unknown as string[][];
    expect(rowsToRules(rows).rules[0]).toMatchObject({
      rank: 7,
      enabled: false,
      conditions: [{ field: 'amount', op: 'is', value: '-12.5' }],
    });
  });

  it('runs rows without a rank in sheet order', () => {
    const { rules } = rowsToRules(
      sheet({ 'Rule ID': 'z', Category: 'Top' }, { 'Rule ID': 'a', Category: 'Bottom' }),
    );
    expect(rules.map((r) => [r.id, r.rank])).toEqual([
      ['z', 2],
      ['a', 3],
    ]);
  });
});

describe('rulesToRows', () => {
  it('writes the starter rules so they read back unchanged', () => {
    const rows = rulesToRows(STARTER_RULES);
    expect(rows[0]).toEqual(RULES_SHEET_HEADERS);
    const back = rowsToRules(rows);
    expect(back.problems).toEqual([]);
    expect(rulesToRows(back.rules)).toEqual(rows);
    expect(back.rules.map((r) => r.id)).toEqual(rows.slice(1).map((r) => r[0]));
  });

  it('puts what the columns cannot say into the JSON column', () => {
    const r = rule({
      id: 'odd',
      conditionsOp: 'or',
      conditions: [
        { field: 'payee', op: 'is', value: 'A', not: true },
        { field: 'amount', op: 'gte', value: '5' },
        { field: 'amount', op: 'lte', value: '-5' },
      ],
      actions: [
        { type: 'setCategory', category: 'One' },
        { type: 'setCategory', category: 'Two' },
      ],
    });
    const row = rulesToRows([r])[1]!;
    const cell = (h: string) => row[RULES_SHEET_HEADERS.indexOf(h)];
    expect(cell('Category')).toBe('One');
    expect(JSON.parse(cell('More (JSON)')!)).toEqual({
      conditions: [
        { field: 'payee', op: 'is', value: 'A', not: true },
        { field: 'amount', op: 'gte', value: '5' },
        { field: 'amount', op: 'lte', value: '-5' },
      ],
      actions: [{ type: 'setCategory', category: 'Two' }],
    });
  });

  it('writes values with spaces at the ends so rows stay stable, and keeps such a pattern exact', () => {
    const r = rule({
      id: 'spaces',
      conditions: [
        { field: 'payee', op: 'is', value: ' Blue Bottle ' },
        { field: 'description', op: 'matches', value: ' sq ' },
      ],
      actions: [{ type: 'setCategory', category: 'Meals' }],
    });
    const rows = rulesToRows([r]);
    const back = rowsToRules(rows);
    expect(rulesToRows(back.rules)).toEqual(rows);
    expect(back.rules[0]!.conditions).toContainEqual({ field: 'description', op: 'matches', value: ' sq ' });
  });

  it('keeps Min above Max out of the columns, which would read back as an empty range', () => {
    const r = rule({
      id: 'never',
      conditions: [
        { field: 'amount', op: 'lte', value: '-50' },
        { field: 'amount', op: 'gte', value: '1000' },
        { field: 'date', op: 'onOrAfter', value: '2026-02-01' },
        { field: 'date', op: 'onOrBefore', value: '2026-01-01' },
      ],
      actions: [{ type: 'markTransfer' }],
    });
    const back = rowsToRules(rulesToRows([r]));
    expect(back.problems).toEqual([]);
    expect(back.rules[0]!.conditions).toHaveLength(4);
  });

  it('round-trips any rule to the same behaviour, and rows are stable (property)', () => {
    fc.assert(
      fc.property(rulesArb(), fc.array(transactionArb, { maxLength: 8 }), (rules, ts) => {
        const rows = rulesToRows(rules);
        const back = rowsToRules(rows);
        expect(back.problems).toEqual([]);
        expect(rulesToRows(back.rules)).toEqual(rows);
        // Columns put actions in column order, so only the order of trail entries may differ.
        expect(applyRules(ts, back.rules).transactions.map(sortedTrail)).toEqual(
          applyRules(ts, rules).transactions.map(sortedTrail),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('list cells', () => {
  it('round-trips values with commas, quotes and spaces (property)', () => {
    const value = fc.string({
      unit: fc.constantFrom('a', 'B', ',', '"', ' ', 'é'),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(
          value.filter((v) => v.trim() !== ''),
          { minLength: 1, maxLength: 4 },
        ),
        (values) => {
          expect(splitList(joinList(values))).toEqual(values.map((v) => v.trim()));
          expect(joinList(splitList(joinList(values)))).toBe(joinList(values));
        },
      ),
    );
  });
});
