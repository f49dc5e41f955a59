import { beforeAll, describe, expect, it } from 'vitest';
import { connect, post, records } from '../addon/addonHarness';
import { makeBatch } from '../addon/batchFixture';
import { buildBundle, loadAddon } from '../addon/loadAddon';

beforeAll(async () => {
  await buildBundle();
});

/** The compiled add-on in the emulator, sent a batch with one bad value in its second row. */
describe('the add-on: a bad value fails its row alone, naming row and field', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['date', { date: '2026-02-30' }],
    ['date', { date: '13/45/2026' }],
    ['amount', { amount: '--5' }],
    ['amount', { amount: '(-5.00)' }],
    ['amount', { amount: '5-5' }],
    ['amount', { amount: '1.2.3' }],
    ['currency', { currency: 'XYZ' }],
    ['currency', { currency: 'usd' }],
    ['currency', { currency: '$' }],
  ];
  for (const [field, bad] of cases)
    it(`${field} ${Object.values(bad)[0]}`, () => {
      const addon = loadAddon();
      const token = connect(addon);
      const batch = makeBatch(3);
      Object.assign(batch.transactions[1]!, bad);
      const answer = post(addon, { token, batch });
      expect(answer.errors.map((e) => e.code)).not.toContain('internal');
      expect(answer.added).toBe(2);
      expect(answer.errors.length).toBeGreaterThan(0);
      for (const e of answer.errors) expect(e).toMatchObject({ row: 2, field });
      const cells = records(addon, 'Transactions').flatMap((r) => Object.values(r));
      expect(cells).toContain(batch.transactions[0]!.id);
      expect(cells).not.toContain(batch.transactions[1]!.id);
    });
});
