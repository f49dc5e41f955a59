import * as z from 'zod';

/** A column by its header text (case- and space-insensitive) or by 0-based index. */
export const ColumnRef = z.union([z.string().min(1), z.int().nonnegative()]);
export type ColumnRef = z.infer<typeof ColumnRef>;

export const CSV_MAPPING_VERSION = 1;

/**
 * An explicit CSV layout, for files whose columns detection gets wrong. Every field is optional
 * except `date`; what is left out is still detected. Passed as JSON (`--mapping`), so validated.
 */
export const CsvMapping = z.strictObject({
  schemaVersion: z.literal(CSV_MAPPING_VERSION).optional(),
  date: ColumnRef,
  description: z.union([ColumnRef, z.array(ColumnRef).min(1)]).optional(),
  amount: ColumnRef.optional(),
  debit: ColumnRef.optional(),
  credit: ColumnRef.optional(),
  balance: ColumnRef.optional(),
  currency: ColumnRef.optional(),
  status: ColumnRef.optional(),
  reference: ColumnRef.optional(),
  checkNumber: ColumnRef.optional(),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Whether the table has a header row (default: detected). */
  header: z.boolean().optional(),
  /** Lines of preamble before the table. */
  skipRows: z.int().nonnegative().optional(),
  /** The file shows money out as positive (many credit card exports). */
  negate: z.boolean().optional(),
});
export type CsvMapping = z.infer<typeof CsvMapping>;
