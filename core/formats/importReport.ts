import type { Problem } from '../model/problem';
import type { Transaction } from '../model/transaction';
import type { AccountSource, ImportReport, ReportNotes } from './importTypes';

/** A warning about one row that was not imported (it names a line or a row). */
const isSkippedRow = (p: Problem) =>
  p.row !== undefined || (p.line !== undefined && p.code !== 'assumed_currency');

/**
 * The report of one import from what the importer noted and what it produced: the accounts its
 * lines went to and why, the rows it read, imported and skipped (with each skipped row's reason).
 */
export function importReport(
  file: string,
  format: string,
  transactions: readonly Transaction[],
  warnings: readonly Problem[],
  notes: ReportNotes = {},
  accountSource: AccountSource = 'undecided',
  accountEvidence?: string,
): ImportReport {
  const skipped = warnings.filter(isSkippedRow).map((p) => ({
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    reason: p.message.replace(/^row skipped: /, ''),
  }));
  // Rows skipped as a group (PayPal's memo rows) are told once, without a line.
  for (const p of warnings)
    if (!isSkippedRow(p) && /\bskipped\b/.test(p.message)) skipped.push({ reason: p.message });
  const accounts: ImportReport['accounts'] = [];
  for (const t of transactions) {
    if (accounts.some((a) => a.name === t.account)) continue;
    const inFile = notes.accountInFile;
    accounts.push(
      inFile && accountSource === 'undecided'
        ? { name: t.account, source: 'file data', evidence: inFile.evidence }
        : {
            name: t.account,
            source: accountSource,
            ...(accountEvidence ? { evidence: accountEvidence } : {}),
          },
    );
  }
  return {
    file,
    recognized: {
      format,
      ...(notes.processor ? { processor: notes.processor } : {}),
      ...(notes.variant ? { variant: notes.variant } : {}),
    },
    accounts,
    ...(notes.currency ? { currency: notes.currency } : {}),
    ...(notes.dateOrder ? { dateOrder: notes.dateOrder } : {}),
    columns: notes.columns ?? [],
    rowsRead: notes.rowsRead ?? transactions.length + skipped.length,
    rowsImported: transactions.length,
    rowsSkipped: skipped,
    ...(notes.statementLines?.length ? { statementLines: notes.statementLines } : {}),
  };
}
