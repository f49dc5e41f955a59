import { buildAlerts, type DataDelivery } from '../../core/alerts/buildAlerts';
import { deliveriesOf } from '../../core/alerts/deliveriesOf';
import { decodeText } from '../../core/formats/charset/decodeText';
import type { Alert, Invoice, InvoiceApplication } from '../../core/model/invoice';
import type { Problem } from '../../core/model/problem';
import { type InvoiceImport, importInvoices } from '../../core/receivables/importInvoices';
import { type Receivables, settleInvoices } from '../../core/receivables/settleInvoices';
import type { ReconcileRun } from './reconcileFiles';

export type ReceivablesOptions = {
  /** Invoice lists (CSV exports of invoicing tools, or kept by hand). */
  invoiceFiles?: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
  /** Invoices already in the book's Invoices tab (the bookkeeper's own rows among them). */
  bookInvoices?: readonly Invoice[];
  /** Confirmed and rejected applications from the book. */
  decisions?: readonly InvoiceApplication[];
  /** The day invoices are aged and accounts checked for freshness; the data's last day by default. */
  asOf?: string;
  /** Days an account may go without new data, per account (default 7). */
  rhythmDays?: Readonly<Record<string, number>>;
  /** The currency of invoice lists that name none: the books' own when they have only one. */
  currency?: string;
};

export type RunReceivables = {
  receivables?: Receivables;
  alerts: Alert[];
  asOf: string;
  invoiceReports: InvoiceImport['report'][];
  problems: Problem[];
  warnings: Problem[];
};

/** Invoices settled by the run's payments, and the alerts on the run's data, as of one day. */
export function receivablesOfRun(run: ReconcileRun, options: ReceivablesOptions): RunReceivables {
  const asOf = options.asOf ?? run.transactions.reduce((a, t) => (t.date > a ? t.date : a), '1970-01-01');
  const currencies = new Set(run.transactions.map((t) => t.amount.currency));
  const currency = options.currency ?? (currencies.size === 1 ? [...currencies][0] : undefined);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const invoiceReports: InvoiceImport['report'][] = [];
  const byNumber = new Map<string, Invoice>();
  for (const invoice of options.bookInvoices ?? []) byNumber.set(invoice.number, invoice);
  for (const file of options.invoiceFiles ?? []) {
    const read = importInvoices(decodeText(file.bytes).text, {
      file: file.name,
      ...(currency ? { currency } : {}),
    });
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    warnings.push(...read.value.warnings);
    invoiceReports.push(read.value.report);
    // A file's row for a number already in the book updates it; the bookkeeper's own rows stay.
    for (const invoice of read.value.invoices) byNumber.set(invoice.number, invoice);
  }
  const invoices = [...byNumber.values()];
  const receivables =
    invoices.length > 0
      ? settleInvoices({
          invoices,
          transactions: run.transactions,
          matches: run.matches,
          ...(options.decisions ? { decisions: options.decisions } : {}),
          asOf,
        })
      : undefined;
  const drifts = run.warnings
    .filter((w) => w.code === 'profile_drift')
    .map((w) => ({ account: w.file ?? 'a saved page', since: asOf, message: `${w.file}: ${w.message}` }));
  const alerts = buildAlerts({
    asOf,
    transactions: run.transactions,
    deliveries: statedThrough(deliveriesOf(run.transactions), run),
    ...(options.rhythmDays ? { rhythmDays: options.rhythmDays } : {}),
    drifts,
    ...(receivables ? { standings: receivables.standings } : {}),
  });
  return { ...(receivables ? { receivables } : {}), alerts, asOf, invoiceReports, problems, warnings };
}

/** A statement that states a closing balance covers the account up to that day, quiet days included. */
function statedThrough(deliveries: DataDelivery[], run: ReconcileRun): DataDelivery[] {
  const closing = new Map<string, string>();
  for (const b of run.balances) {
    if (b.kind === 'closing' && b.date > (closing.get(b.account) ?? '')) closing.set(b.account, b.date);
  }
  return deliveries.map((d) => {
    const through = closing.get(d.account);
    return through && through > d.at ? { ...d, at: through } : d;
  });
}
