import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { LedgerbridgeError } from '../../core/model/errors';
import { processIsAlive } from './processIsAlive';

/** Who holds a book: written into the lock file as JSON. */
export type LockHolder = { pid: number; host: string; startedAt: string; command?: string };

export type BookLockOptions = {
  /** How long to wait for another run to finish before giving up (ms). */
  waitMs?: number;
  /** A lock older than this is stale even when its process seems alive (a reused pid) (ms). */
  staleMs?: number;
  /** Told once, when this run has to wait. */
  onWait?: (message: string) => void;
  /** What this run is, for the message another run shows. */
  command?: string;
  sleep?: (ms: number) => Promise<void>;
};

const POLL_MS = 200;

export const lockPathOf = (book: string): string => `${book}.lock`;

function describeHolder(holder: LockHolder | undefined, lock: string): string {
  if (!holder) return `another run (lock file ${lock})`;
  const what = holder.command ? `${holder.command}, ` : '';
  return `${what}pid ${holder.pid} on ${holder.host} since ${holder.startedAt} (lock file ${lock})`;
}

async function readHolder(lock: string): Promise<LockHolder | undefined> {
  try {
    const held = JSON.parse(await readFile(lock, 'utf8')) as Partial<LockHolder>;
    if (typeof held.pid === 'number' && typeof held.host === 'string' && typeof held.startedAt === 'string')
      return held as LockHolder;
  } catch {}
  return undefined;
}

/** A lock nobody will clear: its process is gone (on this machine), or it is older than `staleMs`. */
async function isStale(lock: string, holder: LockHolder | undefined, staleMs: number): Promise<boolean> {
  if (holder) {
    if (holder.host === hostname() && !processIsAlive(holder.pid)) return true;
    const started = Date.parse(holder.startedAt);
    return Number.isFinite(started) && Date.now() - started > staleMs;
  }
  // Unreadable (a run killed while writing it, or half-written right now): judge by its age.
  const info = await stat(lock).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > Math.min(staleMs, 10_000);
}

/**
 * Moves a stale lock aside. If another run replaced it meanwhile (its content differs from what
 * was judged stale), that run's lock is put back, so two runs never both think they hold the book.
 */
async function clearStale(lock: string, judged: string): Promise<void> {
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged);
  if (moved !== judged) await link(aside, lock).catch(() => {});
  await unlink(aside).catch(() => {});
}

/**
 * Runs `work` holding an exclusive lock on `book`: a lock file beside it (`book.lock`) naming the
 * process, host and start time, created with O_EXCL and removed afterwards. A lock left by a dead
 * process or older than `staleMs` is cleared. While another run holds the book this one waits (and
 * says so through `onWait`); after `waitMs` it stops with an error naming the holder.
 */
export async function withBookLock<T>(
  book: string,
  work: () => Promise<T>,
  options: BookLockOptions = {},
): Promise<T> {
  const lock = lockPathOf(book);
  const waitMs = options.waitMs ?? 15_000;
  const staleMs = options.staleMs ?? 60 * 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ...(options.command ? { command: options.command } : {}),
  };
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const file = await open(lock, 'wx', 0o644);
      try {
        await file.writeFile(JSON.stringify(me));
      } finally {
        await file.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LedgerbridgeError(
          `${book}: cannot write the workbook: cannot take the lock ${lock} (${(error as Error).message})`,
          'book_lock_failed',
          { cause: error },
        );
      }
    }
    const content = await readFile(lock, 'utf8').catch(() => undefined);
    if (content === undefined) continue; // released meanwhile
    const holder = await readHolder(lock);
    if (await isStale(lock, holder, staleMs)) {
      await clearStale(lock, content);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LedgerbridgeError(
        `${book}: another run is writing this workbook: ${describeHolder(holder, lock)}. Try again when it has finished; if no such run exists, delete the lock file.`,
        'book_locked',
      );
    }
    if (!told) {
      options.onWait?.(`waiting for ${describeHolder(holder, lock)} to finish with ${book}`);
      told = true;
    }
    await sleep(POLL_MS);
  }
  try {
    return await work();
  } finally {
    // Only our own lock is removed (a stale-lock clearer may, in theory, have replaced it).
    const held = await readFile(lock, 'utf8').catch(() => undefined);
    if (held === JSON.stringify(me)) await unlink(lock).catch(() => {});
  }
}
