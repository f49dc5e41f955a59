import { cellToDateTime } from '../../core/sheet/dateCell';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { readTab } from './readTab';
import type { Spreadsheet } from './services';
import { toCellInput } from './toCellInput';

/** A hidden tab, one row per batch applied: what makes a batch land at most once. */
export const BATCH_LOG_TAB = '_ledgerbridge_batches';

const column = (key: string, header: string, type: ColumnDef['type'] = 'text'): ColumnDef => ({
  key,
  header,
  type,
  owner: 'computed',
  width: 20,
});

export const BATCH_LOG_COLUMNS: readonly ColumnDef[] = [
  { ...column('batchId', 'Batch ID'), required: true },
  column('receivedAt', 'Received At', 'datetime'),
  column('sentAt', 'Sent At', 'datetime'),
  column('client', 'Client'),
  column('rows', 'Rows', 'number'),
  column('added', 'Added', 'number'),
  column('updated', 'Updated', 'number'),
  column('skipped', 'Skipped', 'number'),
  column('refusedRows', 'Refused Rows'),
  column('contentSha256', 'Content SHA-256'),
];

export type LoggedBatch = { receivedAt: string; sentAt: string | undefined; contentSha256: string };

/** The batches applied so far, by id: one read of the hidden tab (none when it does not exist yet). */
export function readBatchLog(spreadsheet: Spreadsheet): Map<string, LoggedBatch> {
  const logged = new Map<string, LoggedBatch>();
  const sheet = spreadsheet.getSheetByName(BATCH_LOG_TAB);
  if (!sheet) return logged;
  const tab = readTab(sheet, BATCH_LOG_COLUMNS, spreadsheet.getSpreadsheetTimeZone());
  const at = (key: string) => tab.index.positions.get(key);
  const cell = (row: unknown[], key: string) => {
    const i = at(key);
    return i === undefined ? undefined : cellToDateTime(row[i]);
  };
  for (const row of tab.rows) {
    const id = cell(row, 'batchId')?.trim();
    if (!id || logged.has(id)) continue;
    logged.set(id, {
      receivedAt: cell(row, 'receivedAt') ?? '',
      sentAt: cell(row, 'sentAt'),
      contentSha256: cell(row, 'contentSha256') ?? '',
    });
  }
  return logged;
}

/** Adds a batch to the log, creating the hidden tab the first time. The caller holds the lock. */
export function logBatch(spreadsheet: Spreadsheet, entry: SheetRecord): void {
  let sheet = spreadsheet.getSheetByName(BATCH_LOG_TAB);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(BATCH_LOG_TAB);
    sheet
      .getRange(1, 1, 1, BATCH_LOG_COLUMNS.length)
      .setValues([BATCH_LOG_COLUMNS.map((c) => toCellInput(c.header, undefined))]);
    sheet.setFrozenRows(1);
    sheet.hideSheet();
  }
  appendRecords(sheet, BATCH_LOG_COLUMNS, [entry]);
}
