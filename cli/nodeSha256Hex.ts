import { hash } from 'node:crypto';
import type { Sha256Hex } from '../core/ids/sha256Hex';

/**
 * core's sha256Hex by node:crypto: the same hex (strings hashed as UTF-8). The one-shot `hash`
 * (Node ≥ 20.12) skips the Hash object createHash makes per call: a third of the time per id.
 */
export const nodeSha256Hex: Sha256Hex = Object.assign(
  (text: string, bytes = 32) => hash('sha256', text, 'hex').slice(0, bytes * 2),
  // The digest as one character per byte: ids are read from it without a hex string per line.
  { binary: (text: string) => hash('sha256', text, 'binary') },
);
