import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { runCli } from '../../cli/workbookCli';
import { CAPTURED_AT, CORPUS, FIXTURES } from './loadFile';

describe('a currency is an ISO 4217 code wherever one is accepted', () => {
  it('a Stripe row in a made-up currency is skipped with its line; the others are read', () => {
    const text = readFileSync(`${CORPUS}processor/stripe-balance-report.csv`, 'utf8');
    const lines = text.split('\n');
    lines[2] = lines[2]!.replace('"usd"', '"xyz"');
    const r = importFile(
      { name: 'stripe.csv', bytes: new Uint8Array(Buffer.from(lines.join('\n'))) },
      { capturedAt: CAPTURED_AT },
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.transactions.map((t) => t.externalId)).not.toContain('txn_14G11HjHgubIH9ZvbPgYO7');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'invalid_currency',
        line: 3,
        message: expect.stringContaining('"XYZ"'),
      }),
    );
  });

  it('import --currency refuses a code that is not ISO 4217, as wrong usage', async () => {
    const { code, stderr } = await runCli(
      ['import', `${FIXTURES}bank-us.csv`, '--currency', 'ABC'],
      process.cwd(),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--currency: "ABC" is not an ISO 4217 code');
  });
});
