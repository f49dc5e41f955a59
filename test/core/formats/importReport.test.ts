import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CAPTURED_AT, CORPUS, FIXTURES, imported } from './loadFile';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('import report', () => {
  it('says which processor export it read and that the processor names the account', () => {
    const r = imported(`${CORPUS}processor/stripe-balance-report.csv`);
    expect(r.report?.recognized).toMatchObject({ format: 'stripe', processor: 'stripe' });
    expect(r.report?.accounts.map((a) => a.source)).toEqual(['processor']);
    expect(r.report?.rowsImported).toBe(r.transactions.length);
  });

  it('marks an account given as an option as such', () => {
    const r = imported(`${FIXTURES}bank-us.csv`, { account: 'Checking 4417' });
    expect(r.report?.accounts).toEqual([{ name: 'Checking 4417', source: 'option' }]);
  });

  it('an OFX file names its account itself', () => {
    const r = imported(`${CORPUS}ofx/checking.ofx`);
    expect(r.report?.accounts[0]?.source).toBe('file data');
  });

  it('counts skipped rows with their line and reason', () => {
    const r = importFile(
      {
        name: 'x.csv',
        bytes: bytes(
          'Date,Description,Amount\n11/02/2026,Coffee,-5.91\nnot a date,Tea,-3.00\n11/03/2026,Rent,-900.00\n',
        ),
      },
      { capturedAt: CAPTURED_AT },
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.report).toMatchObject({ rowsRead: 3, rowsImported: 2 });
    expect(r.report?.rowsSkipped).toHaveLength(1);
    expect(r.report?.rowsSkipped[0]).toMatchObject({ line: 3, row: 2 });
    expect(r.report?.rowsSkipped[0]?.reason).not.toMatch(/^row skipped/);
  });
});
