import { buildAlerts } from '../../core/alerts/buildAlerts';
import { deliveriesOf } from '../../core/alerts/deliveriesOf';
import type { Alert, Invoice, InvoiceApplication } from '../../core/model/invoice';
import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { settleInvoices } from '../../core/receivables/settleInvoices';
import {
  agingToRecord,
  alertToRecord,
  applicationToRecord,
  INVOICE_PAYMENTS_TAB,
  invoiceStatusChanges,
  rowToInvoice,
  rowToInvoiceDecision,
  standingToRecord,
} from '../../core/sheet/invoiceRows';
import {
  AGING_COLUMNS,
  ALERT_COLUMNS,
  INVOICE_COLUMNS,
  INVOICE_PAYMENT_COLUMNS,
  type SheetRecord,
  TAB_KEYS,
} from '../../core/sheet/workbookLayout';
import { readTab } from './readTab';
import { replaceRecords } from './replaceRecords';
import type { Services, Spreadsheet } from './services';
import { workbookSheet } from './workbookSheet';

export type InvoicesOutcome = {
  invoices: number;
  open: number;
  alerts: Alert[];
  /** `1048: paid → open` for every invoice whose status changed. */
  changes: string[];
  problems: Problem[];
};

/**
 * The receivables part of Reconcile: reads the Invoices tab (imported and typed by hand) and the
 * bookkeeper's confirm/reject on Invoice Payments, settles the invoices against the transactions
 * as of today, and rewrites Invoices, Invoice Payments, Aging and Alerts (only the tool's cells).
 */
export function reconcileInvoices(
  services: Services,
  spreadsheet: Spreadsheet,
  timeZone: string,
  transactions: readonly Transaction[],
  matches: readonly Match[],
): InvoicesOutcome {
  const problems: Problem[] = [];
  const invoicesSheet = workbookSheet(services, spreadsheet, 'Invoices');
  const invoicesTab = readTab(invoicesSheet, INVOICE_COLUMNS, timeZone);
  const invoices: Invoice[] = [];
  const before = new Map<string, string>();
  // A row that is not (yet) an invoice is written back as it is: what the bookkeeper typed stays.
  const unreadable: SheetRecord[] = [];
  const statusAt = invoicesTab.index.positions.get('status');
  invoicesTab.rows.forEach((row, i) => {
    const read = rowToInvoice(row, invoicesTab.index, { row: i + 2 });
    if (!read.ok) {
      problems.push(...read.problems);
      unreadable.push(asRecord(invoicesTab.rows[i]!, invoicesTab.columnAt));
    } else if (read.value) {
      invoices.push(read.value);
      before.set(read.value.number, statusAt === undefined ? '' : String(row[statusAt] ?? ''));
    }
  });
  const paymentsSheet = workbookSheet(services, spreadsheet, 'Invoice Payments');
  const paymentsTab = readTab(paymentsSheet, INVOICE_PAYMENT_COLUMNS, timeZone);
  const decisions: InvoiceApplication[] = [];
  paymentsTab.rows.forEach((row, i) => {
    const read = rowToInvoiceDecision(row, paymentsTab.index, { row: i + 2 });
    if (!read.ok) problems.push(...read.problems);
    else if (read.value) decisions.push(read.value);
  });

  const asOf = isoDay(services.now(), timeZone);
  const settled = settleInvoices({ invoices, transactions, matches, decisions, asOf });
  const alerts = buildAlerts({
    asOf,
    transactions,
    deliveries: deliveriesOf(transactions),
    standings: settled.standings,
  });
  const byId = new Map(transactions.map((t) => [t.id, t]));
  replaceRecords(
    invoicesSheet,
    invoicesTab,
    [...settled.standings.map(standingToRecord), ...unreadable],
    TAB_KEYS.Invoices,
  );
  replaceRecords(
    paymentsSheet,
    paymentsTab,
    settled.applications.map((a) => applicationToRecord(a, byId)),
    TAB_KEYS[INVOICE_PAYMENTS_TAB],
  );
  const agingSheet = workbookSheet(services, spreadsheet, 'Aging');
  replaceRecords(
    agingSheet,
    readTab(agingSheet, AGING_COLUMNS, timeZone),
    settled.aging.map(agingToRecord),
    TAB_KEYS.Aging,
  );
  const alertsSheet = workbookSheet(services, spreadsheet, 'Alerts');
  replaceRecords(
    alertsSheet,
    readTab(alertsSheet, ALERT_COLUMNS, timeZone),
    alerts.map(alertToRecord),
    TAB_KEYS.Alerts,
  );
  return {
    invoices: invoices.length,
    open: settled.standings.filter((s) => s.remaining.minor > 0).length,
    alerts,
    changes: invoiceStatusChanges(before, settled.standings),
    problems,
  };
}

function asRecord(row: readonly unknown[], columnAt: TabContentsColumns): SheetRecord {
  const record: SheetRecord = {};
  row.forEach((cell, i) => {
    const c = columnAt[i];
    if (c) record[c.key] = cell === undefined ? null : (cell as SheetRecord[string]);
  });
  return record;
}

type TabContentsColumns = ReturnType<typeof readTab>['columnAt'];

/** Today in the spreadsheet's time zone, as `YYYY-MM-DD`. */
function isoDay(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}
