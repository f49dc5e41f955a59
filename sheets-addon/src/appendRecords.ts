import { indexHeader } from '../../core/sheet/headerIndex';
import type { ColumnDef, SheetRecord } from '../../core/sheet/workbookLayout';
import { ensureRows } from './ensureRows';
import type { Sheet } from './services';
import { toCellInput } from './toCellInput';

/** Appends records below the last row, each cell under its column's header: one setValues. */
export function appendRecords(
  sheet: Sheet,
  columns: readonly ColumnDef[],
  records: readonly SheetRecord[],
): void {
  if (records.length === 0) return;
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const index = indexHeader(header, columns);
  const layoutAt = header.map((_, i) => columns.find((c) => index.positions.get(c.key) === i));
  const rows = records.map((record) => layoutAt.map((c) => (c ? toCellInput(record[c.key], c) : '')));
  const first = sheet.getLastRow() + 1;
  ensureRows(sheet, first + rows.length - 1);
  sheet.getRange(first, 1, rows.length, width).setValues(rows);
}
