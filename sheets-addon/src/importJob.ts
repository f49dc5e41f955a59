import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { fromTransactionJson, toTransactionJson } from '../../core/model/transactionJson';
import { cellLimitProblem } from './cellLimit';
import { ensureColumns } from './ensureColumns';
import { ensureRows } from './ensureRows';
import type { Services, Sheet, Spreadsheet } from './services';
import { upsertTransactions } from './upsertTransactions';
import { withDocumentLock } from './withDocumentLock';

/** Rows upserted per step: each step is one read-plan-write of the Transactions tab under the lock. */
export const IMPORT_CHUNK_ROWS = 2_000;
/**
 * Apps Script stops a run at 6 minutes. A step starts only when, at the pace of the slowest step
 * so far plus half again (steps slow down as the tab grows), it ends before this.
 */
export const IMPORT_TIME_BUDGET_MS = 5 * 60_000;
const STAGING_TAB = '_ledgerbridge_import';
const STAGING_BLOCK_ROWS = 5_000;
/** Characters of JSON per staging cell, under Sheets' 50,000. */
const STAGED_CELL_CHARS = 40_000;
const CURSOR_KEY = 'ledgerbridge.importCursor';
const KEPT_PROBLEMS = 20;

/** The saved state of an import; versioned because it outlives the code that wrote it. */
type Cursor = {
  version: 1;
  batchId: string;
  file: string;
  total: number;
  next: number;
  /** Cells per staged line (a long line's JSON spans several). */
  columns?: number;
  added: number;
  updated: number;
  skipped: number;
  problems: Problem[];
};

export type ImportProgress = {
  ok: boolean;
  done: boolean;
  file: string;
  total: number;
  next: number;
  added: number;
  updated: number;
  skipped: number;
  errors: Problem[];
};

const progressOf = (c: Cursor, ok: boolean, done: boolean, extra: Problem[] = []): ImportProgress => ({
  ok,
  done,
  file: c.file,
  total: c.total,
  next: c.next,
  added: c.added,
  updated: c.updated,
  skipped: c.skipped,
  errors: [...extra, ...c.problems],
});

function saveCursor(services: Services, cursor: Cursor) {
  const kept = { ...cursor, problems: cursor.problems.slice(0, KEPT_PROBLEMS) };
  services.PropertiesService.getDocumentProperties().setProperty(CURSOR_KEY, JSON.stringify(kept));
}

function loadCursor(services: Services): Cursor | undefined {
  const text = services.PropertiesService.getDocumentProperties().getProperty(CURSOR_KEY);
  if (!text) return undefined;
  const cursor = JSON.parse(text) as Cursor;
  return cursor.version === 1 ? cursor : undefined;
}

function stagingSheet(spreadsheet: Spreadsheet) {
  const existing = spreadsheet.getSheetByName(STAGING_TAB);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(STAGING_TAB);
  sheet.hideSheet();
  return sheet;
}

/**
 * Starts an import: the transactions are staged, one JSON per row, in a hidden tab (properties hold
 * only 9 KB a value) and a cursor is saved; then steps run until done or near the time limit.
 */
export function startImport(
  services: Services,
  file: { name: string; batchId: string; transactions: readonly Transaction[]; problems: Problem[] },
): ImportProgress {
  // A line with a cell too long for Sheets is refused here, alone; the rest are staged.
  const problems = [...file.problems];
  const lines = file.transactions.filter((t, i) => {
    const tooLong = cellLimitProblem(t, { row: t.origin.row ?? i + 1 });
    if (tooLong) problems.push({ ...tooLong, file: file.name });
    return !tooLong;
  });
  const staged = lines.map((t) => stagedCells(JSON.stringify(toTransactionJson(t))));
  const columns = Math.max(1, ...staged.map((cells) => cells.length));
  const written = withDocumentLock(services, () => {
    const sheet = stagingSheet(services.SpreadsheetApp.getActiveSpreadsheet());
    clearStaging(sheet);
    if (staged.length > 0) {
      ensureRows(sheet, staged.length);
      ensureColumns(sheet, columns);
    }
    // In blocks, so no single call carries megabytes.
    for (let at = 0; at < staged.length; at += STAGING_BLOCK_ROWS) {
      const block = staged.slice(at, at + STAGING_BLOCK_ROWS);
      sheet
        .getRange(at + 1, 1, block.length, columns)
        .setValues(block.map((cells) => Array.from({ length: columns }, (_, c) => cells[c] ?? '')));
    }
    return { ok: true as const, value: true };
  });
  const cursor: Cursor = {
    version: 1,
    batchId: file.batchId,
    file: file.name,
    total: lines.length,
    columns,
    next: 0,
    added: 0,
    updated: 0,
    skipped: 0,
    problems,
  };
  if (!written.ok) return progressOf(cursor, false, true, written.problems);
  saveCursor(services, cursor);
  return continueImport(services);
}

/** Runs import steps from the saved cursor until done or the time left is too short for another. */
export function continueImport(services: Services): ImportProgress {
  const started = services.now();
  const cursor = loadCursor(services);
  if (!cursor) {
    return {
      ok: true,
      done: true,
      file: '',
      total: 0,
      next: 0,
      added: 0,
      updated: 0,
      skipped: 0,
      errors: [],
    };
  }
  let slowest = 0;
  while (cursor.next < cursor.total && services.now() - started + 1.5 * slowest < IMPORT_TIME_BUDGET_MS) {
    const stepStarted = services.now();
    const step = withDocumentLock(services, () => {
      const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
      const count = Math.min(IMPORT_CHUNK_ROWS, cursor.total - cursor.next);
      const cells = stagingSheet(spreadsheet)
        .getRange(cursor.next + 1, 1, count, cursor.columns ?? 1)
        .getValues();
      const transactions = cells.flatMap((row, i) => {
        const read = fromTransactionJson(JSON.parse(row.map(String).join('')), { row: cursor.next + i + 1 });
        return read.ok ? [read.value] : [];
      });
      return upsertTransactions(services, {
        transactions,
        where: (i) => ({ row: transactions[i]!.origin.row ?? cursor.next + i + 1 }),
        batchId: cursor.batchId,
        actor: 'add-on import',
        action: 'import',
        detail: `${cursor.file} rows ${cursor.next + 1}–${cursor.next + count} of ${cursor.total}`,
      });
    });
    if (!step.ok) return progressOf(cursor, false, false, step.problems);
    slowest = Math.max(slowest, services.now() - stepStarted);
    cursor.next = Math.min(cursor.total, cursor.next + IMPORT_CHUNK_ROWS);
    cursor.added += step.value.added;
    cursor.updated += step.value.updated;
    cursor.skipped += step.value.skipped;
    cursor.problems.push(...step.value.refused.map((p) => ({ ...p, file: cursor.file })));
    saveCursor(services, cursor);
  }
  const done = cursor.next >= cursor.total;
  if (done) finishImport(services);
  return progressOf(cursor, true, done);
}

function finishImport(services: Services) {
  services.PropertiesService.getDocumentProperties().deleteProperty(CURSOR_KEY);
  const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAGING_TAB);
  if (!sheet) return;
  withDocumentLock(services, () => {
    clearStaging(sheet);
    return { ok: true as const, value: true };
  });
}

function clearStaging(sheet: Sheet) {
  if (sheet.getLastRow() > 0) sheet.getDataRange().clearContent();
}

/** A line's JSON as cells that each fit in Sheets, cut where no character pair is split. */
function stagedCells(json: string): string[] {
  const cells: string[] = [];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(json.length, at + STAGED_CELL_CHARS);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    cells.push(`'${json.slice(at, end)}`);
    at = end;
  }
  return cells;
}
