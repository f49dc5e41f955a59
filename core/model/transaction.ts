import * as z from 'zod';
import { IsoDate } from './isoDate';
import { Money } from './money';
import { TRANSACTION_SCHEMA_VERSION } from './schemaVersions';

export { TRANSACTION_SCHEMA_VERSION } from './schemaVersions';

export const TransactionStatus = z.enum(['pending', 'posted']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const TransactionKind = z.enum([
  'charge',
  'refund',
  'fee',
  'payout',
  'deposit',
  'withdrawal',
  'transfer',
  'adjustment',
  'dispute',
  'unknown',
]);
export type TransactionKind = z.infer<typeof TransactionKind>;

/** Where a transaction came from: a captured page (`url`) or a file (`file` + `row`). */
export const Origin = z.object({
  url: z.string().optional(),
  file: z.string().optional(),
  /** 1-based record number in the file or row number on the page. */
  row: z.int().optional(),
  /** The element that held it in a structured file, e.g. `STMTTRN`, `Ntry`. */
  element: z.string().optional(),
  /** ISO 8601 timestamp of the capture or import. */
  capturedAt: z.string(),
});
export type Origin = z.infer<typeof Origin>;

/** One part of a split: a share of the amount booked to its own category. */
export const Split = z.object({
  category: z.string(),
  amount: Money,
  note: z.string().optional(),
});
export type Split = z.infer<typeof Split>;

/** Which rule set which field: the explanation a bookkeeper reads. */
export const RuleTrailEntry = z.object({
  rule: z.string(),
  field: z.string(),
  value: z.string(),
});
export type RuleTrailEntry = z.infer<typeof RuleTrailEntry>;

const transactionShape = {
  schemaVersion: z.literal(TRANSACTION_SCHEMA_VERSION),
  /** Stable id: from the source's own id where there is one, else a content hash + occurrence. */
  id: z.string().min(1),
  institution: z.string().min(1),
  /** The account as the portal names it, masked: `Checking ••6789`. */
  account: z.string().min(1),
  /** Posted date (transaction date where that is all the source shows). */
  date: IsoDate,
  /** Text as shown, whitespace-collapsed. */
  description: z.string(),
  /** Cleaned counterparty. */
  payee: z.string(),
  /** Negative = money out of the account. */
  amount: Money,
  status: TransactionStatus,
  kind: TransactionKind,
  externalId: z.string().optional(),
  payoutId: z.string().optional(),
  /** Processor lines: amount = gross − fee. `fee` is the (usually positive) fee charged. */
  gross: Money.optional(),
  fee: Money.optional(),
  /** Running balance the source showed after this line. */
  balance: Money.optional(),
  checkNumber: z.string().optional(),
  memo: z.string().optional(),
  category: z.string().optional(),
  tags: z.array(z.string()),
  /** The rule that set the category (the last one that did). */
  rule: z.string().optional(),
  ruleTrail: z.array(RuleTrailEntry).optional(),
  notes: z.string().optional(),
  splits: z.array(Split).optional(),
  /** Set by a rule or the matcher: a move between the business's own accounts. */
  transfer: z.boolean().optional(),
  /** A posted line records the pending line it replaced, and the pending line records its successor. */
  supersedes: z.string().optional(),
  supersededBy: z.string().optional(),
  /**
   * Why the source's own figures did not confirm this line: a capture whose running balance, count
   * or total check failed. Carried to every surface so an unverified line never looks clean.
   */
  unverified: z.string().min(1).max(1000).optional(),
  origin: Origin,
};

export const Transaction = z.object(transactionShape);
export type Transaction = z.infer<typeof Transaction>;

/** What importers and capture produce before ids are assigned (see core/ids/assignIds). */
export const TransactionDraft = z.object({
  ...transactionShape,
  payee: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type TransactionDraft = Omit<z.infer<typeof TransactionDraft>, 'id' | 'schemaVersion'>;
