import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { Transaction } from '../../core/model/transaction';
import { deliveredSpans } from '../db/deliveredSpans';
import { putInChunks } from '../db/putInChunks';
import type { CaptureRecord, StoredTransaction } from '../db/schema';
import type { SaveResult } from '../messages/responses';
import { classifyCapture } from './classifyCapture';
import type { BackgroundDeps } from './deps';
import { storedForMerge } from './storedForMerge';

/** A changed line is no longer what the spreadsheet has: dropping sentAt puts it back in the outbox. */
export function touched(
  t: Transaction,
  captureId: string,
  at: string,
  unverified?: string,
): StoredTransaction {
  const { sentAt: _sent, unverified: _was, ...rest } = t as StoredTransaction;
  return { ...rest, captureId, updatedAt: at, ...(unverified ? { unverified } : {}) };
}

/** Why a capture is unverified, in words kept on every line it writes. */
function unverifiedReason(record: CaptureRecord): string | undefined {
  if (record.verification !== 'unverified') return undefined;
  const failed = (record.diagnostics.checks ?? []).filter((c) => !c.ok);
  return failed.map((c) => c.message).join('; ') || 'a self-check of the capture failed';
}

/**
 * Merges a previewed capture into the store. Merging again against what is stored now (not what
 * the preview saw) keeps this idempotent: saving twice, or after the worker restarted, adds nothing.
 */
export async function saveCapture(deps: BackgroundDeps, captureId: string): Promise<Result<SaveResult>> {
  const { db } = deps;
  const record = await db.captures.get(captureId);
  if (!record) return fail(problem('unknown_capture', `no capture ${captureId}`));
  if (record.state !== 'preview') {
    return fail(problem('capture_not_pending', `capture ${captureId} is already ${record.state}`));
  }
  const existing = await storedForMerge(db, record.incoming);
  const { merge, counts } = classifyCapture(existing, record.incoming);
  const at = deps.now().toISOString();
  const why = unverifiedReason(record);
  const writes = [...merge.added, ...merge.changed.map((c) => c.after)].map((t) =>
    touched(t, captureId, at, why),
  );
  await putInChunks(db.transactions, writes);
  await db.captures.update(captureId, {
    state: 'saved',
    counts,
    incoming: [],
    delivered: deliveredSpans(record.incoming),
  });
  return ok({ captureId, added: counts.added, changed: counts.changed, unchanged: counts.unchanged });
}
