import type { HeaderIndex } from './headerIndex';
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
 * blank rows to cover what was there before. With `key`, what people wrote on a row — bookkeeper
 * columns and columns they added — moves with the row's key, so a decision or a note stays on its
 * match. `encode` turns a value into the writer's cell input (Apps Script, Sheets API).
 */
export function rowsKeepingPeopleCells<Cell>(
  grid: SheetGrid,
  records: readonly SheetRecord[],
  encode: (value: unknown, column: ColumnDef | undefined) => Cell,
  key?: ColumnDef['key'],
): Cell[][] {
  const width = grid.header.length;
  const keyAt = key === undefined ? undefined : grid.index.positions.get(key);
  const previous = new Map<string, readonly unknown[]>();
  if (keyAt !== undefined) for (const row of grid.rows) previous.set(String(row[keyAt] ?? ''), row);
  const rows = records.map((record) => {
    const before = keyAt === undefined ? undefined : previous.get(String(record[key!] ?? ''));
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
