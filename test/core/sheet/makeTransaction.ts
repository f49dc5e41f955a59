import { TRANSACTION_SCHEMA_VERSION, type Transaction } from '../../../core/model/transaction';

/** A valid transaction with overridable fields, for the sheet tests. */
export function makeTransaction(over: Partial<Transaction> = {}): Transaction {
  return {
    schemaVersion: TRANSACTION_SCHEMA_VERSION,
    id: 'lb_1',
    institution: 'chase',
    account: 'Checking ••6789',
    date: '2026-01-05',
    description: 'STRIPE TRANSFER',
    payee: 'Stripe',
    amount: { minor: 123450, currency: 'USD' },
    status: 'posted',
    kind: 'deposit',
    tags: [],
    origin: { file: 'bank.csv', row: 3, capturedAt: '2026-02-01T10:00:00.000Z' },
    ...over,
  };
}
