import { describe, expect, it } from 'vitest';
import { assignIds } from '../../core/ids/assignIds';
import { parseBatch } from '../../core/model/batch';
import { toTransactionJson } from '../../core/model/transactionJson';
import { toBatch } from '../../extension/export/toBatch';
import { toCsv } from '../../extension/export/toCsv';

const [risky, plain] = assignIds([
  {
    institution: 'generic',
    account: 'Checking ••6789',
    date: '2026-03-02',
    description: '=HYPERLINK("http://evil.example","click")',
    amount: { minor: -120050, currency: 'USD' },
    status: 'posted',
    kind: 'withdrawal',
    origin: { url: 'https://bank.example/', capturedAt: '2026-03-05T00:00:00Z' },
  },
  {
    institution: 'generic',
    account: 'Checking ••6789',
    date: '2026-03-03',
    description: 'ACME, INC. "DEPOSIT"',
    amount: { minor: 100000, currency: 'JPY' },
    status: 'posted',
    kind: 'deposit',
    origin: { url: 'https://bank.example/', capturedAt: '2026-03-05T00:00:00Z' },
  },
]);

describe('exports', () => {
  it('writes CSV with the sheet columns, exact amounts, quoting, and inert formulas', () => {
    const [header, first, second] = toCsv([risky!, plain!]).trimEnd().split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 3)).toEqual(['ID', 'Date', 'Account']);
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(first).toContain(',-1200.50,USD,');
    expect(second).toContain('"ACME, INC. ""DEPOSIT"""');
    expect(second).toContain(',100000,JPY,');
  });

  it('writes JSON as a Batch the add-on accepts', () => {
    const batch = toBatch([toTransactionJson(risky!), toTransactionJson(plain!)], {
      batchId: 'export-1',
      exportedAt: '2026-03-05T00:00:00Z',
      client: 'test',
    });
    const parsed = parseBatch(JSON.parse(JSON.stringify(batch)));
    expect(parsed.ok && parsed.value.rows.map((r) => r.transaction)).toEqual([risky, plain]);
  });
});
