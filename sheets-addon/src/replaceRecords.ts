import { rowsKeepingPeopleCells } from '../../core/sheet/rowsKeepingPeopleCells';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { ensureRows } from './ensureRows';
import type { TabContents } from './readTab';
import type { Sheet } from './services';
import { toCellInput } from './toCellInput';

/**
 * Replaces a computed tab's rows (Matches, Summary, Categories) in one setValues, clearing rows
 * left over below. When `key` is given, what people wrote on a row — bookkeeper columns and
 * columns they added — moves with the row's key, so a decision or a note stays on its match.
 */
export function replaceRecords(
  sheet: Sheet,
  tab: TabContents,
  records: readonly SheetRecord[],
  key?: ColumnDef['key'],
): void {
  const width = tab.header.length;
  // Leftover rows below are cleared rather than written as blanks: one clearContent, not values.
  const rows = rowsKeepingPeopleCells(tab, records, toCellInput, key).slice(0, records.length);
  if (rows.length > 0) {
    ensureRows(sheet, rows.length + 1);
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  const leftover = tab.raw.length - rows.length;
  if (leftover > 0) sheet.getRange(rows.length + 2, 1, leftover, width).clearContent();
}
