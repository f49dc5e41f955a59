import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processIsAlive } from './processIsAlive';

/**
 * Writes `bytes` to `path` so that readers see either the old file or the whole new one, never a
 * part: the bytes go to a temporary file in the same folder (a rename is atomic only within one
 * file system), are flushed to disk, and the temporary file is renamed over `path`. A failure at
 * any step (full disk, quota, a killed process) leaves `path` as it was; the temporary file is
 * removed when the process lives to do it.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const folder = dirname(path);
  await removeLeftovers(folder, basename(path));
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // The new book keeps the old one's permissions.
  const mode = (await stat(path).catch(() => undefined))?.mode ?? 0o644;
  const file = await open(temporary, 'wx', mode & 0o777);
  try {
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  // The rename itself survives a power cut once the folder is flushed; not every platform allows it.
  const dir = await open(folder, 'r').catch(() => undefined);
  if (dir)
    await dir
      .sync()
      .catch(() => {})
      .finally(() => dir.close());
}

/** Temporary files of earlier writes to the same file whose process died before it could remove them. */
async function removeLeftovers(folder: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length))?.[1];
    if (pid && !processIsAlive(Number(pid))) await unlink(join(folder, entry)).catch(() => {});
  }
}
