import type { ImportOutcome } from '../../core/formats/importTypes';
import { parseBatch } from '../../core/model/batch';
import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { fromTransactionJson } from '../../core/model/transactionJson';
import { jsonSyntaxProblem } from './jsonSyntaxProblem';

export const isJsonFile = (name: string): boolean => /\.json$/i.test(name);

/**
 * Transactions already in the wire contract: a Batch the extension exported, or the JSON array
 * `ledgerbridge capture` and `ledgerbridge import` print. Every bad row is reported by file, row
 * and field; one bad row refuses the file, so nothing is reconciled from half a batch.
 */
export function readJsonFile(file: { name: string; bytes: Uint8Array }): ImportOutcome {
  const at = (p: Problem): Problem => ({ ...p, file: file.name });
  let json: unknown;
  const text = new TextDecoder().decode(file.bytes);
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonSyntaxProblem(text, error, file.name)] };
  }
  if (Array.isArray(json)) {
    const transactions: Transaction[] = [];
    const problems: Problem[] = [];
    json.forEach((raw, i) => {
      const parsed = fromTransactionJson(raw, { path: [i], row: i + 1 });
      if (parsed.ok) transactions.push(parsed.value);
      else problems.push(...parsed.problems.map(at));
    });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, format: 'transactions-json', transactions, balances: [], accounts: [], warnings: [] };
  }
  const batch = parseBatch(json);
  if (!batch.ok) return { ok: false, problems: batch.problems.map(at) };
  if (batch.value.rowProblems.length > 0) return { ok: false, problems: batch.value.rowProblems.map(at) };
  return {
    ok: true,
    format: 'batch',
    transactions: batch.value.rows.map((r) => r.transaction),
    balances: [],
    accounts: [],
    warnings: [],
  };
}
