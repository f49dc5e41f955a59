import { InputError } from '../model/errors';
import type { Transaction } from '../model/transaction';
import { auditRow } from './auditRow';
import { canonicalCell } from './canonicalCell';
import { escapeFormula } from './escapeFormula';
import { indexHeader } from './headerIndex';
import { transactionToRow } from './transactionRow';
import { type SheetRecord, TRANSACTION_COLUMNS } from './workbookLayout';

export type UpsertOptions = {
  batchId: string;
  /** ISO 8601 time of the write, for the Audit row. */
  now: string;
  /** Who writes, for the Audit row; defaults to `ledgerbridge`. */
  actor?: string;
  /**
   * For writers that interpret input (Apps Script setValues, Sheets API USER_ENTERED): escape the
   * portal and file text written by this plan (see escapeFormula). Cells the plan keeps are passed
   * through as given — so a caller that merges getFormulas() into existingRows keeps the
   * bookkeeper's own formulas.
   */
  escapeFormulas?: boolean;
  /**
   * A write that re-derives computed cells (Apply rules) rather than bringing lines from a source:
   * rows it updates keep their provenance cells (Source, Captured At, Batch ID), so a row still
   * names the batch that brought it. `batchId` then only labels the Audit row.
   */
  keepProvenance?: boolean;
};

export type UpsertPlan = {
  /** `rowIndex` is the 0-based index into `existingRows` (sheet row = rowIndex + 2 below a 1-row header). */
  updates: Array<{ rowIndex: number; row: unknown[] }>;
  appends: unknown[][];
  added: number;
  updated: number;
  skipped: number;
  /** The Audit-tab record describing this write. */
  audit: SheetRecord;
};

const WRITTEN = TRANSACTION_COLUMNS.filter((c) => c.owner !== 'bookkeeper');
const COMPARED = WRITTEN.filter((c) => !('provenance' in c && c.provenance));

/**
 * Plans an upsert into a Transactions tab by id, as whole rows, so a writer needs one getValues
 * and a few setValues. Only source and computed columns are written; the bookkeeper's columns
 * (Category Override, Notes, and any column not in the layout) are kept as they are. A row whose
 * compared cells are unchanged is skipped, so the same batch sent twice changes nothing (the
 * provenance columns — source, captured at, batch id — do not count as a change). New ids are
 * appended, with Notes seeded from the transaction. Incoming lines with the same id: the last wins.
 *
 * Throws InputError when the header lacks a required column (check with indexHeader first).
 */
export function planUpsert(
  header: readonly unknown[],
  existingRows: readonly (readonly unknown[])[],
  incoming: readonly Transaction[],
  options: UpsertOptions,
): UpsertPlan {
  const index = indexHeader(header, TRANSACTION_COLUMNS, 'Transactions');
  if (index.problems.length > 0) throw new InputError(index.problems);
  const pos = index.positions;
  const at = (key: string) => pos.get(key)!;
  const written = WRITTEN.filter((c) => pos.has(c.key));
  const compared = COMPARED.filter((c) => pos.has(c.key));
  const out = (column: (typeof TRANSACTION_COLUMNS)[number], value: unknown) =>
    options.escapeFormulas && 'fromOutside' in column && column.fromOutside && typeof value === 'string'
      ? escapeFormula(value)
      : value;

  const rowOfId = new Map<string, number>();
  existingRows.forEach((row, i) => {
    const id = String(row[at('id')] ?? '').trim();
    if (id && !rowOfId.has(id)) rowOfId.set(id, i);
  });
  const latest = new Map<string, Transaction>();
  for (const t of incoming) latest.set(t.id, t);

  const plan: UpsertPlan = { updates: [], appends: [], added: 0, updated: 0, skipped: 0, audit: {} };
  for (const t of latest.values()) {
    const record = transactionToRow(t, options.batchId);
    const rowIndex = rowOfId.get(t.id);
    if (rowIndex === undefined) {
      const row: unknown[] = new Array(header.length).fill(null);
      for (const column of TRANSACTION_COLUMNS) {
        if (pos.has(column.key)) row[at(column.key)] = out(column, record[column.key]);
      }
      plan.appends.push(row);
      plan.added++;
      continue;
    }
    const existing = existingRows[rowIndex]!;
    const oldCurrency = String(existing[at('currency')] ?? '').trim();
    const changed = compared.some(
      (c) =>
        canonicalCell(c, existing[at(c.key)], oldCurrency) !==
        canonicalCell(c, record[c.key], t.amount.currency),
    );
    if (!changed) {
      plan.skipped++;
      continue;
    }
    const row: unknown[] = Array.from(
      { length: Math.max(header.length, existing.length) },
      (_, i) => existing[i] ?? null,
    );
    for (const column of options.keepProvenance ? compared : written)
      row[at(column.key)] = out(column, record[column.key]);
    plan.updates.push({ rowIndex, row });
    plan.updated++;
  }
  plan.audit = auditRow({
    at: options.now,
    actor: options.actor ?? 'ledgerbridge',
    action: 'upsert',
    batchId: options.batchId,
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped,
  });
  return plan;
}
