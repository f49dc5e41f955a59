import { cellToDateTime, cellToIsoDate } from './dateCell';
import { cellToMinor } from './moneyCell';
import type { ColumnDef } from './workbookLayout';

const plain = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
};

/**
 * A cell reduced to comparable text, whatever the writer stored (a Date or the text, a number or
 * its display), so an upsert can tell whether a row really changed.
 */
export function canonicalCell(column: ColumnDef, value: unknown, currency: string): string {
  switch (column.type) {
    case 'money': {
      const minor = cellToMinor(value, currency);
      return minor.ok ? (minor.value === undefined ? '' : String(minor.value)) : plain(value);
    }
    case 'date': {
      // The common case, without a full validation: comparing needs no more.
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      const date = cellToIsoDate(value);
      return date.ok ? (date.value ?? '') : plain(value);
    }
    case 'datetime':
      return cellToDateTime(value) ?? '';
    case 'boolean':
      return value === true || /^true$/i.test(plain(value))
        ? 'true'
        : value === false || /^false$/i.test(plain(value))
          ? 'false'
          : '';
    default:
      return plain(value);
  }
}
