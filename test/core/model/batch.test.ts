import { describe, expect, it } from 'vitest';
import { assignIds } from '../../../core/ids/assignIds';
import { parseBatch } from '../../../core/model/batch';
import { describeProblem } from '../../../core/model/problem';
import { fromTransactionJson, toTransactionJson } from '../../../core/model/transactionJson';

const [t] = assignIds([
  {
    institution: 'stripe',
    account: 'Stripe USD',
    date: '2026-11-20',
    description: '=HYPERLINK("http://evil")',
    amount: { minor: -123450, currency: 'USD' },
    fee: { minor: 30, currency: 'USD' },
    status: 'posted',
    kind: 'charge',
    externalId: 'txn_1',
    origin: { url: 'https://dashboard.stripe.com/payments', capturedAt: '2026-11-21T10:00:00Z' },
  },
]);

describe('Transaction wire form', () => {
  it('round-trips exactly with amounts as decimal strings', () => {
    const json = toTransactionJson(t!);
    expect(json.amount).toBe('-1234.50');
    expect(json.fee).toBe('0.30');
    expect(json.currency).toBe('USD');
    expect(fromTransactionJson(JSON.parse(JSON.stringify(json)))).toEqual({ ok: true, value: t });
  });

  it('names the field of a bad amount', () => {
    const result = fromTransactionJson({ ...toTransactionJson(t!), amount: '12.345' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'amount', code: 'too_many_decimals' });
  });
});

describe('parseBatch', () => {
  const good = toTransactionJson(t!);
  const batch = {
    schemaVersion: 1,
    batchId: 'b-1',
    source: { capturedAt: '2026-11-21T10:00:00Z' },
    transactions: [good, { ...good, date: '2026-13-01' }, { ...good, amount: 'ten' }],
  };

  it('keeps the good rows and reports each bad one by row and field', () => {
    const result = parseBatch(batch);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows.map((r) => r.index)).toEqual([0]);
    expect(result.value.rowProblems.map((p) => [p.row, p.field])).toEqual([
      [2, 'date'],
      [3, 'amount'],
    ]);
    expect(describeProblem(result.value.rowProblems[0]!)).toMatch(/^row 2, field date: /);
  });

  it('refuses a newer schema version and a broken envelope as a whole', () => {
    const newer = parseBatch({ ...batch, schemaVersion: 2 });
    expect(newer.ok ? null : newer.problems[0]!.code).toBe('unsupported_version');
    const broken = parseBatch({ ...batch, batchId: '' });
    expect(broken.ok).toBe(false);
  });
});
