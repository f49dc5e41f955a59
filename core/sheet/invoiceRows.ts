import type { Alert } from '../model/invoice';
import {
  type ApplicationBasis,
  INVOICE_SCHEMA_VERSION,
  Invoice,
  InvoiceApplication,
  type InvoiceStanding,
  type InvoiceStatus,
} from '../model/invoice';
import { type Problem, problem, problemsFromZod } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import type { Transaction } from '../model/transaction';
import { formatAmountForDisplay } from '../money/formatAmount';
import type { AgingRow } from '../receivables/invoiceStandings';
import { cellToIsoDate } from './dateCell';
import type { HeaderIndex } from './headerIndex';
import { cellToMinor, moneyToCell } from './moneyCell';
import type { SheetRecord } from './workbookLayout';

export const INVOICES_TAB = 'Invoices';
export const INVOICE_PAYMENTS_TAB = 'Invoice Payments';

/** An invoice and where it stands, as an Invoices-tab row. */
export function standingToRecord(s: InvoiceStanding): SheetRecord {
  const { invoice } = s;
  return {
    number: invoice.number,
    customer: invoice.customer,
    issued: invoice.issued,
    due: invoice.due,
    amount: moneyToCell(invoice.amount),
    currency: invoice.amount.currency,
    status: s.status,
    paid: moneyToCell(s.paid),
    remaining: moneyToCell(s.remaining),
    settled: s.settled ?? null,
    daysOverdue: s.daysOverdue,
    payments: s.payments.join(', ') || null,
    flags: s.flags.join('; ') || null,
    customerEmail: invoice.customerEmail ?? null,
    sourceStatus: invoice.sourceStatus ?? null,
    processorIds: invoice.processorIds.join(', ') || null,
    source: invoice.source.file ?? null,
  };
}

/** A payment applied to an invoice, as an Invoice Payments-tab row. */
export function applicationToRecord(
  a: InvoiceApplication,
  byId: ReadonlyMap<string, Transaction>,
): SheetRecord {
  const t = byId.get(a.paymentId);
  return {
    applicationId: a.id,
    invoice: a.invoiceNumber,
    paymentId: a.paymentId,
    state: a.state,
    decision: null,
    confidence: a.confidence,
    date: a.date,
    amount: moneyToCell(a.amount),
    currency: a.amount.currency,
    basis: a.basis,
    payment: t
      ? `${t.date} ${t.account}: ${t.description} (${formatAmountForDisplay(t.amount.minor, t.amount.currency)})`
      : null,
    reason: a.reason,
  };
}

type Where = { row: number; file?: string };

const cellOf = (row: readonly unknown[], index: HeaderIndex) => (key: string) => {
  const i = index.positions.get(key);
  return i === undefined ? undefined : row[i];
};
const textOf = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/**
 * An Invoices-tab row read back as an invoice: the ones imported earlier and the ones the bookkeeper
 * typed in. Blank rows are `undefined`; a row that cannot be an invoice is a problem naming its field.
 */
export function rowToInvoice(
  row: readonly unknown[],
  index: HeaderIndex,
  where: Where,
): Result<Invoice | undefined> {
  const cell = cellOf(row, index);
  const at = (field: string, message: string): Problem =>
    problem('invalid_invoice_row', message, {
      path: [INVOICES_TAB, where.row, field],
      row: where.row,
      field,
      ...(where.file ? { file: where.file } : {}),
    });
  const number = textOf(cell('number'));
  if (!number && row.every((v) => textOf(v) === '')) return ok(undefined);
  const currency = textOf(cell('currency')).toUpperCase();
  const amount = cellToMinor(cell('amount'), currency);
  if (!amount.ok || amount.value === undefined)
    return fail(at('Amount', `"${textOf(cell('amount'))}" is not an amount`));
  const due = cellToIsoDate(cell('due'));
  if (!due.ok || !due.value) return fail(at('Due', `"${textOf(cell('due'))}" is not a date`));
  const issued = cellToIsoDate(cell('issued'));
  if (!issued.ok) return fail(at('Issued', `"${textOf(cell('issued'))}" is not a date`));
  const file = textOf(cell('source'));
  const email = textOf(cell('customerEmail'));
  const sourceStatus = textOf(cell('sourceStatus'));
  const parsed = Invoice.safeParse({
    schemaVersion: INVOICE_SCHEMA_VERSION,
    id: `inv:${number}`,
    number,
    customer: textOf(cell('customer')),
    ...(email ? { customerEmail: email } : {}),
    issued: issued.value ?? due.value,
    due: due.value,
    amount: { minor: amount.value, currency },
    ...(sourceStatus ? { sourceStatus } : {}),
    processorIds: textOf(cell('processorIds'))
      .split(/[,\s]+/)
      .filter(Boolean),
    source: { sheet: INVOICES_TAB, row: where.row, ...(file ? { file } : {}) },
  });
  if (parsed.success) return ok(parsed.data);
  return fail(...problemsFromZod(parsed.error, { path: [INVOICES_TAB, where.row], row: where.row }));
}

/** The bookkeeper's confirm or reject on an Invoice Payments row, as the decision the matcher takes back. */
export function rowToInvoiceDecision(
  row: readonly unknown[],
  index: HeaderIndex,
  where: Where,
): Result<InvoiceApplication | undefined> {
  const cell = cellOf(row, index);
  const said = `${textOf(cell('decision'))} ${textOf(cell('state'))}`.toLowerCase();
  const state = /\breject/.test(said) ? 'rejected' : /\bconfirm/.test(said) ? 'confirmed' : undefined;
  if (!state) return ok(undefined);
  const currency = textOf(cell('currency')).toUpperCase();
  const amount = cellToMinor(cell('amount'), currency);
  const date = cellToIsoDate(cell('date'));
  const number = textOf(cell('invoice'));
  const parsed = InvoiceApplication.safeParse({
    schemaVersion: INVOICE_SCHEMA_VERSION,
    id: textOf(cell('applicationId')),
    invoiceId: `inv:${number}`,
    invoiceNumber: number,
    paymentId: textOf(cell('paymentId')),
    amount: { minor: amount.ok ? (amount.value ?? Number.NaN) : Number.NaN, currency },
    date: date.ok ? date.value : undefined,
    basis: (state === 'confirmed' ? textOf(cell('basis')) || 'decision' : 'decision') as ApplicationBasis,
    confidence: Number(textOf(cell('confidence')) || 1),
    state,
    reason: textOf(cell('reason')) || 'decided by the bookkeeper',
  });
  if (parsed.success) return ok(parsed.data);
  return fail(
    ...problemsFromZod(parsed.error, {
      path: [INVOICE_PAYMENTS_TAB, where.row],
      row: where.row,
      ...(where.file ? { file: where.file } : {}),
    }),
  );
}

/** "1043: open → paid" lines for the Audit tab: every invoice whose status this run changed. */
export function invoiceStatusChanges(
  before: ReadonlyMap<string, InvoiceStatus | string>,
  after: readonly InvoiceStanding[],
): string[] {
  const changes: string[] = [];
  for (const s of after) {
    const was = before.get(s.invoice.number) || undefined;
    if (was !== s.status) changes.push(`${s.invoice.number}: ${was ?? 'new'} → ${s.status}`);
  }
  return changes;
}

/** An aging row (a customer's, or a currency's total) as an Aging-tab row. */
export function agingToRecord(row: AgingRow): SheetRecord {
  const m = (minor: number) => moneyToCell({ minor, currency: row.currency });
  return {
    customer: row.customer,
    currency: row.currency,
    current: m(row.buckets.current),
    days1to30: m(row.buckets['1-30']),
    days31to60: m(row.buckets['31-60']),
    days61to90: m(row.buckets['61-90']),
    over90: m(row.buckets['over 90']),
    total: m(row.total),
  };
}

export const alertToRecord = (a: Alert): SheetRecord => ({
  type: a.type,
  subject: a.account ?? a.invoice ?? null,
  since: a.since,
  message: a.message,
});
