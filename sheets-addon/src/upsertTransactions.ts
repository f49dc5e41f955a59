import type { Problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import type { Transaction } from '../../core/model/transaction';
import { planUpsert } from '../../core/sheet/planUpsert';
import { AUDIT_COLUMNS, TRANSACTION_COLUMNS, WORKBOOK_TABS } from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { cellLimitProblem } from './cellLimit';
import { olderThanRow } from './olderThanRow';
import { readTab, type TabContents } from './readTab';
import type { Services } from './services';
import { setUpTab } from './setUpTab';
import { setUpWorkbook } from './setUpWorkbook';
import { workbookSheet } from './workbookSheet';
import { writeUpsertPlan } from './writeUpsertPlan';

export type WriteCounts = { added: number; updated: number; skipped: number };

export type UpsertOutcome = WriteCounts & {
  /** Lines left out because the sheet holds newer data for their id (counted in `skipped`). */
  older: number;
  /** Lines refused because a cell would not fit in Sheets (not counted). */
  refused: Problem[];
};

export type UpsertRequest = {
  transactions: readonly Transaction[];
  batchId: string;
  actor: string;
  action: string;
  detail?: string;
  /** Where the i-th transaction came from, for the problems that name it (row, path). */
  where?: (index: number) => { row?: number; path?: Array<string | number> };
  /** When the batch was made, to order two batches carrying the same capture. */
  sentAt?: string;
  /** When an earlier batch was made, by its id (from the batch log). */
  sentAtOfBatch?: (batchId: string) => string | undefined;
  /** Rows updated keep the batch that brought them (see UpsertOptions.keepProvenance). */
  keepProvenance?: boolean;
};

/**
 * Upserts transactions into the Transactions tab by id with a constant number of service calls:
 * one read, a few writes, one Audit row. A line whose cell would not fit in Sheets is refused
 * alone; a line older than the row the sheet holds is left out, so a late retry never reverts newer
 * data. Nothing is written (not even an Audit row) when nothing changed, so the same lines sent
 * twice leave the spreadsheet as it was. The caller holds the lock.
 */
const TRANSACTIONS_TAB = WORKBOOK_TABS.find((t) => t.name === 'Transactions')!;

export function upsertTransactions(services: Services, request: UpsertRequest): Result<UpsertOutcome> {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  // A batch may arrive before anyone ran Set up: lay out the whole workbook then.
  const sheet =
    spreadsheet.getSheetByName('Transactions') ??
    setUpWorkbook(services, spreadsheet, request.actor).find((t) => t.sheet.getName() === 'Transactions')!
      .sheet;
  let tab = readTab(sheet, TRANSACTION_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  if (tab.index.problems.length > 0) return fail(...tab.index.problems);
  // A tab of an older layout gains the columns it lacks first, so no field of a line is dropped.
  if (TRANSACTION_COLUMNS.some((c) => !tab.index.positions.has(c.key))) {
    setUpTab(services, spreadsheet, TRANSACTIONS_TAB);
    tab = readTab(sheet, TRANSACTION_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  }

  const refused: Problem[] = [];
  const fitting = request.transactions.filter((t, i) => {
    const tooLong = cellLimitProblem(t, request.where?.(i));
    if (tooLong) refused.push(tooLong);
    return !tooLong;
  });
  const olderSet = olderLines(tab, fitting, request);
  const current = fitting.filter((t) => !olderSet.has(t));
  const older = olderSet.size;

  const plan = planUpsert(tab.header, tab.rows, current, {
    batchId: request.batchId,
    now: new Date(services.now()).toISOString(),
    actor: request.actor,
    ...(request.keepProvenance ? { keepProvenance: true } : {}),
  });
  const outcome = {
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped + older,
    older,
    refused,
  };
  if (plan.added + plan.updated === 0) return ok(outcome);
  writeUpsertPlan(sheet, tab, plan);
  const notes = [
    request.detail ?? '',
    older > 0 ? `${older} older than the sheet's rows, left out` : '',
    refused.length > 0 ? `${refused.length} refused: a cell too long` : '',
  ].filter(Boolean);
  appendRecords(workbookSheet(services, spreadsheet, 'Audit'), AUDIT_COLUMNS, [
    {
      ...plan.audit,
      skipped: outcome.skipped,
      action: request.action,
      ...(notes.length > 0 ? { detail: notes.join('; ') } : {}),
    },
  ]);
  return ok(outcome);
}

/** The lines the sheet already holds newer data for (see olderThanRow). */
function olderLines(
  tab: TabContents,
  lines: readonly Transaction[],
  request: UpsertRequest,
): Set<Transaction> {
  const idAt = tab.index.positions.get('id')!;
  const capturedAt = tab.index.positions.get('capturedAt');
  const batchAt = tab.index.positions.get('batchId');
  const older = new Set<Transaction>();
  if (capturedAt === undefined || lines.length === 0) return older;
  const rowOfId = new Map<string, unknown[]>();
  for (const row of tab.rows) {
    const id = String(row[idAt] ?? '').trim();
    if (id && !rowOfId.has(id)) rowOfId.set(id, row);
  }
  for (const t of lines) {
    const row = rowOfId.get(t.id);
    if (!row) continue;
    const batchId = batchAt === undefined ? '' : String(row[batchAt] ?? '').trim();
    const had = {
      capturedAt: row[capturedAt],
      batchSentAt: batchId ? request.sentAtOfBatch?.(batchId) : undefined,
    };
    if (olderThanRow(had, { capturedAt: t.origin.capturedAt, batchSentAt: request.sentAt })) older.add(t);
  }
  return older;
}
