import type { Result } from '../../model/result';
import type { TransactionDraft } from '../../model/transaction';
import type { ImportContext } from '../importTypes';
import { BankCsvReader, type BankCsvResult } from './bankCsvReader';
import { CsvMapping } from './csvMapping';
import { detectDelimiter } from './detectDelimiter';
import { parseCsv } from './parseCsv';

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
  const parsed = parseCsv(text, delimiter);
  reader.add(parsed.records);
  const result = reader.finish({
    ...(parsed.unterminatedQuoteLine !== undefined
      ? { unterminatedQuoteLine: parsed.unterminatedQuoteLine }
      : {}),
    endsWithNewline: /[\r\n]\s*$/.test(text.slice(-64)),
  });
  if (result.ok) result.value.drafts = drafts;
  return result;
}
