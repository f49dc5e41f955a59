import { type Delimiter, detectDelimiter } from './detectDelimiter';
import { locateTable } from './locateTable';
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

/** Splits a whole CSV text into preamble, header and body (see locateTable). */
export function readCsvTable(
  text: string,
  options: { delimiter?: Delimiter; header?: boolean; skipRows?: number } = {},
): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const layout = locateTable(parsed.records, options);
  const header = layout.header === undefined ? undefined : parsed.records[layout.header];
  const table: CsvTable = {
    delimiter,
    body: parsed.records.slice(layout.body),
    width: layout.width,
    ...(header ? { header } : {}),
  };
  if (parsed.unterminatedQuoteLine !== undefined) table.unterminatedQuoteLine = parsed.unterminatedQuoteLine;
  return table;
}
