import { BATCH_SCHEMA_VERSION, type Batch } from '../../core/model/batch';
import type { TransactionJson } from '../../core/model/transactionJson';

/** A file export in the Batch contract, so the add-on and the CLI read it like a sent batch. */
export function toBatch(
  transactions: TransactionJson[],
  at: { batchId: string; exportedAt: string; client: string },
): Batch {
  return {
    schemaVersion: BATCH_SCHEMA_VERSION,
    batchId: at.batchId,
    source: { capturedAt: at.exportedAt, client: at.client },
    transactions,
  };
}
