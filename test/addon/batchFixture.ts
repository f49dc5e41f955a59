import type { Batch } from '../../core/model/batch';
import type { TransactionJson } from '../../core/model/transactionJson';

/** A wire transaction as the extension sends it; `i` makes it unique and deterministic. */
export function wireTransaction(i: number, overrides: Partial<TransactionJson> = {}): TransactionJson {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    schemaVersion: 1,
    id: `txn-${String(i).padStart(6, '0')}`,
    institution: 'chase',
    account: 'Checking ••6789',
    date: `2026-01-${day}`,
    description: `CARD PURCHASE ${i} BLUE BOTTLE`,
    payee: 'Blue Bottle Coffee',
    amount: `-${(i % 90) + 1}.${String(i % 100).padStart(2, '0')}`,
    currency: 'USD',
    status: 'posted',
    kind: 'charge',
    tags: [],
    origin: { url: 'https://secure.chase.com/activity', capturedAt: '2026-01-30T12:00:00.000Z' },
    ...overrides,
  };
}

export function makeBatch(count: number, options: { batchId?: string; first?: number } = {}): Batch {
  const first = options.first ?? 0;
  return {
    schemaVersion: 1,
    batchId: options.batchId ?? `batch-${first}-${count}`,
    source: {
      url: 'https://secure.chase.com/activity',
      capturedAt: '2026-01-30T12:00:00.000Z',
      client: 'ledgerbridge-extension/0.1.0',
    },
    transactions: Array.from({ length: count }, (_, k) => wireTransaction(first + k)),
  };
}
