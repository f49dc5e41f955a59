import type { TransactionKind } from '../../model/transaction';

const BY_TRNTYPE: Record<string, TransactionKind> = {
  CREDIT: 'deposit',
  DEP: 'deposit',
  DIRECTDEP: 'deposit',
  INT: 'deposit',
  DIV: 'deposit',
  DEBIT: 'withdrawal',
  ATM: 'withdrawal',
  CASH: 'withdrawal',
  CHECK: 'withdrawal',
  DIRECTDEBIT: 'withdrawal',
  PAYMENT: 'withdrawal',
  REPEATPMT: 'withdrawal',
  POS: 'charge',
  FEE: 'fee',
  SRVCHG: 'fee',
  XFER: 'transfer',
};

/** OFX TRNTYPE → kind; on a credit card, purchases are charges and credits are refunds. */
export function ofxKind(trnType: string | undefined, minor: number, creditCard: boolean): TransactionKind {
  const type = (trnType ?? '').toUpperCase();
  if (creditCard) {
    if (type === 'DEBIT' || type === 'POS') return 'charge';
    if (type === 'CREDIT') return 'refund';
    if (type === 'PAYMENT') return 'transfer';
  }
  const kind = BY_TRNTYPE[type];
  if (kind) return kind;
  if (minor === 0) return 'unknown';
  return minor > 0 ? 'deposit' : 'withdrawal';
}

/** A CREDIT that takes money out, or a DEBIT that brings it in: the file contradicts itself. */
export function trnTypeAgainstSign(trnType: string | undefined, minor: number): boolean {
  return (trnType === 'CREDIT' && minor < 0) || (trnType === 'DEBIT' && minor > 0);
}
