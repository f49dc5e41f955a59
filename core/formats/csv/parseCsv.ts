export type CsvRecord = {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
};

/**
 * RFC 4180 CSV with any one-character delimiter: quoted fields may hold delimiters, doubled quotes
 * and newlines; CRLF, LF and CR line ends; blank lines are dropped. An unterminated quote runs to
 * the end of the file and is reported through `unterminatedQuoteLine`.
 */
export function parseCsv(
  text: string,
  delimiter: string,
): { records: CsvRecord[]; unterminatedQuoteLine?: number } {
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let unterminatedQuoteLine: number | undefined;
  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  while (pos <= n) {
    if (fields.length === 0) recordLine = line;
    if (text.charCodeAt(pos) === 34 /* " */) {
      let value = '';
      let from = pos + 1;
      const startLine = line;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          unterminatedQuoteLine ??= startLine;
          value += text.slice(from);
          pos = n;
          break;
        }
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) line++;
      // Text between the closing quote and the delimiter is kept, as spreadsheets do.
      let end = pos;
      while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      fields.push(value + text.slice(pos, end));
      pos = end;
    } else {
      let end = pos;
      while (end < n) {
        const c = text[end];
        if (c === delimiter || c === '\n' || c === '\r') break;
        end++;
      }
      fields.push(text.slice(pos, end));
      pos = end;
    }
    if (pos >= n) {
      endRecord();
      break;
    }
    const c = text[pos];
    if (c === delimiter) {
      pos++;
      if (pos === n) {
        fields.push('');
        endRecord();
        break;
      }
    } else {
      pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
      endRecord();
      if (pos === n) break;
    }
  }
  return unterminatedQuoteLine === undefined ? { records } : { records, unterminatedQuoteLine };
}
