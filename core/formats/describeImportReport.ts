import type { ImportReport } from './importTypes';

const FORMAT_NAMES: Record<string, string> = {
  ofx: 'OFX',
  camt053: 'CAMT.053',
  qif: 'QIF',
  'bank-csv': 'bank CSV',
  json: 'transactions JSON',
  page: 'saved page',
};

const PROCESSOR_NAMES: Record<string, string> = { stripe: 'Stripe', square: 'Square', paypal: 'PayPal' };

/** A header name in quotes; a bank CSV's labels come quoted already, or as `column 3 (values)`. */
const quoted = (column: string) => (/^"|^column \d/.test(column) ? column : `"${column}"`);

const ORDER_NAMES = { mdy: 'month/day/year', dmy: 'day/month/year', ymd: 'year-month-day' } as const;

/** `Stripe payouts export` or `bank CSV`: what the file was recognized as. */
export function recognizedAs(report: ImportReport): string {
  const { format, processor, variant } = report.recognized;
  if (processor) return `${PROCESSOR_NAMES[processor] ?? processor} ${variant ?? format}`;
  return FORMAT_NAMES[format] ?? format;
}

/** `Checking ••4417 (from the file name: …)`, for each account the file's lines went to. */
export function accountsDecided(report: ImportReport): string {
  if (report.accounts.length === 0) return 'no account (no transactions)';
  return report.accounts
    .map((a) => {
      const why =
        a.source === 'undecided'
          ? 'no account named in the file, its name or an option; the only such file'
          : `from ${a.source === 'processor' ? 'the processor and currency' : `the ${a.source}`}${a.evidence ? `: ${a.evidence}` : ''}`;
      return `${a.name} (${why})`;
    })
    .join(', ');
}

/**
 * What one import decided, in words: the first line for summaries (recognized as, account and why,
 * currency, date order, rows), then the columns read and the rows skipped with their reasons.
 */
export function describeImportReport(report: ImportReport, options: { full?: boolean } = {}): string[] {
  const parts = [recognizedAs(report), `account ${accountsDecided(report)}`];
  if (report.currency) parts.push(`${report.currency.code} (${report.currency.source})`);
  if (report.dateOrder) parts.push(`dates ${ORDER_NAMES[report.dateOrder]}`);
  const skipped = report.rowsSkipped.length;
  const statements = report.statementLines?.length ?? 0;
  parts.push(
    `${report.rowsRead} row${report.rowsRead === 1 ? '' : 's'} read, ${report.rowsImported} imported${skipped ? `, ${skipped} skipped` : ''}${statements ? `, ${statements} stating a balance or total` : ''}`,
  );
  const lines = [`${report.file}: ${parts.join('; ')}`];
  if (!options.full) return lines;
  if (report.columns.length > 0)
    lines.push(`  columns: ${report.columns.map((c) => `${c.role} ← ${quoted(c.column)}`).join(', ')}`);
  for (const s of report.statementLines ?? []) lines.push(`  ${s}`);
  for (const s of report.rowsSkipped.slice(0, 20)) {
    const where = [s.line !== undefined ? `line ${s.line}` : '', s.row !== undefined ? `row ${s.row}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  skipped ${where || 'a row'}: ${s.reason}`);
  }
  if (skipped > 20) lines.push(`  … and ${skipped - 20} more skipped rows`);
  return lines;
}
