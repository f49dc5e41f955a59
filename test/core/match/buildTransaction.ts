import { TRANSACTION_SCHEMA_VERSION, type Transaction } from '../../../core/model/transaction';

type Spec = Partial<Omit<Transaction, 'amount' | 'gross' | 'fee'>> & {
  id: string;
  date: string;
  /** Cents. */
  amount: number;
  gross?: number;
  fee?: number;
};

/** A Transaction for hand-written cases: a bank line by default, USD, posted, from one file. */
export function txn({ amount, gross, fee, ...spec }: Spec): Transaction {
  return {
    schemaVersion: TRANSACTION_SCHEMA_VERSION,
    institution: 'chase',
    account: 'Checking ••6789',
    description: '',
    payee: spec.description ?? '',
    status: 'posted',
    kind: amount >= 0 ? 'deposit' : 'withdrawal',
    tags: [],
    origin: { file: 'bank.csv', capturedAt: '2026-03-01T00:00:00Z' },
    ...spec,
    amount: { minor: amount, currency: 'USD' },
    ...(gross !== undefined ? { gross: { minor: gross, currency: 'USD' } } : {}),
    ...(fee !== undefined ? { fee: { minor: fee, currency: 'USD' } } : {}),
  };
}

/** A processor payout line: negative, as money leaves the processor balance for the bank. */
export const payout = (
  id: string,
  date: string,
  value: number,
  institution = 'stripe',
  extra: Partial<Omit<Transaction, 'amount' | 'gross' | 'fee'>> = {},
) =>
  txn({
    id,
    date,
    amount: -value,
    institution,
    account: `${institution} balance`,
    kind: 'payout',
    description: 'Payout',
    payoutId: `po_${id}`,
    externalId: `po_${id}`,
    ...extra,
  });

/** A bank deposit. */
export const deposit = (
  id: string,
  date: string,
  amount: number,
  description: string,
  extra: Partial<Omit<Transaction, 'amount' | 'gross' | 'fee'>> = {},
) => txn({ id, date, amount, description, kind: amount >= 0 ? 'deposit' : 'withdrawal', ...extra });
