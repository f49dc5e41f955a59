import { parseDate } from '../../dates/parseDate';
import { parseAmount } from '../../money/parseAmount';
import { type Delimiter, detectDelimiter } from './detectDelimiter';
import { type CsvRecord, parseCsv } from './parseCsv';

export type CsvTable = {
  delimiter: string;
  /** The header record, when the table has one. */
  header?: CsvRecord;
  /** Data records after the header (and after any preamble). */
  body: CsvRecord[];
  /** Width of the table: the commonest number of fields. */
  width: number;
  unterminatedQuoteLine?: number;
};

const looksLikeData = (cell: string) => parseDate(cell).ok || parseAmount(cell, { currency: 'USD' }).ok;

/**
 * Splits a CSV file into preamble, header and body. Bank exports often open with lines about the
 * account; the table starts at the first record as wide as most dated records, and that record is
 * the header unless it already holds dates or amounts.
 */
export function readCsvTable(
  text: string,
  options: { delimiter?: Delimiter; header?: boolean; skipRows?: number } = {},
): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const records = parsed.records.slice(options.skipRows ?? 0);
  // Data rows are the ones holding a date; their width is the table's, however long the preamble.
  const counts = new Map<number, number>();
  const sample = records.slice(0, 60);
  const dated = sample.filter((r) => r.fields.some((cell) => cell.trim() !== '' && parseDate(cell).ok));
  for (const r of dated.length > 0 ? dated : sample)
    counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) {
    if (c > best || (c === best && w > width)) {
      width = w;
      best = c;
    }
  }
  // Rows ending in a stray delimiter (Chase: `…,1043,`) are one wider than their header.
  const full = records.slice(0, 50).filter((r) => r.fields.length === width);
  if (width > 1 && full.every((r) => r.fields[width - 1] === '')) width--;
  const start = Math.max(
    0,
    records.findIndex((r) => r.fields.length >= width),
  );
  const first = records[start];
  const hasHeader =
    options.header ??
    (first !== undefined && !first.fields.some((cell) => cell.trim() && looksLikeData(cell)));
  const table: CsvTable = {
    delimiter,
    body: records.slice(hasHeader ? start + 1 : start),
    width,
    ...(hasHeader && first ? { header: first } : {}),
  };
  if (parsed.unterminatedQuoteLine !== undefined) table.unterminatedQuoteLine = parsed.unterminatedQuoteLine;
  return table;
}
