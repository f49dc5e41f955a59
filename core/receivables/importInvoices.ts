import { parseDateColumn } from '../dates/parseDateColumn';
import { normalizeHeader } from '../formats/csv/normalizeHeader';
import { readCsvTable } from '../formats/csv/readCsvTable';
import { CurrencyCode } from '../model/currency';
import { INVOICE_SCHEMA_VERSION, Invoice } from '../model/invoice';
import { type Problem, problem, problemsFromZod } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import { parseAmountColumn } from '../money/parseAmountColumn';
import { findInvoiceColumns, type InvoiceRole } from './invoiceColumns';

export type InvoiceImport = {
  invoices: Invoice[];
  warnings: Problem[];
  /** What was decided, said in words for `--explain` and the Audit tab. */
  report: {
    file: string;
    system?: string;
    columns: Partial<Record<InvoiceRole | 'processorIds', string>>;
    currency: { code: string; source: 'column' | 'header' | 'amounts' | 'option' };
    rowsRead: number;
    invoices: number;
    skipped: number;
  };
};

export type InvoiceImportOptions = {
  file: string;
  /** The currency to assume when the list names none (the books' currency); otherwise the file is refused. */
  currency?: string;
  /** Marks invoices read from the workbook's Invoices tab instead of a file. */
  sheet?: string;
};

/** Statuses that mean the invoice is not owed: never matched, never aged. */
const NOT_OWED =
  /^(?:draft|void(?:ed)?|deleted|cancel+ed|cancel+ation|written off|write off|uncollectible|storniert|entwurf|annul+ee?|brouillon|anulada|borrador|geannuleerd|concept|annullata|bozza|cancelada|rascunho)$/i;

const TOTAL_LABEL =
  /^(?:grand )?totals?:?$|^(?:gesamt)?summe:?$|^gesamt:?$|^totale:?$|^totaal:?$|^total general:?$/i;

/** Ids processors give invoices and their payments: Stripe `in_`, `ch_`, `pi_`, `py_`, `txn_`; Square/PayPal ids. */
const PROCESSOR_ID = /^(?:in|ch|pi|py|txn|po|re)_[A-Za-z0-9]{6,}$|^[A-Z0-9]{17}$|^inv:[A-Za-z0-9-]+$/;

const isCurrencyCode = (code: string) => CurrencyCode.safeParse(code).success;

/** An invoice list exported from an invoicing tool (or kept by hand), as CSV, read by column roles. */
export function importInvoices(text: string, options: InvoiceImportOptions): Result<InvoiceImport> {
  const table = readCsvTable(text);
  if (!table.header) {
    return fail(
      problem('no_header', 'an invoice list needs a header row naming its columns', {
        file: options.file,
        line: 1,
      }),
    );
  }
  return invoicesFromTable(
    table.header.fields,
    table.body.map((r) => ({ cells: r.fields, line: r.line })),
    options,
  );
}

/** The same reading for any table of strings: a CSV's records or the Invoices tab's rows. */
export function invoicesFromTable(
  headers: readonly string[],
  rows: ReadonlyArray<{ cells: readonly string[]; line: number }>,
  options: InvoiceImportOptions,
): Result<InvoiceImport> {
  const { file } = options;
  const at = findInvoiceColumns(headers);
  const missing = (['number', 'customer', 'amount'] as const).filter(
    (role) => at[role] === undefined && !(role === 'amount' && at.lineAmount !== undefined),
  );
  if (at.issued === undefined && at.due === undefined) missing.push('issued' as never);
  if (missing.length > 0) {
    return fail(
      problem(
        'not_an_invoice_list',
        `not an invoice list: no column for ${missing.map((m) => (m === ('issued' as never) ? 'the invoice or due date' : `the invoice ${m}`)).join(', ')} (found: ${headers.map((h) => `"${h}"`).join(', ')})`,
        { file, line: rows[0] ? rows[0].line - 1 : 1 },
      ),
    );
  }
  const cell = (cells: readonly string[], role: InvoiceRole) => {
    const i = at[role];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const column = (role: InvoiceRole) => rows.map((r) => cell(r.cells, role));
  const idColumns = processorIdColumns(headers, rows, at);

  const currency = decideCurrency(headers, rows, at, options);
  if (!currency.ok) return currency;
  const amountRole = at.amount !== undefined ? 'amount' : 'lineAmount';
  const amounts = parseAmountColumn(column(amountRole), { currency: currency.value.code });
  const issued = parseDateColumn(column('issued'));
  const due = parseDateColumn(column('due'), { fallbackOrder: issued.order });

  /** One row as an invoice without its source, or why it cannot be one (a field and message, or a message). */
  const readRow = (
    cells: readonly string[],
    r: number,
  ): Omit<Invoice, 'source'> | { field: string; message: string } => {
    const number = cell(cells, 'number');
    if (!number)
      return {
        field: at.number !== undefined ? headers[at.number]! : 'number',
        message: 'row skipped: no invoice number',
      };
    const status = cell(cells, 'status');
    if (NOT_OWED.test(status))
      return { field: 'status', message: `invoice ${number} is "${status}": not owed, left out` };
    const amountHeader = headers[at[amountRole]!] ?? amountRole;
    const amount = amounts.amounts[r];
    if (!amount?.ok)
      return {
        field: amountHeader,
        message: `row skipped: ${amount ? amount.problems[0]!.message : 'no amount'}`,
      };
    if (at.currency === undefined && amount.value.currency !== currency.value.code)
      return {
        field: amountHeader,
        message: `row skipped: amount in ${amount.value.currency}, the list is in ${currency.value.code}`,
      };
    if (amountRole === 'amount' && amount.value.minor <= 0)
      return {
        field: amountHeader,
        message: `invoice ${number} is for zero or less (a credit note): left out`,
      };
    const code =
      at.currency !== undefined
        ? cell(cells, 'currency').toUpperCase() || currency.value.code
        : amount.value.currency;
    if (!isCurrencyCode(code))
      return { field: 'currency', message: `row skipped: "${code}" is not an ISO 4217 currency code` };
    const issuedDate = issued.dates[r];
    const dueDate = due.dates[r];
    if (issuedDate && !issuedDate.ok)
      return { field: 'issued', message: `row skipped: ${issuedDate.problems[0]!.message}` };
    if (dueDate && !dueDate.ok)
      return { field: 'due', message: `row skipped: ${dueDate.problems[0]!.message}` };
    const issuedIso = issuedDate?.value ?? dueDate?.value;
    const dueIso = dueDate?.value ?? issuedIso;
    if (!issuedIso || !dueIso) return { field: 'issued', message: 'row skipped: no invoice or due date' };
    const customer = cell(cells, 'customer') || cell(cells, 'email');
    if (!customer) return { field: 'customer', message: 'row skipped: no customer' };
    const email = cell(cells, 'email');
    return {
      schemaVersion: INVOICE_SCHEMA_VERSION,
      id: `inv:${number}`,
      number,
      customer,
      ...(email && email !== customer ? { customerEmail: email } : {}),
      issued: issuedIso,
      // An invoice due before it was issued is due on receipt.
      due: dueIso < issuedIso ? issuedIso : dueIso,
      amount: { minor: amount.value.minor, currency: code },
      ...(status ? { sourceStatus: status } : {}),
      processorIds: idsIn(cells, idColumns),
    };
  };

  const warnings: Problem[] = [];
  const byNumber = new Map<string, Invoice>();
  let skipped = 0;
  for (const [r, row] of rows.entries()) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    // A report's footer (`TOTAL,,,,1,950.00`) is not an invoice, and not a problem either.
    if (!cell(row.cells, 'number') && row.cells.some((c) => TOTAL_LABEL.test(c.trim()))) continue;
    const where = { file, line: row.line, row: r + 1 };
    const read = readRow(row.cells, r);
    if ('field' in read) {
      const code = read.field === 'status' ? 'invoice_not_owed' : 'invoice_row_skipped';
      warnings.push(problem(code, read.message, { ...where, field: read.field }));
      skipped++;
      continue;
    }
    const known = byNumber.get(read.number);
    if (!known) {
      const parsed = Invoice.safeParse({
        ...read,
        source: options.sheet ? { sheet: options.sheet, row: row.line } : { file, row: r + 1 },
      });
      if (parsed.success) byNumber.set(read.number, parsed.data);
      else {
        warnings.push(...problemsFromZod(parsed.error, where));
        skipped++;
      }
      continue;
    }
    // Line-item exports repeat the invoice on every line: a total repeats, line amounts add up.
    if (amountRole === 'lineAmount')
      known.amount = { ...known.amount, minor: known.amount.minor + read.amount.minor };
    else if (known.amount.minor !== read.amount.minor || known.customer !== read.customer) {
      warnings.push(
        problem(
          'duplicate_invoice',
          `invoice ${read.number} appears twice with different amounts or customers; the first is kept`,
          where,
        ),
      );
      skipped++;
    }
    for (const id of read.processorIds) if (!known.processorIds.includes(id)) known.processorIds.push(id);
  }
  const invoices = [...byNumber.values()].filter((i) => i.amount.minor > 0);
  if (invoices.length === 0) {
    return fail(
      problem('no_invoices', `no invoice could be read from ${rows.length} rows`, { file }),
      ...warnings.slice(0, 20),
    );
  }
  const columns: InvoiceImport['report']['columns'] = {};
  for (const [role, i] of Object.entries(at)) columns[role as InvoiceRole] = headers[i] ?? '';
  if (idColumns.length > 0) columns.processorIds = idColumns.map((i) => headers[i]).join(', ');
  return ok({
    invoices,
    warnings,
    report: {
      file,
      columns,
      currency: currency.value,
      rowsRead: rows.length,
      invoices: invoices.length,
      skipped,
    },
  });
}

/** Columns whose values are processor ids (`in_…`, `ch_…`, PayPal's 17-character ids): kept to match payments. */
function processorIdColumns(
  headers: readonly string[],
  rows: ReadonlyArray<{ cells: readonly string[] }>,
  at: Partial<Record<InvoiceRole, number>>,
): number[] {
  const used = new Set(Object.values(at));
  const out: number[] = [];
  headers.forEach((_, i) => {
    if (used.has(i)) return;
    const values = rows.map((r) => (r.cells[i] ?? '').trim()).filter((v) => v !== '');
    if (values.length > 0 && values.filter((v) => PROCESSOR_ID.test(v)).length >= values.length * 0.8)
      out.push(i);
  });
  return out;
}

const idsIn = (cells: readonly string[], columns: readonly number[]) =>
  columns.map((i) => (cells[i] ?? '').trim()).filter((v) => PROCESSOR_ID.test(v));

function decideCurrency(
  headers: readonly string[],
  rows: ReadonlyArray<{ cells: readonly string[] }>,
  at: Partial<Record<InvoiceRole, number>>,
  options: InvoiceImportOptions,
): Result<InvoiceImport['report']['currency']> {
  if (at.currency !== undefined) {
    const codes = rows.map((r) => (r.cells[at.currency!] ?? '').trim().toUpperCase()).filter(Boolean);
    const first = codes.find(isCurrencyCode);
    if (first) return ok({ code: first, source: 'column' });
  }
  const amountHeader = headers[at.amount ?? at.lineAmount ?? -1] ?? '';
  const inHeader = /\b([A-Z]{3})\b/.exec(amountHeader.replace(/[()[\]]/g, ' '));
  if (inHeader && isCurrencyCode(inHeader[1]!)) return ok({ code: inHeader[1]!, source: 'header' });
  const fromAmounts = new Set<string>();
  for (const r of rows.slice(0, 200)) {
    const text = r.cells[at.amount ?? at.lineAmount ?? -1] ?? '';
    const parsed = parseAmountColumn([text], { currency: 'XXX' }).amounts[0];
    if (parsed?.ok && parsed.value.currency !== 'XXX') fromAmounts.add(parsed.value.currency);
  }
  if (fromAmounts.size === 1) return ok({ code: [...fromAmounts][0]!, source: 'amounts' });
  if (options.currency) return ok({ code: options.currency, source: 'option' });
  return fail(
    problem(
      'currency_undecided',
      `the invoice list names no currency (no currency column, none in the "${normalizeHeader(amountHeader)}" header or amounts); give one with --currency`,
      { file: options.file },
    ),
  );
}
