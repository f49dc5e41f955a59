import type { Transaction } from '../../core/model/transaction';
import { type TransactionJson, toTransactionJson } from '../../core/model/transactionJson';
import type { StoredTransaction } from './schema';

/** The contract's Transaction without this store's bookkeeping fields. */
export function toContract(stored: StoredTransaction): Transaction {
  const { captureId: _c, updatedAt: _u, sentAt: _s, ...t } = stored;
  return t;
}

export const toWire = (stored: StoredTransaction): TransactionJson => toTransactionJson(toContract(stored));
