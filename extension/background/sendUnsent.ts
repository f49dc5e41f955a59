import { BATCH_SCHEMA_VERSION, type Batch } from '../../core/model/batch';
import { problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import { CLIENT_NAME } from '../clientName';
import type { SendRecord } from '../db/schema';
import { toWire } from '../db/toWire';
import type { SendBatchReport, SendReport } from '../messages/responses';
import { checkEndpointUrl } from '../send/checkEndpointUrl';
import { postBatch } from '../send/postBatch';
import type { BackgroundDeps } from './deps';

/** Rows per batch: well under Apps Script's request and execution limits. */
export const BATCH_ROWS = 500;

/**
 * Sends every new or changed line to the spreadsheet. Batches that failed before are retried first
 * with their own batchId, so a batch that did land is not applied twice. A line is marked sent only
 * if it was not edited while its batch was on the way.
 */
export async function sendUnsent(deps: BackgroundDeps): Promise<Result<SendReport>> {
  const { db } = deps;
  const settings = await deps.settings();
  if (!settings.endpointUrl || !settings.token) {
    return fail(
      problem('not_configured', 'Set the spreadsheet web-app URL and token in Options before sending.'),
    );
  }
  const endpoint = checkEndpointUrl(settings.endpointUrl);
  if (!endpoint.ok) {
    return fail(
      problem('insecure_endpoint', `Not sent: ${endpoint.message}. Correct the address in Options.`),
    );
  }
  const unfinished = await db.sends.where('state').anyOf('pending', 'failed').sortBy('createdAt');
  const inFlight = new Set(unfinished.flatMap((s) => s.transactionIds));
  const unsent = (await db.transactions.filter((t) => !t.sentAt && !inFlight.has(t.id)).toArray()).sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  const fresh: SendRecord[] = [];
  for (let i = 0; i < unsent.length; i += BATCH_ROWS) {
    const rows = unsent.slice(i, i + BATCH_ROWS);
    fresh.push({
      batchId: `ext-${deps.newId()}`,
      createdAt: deps.now().toISOString(),
      transactionIds: rows.map((t) => t.id),
      updatedAt: Object.fromEntries(rows.map((t) => [t.id, t.updatedAt])),
      state: 'pending',
      attempts: 0,
    });
  }
  await db.sends.bulkPut(fresh);
  const queue = [...unfinished, ...fresh];
  if (queue.length === 0) return ok({ batches: [], message: 'Nothing new to send.' });
  const batches: SendBatchReport[] = [];
  for (const record of queue) batches.push(await sendOne(deps, record, settings));
  return ok({ batches });
}

async function sendOne(
  deps: BackgroundDeps,
  record: SendRecord,
  settings: { endpointUrl: string; token: string },
): Promise<SendBatchReport> {
  const { db } = deps;
  const rows = (await db.transactions.bulkGet(record.transactionIds)).filter((t) => t !== undefined);
  const batch: Batch = {
    schemaVersion: BATCH_SCHEMA_VERSION,
    batchId: record.batchId,
    source: { capturedAt: record.createdAt, client: CLIENT_NAME },
    transactions: rows.map(toWire),
  };
  const outcome = await postBatch({
    fetch: deps.fetch,
    sleep: deps.sleep,
    url: settings.endpointUrl,
    token: settings.token,
    batch,
  });
  const attempts = record.attempts + outcome.attempts;
  const answer = outcome.answer;
  const result = answer
    ? { added: answer.added, updated: answer.updated, skipped: answer.skipped, errors: answer.errors }
    : undefined;
  const sentAt = deps.now().toISOString();
  await db.transaction('rw', db.sends, db.transactions, async () => {
    await db.sends.put({
      ...record,
      state: outcome.ok ? 'sent' : 'failed',
      attempts,
      ...(result ? { result } : {}),
      ...(outcome.ok ? {} : { error: outcome.message }),
    });
    if (!outcome.ok) return;
    const rejected = new Set(answer?.errors.map((e) => rowId(record, e.row)).filter(Boolean));
    for (const t of await db.transactions.bulkGet(record.transactionIds)) {
      if (t && t.updatedAt === record.updatedAt[t.id] && !rejected.has(t.id)) {
        await db.transactions.put({ ...t, sentAt });
      }
    }
  });
  return {
    batchId: record.batchId,
    count: record.transactionIds.length,
    state: outcome.ok ? 'sent' : 'failed',
    attempts,
    ...(result ?? {}),
    errors: result?.errors ?? [],
    ...(outcome.ok ? {} : { error: outcome.message }),
  };
}

/** The add-on names a rejected row by its 1-based row in the batch. */
function rowId(record: SendRecord, row: number | undefined): string | undefined {
  return row === undefined ? undefined : record.transactionIds[row - 1];
}
