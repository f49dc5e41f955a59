import type { Table } from 'dexie';

/** Rows per IndexedDB transaction: big enough to amortize commits, small enough not to stall the worker. */
export const CHUNK_SIZE = 500;

/**
 * Writes rows in chunks, one IndexedDB transaction per chunk, so a big capture neither holds one
 * huge transaction open nor builds one huge structured-clone payload.
 */
export async function putInChunks<T, K>(table: Table<T, K>, rows: readonly T[], chunkSize = CHUNK_SIZE) {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await table.bulkPut(rows.slice(start, start + chunkSize) as T[]);
  }
}
