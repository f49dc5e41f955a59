/**
 * The reconciliation workbook, defined once. The `.xlsx` writer, the Apps Script add-on and the
 * Sheets API writer all write these tabs and columns; readers find columns by header name
 * (headerIndex), so a bookkeeper who moves or adds columns breaks nothing.
 */

import { RULES_SHEET_HEADERS } from '../rules/rulesSheet';

/**
 * Bumped when a tab or a column changes meaning (2: the Rules tab takes core/rules/rulesSheet's
 * columns; 3: Transactions gains Splits; 4: Invoices and Invoice Payments tabs — a book of an older
 * layout gains them on its next write, with Aging and Alerts; 5: Transactions gains Unverified);
 * written into the Audit tab of every write.
 */
export const SHEET_LAYOUT_VERSION = 5;

export type ColumnType = 'text' | 'money' | 'date' | 'datetime' | 'number' | 'percent' | 'boolean';

/**
 * Who may change a column's cells: `source` — the bank, processor or portal (refreshed on upsert);
 * `computed` — Ledgerbridge itself: rules, matcher, summary (refreshed on upsert);
 * `bookkeeper` — people; never overwritten once the row exists.
 */
export type ColumnOwner = 'source' | 'bookkeeper' | 'computed';

export type ColumnDef = {
  key: string;
  header: string;
  type: ColumnType;
  owner: ColumnOwner;
  /** In characters, as spreadsheet column widths are. */
  width: number;
  /** Text from a portal or a file: always written as inert text, never as a formula (escapeFormula). */
  fromOutside?: boolean;
  /** A reader cannot make sense of the tab without it. */
  required?: boolean;
  /**
   * Where the row came from rather than what it says: not compared when deciding whether an
   * upsert changes a row, so re-sending the same lines in a new batch changes nothing.
   */
  provenance?: boolean;
  /** For money columns: the key of the column holding the row's currency. */
  currencyKey?: string;
  /** A value other than zero needs the bookkeeper's eye (a difference): writers highlight it. */
  flagNonZero?: boolean;
  /** The values a bookkeeper may pick (writers offer them as a drop-down). */
  choices?: readonly string[];
};

export type TabName =
  | 'Transactions'
  | 'Matches'
  | 'Rules'
  | 'Categories'
  | 'Summary'
  | 'Invoices'
  | 'Invoice Payments'
  | 'Aging'
  | 'Alerts'
  | 'Audit';

export type TabDef = {
  name: TabName;
  columns: readonly ColumnDef[];
  /** Rows above the data; the header is the last of them, frozen in every writer. */
  headerRows: 1;
};

const text = (
  key: string,
  header: string,
  owner: ColumnOwner,
  width: number,
  extra: Partial<ColumnDef> = {},
) => ({ key, header, type: 'text', owner, width, ...extra }) satisfies ColumnDef;
const money = (key: string, header: string, owner: ColumnOwner, extra: Partial<ColumnDef> = {}) =>
  ({ key, header, type: 'money', owner, width: 14, currencyKey: 'currency', ...extra }) satisfies ColumnDef;

export const TRANSACTION_COLUMNS = [
  text('id', 'ID', 'source', 28, { required: true }),
  { key: 'date', header: 'Date', type: 'date', owner: 'source', width: 12, required: true },
  text('account', 'Account', 'source', 20, { fromOutside: true, required: true }),
  text('institution', 'Institution', 'source', 12, { fromOutside: true, required: true }),
  text('description', 'Description', 'source', 40, { fromOutside: true, required: true }),
  text('payee', 'Payee', 'computed', 24, { fromOutside: true }),
  money('amount', 'Amount', 'source', { required: true }),
  text('currency', 'Currency', 'source', 9, { required: true }),
  text('status', 'Status', 'source', 9, { required: true }),
  // Says why a captured line's page did not add up; blank when nothing failed.
  text('unverified', 'Unverified', 'source', 24, { fromOutside: true }),
  text('kind', 'Kind', 'source', 11, { required: true }),
  text('category', 'Category', 'computed', 20, { fromOutside: true }),
  text('categoryOverride', 'Category Override', 'bookkeeper', 20),
  text('notes', 'Notes', 'bookkeeper', 30),
  text('tags', 'Tags', 'computed', 16, { fromOutside: true }),
  text('rule', 'Rule', 'computed', 16, { fromOutside: true }),
  text('why', 'Why', 'computed', 30, { fromOutside: true }),
  text('splits', 'Splits', 'computed', 30, { fromOutside: true }),
  { key: 'transfer', header: 'Transfer', type: 'boolean', owner: 'computed', width: 9 },
  text('externalId', 'External ID', 'source', 24, { fromOutside: true }),
  text('payoutId', 'Payout ID', 'source', 24, { fromOutside: true }),
  money('gross', 'Gross', 'source'),
  money('fee', 'Fee', 'source'),
  money('balance', 'Balance', 'source'),
  text('checkNumber', 'Check Number', 'source', 10, { fromOutside: true }),
  text('memo', 'Memo', 'source', 24, { fromOutside: true }),
  text('supersedes', 'Supersedes', 'computed', 28),
  text('supersededBy', 'Superseded By', 'computed', 28),
  text('source', 'Source', 'source', 30, { fromOutside: true, provenance: true }),
  {
    key: 'capturedAt',
    header: 'Captured At',
    type: 'datetime',
    owner: 'source',
    width: 22,
    provenance: true,
  },
  text('batchId', 'Batch ID', 'computed', 24, { provenance: true }),
] as const satisfies readonly ColumnDef[];

export type TransactionColumnKey = (typeof TRANSACTION_COLUMNS)[number]['key'];

/** One row per match (payout ↔ deposit, transfer pair, duplicate) and per discrepancy. */
export const MATCH_COLUMNS = [
  text('matchId', 'Match ID', 'computed', 28, { required: true }),
  text('kind', 'Kind', 'computed', 16),
  text('state', 'State', 'computed', 11),
  /** The bookkeeper types confirm or reject here; the matcher honours it on the next run. */
  text('decision', 'Decision', 'bookkeeper', 11, { choices: ['confirm', 'reject'] }),
  { key: 'confidence', header: 'Confidence', type: 'percent', owner: 'computed', width: 11 },
  { key: 'date', header: 'Date', type: 'date', owner: 'computed', width: 12 },
  money('amount', 'Amount', 'computed'),
  money('difference', 'Difference', 'computed', { flagNonZero: true }),
  text('currency', 'Currency', 'computed', 9),
  text('members', 'Members', 'computed', 40),
  text('externalIds', 'External IDs', 'computed', 40, { fromOutside: true }),
  text('descriptions', 'Descriptions', 'computed', 50, { fromOutside: true }),
  text('reason', 'Reason', 'computed', 60, { fromOutside: true }),
  text('notes', 'Notes', 'bookkeeper', 30),
] as const satisfies readonly ColumnDef[];

/** Wider cells for the columns that hold several values or JSON. */
const RULE_WIDTHS: Record<string, number> = {
  Name: 28,
  'Description Contains': 28,
  Category: 24,
  'More (JSON)': 40,
};

/**
 * The Rules tab as rows the bookkeeper edits: the columns of core/rules/rulesSheet (filter and
 * override columns in the spirit of Tiller's AutoCat), all the bookkeeper's. Keys are the headers
 * in lower camel case (`Rule ID` → `id`); see core/sheet/ruleRows for the conversion.
 */
export const RULE_COLUMNS: readonly ColumnDef[] = RULES_SHEET_HEADERS.map((header) => ({
  key: header === 'Rule ID' ? 'id' : ruleColumnKey(header),
  header,
  type: 'text',
  owner: 'bookkeeper',
  width: RULE_WIDTHS[header] ?? Math.max(10, header.length + 2),
  ...(header === 'Rule ID' ? { required: true } : {}),
}));

function ruleColumnKey(header: string): string {
  const words = header
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

export const CATEGORY_COLUMNS = [
  text('category', 'Category', 'bookkeeper', 24, { required: true, fromOutside: true }),
  text('group', 'Group', 'bookkeeper', 12),
  text('currency', 'Currency', 'computed', 9),
  { key: 'count', header: 'Transactions', type: 'number', owner: 'computed', width: 12 },
  money('inflows', 'Inflows', 'computed'),
  money('outflows', 'Outflows', 'computed'),
  money('net', 'Net', 'computed'),
] as const satisfies readonly ColumnDef[];

export const SUMMARY_COLUMNS = [
  text('institution', 'Institution', 'computed', 12, { fromOutside: true, required: true }),
  text('account', 'Account', 'computed', 20, { fromOutside: true, required: true }),
  text('month', 'Month', 'computed', 9, { required: true }),
  text('currency', 'Currency', 'computed', 9, { required: true }),
  money('opening', 'Opening Balance', 'computed'),
  money('inflows', 'Inflows', 'computed'),
  money('outflows', 'Outflows', 'computed'),
  money('closing', 'Closing Balance', 'computed'),
  money('statementBalance', 'Statement Balance', 'computed'),
  { key: 'statementDate', header: 'Statement Date', type: 'date', owner: 'computed', width: 12 },
  money('bookAtStatementDate', 'Book Balance At Statement Date', 'computed', { width: 16 }),
  money('difference', 'Difference', 'computed', { flagNonZero: true }),
  { key: 'unmatched', header: 'Unmatched', type: 'number', owner: 'computed', width: 10 },
  text('status', 'Status', 'computed', 14),
  text('openingFrom', 'Opening From', 'computed', 40),
] as const satisfies readonly ColumnDef[];

/**
 * One row per invoice. The bookkeeper may add invoices by hand (Number, Customer, Issued, Due, Amount,
 * Currency): rows without a Source are theirs and are read back on every run. Status and the columns
 * after it are computed from the payments applied.
 */
export const INVOICE_COLUMNS = [
  text('number', 'Invoice', 'source', 14, { fromOutside: true, required: true }),
  text('customer', 'Customer', 'source', 24, { fromOutside: true, required: true }),
  { key: 'issued', header: 'Issued', type: 'date', owner: 'source', width: 12 },
  { key: 'due', header: 'Due', type: 'date', owner: 'source', width: 12, required: true },
  money('amount', 'Amount', 'source', { required: true }),
  text('currency', 'Currency', 'source', 9, { required: true }),
  text('status', 'Status', 'computed', 10),
  money('paid', 'Paid', 'computed'),
  money('remaining', 'Remaining', 'computed'),
  { key: 'settled', header: 'Settled', type: 'date', owner: 'computed', width: 12 },
  { key: 'daysOverdue', header: 'Days Overdue', type: 'number', owner: 'computed', width: 10 },
  text('payments', 'Payments', 'computed', 40),
  text('flags', 'Flags', 'computed', 40),
  text('customerEmail', 'Customer Email', 'source', 24, { fromOutside: true }),
  text('sourceStatus', 'Source Status', 'source', 12, { fromOutside: true }),
  text('processorIds', 'Processor IDs', 'source', 30, { fromOutside: true }),
  text('source', 'Source', 'source', 24, { fromOutside: true, provenance: true }),
  text('notes', 'Notes', 'bookkeeper', 30),
] as const satisfies readonly ColumnDef[];

/** One row per payment applied to an invoice: suggestions the bookkeeper confirms or rejects. */
export const INVOICE_PAYMENT_COLUMNS = [
  text('applicationId', 'Application ID', 'computed', 28, { required: true }),
  text('invoice', 'Invoice', 'computed', 14, { fromOutside: true, required: true }),
  text('paymentId', 'Payment ID', 'computed', 28, { required: true }),
  text('state', 'State', 'computed', 11),
  /** confirm or reject; honoured on the next run. */
  text('decision', 'Decision', 'bookkeeper', 11, { choices: ['confirm', 'reject'] }),
  { key: 'confidence', header: 'Confidence', type: 'percent', owner: 'computed', width: 11 },
  { key: 'date', header: 'Date', type: 'date', owner: 'computed', width: 12 },
  money('amount', 'Amount', 'computed'),
  text('currency', 'Currency', 'computed', 9),
  text('basis', 'Basis', 'computed', 14),
  text('payment', 'Payment', 'computed', 40, { fromOutside: true }),
  text('reason', 'Reason', 'computed', 60, { fromOutside: true }),
  text('notes', 'Notes', 'bookkeeper', 30),
] as const satisfies readonly ColumnDef[];

/** Receivables aging beside the Summary: what each customer owes by days past due, then a total per currency. */
export const AGING_COLUMNS = [
  text('customer', 'Customer', 'computed', 24, { fromOutside: true, required: true }),
  text('currency', 'Currency', 'computed', 9, { required: true }),
  money('current', 'Current', 'computed'),
  money('days1to30', '1-30 Days', 'computed'),
  money('days31to60', '31-60 Days', 'computed'),
  money('days61to90', '61-90 Days', 'computed'),
  money('over90', 'Over 90 Days', 'computed', { flagNonZero: true }),
  money('total', 'Total Owed', 'computed'),
  text('notes', 'Notes', 'bookkeeper', 30),
] as const satisfies readonly ColumnDef[];

/** The one list of alerts every surface shows (core/alerts): what, where, since when, what to do. */
export const ALERT_COLUMNS = [
  text('type', 'Alert', 'computed', 16, { required: true }),
  text('subject', 'Account or Invoice', 'computed', 24, { fromOutside: true }),
  { key: 'since', header: 'Since', type: 'date', owner: 'computed', width: 12 },
  text('message', 'What To Do', 'computed', 90, { fromOutside: true }),
  text('notes', 'Notes', 'bookkeeper', 30),
] as const satisfies readonly ColumnDef[];

export const AUDIT_COLUMNS = [
  { key: 'at', header: 'When', type: 'datetime', owner: 'computed', width: 22, required: true },
  text('actor', 'Who', 'computed', 28),
  text('action', 'What', 'computed', 16),
  text('batchId', 'Batch ID', 'computed', 24, { fromOutside: true }),
  { key: 'added', header: 'Added', type: 'number', owner: 'computed', width: 8 },
  { key: 'updated', header: 'Updated', type: 'number', owner: 'computed', width: 8 },
  { key: 'skipped', header: 'Skipped', type: 'number', owner: 'computed', width: 8 },
  { key: 'layoutVersion', header: 'Layout Version', type: 'number', owner: 'computed', width: 8 },
  text('detail', 'Detail', 'computed', 50, { fromOutside: true }),
] as const satisfies readonly ColumnDef[];

export const WORKBOOK_TABS = [
  { name: 'Transactions', columns: TRANSACTION_COLUMNS, headerRows: 1 },
  { name: 'Matches', columns: MATCH_COLUMNS, headerRows: 1 },
  { name: 'Rules', columns: RULE_COLUMNS, headerRows: 1 },
  { name: 'Categories', columns: CATEGORY_COLUMNS, headerRows: 1 },
  { name: 'Summary', columns: SUMMARY_COLUMNS, headerRows: 1 },
  { name: 'Invoices', columns: INVOICE_COLUMNS, headerRows: 1 },
  { name: 'Invoice Payments', columns: INVOICE_PAYMENT_COLUMNS, headerRows: 1 },
  { name: 'Aging', columns: AGING_COLUMNS, headerRows: 1 },
  { name: 'Alerts', columns: ALERT_COLUMNS, headerRows: 1 },
  { name: 'Audit', columns: AUDIT_COLUMNS, headerRows: 1 },
] as const satisfies readonly TabDef[];

/**
 * The columns that name a row of each tab: what people wrote on a row (their columns, notes,
 * decisions) moves with this key when a writer recomputes the tab. Audit rows are only appended.
 */
export const TAB_KEYS: Readonly<Record<Exclude<TabName, 'Audit'>, readonly string[]>> = {
  Transactions: ['id'],
  Matches: ['matchId'],
  Rules: ['id'],
  Categories: ['category'],
  Summary: ['institution', 'account', 'month', 'currency'],
  Invoices: ['number'],
  'Invoice Payments': ['applicationId'],
  Aging: ['customer', 'currency'],
  Alerts: ['type', 'subject', 'since'],
};

export function tabDef(name: TabName): TabDef {
  return WORKBOOK_TABS.find((t) => t.name === name)!;
}

/**
 * One cell as core hands it to a writer. Dates (`date` columns) are `YYYY-MM-DD` strings and
 * datetimes ISO 8601 strings: each writer turns them into its own date type (the `.xlsx` writer
 * writes a real date with a `yyyy-mm-dd` format; Apps Script may write the string with a date
 * number format). Money is a number in major units, with the currency in its own column.
 */
export type CellValue = string | number | boolean | null;

/** A tab row keyed by column key; writers lay it out in the tab's column order (or by header). */
export type SheetRecord = Record<string, CellValue>;

/** A record in the column order of the layout, for writing a fresh tab. */
export function recordToRow(columns: readonly ColumnDef[], record: SheetRecord): CellValue[] {
  return columns.map((c) => record[c.key] ?? null);
}

export const headersOf = (columns: readonly ColumnDef[]): string[] => columns.map((c) => c.header);
