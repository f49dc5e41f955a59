import { columnsAtHeader } from '../../core/sheet/columnsAtHeader';
import { type HeaderIndex, indexHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef } from '../../core/sheet/workbookLayout';

export type ApiTab = {
  name: string;
  sheetId: number;
  rowCount: number;
  columnCount: number;
  header: unknown[];
  /** Data rows below the header; the API leaves trailing blank cells out, so rows may be short. */
  rows: unknown[][];
  index: HeaderIndex;
  /** Layout column at each header position. */
  columnAt: Array<ColumnDef | undefined>;
};

export function apiTab(
  name: string,
  grid: { sheetId: number; rowCount: number; columnCount: number },
  values: unknown[][],
  columns: readonly ColumnDef[],
): ApiTab {
  const header = values[0] ?? [];
  const index = indexHeader(header, columns, name);
  const columnAt = columnsAtHeader(header, columns, index);
  return { name, ...grid, header, rows: values.slice(1), index, columnAt };
}
