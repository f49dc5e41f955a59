import { toDayNumber } from '../../core/dates/calendar';
import type { ColumnDef } from '../../core/sheet/workbookLayout';

/** Spreadsheet serial day of 1970-01-01 (the 1900 date system Sheets uses). */
const SERIAL_EPOCH = 25569;

/**
 * A core cell as a RAW Sheets API value: text stays text (RAW never reads a formula, number or
 * date into it, so portal text needs no escaping), a `YYYY-MM-DD` date becomes a serial number so
 * the date-formatted column holds real dates, as the add-on writes them.
 */
export function apiCell(value: unknown, column: ColumnDef | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (column?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return toDayNumber(value) + SERIAL_EPOCH;
  }
  return value as string | number | boolean;
}
