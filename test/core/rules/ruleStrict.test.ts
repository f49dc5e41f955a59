import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerbridgeError } from '../../../core/model/errors';
import { type Condition, parseRule } from '../../../core/model/rule';
import { compileConditions } from '../../../core/rules/compileCondition';
import { RULES_SHEET_HEADERS, rowsToRules } from '../../../core/rules/rulesSheet';
import { runCli } from '../../cli/workbookCli';
import { FIXTURES } from '../formats/loadFile';

const base = { id: 'coffee', conditions: [], actions: [{ type: 'setCategory', category: 'Meals' }] };
const problems = (input: unknown) => {
  const r = parseRule(input);
  return r.ok ? [] : r.problems.map((p) => ({ code: p.code, field: p.field, message: p.message }));
};

/** `{ field: 'all', conditions: [ … depth levels … ] }` built without recursion. */
function deepGroup(depth: number): Condition {
  let c: Condition = { field: 'payee', op: 'contains', value: 'x' };
  for (let i = 0; i < depth; i++) c = { field: 'all', conditions: [c] };
  return c;
}

describe('rules are checked strictly', () => {
  it('refuses an unknown field and suggests the one meant', () => {
    expect(problems({ ...base, enable: false })).toEqual([
      {
        code: 'unknown_field',
        field: 'enable',
        message: 'enable: unknown field "enable" (did you mean "enabled"?)',
      },
    ]);
    expect(problems({ ...base, actions: [{ type: 'setCategory', catgory: 'Meals' }] })).toContainEqual({
      code: 'unknown_field',
      field: 'actions.0.catgory',
      message: 'actions.0.catgory: unknown field "catgory" (did you mean "category"?)',
    });
    expect(
      problems({ ...base, conditions: [{ field: 'payee', op: 'contains', value: 'x', nto: true }] }),
    ).toEqual([
      {
        code: 'unknown_field',
        field: 'conditions.0.nto',
        message: 'conditions.0.nto: unknown field "nto" (did you mean "not"?)',
      },
    ]);
    expect(problems({ ...base, colour: 'red' })).toEqual([
      { code: 'unknown_field', field: 'colour', message: 'colour: unknown field "colour"' },
    ]);
  });

  it('accepts ISO 4217 currencies only, in any case', () => {
    const currency = (value: string[]) =>
      problems({ ...base, conditions: [{ field: 'currency', op: 'oneOf', value }] }).map((p) => p.code);
    expect(currency(['usd', 'EUR', 'jpy'])).toEqual([]);
    expect(currency(['ABC', 'XYZ'])).toEqual(['invalid_currency', 'invalid_currency']);
  });

  it('refuses condition groups 5,000 deep by the rule name, without overflowing the stack', () => {
    const r = parseRule({ ...base, conditions: [deepGroup(5000)] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'too_deep', message: expect.stringContaining('rule "coffee"') }),
    ]);
    expect(parseRule({ ...base, conditions: [deepGroup(20)] }).ok).toBe(true);
  });

  it('will not compile a group deeper than validation allows, with a typed error', () => {
    expect(() => compileConditions([deepGroup(5000)], 'and')).toThrow(LedgerbridgeError);
  });

  it('the Rules tab and the extension (rowsToRules) name an unknown field in More (JSON) and a mistyped column', () => {
    const header = [...RULES_SHEET_HEADERS.filter((h) => h !== 'Category'), 'Catgory'];
    const row = header.map((h) =>
      h === 'Description Contains'
        ? 'coffee'
        : h === 'More (JSON)'
          ? '{"conditons":[],"actions":[{"type":"setCategory","category":"Meals","stopp":true}]}'
          : '',
    );
    const { rules, problems: found } = rowsToRules([header, row]);
    expect(rules).toEqual([]);
    expect(found.map((p) => p.message)).toEqual([
      'column "Catgory" is not a Rules column (did you mean "Category"?); it is ignored',
      'More (JSON): unknown field "conditons" (did you mean "conditions"?)',
    ]);
  });
});

describe('ledgerbridge reconcile --rules with a mistyped field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lb-rules-strict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with the file, the rule and the field named', async () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify([
        {
          id: 'coffee',
          enable: false,
          conditions: [],
          actions: [{ type: 'setCategory', category: 'Meals' }],
        },
      ]),
    );
    const { code, stderr } = await runCli(
      ['reconcile', `${FIXTURES}bank-us.csv`, '--rules', rules, '--json'],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('rules.json, row 1');
    expect(stderr).toContain('unknown field "enable" (did you mean "enabled"?)');
  });
});
