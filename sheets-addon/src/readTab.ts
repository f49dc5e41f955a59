import { columnsAtHeader } from '../../core/sheet/columnsAtHeader';
import { type HeaderIndex, indexHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef } from '../../core/sheet/workbookLayout';
import { dayReader } from './readCell';
import type { CellValue, Sheet } from './services';

export type TabContents = {
  header: CellValue[];
  /** Data rows exactly as getValues gave them (for writing untouched cells back). */
  raw: CellValue[][];
  /** Data rows with date cells as `YYYY-MM-DD`, as core/sheet reads them. */
  rows: unknown[][];
  index: HeaderIndex;
  /** Layout column at each header position, undefined for the bookkeeper's own columns. */
  columnAt: Array<ColumnDef | undefined>;
};

/** Reads a whole tab with one getValues; columns are found by header name. */
export function readTab(sheet: Sheet, columns: readonly ColumnDef[], timeZone: string): TabContents {
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  const raw = values.slice(1);
  const index = indexHeader(header, columns, sheet.getName());
  const columnAt = columnsAtHeader(header, columns, index);
  const day = dayReader(timeZone);
  const rows = raw.map((row) => row.map((cell, i) => day(cell, columnAt[i])));
  return { header, raw, rows, index, columnAt };
}
