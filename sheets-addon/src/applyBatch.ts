import type { ParsedBatch } from '../../core/model/batch';
import type { Problem } from '../../core/model/problem';
import { ok, type Result } from '../../core/model/result';
import { toTransactionJson } from '../../core/model/transactionJson';
import { logBatch, readBatchLog } from './batchLog';
import { cellLimitProblem } from './cellLimit';
import type { Services } from './services';
import { upsertTransactions, type WriteCounts } from './upsertTransactions';

export type BatchOutcome = WriteCounts & {
  /** Lines left out because the sheet holds newer data for their id (counted in `skipped`). */
  older: number;
  /** Rows not written, by row and field. */
  problems: Problem[];
  /** Set when this batch id was applied before: nothing was written this time. */
  alreadyApplied?: { at: string; sameContent: boolean };
};

/**
 * Applies a batch from the extension at most once: its id is looked up in the batch log first, and
 * a batch applied before changes nothing — even when the bookkeeper deleted its rows meanwhile.
 * Otherwise its lines are upserted (a line the sheet holds newer data for is left out, a line with
 * a cell too long for Sheets is refused alone) and the batch is logged. The caller holds the lock.
 */
export function applyBatch(services: Services, batch: ParsedBatch, actor: string): Result<BatchOutcome> {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const log = readBatchLog(spreadsheet);
  const where = (i: number) => {
    const index = batch.rows[i]!.index;
    return { row: index + 1, path: ['transactions', index] };
  };
  const contentSha256 = contentHash(services, batch);
  const earlier = log.get(batch.batchId);
  if (earlier) {
    // Answer about the rows as the first time did, so the sender knows which never landed.
    const refused = batch.rows.flatMap((r, i) => cellLimitProblem(r.transaction, where(i)) ?? []);
    return ok({
      added: 0,
      updated: 0,
      skipped: batch.rows.length - refused.length,
      older: 0,
      problems: byRow([...batch.rowProblems, ...refused]),
      alreadyApplied: { at: earlier.receivedAt, sameContent: earlier.contentSha256 === contentSha256 },
    });
  }
  const written = upsertTransactions(services, {
    transactions: batch.rows.map((r) => r.transaction),
    batchId: batch.batchId,
    actor,
    action: 'batch',
    ...(batch.source.url ? { detail: batch.source.url } : {}),
    where,
    sentAt: batch.source.capturedAt,
    sentAtOfBatch: (id) => log.get(id)?.sentAt,
  });
  if (!written.ok) return written;
  const { refused, ...counts } = written.value;
  const problems = byRow([...batch.rowProblems, ...refused]);
  logBatch(spreadsheet, {
    batchId: batch.batchId,
    receivedAt: new Date(services.now()).toISOString(),
    sentAt: batch.source.capturedAt,
    client: batch.source.client ?? '',
    rows: batch.rows.length + new Set(batch.rowProblems.map((p) => p.row)).size,
    added: counts.added,
    updated: counts.updated,
    skipped: counts.skipped,
    refusedRows: listRows(problems),
    contentSha256,
  });
  return ok({ ...counts, problems });
}

/** The rows not written, as a short list (a cell holds 50,000 characters). */
function listRows(problems: Problem[]): string {
  const rows = [...new Set(problems.flatMap((p) => (p.row === undefined ? [] : [p.row])))];
  const shown = rows.slice(0, 200).join(', ');
  return rows.length > 200 ? `${shown} … and ${rows.length - 200} more` : shown;
}

const byRow = (problems: Problem[]) =>
  [...problems].sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));

/** SHA-256 of the batch's valid lines (Apps Script's native digest: one call, any size). */
function contentHash(services: Services, batch: ParsedBatch): string {
  const { Utilities } = services;
  const text = JSON.stringify({
    lines: batch.rows.map((r) => [r.index, toTransactionJson(r.transaction)]),
    refused: batch.rowProblems.map((p) => p.row ?? -1),
  });
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
    .map((b) => (b & 255).toString(16).padStart(2, '0'))
    .join('');
}
