import type { Result } from '../../model/result';
import type { TransactionDraft } from '../../model/transaction';
import type { ImportContext } from '../importTypes';
import { BankCsvReader, type BankCsvResult } from './bankCsvReader';
import { CsvMapping } from './csvMapping';
import { detectDelimiter } from './detectDelimiter';
import { scanCsv } from './parseCsv';

/** Records tokenized and read at a time. */
const BATCH = 2048;

export { DEFAULT_CSV_ACCOUNT } from './planBankCsv';

/**
 * A bank's CSV export, whole text at once: the table found below any preamble, column roles from
 * the header words and the values (or an explicit mapping), decimal separators, date order and
 * sign decided from the first rows (planBankCsv), then every row read alone (BankCsvReader).
 * Rows that cannot be read are skipped with a warning naming their line; a cut-off end is said.
 */
export function importBankCsv(text: string, ctx: ImportContext): Result<BankCsvResult> {
  const mapping = CsvMapping.safeParse(ctx.options.csvMapping ?? { date: 0 });
  const delimiter = (mapping.success && mapping.data.delimiter) || detectDelimiter(text);
  const drafts: TransactionDraft[] = [];
  const reader = new BankCsvReader(ctx, delimiter, (d) => drafts.push(d));
  let unterminatedQuoteLine: number | undefined;
  for (let from = 0, line = 1; from < text.length && !reader.failed; ) {
    const scan = scanCsv(text, delimiter, true, line, from, BATCH);
    reader.add(scan.records);
    unterminatedQuoteLine = scan.unterminatedQuoteLine;
    from = scan.consumed;
    line = scan.line;
  }
  const result = reader.finish({
    ...(unterminatedQuoteLine !== undefined ? { unterminatedQuoteLine } : {}),
    endsWithNewline: /[\r\n]\s*$/.test(text.slice(-64)),
  });
  if (result.ok) result.value.drafts = drafts;
  return result;
}
