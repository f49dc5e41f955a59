import { fromDayNumber, isoFromParts } from '../dates/calendar';
import { IsoDate } from '../model/isoDate';
import { problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';

/** Spreadsheet serial day 25569 is 1970-01-01 (the 1900 system, as Sheets, Excel and LibreOffice use). */
const SERIAL_EPOCH = 25569;

/**
 * Reads a date cell as `YYYY-MM-DD`. Accepts the text itself, a spreadsheet serial number, or a
 * Date: exceljs reads date cells as UTC midnight; Apps Script's getValues gives midnight in the
 * spreadsheet's zone, which (when the script runs in that zone) local getters read correctly.
 * A Date at UTC midnight is read in UTC, any other in local time. Blank is `undefined`.
 */
export function cellToIsoDate(value: unknown): Result<string | undefined> {
  if (value === null || value === undefined || value === '') return ok(undefined);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(problem('invalid_date', 'not a date'));
    const utcMidnight =
      value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    const iso = utcMidnight
      ? isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
      : isoFromParts(value.getFullYear(), value.getMonth() + 1, value.getDate());
    return iso ? ok(iso) : fail(problem('invalid_date', `${value.toISOString()} is out of range`));
  }
  if (typeof value === 'number' && Number.isFinite(value))
    return ok(fromDayNumber(Math.floor(value) - SERIAL_EPOCH));
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return ok(undefined);
    if (IsoDate.safeParse(text).success) return ok(text);
    return fail(problem('invalid_date', `"${text}" is not a date as YYYY-MM-DD`));
  }
  return fail(problem('invalid_date', `${String(value)} is not a date`));
}

/** Datetime cells hold ISO 8601 text; a Date read back from a sheet becomes its ISO string. */
export function cellToDateTime(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
