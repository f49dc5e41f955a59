import type { ColumnDef } from '../../core/sheet/workbookLayout';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * A date column reads back as a Date at midnight in the spreadsheet's time zone, which need not be
 * the script's: take the calendar day in the spreadsheet's zone, as the bookkeeper sees it.
 */
export function dayReader(timeZone: string): (value: unknown, column: ColumnDef | undefined) => unknown {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (value, column) => {
    if (!isDate(value) || column?.type !== 'date') return value;
    const parts = format.formatToParts(value);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
}
