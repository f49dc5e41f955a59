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
  const keyAt = key === undefined ? undefined : tab.index.positions.get(key);
  const previous = new Map<string, unknown[]>();
  if (keyAt !== undefined) for (const row of tab.rows) previous.set(String(row[keyAt] ?? ''), row);
  const rows = records.map((record) => {
    const before = keyAt === undefined ? undefined : previous.get(String(record[key!] ?? ''));
    return Array.from({ length: width }, (_, i) => {
      const column = tab.columnAt[i];
      const kept = !column || column.owner === 'bookkeeper';
      const value = kept && before ? (before[i] ?? '') : column ? record[column.key] : '';
      return toCellInput(value, column);
    });
  });
  if (rows.length > 0) {
    ensureRows(sheet, rows.length + 1);
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  const leftover = tab.raw.length - rows.length;
  if (leftover > 0) sheet.getRange(rows.length + 2, 1, leftover, width).clearContent();
}
