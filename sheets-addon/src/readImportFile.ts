import { importFiles } from '../../core/formats/importFiles';
import { sha256Hex } from '../../core/ids/sha256Hex';
import { parseBatch } from '../../core/model/batch';
import type { Problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { Transaction } from '../../core/model/transaction';

export type ImportedFile = {
  batchId: string;
  transactions: Transaction[];
  problems: Problem[];
  /** Nothing decided the bank file's account (its data, its name): the bookkeeper must name it. */
  undecided?: boolean;
};

const withFile = (file: string) => (p: Problem) => (p.file ? p : { ...p, file });

function asBatchJson(bytes: Uint8Array): unknown {
  let start = 0;
  while (
    start < bytes.length &&
    (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)
  )
    start++;
  if (bytes[start] !== 0x7b) return undefined;
  try {
    const json = JSON.parse(decodeUtf8(bytes));
    return json && typeof json === 'object' && 'schemaVersion' in json && 'transactions' in json
      ? json
      : undefined;
  } catch {
    return undefined;
  }
}

/** UTF-8 without TextDecoder, which Apps Script lacks. */
function decodeUtf8(bytes: Uint8Array): string {
  let escaped = '';
  for (const b of bytes) escaped += `%${b.toString(16).padStart(2, '0')}`;
  return decodeURIComponent(escaped);
}

/**
 * A file chosen in the sidebar: a Batch the extension exported (its batch id kept, so importing it
 * after it was also sent changes nothing) or a bank/processor file (the batch id is the file's hash),
 * booked to `account` when given, else to the account its data or name decides.
 */
export function readImportFile(
  name: string,
  bytes: Uint8Array,
  capturedAt: string,
  account?: string,
): Result<ImportedFile> {
  const batchJson = asBatchJson(bytes);
  if (batchJson !== undefined) {
    const parsed = parseBatch(batchJson);
    if (!parsed.ok) return fail(...parsed.problems.map(withFile(name)));
    return ok({
      batchId: parsed.value.batchId,
      transactions: parsed.value.rows.map((r) => r.transaction),
      problems: parsed.value.rowProblems.map(withFile(name)),
    });
  }
  const read = importFiles([{ name, bytes, ...(account ? { account } : {}) }], { capturedAt });
  if (!read.ok) return read;
  const imported = read.value[0]!.outcome;
  const undecided = imported.report?.accounts.some((a) => a.source === 'undecided') ?? false;
  let hex = '';
  for (const b of bytes.subarray(0, 1 << 20)) hex += b.toString(16).padStart(2, '0');
  return ok({
    batchId: `file:${name}:${sha256Hex(`${bytes.length}:${hex}`).slice(0, 16)}`,
    transactions: imported.transactions,
    problems: imported.warnings,
    ...(undecided ? { undecided } : {}),
  });
}
