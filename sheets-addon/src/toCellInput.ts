import type { ColumnDef } from '../../core/sheet/workbookLayout';
import type { CellValue } from './services';

/**
 * A value as it must be handed to `Range.setValues`, which reads strings as if typed: a text cell
 * gets a leading apostrophe (hidden by Sheets, dropped by getValues), so portal text starting with
 * `=`, `+`, `-` or `@` never becomes a formula, and ids like `00123` or `TRUE` are not turned into
 * numbers or booleans. Dates (`YYYY-MM-DD`) are left for Sheets to turn into date cells.
 */
export function toCellInput(value: unknown, column: ColumnDef | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value as CellValue;
  if (value === '' || column?.type === 'date') return value;
  return `'${value}`;
}
