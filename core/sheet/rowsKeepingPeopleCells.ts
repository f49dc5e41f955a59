import type { HeaderIndex } from './headerIndex';
import { rowSources } from './rowSources';
import type { ColumnDef, SheetRecord } from './workbookLayout';

/** A tab as a writer read it: its header, data rows and where each layout column sits. */
export type SheetGrid = {
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  index: HeaderIndex;
  columnAt: ReadonlyArray<ColumnDef | undefined>;
};

/**
 * The rows that rewrite a computed tab (Matches, Summary, Categories) from `records`, padded with
 * blank rows to cover what was there before. With `key` (a column, or several: see TAB_KEYS), what
 * people wrote on a row — bookkeeper columns and columns they added — moves with the row's key, so
 * a decision or a note stays on its match. `encode` turns a value into the writer's cell input
 * (Apps Script, Sheets API).
 */
export function rowsKeepingPeopleCells<Cell>(
  grid: SheetGrid,
  records: readonly SheetRecord[],
  encode: (value: unknown, column: ColumnDef | undefined) => Cell,
  key?: ColumnDef['key'] | readonly ColumnDef['key'][],
): Cell[][] {
  const width = grid.header.length;
  const sources = key === undefined ? [] : rowSources(grid.rows, grid.index, records, key);
  const rows = records.map((record, r) => {
    const from = sources[r];
    const before = from === undefined ? undefined : grid.rows[from];
    return Array.from({ length: width }, (_, i) => {
      const column = grid.columnAt[i];
      const kept = !column || column.owner === 'bookkeeper';
      return encode(kept && before ? (before[i] ?? '') : column ? record[column.key] : '', column);
    });
  });
  for (let i = rows.length; i < grid.rows.length; i++)
    rows.push(new Array<Cell>(width).fill(encode('', undefined)));
  return rows;
}
