import type { CaptureField } from '../../core/model/profile';

/**
 * The capture fields a column can be mapped to, in the order people think of them. A plain list
 * rather than the zod enum's options keeps zod out of the popup's bundle.
 */
export const CAPTURE_FIELDS: readonly CaptureField[] = [
  'date',
  'description',
  'amount',
  'debit',
  'credit',
  'balance',
  'status',
  'currency',
  'type',
  'id',
  'fee',
  'gross',
];
