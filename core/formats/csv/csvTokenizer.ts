import { type CsvRecord, scanCsv } from './parseCsv';

/** A record longer than this is a quote that never closes, not a bank statement line. */
export const MAX_RECORD_CHARS = 1 << 20;

export type CsvTokenizer = {
  /** Records completed by this chunk of text. */
  push(chunk: string): CsvRecord[];
  /** The records left at the end of the text, and a quote still open there. */
  end(): { records: CsvRecord[]; unterminatedQuoteLine?: number; lastLine: number };
  /** Length of the unfinished record carried over: bounded by MAX_RECORD_CHARS by the caller. */
  readonly carried: number;
  readonly carriedLine: number;
};

/** Streaming CSV over text chunks: only the one unfinished record is carried between chunks. */
export function createCsvTokenizer(delimiter: string): CsvTokenizer {
  let rest = '';
  let line = 1;
  return {
    push(chunk) {
      const text = rest + chunk;
      const scan = scanCsv(text, delimiter, false, line);
      rest = scan.consumed === text.length ? '' : text.slice(scan.consumed);
      line = scan.line;
      return scan.records;
    },
    end() {
      const scan = scanCsv(rest, delimiter, true, line);
      rest = '';
      const out = { records: scan.records, lastLine: scan.line };
      return scan.unterminatedQuoteLine === undefined
        ? out
        : { ...out, unterminatedQuoteLine: scan.unterminatedQuoteLine };
    },
    get carried() {
      return rest.length;
    },
    get carriedLine() {
      return line;
    },
  };
}
