import { cellToDateTime } from '../../core/sheet/dateCell';

const instant = (text: string | undefined) => (text ? Date.parse(text) : Number.NaN);

/**
 * Whether an incoming line is older than the row the sheet holds for its id, so writing it would
 * revert newer data (a retry that arrives after a later batch). Older means captured earlier; at the
 * same capture time, sent in an earlier batch. When a time is missing or unreadable nothing is
 * older: the line is written, as before.
 */
export function olderThanRow(
  row: { capturedAt: unknown; batchSentAt: string | undefined },
  incoming: { capturedAt: string; batchSentAt: string | undefined },
): boolean {
  const had = instant(cellToDateTime(row.capturedAt));
  const got = instant(incoming.capturedAt);
  if (Number.isNaN(had) || Number.isNaN(got)) return false;
  if (got !== had) return got < had;
  const hadSent = instant(row.batchSentAt);
  const gotSent = instant(incoming.batchSentAt);
  return !Number.isNaN(hadSent) && !Number.isNaN(gotSent) && gotSent < hadSent;
}
