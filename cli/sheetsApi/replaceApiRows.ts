import { rowsKeepingPeopleCells } from '../../core/sheet/rowsKeepingPeopleCells';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { apiCell } from './apiCell';
import type { ApiTab } from './apiTab';
import type { ValueWrites } from './valueWrites';

/** Rewrites a computed tab (Matches, Summary) from row 2, blanking rows left over below. */
export function replaceApiRows(
  writes: ValueWrites,
  tab: ApiTab,
  records: readonly SheetRecord[],
  key?: ColumnDef['key'],
): void {
  writes.add(tab, 2, 1, rowsKeepingPeopleCells(tab, records, apiCell, key));
}
