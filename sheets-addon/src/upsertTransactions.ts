import { fail, ok, type Result } from '../../core/model/result';
import type { Transaction } from '../../core/model/transaction';
import { planUpsert } from '../../core/sheet/planUpsert';
import { AUDIT_COLUMNS, TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { readTab } from './readTab';
import type { Services } from './services';
import { setUpWorkbook } from './setUpWorkbook';
import { workbookSheet } from './workbookSheet';
import { writeUpsertPlan } from './writeUpsertPlan';

export type WriteCounts = { added: number; updated: number; skipped: number };

export type UpsertRequest = {
  transactions: readonly Transaction[];
  batchId: string;
  actor: string;
  action: string;
  detail?: string;
};

/**
 * Upserts transactions into the Transactions tab by id with a constant number of service calls:
 * one read, a few writes, one Audit row. Nothing is written (not even an Audit row) when nothing
 * changed, so the same batch sent twice leaves the spreadsheet as it was. The caller holds the lock.
 */
export function upsertTransactions(services: Services, request: UpsertRequest): Result<WriteCounts> {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  // A batch may arrive before anyone ran Set up: lay out the whole workbook then.
  const sheet =
    spreadsheet.getSheetByName('Transactions') ??
    setUpWorkbook(services, spreadsheet, request.actor).find((t) => t.sheet.getName() === 'Transactions')!
      .sheet;
  const tab = readTab(sheet, TRANSACTION_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  if (tab.index.problems.length > 0) return fail(...tab.index.problems);
  const plan = planUpsert(tab.header, tab.rows, request.transactions, {
    batchId: request.batchId,
    now: new Date(services.now()).toISOString(),
    actor: request.actor,
  });
  const counts = { added: plan.added, updated: plan.updated, skipped: plan.skipped };
  if (plan.added + plan.updated === 0) return ok(counts);
  writeUpsertPlan(sheet, tab, plan);
  appendRecords(workbookSheet(services, spreadsheet, 'Audit'), AUDIT_COLUMNS, [
    { ...plan.audit, action: request.action, ...(request.detail ? { detail: request.detail } : {}) },
  ]);
  return ok(counts);
}
