import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../../sheets-addon/src/handlePost';
import { connect, get, post, records, tab } from './addonHarness';
import { makeBatch } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

/** `depth` nested arrays or objects as JSON text, built without recursion. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('doPost with hostile bodies answers a clear error and never crashes', () => {
  const depth = 1_000_000;

  it.each([
    ['the whole body', (_token: string) => nestedArrays(depth)],
    ['the token', (token: string) => `{"token":${nestedArrays(depth)},"t":"${token}"}`],
    ['the batch', (token: string) => `{"token":"${token}","batch":${nestedObjects(depth)}}`],
    [
      'a transaction',
      (token: string) =>
        `{"token":"${token}","batch":${JSON.stringify(makeBatch(0)).replace('"transactions":[]', `"transactions":[${nestedArrays(depth)}]`)}}`,
    ],
    [
      'the source',
      (token: string) =>
        `{"token":"${token}","batch":${JSON.stringify(makeBatch(1)).replace('"source":{', `"source":{"deep":${nestedObjects(depth)},`)}}`,
    ],
  ])('nested a million deep in %s', (_where, body) => {
    const addon = loadAddon();
    const token = connect(addon);
    const answer = post(addon, body(token));
    expect(answer.ok === false || answer.errors.length > 0 || answer.added === 1).toBe(true);
    expect(answer.errors.map((e) => e.code)).not.toContain('internal');
    expect(JSON.stringify(answer).length).toBeLessThan(5_000);
  });

  it('keeps the good rows of a batch when one transaction hides deep nesting in an unknown field', () => {
    const addon = loadAddon();
    const token = connect(addon);
    const batch = JSON.stringify(makeBatch(2));
    const body = `{"token":"${token}","batch":${batch.replace('"kind":"charge"', `"kind":"charge","extra":${nestedArrays(depth)}`)}}`;
    const answer = post(addon, body);
    expect(answer.errors.map((e) => e.code)).not.toContain('internal');
    expect(answer.ok).toBe(true);
    expect(records(addon, 'Transactions')).toHaveLength(2);
  });

  it('refuses a body one character over the size limit, and takes one just under it', () => {
    const addon = loadAddon();
    const token = connect(addon);
    const base = JSON.stringify({ token, batch: makeBatch(1), pad: '' });
    const under = base.replace('"pad":""', `"pad":"${'x'.repeat(MAX_BODY_CHARS - base.length)}"`);
    expect(under).toHaveLength(MAX_BODY_CHARS);
    expect(post(addon, under)).toMatchObject({ ok: true, added: 1 });
    expect(post(addon, `${under} `).errors[0]).toMatchObject({ code: 'too_large' });
  });

  it('a rule nested thousands deep in the Rules tab is refused by row, for Apply rules and doGet alike', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: makeBatch(2) });
    const deep = `{"conditions":[${'{"field":"any","conditions":['.repeat(1_500)}${']}'.repeat(1_500)}]}`;
    const header = tab(addon, 'Rules').header;
    const rules = addon.spreadsheet.sheet('Rules');
    rules.cell(2, header.indexOf('More (JSON)') + 1).value = deep;
    addon.run('applyRulesFromSheet');
    expect(addon.ui.alerts.join('\n')).toMatch(/row 2.*More \(JSON\)/s);
    expect(addon.spreadsheet.toasts.at(-1)).toMatch(/recategorized/);
    const answer = get(addon, { token });
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer.errors)).toContain('More (JSON)');
  });
});
