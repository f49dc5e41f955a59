import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { apiCell } from './apiCell';
import type { ApiTab } from './apiTab';
import type { ValueWrites } from './valueWrites';

/**
 * Rewrites a computed tab (Matches, Summary) from row 2, blanking rows left over below. With `key`,
 * what people wrote on a row (bookkeeper columns, columns they added) moves with the row's key.
 */
export function replaceApiRows(
  writes: ValueWrites,
  tab: ApiTab,
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
      return apiCell(kept && before ? before[i] : column ? record[column.key] : '', column);
    });
  });
  for (let i = rows.length; i < tab.rows.length; i++) rows.push(new Array(width).fill(''));
  writes.add(tab, 2, 1, rows);
}
