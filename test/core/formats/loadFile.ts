import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import type { ImportOptions, ImportOutcome } from '../../../core/formats/importTypes';
import type { Transaction } from '../../../core/model/transaction';

/**
 * The conformance corpus: a copy of `../shared/corpus` kept in the repository so a clean clone
 * tests offline; corpusCopy.test.ts checks the copy still equals the shared one where it exists.
 */
export const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));

export const CAPTURED_AT = '2026-11-23T09:00:00.000Z';

export function importPath(path: string, options: ImportOptions = {}): ImportOutcome {
  const name = path.split('/').slice(-2).join('/');
  return importFile(
    { name, bytes: new Uint8Array(readFileSync(path)) },
    { capturedAt: CAPTURED_AT, ...options },
  );
}

/** Imports a file that must be read; fails the test with its problems otherwise. */
export function imported(path: string, options: ImportOptions = {}): Extract<ImportOutcome, { ok: true }> {
  const outcome = importPath(path, options);
  if (!outcome.ok) expect.fail(`expected ${path} to import: ${JSON.stringify(outcome.problems, null, 2)}`);
  return outcome;
}

/** The fields a corpus assertion looks at: date, signed minor amount, currency, externalId. */
export const essentials = (t: Transaction) => ({
  date: t.date,
  minor: t.amount.minor,
  currency: t.amount.currency,
  externalId: t.externalId,
});
