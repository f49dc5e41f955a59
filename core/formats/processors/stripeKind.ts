import type { TransactionKind } from '../../model/transaction';

/** Stripe `reporting_category` (or balance transaction `type`) → kind. */
const KINDS: Record<string, TransactionKind> = {
  charge: 'charge',
  payment: 'charge',
  refund: 'refund',
  payment_refund: 'refund',
  refund_failure: 'refund',
  payout: 'payout',
  payout_reversal: 'payout',
  fee: 'fee',
  stripe_fee: 'fee',
  network_cost: 'fee',
  tax: 'fee',
  dispute: 'dispute',
  dispute_reversal: 'dispute',
  charge_failure: 'adjustment',
  adjustment: 'adjustment',
  other_adjustment: 'adjustment',
  transfer: 'transfer',
  transfer_reversal: 'transfer',
  topup: 'deposit',
  topup_reversal: 'withdrawal',
};

export const stripeKind = (category: string): TransactionKind =>
  KINDS[category.trim().toLowerCase()] ?? 'unknown';
