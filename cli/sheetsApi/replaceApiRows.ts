import { recordsInPlace } from '../../core/sheet/recordsInPlace';
import { rowsKeepingPeopleCells } from '../../core/sheet/rowsKeepingPeopleCells';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { apiCell } from './apiCell';
import type { ApiTab } from './apiTab';
import type { ValueWrites } from './valueWrites';

/**
 * Rewrites a computed tab (Matches, Categories, Summary) from row 2, blanking rows left over below.
 * The cells Ledgerbridge owns are written in whole column blocks; a cell of people (a bookkeeper
 * column, a column they added) only where its row's key brought another value there — so a
 * formula they typed on a row that did not move stays a formula.
 */
export function replaceApiRows(
  writes: ValueWrites,
  tab: ApiTab,
  records: readonly SheetRecord[],
  key?: ColumnDef['key'] | readonly ColumnDef['key'][],
): void {
  // Rows stay where they are (the API cannot carry a row's notes and fills along): see recordsInPlace.
  const placed = key === undefined ? records : recordsInPlace(tab.rows, tab.index, records, key);
  const rows = rowsKeepingPeopleCells(tab, placed, apiCell, key);
  if (rows.length === 0) return;
  const owned = tab.columnAt.map((c) => c !== undefined && c.owner !== 'bookkeeper');
  for (let start = 0; start < owned.length; start++) {
    if (!owned[start]) continue;
    let end = start;
    while (end + 1 < owned.length && owned[end + 1]) end++;
    writes.add(
      tab,
      2,
      start + 1,
      rows.map((row) => row.slice(start, end + 1)),
    );
    start = end;
  }
  rows.forEach((row, r) => {
    row.forEach((value, i) => {
      if (owned[i] || value === apiCell(tab.rows[r]?.[i], tab.columnAt[i])) return;
      writes.add(tab, r + 2, i + 1, [[value]]);
    });
  });
}
