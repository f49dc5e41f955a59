import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeTransactions } from '../../../core/ids/mergeTransactions';
import { Transaction } from '../../../core/model/transaction';
import { TransactionJson, toTransactionJson } from '../../../core/model/transactionJson';
import { CORPUS, importPath } from './loadFile';

const files = readdirSync(CORPUS, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && !/^(LICENSE|README)/.test(e.name))
  .map((e) => `${e.parentPath.slice(CORPUS.length).replace(/^\/?/, '')}/${e.name}`.replace(/^\//, ''))
  .sort();
const mustRefuseOrWarn = (name: string) =>
  name.startsWith('ofx-fail/') || name === 'camt053/camt053.v2.wrong.xml';

describe('every file of the shared corpus', () => {
  it('is there', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files.filter((f) => !mustRefuseOrWarn(f)))(
    '%s imports into valid, re-import-stable transactions',
    (name) => {
      const first = importPath(`${CORPUS}${name}`);
      if (!first.ok) expect.fail(JSON.stringify(first.problems));
      // Never a silent empty result: no transactions comes with a notice.
      expect(first.transactions.length > 0 || first.warnings.length > 0).toBe(true);
      for (const t of first.transactions) {
        expect(Transaction.safeParse(t).success).toBe(true);
        expect(TransactionJson.safeParse(toTransactionJson(t)).success).toBe(true);
        expect(t.origin.file).toBe(name);
      }
      const again = importPath(`${CORPUS}${name}`, { capturedAt: '2027-01-01T00:00:00Z' });
      if (!again.ok) expect.fail('second import failed');
      expect(mergeTransactions(first.transactions, again.transactions).added).toEqual([]);
    },
  );

  it.each(files.filter(mustRefuseOrWarn))('%s is refused or read in part, saying where', (name) => {
    const outcome = importPath(`${CORPUS}${name}`);
    const said = outcome.ok ? outcome.warnings : outcome.problems;
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((p) => p.file === name)).toBe(true);
    expect(said.some((p) => p.line !== undefined || p.element !== undefined)).toBe(true);
  });
});
