import type { TransactionKind } from '../../model/transaction';

/** PayPal's free-text `Type` → kind; the sign decides between a sale and a purchase. */
export function paypalKind(type: string, minor: number): TransactionKind {
  const t = type.toLowerCase();
  if (/refund/.test(t)) return 'refund';
  if (/chargeback|dispute|reversal|claim/.test(t)) return 'dispute';
  if (/fee/.test(t)) return 'fee';
  if (/withdraw|transfer to bank|to bank account/.test(t)) return 'payout';
  if (/bank deposit|add funds|transfer|currency conversion/.test(t)) return 'transfer';
  if (/hold|release|adjust/.test(t)) return 'adjustment';
  return minor >= 0 ? 'charge' : 'withdrawal';
}
