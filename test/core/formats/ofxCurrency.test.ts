import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CAPTURED_AT, FIXTURES } from './loadFile';

const whole = readFileSync(`${FIXTURES}ofx/checking-4417-march.ofx`, 'utf8');
const read = (text: string) =>
  importFile({ name: 'march.ofx', bytes: new Uint8Array(Buffer.from(text)) }, { capturedAt: CAPTURED_AT });

describe('OFX currencies are ISO 4217 codes', () => {
  it('refuses a statement whose CURDEF is not one, naming the element (its only statement: the file)', () => {
    const r = read(whole.replace('<CURDEF>USD', '<CURDEF>XYZ'));
    if (r.ok) expect.fail('a file whose only statement has no valid currency read as no transactions');
    expect(r.problems[0]).toMatchObject({
      code: 'invalid_currency',
      element: 'CURDEF',
      message: expect.stringContaining('"XYZ"'),
    });
  });

  it('skips a transaction whose CURSYM is not one, naming it, and reads the rest', () => {
    const r = read(
      whole.replace(
        '<TRNAMT>-12.99',
        '<TRNAMT>-12.99\r\n<CURRENCY>\r\n<CURSYM>ABC\r\n<CURRATE>1.0\r\n</CURRENCY>',
      ),
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.transactions.map((t) => t.externalId)).not.toContain('202603060004');
    expect(r.transactions).toHaveLength(5);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'invalid_currency',
        message: expect.stringContaining('FITID 202603060004'),
      }),
    ]);
  });
});
