import { describe, expect, it } from 'vitest';
import { parseRule, RULE_SCHEMA_VERSION } from '../../../core/model/rule';

const base = { id: 'r1', conditions: [], actions: [{ type: 'setCategory', category: 'Meals' }] };
const codes = (input: unknown) => {
  const r = parseRule(input);
  return r.ok ? [] : r.problems.map((p) => [p.code, p.field]);
};

describe('parseRule', () => {
  it('fills the defaults a bookkeeper leaves out', () => {
    expect(parseRule(base)).toEqual({
      ok: true,
      value: {
        ...base,
        schemaVersion: RULE_SCHEMA_VERSION,
        stage: 'default',
        rank: 0,
        conditionsOp: 'and',
        enabled: true,
      },
    });
  });

  it('names the field and gives a code for each problem', () => {
    expect(
      codes({
        id: '',
        stage: 'later',
        conditions: [
          { field: 'memo', op: 'is', value: 'x' },
          { field: 'payee', op: 'contains' },
          { field: 'kind', op: 'is', value: 'gift' },
          { field: 'currency', op: 'oneOf', value: ['usd', 'dollars'] },
          { field: 'amount', op: 'between', min: '10', max: '5' },
          { field: 'amount', op: 'gt', value: '1,000' },
          { field: 'date', op: 'before' },
          { field: 'description', op: 'oneOf', value: 'x' },
          { field: 'description', op: 'matches', value: '(a+)\\1' },
          { field: 'any', conditions: [{ field: 'payee', op: 'is', value: ' ' }] },
        ],
        actions: [],
      }),
    ).toEqual([
      ['empty_value', 'id'],
      ['invalid_choice', 'stage'],
      ['invalid_choice', 'conditions.0.field'],
      ['missing_value', 'conditions.1.value'],
      ['invalid_kind', 'conditions.2.value'],
      ['invalid_currency', 'conditions.3.value.1'],
      ['range_out_of_order', 'conditions.4'],
      ['invalid_format', 'conditions.5.value'],
      ['missing_value', 'conditions.6.value'],
      ['expected_list', 'conditions.7.value'],
      ['regex_unsupported', 'conditions.8.value'],
      ['empty_value', 'conditions.9.conditions.0.value'],
      ['too_small', 'actions'],
    ]);
  });

  it('checks split arithmetic', () => {
    const split = (parts: unknown[], remainder?: string) =>
      codes({ ...base, actions: [{ type: 'split', parts, ...(remainder ? { remainder } : {}) }] });
    expect(
      split([
        { category: 'A', percent: 60 },
        { category: 'B', percent: 30 },
      ]),
    ).toEqual([['split_percent_sum', 'actions.0.parts']]);
    expect(
      split([
        { category: 'A', percent: 33.33333 },
        { category: 'B', percent: 66.66667 },
      ]),
    ).toEqual([
      ['invalid_percent', 'actions.0.parts.0.percent'],
      ['invalid_percent', 'actions.0.parts.1.percent'],
    ]);
    expect(
      split([
        { category: 'A', percent: 50 },
        { category: 'B', amount: '5' },
      ]),
    ).toEqual([['split_mixed', 'actions.0.parts']]);
    expect(split([{ category: 'A', amount: '5' }])).toEqual([['missing_value', 'actions.0.remainder']]);
    expect(split([{ category: 'A', amount: '0' }], 'B')).toEqual([
      ['invalid_amount', 'actions.0.parts.0.amount'],
    ]);
    expect(
      split([
        { category: 'A', percent: 50 },
        { category: 'B', percent: 50 },
      ]),
    ).toEqual([]);
  });

  it('refuses versions newer than it knows', () => {
    expect(codes({ ...base, schemaVersion: 3 })).toEqual([['unsupported_version', 'schemaVersion']]);
  });

  it('migrates version 1 rules', () => {
    const v1 = {
      schemaVersion: 1,
      id: 'old',
      rank: 5,
      conditions: [{ field: 'amount', op: 'between', min: -20.5, max: 0 }],
      actions: [
        { op: 'set', field: 'category', value: 'Meals' },
        { op: 'set', field: 'payee', value: 'Cafe' },
        { op: 'set', field: 'transfer', value: true },
        { op: 'add-tags', value: ['food'] },
        { op: 'append-note', value: 'n' },
      ],
    };
    expect(parseRule(v1)).toEqual({
      ok: true,
      value: {
        schemaVersion: 2,
        id: 'old',
        stage: 'default',
        rank: 5,
        conditionsOp: 'and',
        enabled: true,
        conditions: [{ field: 'amount', op: 'between', min: '-20.5', max: '0' }],
        actions: [
          { type: 'setCategory', category: 'Meals' },
          { type: 'setPayee', payee: 'Cafe' },
          { type: 'markTransfer' },
          { type: 'addTags', tags: ['food'] },
          { type: 'appendNote', note: 'n' },
        ],
      },
    });
    expect(codes({ ...v1, actions: [{ op: 'set', field: 'colour', value: 'red' }] })).toEqual([
      ['unknown_action', 'actions.0.field'],
    ]);
  });
});
