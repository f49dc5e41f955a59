import { problem } from '../../core/model/problem';
import { fail, type Result } from '../../core/model/result';
import type { Services } from './services';

/** How long a write waits for another one (a second batch, a menu action) to finish. */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs a write while holding the document lock, so two batches or a batch and a menu action never
 * interleave their read-plan-write. When the lock stays taken, answers `busy` (try again later).
 */
export function withDocumentLock<T>(services: Services, write: () => Result<T>): Result<T> {
  const lock = services.LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    return fail(problem('busy', 'the spreadsheet is busy with another write; try again in a minute'));
  }
  try {
    return write();
  } finally {
    lock.releaseLock();
  }
}
