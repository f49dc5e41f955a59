export type CsvRecord = {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
};

export type CsvScan = {
  records: CsvRecord[];
  /** Characters consumed: the rest (an unfinished record) belongs to the next chunk. */
  consumed: number;
  /** The line the unconsumed rest starts on. */
  line: number;
  /** Line of a quoted field still open at the end of the last chunk. */
  unterminatedQuoteLine?: number;
};

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 CSV with any one-character delimiter: quoted fields may hold delimiters, doubled quotes
 * and newlines; CRLF, LF and CR line ends; blank lines are dropped. With `final` false the text is
 * one chunk of a longer stream: the record still open at its end is left unconsumed for the next.
 * From `from`, at most `maxRecords` at a time: a long text read in batches whose records die young
 * (records held all at once outlived the young generation, and collecting them was a third of an import).
 */
export function scanCsv(
  text: string,
  delimiter: string,
  final: boolean,
  firstLine = 1,
  from = 0,
  maxRecords = Number.POSITIVE_INFINITY,
): CsvScan {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let pos = from;
  let line = firstLine;
  let recordStart = 0;
  let recordLine = line;
  // The record being read, in a scratch array reused for every record: each record's fields are
  // then one exact-size copy, where an array grown by push was twice the size.
  const fields: string[] = [];
  let count = 0;
  let unterminatedQuoteLine: number | undefined;
  /** The first '\n' after the last quoted field's opening quote (the text's length when none). */
  let nextLf = -1;
  const unfinished = (): CsvScan => ({ records, consumed: recordStart, line: recordLine });
  for (;;) {
    if (count === 0) {
      recordStart = pos;
      recordLine = line;
    }
    if (pos >= n) {
      if (count === 0) break;
      if (!final) return unfinished();
      fields[count++] = ''; // "a,b," ends with an empty field
      records.push({ fields: fields.slice(0, count), line: recordLine });
      break;
    }
    let value: string;
    if (text.charCodeAt(pos) === QUOTE) {
      const open = pos;
      value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          if (!final) return unfinished();
          unterminatedQuoteLine ??= line;
          value += text.slice(from);
          pos = n;
          break;
        }
        value += text.slice(from, q);
        if (q + 1 === n && !final) return unfinished(); // the next chunk may double the quote
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      // Line breaks inside the quotes: counted from the next one in the text, which is most often
      // past the field (one search per line, not one per quoted field).
      if (nextLf <= open) nextLf = lineBreakFrom(text, open + 1);
      while (nextLf < pos) {
        line++;
        nextLf = lineBreakFrom(text, nextLf + 1);
      }
      // Text between the closing quote and the delimiter is kept, as spreadsheets do.
      let end = pos;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === LF || c === CR) break;
        end++;
      }
      if (end > pos) value += text.slice(pos, end);
      pos = end;
    } else {
      let end = pos;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === LF || c === CR) break;
        end++;
      }
      value = text.slice(pos, end);
      pos = end;
    }
    fields[count++] = value;
    if (pos >= n) {
      if (!final) return unfinished();
      if (!(count === 1 && value === '')) records.push({ fields: fields.slice(0, count), line: recordLine });
      break;
    }
    const c = text.charCodeAt(pos);
    if (c === d) {
      pos++;
      continue;
    }
    if (c === CR) {
      if (pos + 1 === n && !final) return unfinished(); // CRLF split across chunks
      pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
    } else pos++;
    line++;
    if (!(count === 1 && value === '')) records.push({ fields: fields.slice(0, count), line: recordLine });
    count = 0;
    if (records.length >= maxRecords) return { records, consumed: pos, line };
  }
  const scan: CsvScan = { records, consumed: n, line };
  if (unterminatedQuoteLine !== undefined) scan.unterminatedQuoteLine = unterminatedQuoteLine;
  return scan;
}

/** Where the next '\n' from `from` is; the text's length when there is none. */
function lineBreakFrom(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/** A whole CSV text → records; an unterminated quote runs to the end and is reported. */
export function parseCsv(
  text: string,
  delimiter: string,
): { records: CsvRecord[]; unterminatedQuoteLine?: number } {
  const { records, unterminatedQuoteLine } = scanCsv(text, delimiter, true);
  return unterminatedQuoteLine === undefined ? { records } : { records, unterminatedQuoteLine };
}
