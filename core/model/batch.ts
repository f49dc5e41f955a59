import * as z from 'zod';
import { type Problem, problem, problemsFromZod } from './problem';
import type { Transaction } from './transaction';
import { fromTransactionJson, TransactionJson } from './transactionJson';

export const BATCH_SCHEMA_VERSION = 1;

const batchEnvelope = {
  schemaVersion: z.literal(BATCH_SCHEMA_VERSION),
  /** Unique per batch; the add-on records it so the same batch posted twice changes nothing. */
  batchId: z.string().min(1).max(200),
  source: z.object({
    /** The captured page, when the batch comes from a capture. */
    url: z.string().optional(),
    capturedAt: z.string(),
    /** Which client sent it, e.g. `ledgerbridge-extension/0.1.0`. */
    client: z.string().optional(),
  }),
};

/** What the extension sends and exports: a versioned envelope of wire transactions. */
export const Batch = z.object({ ...batchEnvelope, transactions: z.array(TransactionJson) });
export type Batch = z.infer<typeof Batch>;

const BatchEnvelope = z.object({ ...batchEnvelope, transactions: z.array(z.unknown()) });

export type ParsedBatch = {
  batchId: string;
  source: Batch['source'];
  /** Rows that validated, with their 0-based index in the batch. */
  rows: Array<{ index: number; transaction: Transaction }>;
  /** Problems per bad row; the good rows still land. */
  rowProblems: Problem[];
};

/**
 * Validates a batch from outside: the envelope must be right as a whole, each row on its own,
 * so one bad row is reported (with its row number and field) and the rest are kept.
 */
export function parseBatch(
  input: unknown,
): { ok: true; value: ParsedBatch } | { ok: false; problems: Problem[] } {
  if (typeof input === 'object' && input !== null && 'schemaVersion' in input) {
    const version = (input as { schemaVersion: unknown }).schemaVersion;
    if (typeof version === 'number' && version > BATCH_SCHEMA_VERSION) {
      return {
        ok: false,
        problems: [
          problem(
            'unsupported_version',
            `batch schemaVersion ${version} is newer than this reader (${BATCH_SCHEMA_VERSION})`,
            {
              path: ['schemaVersion'],
              field: 'schemaVersion',
            },
          ),
        ],
      };
    }
  }
  const envelope = BatchEnvelope.safeParse(input);
  if (!envelope.success) return { ok: false, problems: problemsFromZod(envelope.error) };
  const rows: ParsedBatch['rows'] = [];
  const rowProblems: Problem[] = [];
  envelope.data.transactions.forEach((raw, index) => {
    const parsed = fromTransactionJson(raw, { path: ['transactions', index], row: index + 1 });
    if (parsed.ok) rows.push({ index, transaction: parsed.value });
    else rowProblems.push(...parsed.problems);
  });
  return {
    ok: true,
    value: { batchId: envelope.data.batchId, source: envelope.data.source, rows, rowProblems },
  };
}
