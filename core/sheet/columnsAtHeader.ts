import type { HeaderIndex } from './headerIndex';
import type { ColumnDef } from './workbookLayout';

/** The layout column at each header position; undefined for columns people added themselves. */
export function columnsAtHeader(
  header: readonly unknown[],
  columns: readonly ColumnDef[],
  index: HeaderIndex,
): Array<ColumnDef | undefined> {
  return header.map((_, i) => columns.find((c) => index.positions.get(c.key) === i));
}
